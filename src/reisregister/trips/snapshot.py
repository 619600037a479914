"""A JSON-ready picture of a trip and its rows, for the audit trail's before/after."""

from __future__ import annotations

from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict

from reisregister.trips.data import PART_KINDS, TRIP_FIELDS, TripData
from reisregister.trips.models import Trip

_ENCODER = DjangoJSONEncoder()
_SKIP = {"id", "trip"}


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool, list, dict)) or value is None:
        return value
    return _ENCODER.default(value)


def snapshot(trip: Trip) -> dict[str, Any]:
    out: dict[str, Any] = {name: _plain(getattr(trip, name)) for name in TRIP_FIELDS}
    out["status"] = trip.status
    labels: dict[int, str] = {}
    for kind in PART_KINDS:
        rows = list(getattr(trip, kind).all())
        out[kind] = [
            {k: _plain(v) for k, v in model_to_dict(row).items() if k not in _SKIP} for row in rows
        ]
        if kind == "goals":
            labels = {goal.pk: goal.label for goal in rows}
    # An outcome names its goal by label, as the form and the importer do: every save recreates the goal rows,
    # so their ids change although nobody changed the outcome.
    for outcome in out["outcomes"]:
        outcome["goal_label"] = labels.get(outcome.pop("goal", None), "")
    return out


def from_data(data: TripData) -> dict[str, Any]:
    """The same picture from the data a trip is being created with: no queries (bulk import creates many)."""
    out: dict[str, Any] = {name: _plain(getattr(data, name)) for name in TRIP_FIELDS}
    out["status"] = "draft"
    for kind in PART_KINDS:
        out[kind] = [{k: _plain(v) for k, v in row.items()} for row in getattr(data, kind)]
    return out
