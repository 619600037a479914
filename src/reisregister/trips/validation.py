"""Rules a trip must satisfy before it is saved, with messages that explain themselves."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from reisregister.trips.data import TripData


def _travel_day_errors(data: TripData) -> list[str]:
    errors = []
    for raw in data.travel_days:
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            errors.append(_("Travel day %(day)s is not a date (use YYYY-MM-DD).") % {"day": raw})
            continue
        if data.start_date and data.end_date and not data.start_date <= day <= data.end_date:
            errors.append(
                _("Travel day %(day)s lies outside the period %(start)s – %(end)s.")
                % {"day": raw, "start": data.start_date, "end": data.end_date}
            )
    return errors


def _outside(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """Before a known start or after a known end (a period may be given by one end only)."""
    return bool((start and day < start) or (end and day > end))


def errors_of(data: TripData) -> dict[str, list[str]]:
    """Problems per field (``__all__`` for the trip as a whole); empty when the data is consistent."""
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors.setdefault("title", []).append(_("Give the trip a title."))
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors.setdefault("end_date", []).append(
            _("The end date %(end)s is before the start date %(start)s.")
            % {"end": data.end_date, "start": data.start_date}
        )
    if day_errors := _travel_day_errors(data):
        errors.setdefault("travel_days", []).extend(day_errors)
    labels = {str(g.get("label") or "") for g in data.goals}
    for outcome in data.outcomes:
        label = outcome.get("goal_label") or ""
        if label and label not in labels:
            errors.setdefault("outcomes", []).append(
                _("An outcome refers to goal %(label)s, but there is no goal %(label)s.")
                % {"label": label}
            )
    for item in data.programme:
        day = item.get("date")
        if day and _outside(day, data.start_date, data.end_date):
            errors.setdefault("programme", []).append(
                _("Programme item “%(title)s” on %(day)s lies outside the period.")
                % {"title": item.get("title", ""), "day": day}
            )
    if data.cancelled and not data.cancellation_reason.strip():
        errors.setdefault("cancellation_reason", []).append(_("Say why the trip was cancelled."))
    return errors


def validate(data: TripData) -> None:
    errors = errors_of(data)
    if errors:
        raise ValidationError(errors)
