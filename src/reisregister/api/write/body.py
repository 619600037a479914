"""Between the API's JSON and ``TripData``: what a draft looks like to an integration, and the TripData that a
validated body stands for."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reisregister.api.links import url
from reisregister.api.write.store import Draft
from reisregister.trips.data import PART_KINDS, TRIP_FIELDS, TripData


def represent(draft: Draft) -> dict[str, Any]:
    data = draft.data
    return {
        "id": draft.id,
        "url": url("api:draft-detail", draft.id),
        "status": draft.status,
        "version": draft.version,
        "organisation": {"code": draft.organisation_code, "name": draft.organisation_name},
        **{name: getattr(data, name) for name in TRIP_FIELDS},
        "travel_days": [_day(day) for day in data.travel_days],
        **{kind: [dict(row) for row in getattr(data, kind)] for kind in PART_KINDS},
        "unconfirmed_fields": list(draft.unconfirmed_fields),
        "transitions": list(draft.transitions),
        "public_url": url("publication:trip-detail", draft.id)
        if draft.status == "published"
        else None,
    }


def _day(value: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value  # an imported day the validation would refuse; shown as it is


def to_trip_data(
    values: dict[str, Any], *, base: Draft | None = None, given: set[str] | None = None
) -> TripData:
    """TripData from a validated body. With ``base`` (an edit), the document's text and evidence stay, and the
    trip fields the body sets count as confirmed (``given``: the keys the client sent; all when None)."""
    fields: dict[str, Any] = {name: values[name] for name in TRIP_FIELDS if name in values}
    fields["travel_days"] = [day.isoformat() for day in values.get("travel_days", [])]
    for kind in PART_KINDS:
        fields[kind] = [dict(row) for row in values.get(kind, [])]
    if base is not None:
        sent = set(values) if given is None else given
        fields["source_text"] = base.data.source_text
        fields["unconfirmed_fields"] = [f for f in base.unconfirmed_fields if f not in sent]
        fields["field_evidence"] = dict(base.data.field_evidence)
    return TripData(**fields)
