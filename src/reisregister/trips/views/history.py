"""A trip's history: who did what and when, with the before/after of each event summarised in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from reisregister.trips import service, workflow
from reisregister.trips.data import PART_KINDS
from reisregister.trips.models import AuditEvent, Status, Trip
from reisregister.trips.views.access import login_required, transitions_for, trip_for, user_of
from reisregister.trips.views.page import KINDS

ACTIONS = {
    "created": gettext_lazy("Created"),
    "imported": gettext_lazy("Imported from a document"),
    "edited": gettext_lazy("Edited"),
    "confirmed": gettext_lazy("All values confirmed"),
    "redaction-accepted": gettext_lazy("Passage redacted"),
    "redaction-rejected": gettext_lazy("Passage kept"),
    "redaction-added": gettext_lazy("Passage redacted by hand"),
    "redactions-accepted": gettext_lazy("All suggested passages redacted"),
    "redactions-rejected": gettext_lazy("All suggested passages kept"),
    **{step.name: step.label for step in workflow.TRANSITIONS},
}


@dataclass
class Entry:
    event: AuditEvent
    action: str
    who: str
    changes: list[str]


@login_required
@require_GET
def history(request: HttpRequest, pk: int) -> HttpResponse:
    trip = trip_for(request, pk)
    entries = [_entry(event) for event in service.history(trip)]
    context = {
        "trip": trip,
        "entries": entries,
        "transitions": transitions_for(user_of(request), trip),
    }
    return render(request, "trips/history.html", context)


def _entry(event: AuditEvent) -> Entry:
    actor = event.actor
    who = (actor.get_full_name() or actor.get_username()) if actor else _("the system")
    return Entry(
        event,
        str(ACTIONS.get(event.action, event.action)),
        who,
        summarise(event.before, event.after),
    )


def summarise(before: Any, after: Any) -> list[str]:
    """Short sentences for what changed between two snapshots (or what a new trip holds)."""
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    lines = []
    if "status" in after and before.get("status") != after["status"] and before:
        lines.append(
            _("Status: %(before)s → %(after)s")
            % {"before": _status(before.get("status")), "after": _status(after["status"])}
        )
    for name in sorted(set(before) | set(after)):
        if (
            name == "status"
            or name in PART_KINDS
            or before.get(name) == after.get(name)
            or not before
        ):
            continue
        lines.append(
            _("%(field)s: %(before)s → %(after)s")
            % {
                "field": _field_label(name),
                "before": _short(before.get(name)),
                "after": _short(after.get(name)),
            }
        )
    for kind in PART_KINDS:
        lines += _rows_summary(kind, before.get(kind), after.get(kind), new=not before)
    return lines


def _rows_summary(kind: str, before: Any, after: Any, *, new: bool) -> list[str]:
    if not isinstance(after, list):
        return []
    title = str(KINDS[kind][0])
    if new:
        return [_("%(rows)s: %(count)d") % {"rows": title, "count": len(after)}] if after else []
    old = before if isinstance(before, list) else []
    if len(old) != len(after):
        return [
            _("%(rows)s: %(before)d → %(after)d")
            % {"rows": title, "before": len(old), "after": len(after)}
        ]
    changed = sum(1 for a, b in zip(old, after, strict=True) if a != b)
    if not changed:
        return []
    confirmed = sum(
        1 for a, b in zip(old, after, strict=True) if not a.get("confirmed") and b.get("confirmed")
    )
    if confirmed == changed:
        return [_("%(rows)s: %(count)d confirmed") % {"rows": title, "count": confirmed}]
    return [_("%(rows)s: %(count)d changed") % {"rows": title, "count": changed}]


def _field_label(name: str) -> str:
    try:
        field = Trip._meta.get_field(name)
    except FieldDoesNotExist:  # a key of an older snapshot
        return name
    return str(getattr(field, "verbose_name", name)).capitalize()


def _status(value: Any) -> str:
    try:
        return str(Status(value).label)
    except ValueError:
        return str(value)


def _short(value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    return f"“{Truncator(str(value)).chars(80)}”"
