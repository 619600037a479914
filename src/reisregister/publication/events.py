"""Publication events, newest first: when trips were published, published again or withdrawn.

The Atom feed and the dataset page read the register's history through this module, inside the publication
boundary, because it reads the audit trail. What an event carries is deliberately little:

- a *withdrawal* carries only the trip id, the time and the fact of withdrawal, never the title or any content:
  a trip may be withdrawn because something leaked, and the feed must not repeat it;
- a *publication* carries the trip's *current* public summary (redacted, from ``service.summaries``), or none
  when the trip is no longer published, for the same reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from reisregister.publication import service
from reisregister.publication.objects import PublicTripSummary
from reisregister.trips.models import AuditEvent, Status, Trip

PUBLISHED = "published"
REPUBLISHED = "republished"
WITHDRAWN = "withdrawn"
# Audit actions (the workflow's transition names) and the event each one is.
_KINDS = {"publish": PUBLISHED, "republish": REPUBLISHED, "withdraw": WITHDRAWN}
# Redaction decisions write audit actions starting with this ("redaction-added", "redactions-accepted", ...).
_REDACTION_PREFIX = "redaction"


@dataclass(frozen=True, slots=True)
class PublicationEvent:
    id: int  # unique and never reused: a feed entry's identity
    kind: str  # PUBLISHED, REPUBLISHED or WITHDRAWN
    trip_id: int
    at: dt.datetime
    trip: (
        PublicTripSummary | None
    )  # None for a withdrawal, and for a trip that is no longer published

    @property
    def withdrawn(self) -> bool:
        return self.kind == WITHDRAWN


def recent(limit: int = 50) -> list[PublicationEvent]:
    """The newest ``limit`` publication events, newest first."""
    rows = list(
        AuditEvent.objects.filter(action__in=_KINDS, trip__isnull=False)
        .order_by("-at", "-pk")
        .values_list("pk", "action", "trip_id", "at")[: max(limit, 0)]
    )
    shown = [trip_id for _pk, action, trip_id, _at in rows if action != "withdraw"]
    by_id = {summary.id: summary for summary in service.summaries(list(dict.fromkeys(shown)))}
    return [
        PublicationEvent(
            id=pk,
            kind=_KINDS[action],
            trip_id=trip_id,
            at=at,
            trip=None if action == "withdraw" else by_id.get(trip_id),
        )
        for pk, action, trip_id, at in rows
    ]


def last_update() -> dt.datetime | None:
    """When the published data last changed: the newest publication, withdrawal or redaction of a published
    trip. A redaction counts because it changes what the exports hold (often because something leaked). Trips
    written in bulk (``generate_trips``) have a publication time but no audit event: their time counts too."""
    changes = Q(action__in=_KINDS) | Q(
        action__startswith=_REDACTION_PREFIX, trip__status=Status.PUBLISHED
    )
    newest_event: dt.datetime | None = (
        AuditEvent.objects.filter(changes, trip__isnull=False)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    newest_trip: dt.datetime | None = (
        Trip.objects.filter(status=Status.PUBLISHED, published_at__isnull=False)
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return max((t for t in (newest_event, newest_trip) if t is not None), default=None)
