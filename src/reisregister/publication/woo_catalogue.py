"""What the Woo-index sitemaps list: published trips by id range, with the time each last changed publicly.

Part of the publication boundary (it reads the trips table and the audit trail), so that the sitemap views do
not. Trips come out as ``PublicTripSummary`` objects built by ``publication.service``, so every title and
description is redacted exactly as on the public pages.

A sitemap page covers a fixed range of trip ids (page 1: ids 1 to N, page 2: N+1 to 2N, ...), not the N-th slice
of the published trips: publishing or withdrawing one trip then changes one page, and a harvester that compares
``lastmod`` re-reads that page alone. A page holds at most N trips because a range of N ids does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet

from reisregister.publication import service
from reisregister.publication.objects import PublicTripSummary
from reisregister.trips.models import AuditEvent, Status, Trip

BATCH = 500  # ids per query: below SQLite's 999 parameters
# Audit actions that change what the public sees of a trip: its publication, its withdrawal, and a redaction
# decided after publication (which changes its title or description). Edits of drafts do not count.
_PUBLIC_ACTIONS = Q(action__in=("publish", "republish", "withdraw")) | Q(
    action__startswith="redaction"
)


@dataclass(frozen=True, slots=True)
class SitemapPage:
    number: int  # 1-based
    first_id: int
    last_id: int
    lastmod: dt.datetime


@dataclass(frozen=True, slots=True)
class Entry:
    trip: PublicTripSummary
    lastmod: dt.datetime


def pages(page_size: int) -> tuple[SitemapPage, ...]:
    """The sitemap pages that hold at least one published trip, in order."""
    newest: dict[int, dt.datetime] = {}
    for trip_id, published_at in _published().values_list("pk", "published_at").iterator(5000):
        if published_at is not None:  # always (see _published); for the type checker
            number = _page_of(trip_id, page_size)
            newest[number] = _later(newest.get(number), published_at)
    events = AuditEvent.objects.filter(_PUBLIC_ACTIONS, trip__isnull=False).order_by()
    for trip_id, at in events.values_list("trip_id").annotate(at=Max("at")).iterator(5000):
        number = _page_of(trip_id, page_size)
        if number in newest:  # a page whose trips were all withdrawn is no longer listed
            newest[number] = _later(at, newest[number])
    return tuple(
        SitemapPage(number, (number - 1) * page_size + 1, number * page_size, lastmod)
        for number, lastmod in sorted(newest.items())
    )


def entries(page: SitemapPage) -> Iterator[Entry]:
    """The published trips of one page, by id, with the time each last changed publicly."""
    rows = list(
        _published().filter(pk__range=(page.first_id, page.last_id))
        .order_by("pk").values_list("pk", "published_at")
    )  # fmt: skip
    for first in range(0, len(rows), BATCH):
        batch = rows[first : first + BATCH]
        ids = [trip_id for trip_id, _at in batch]
        events, published = _newest_events(ids), dict(batch)
        # The uncached builder behind service.summaries(): through summaries() every batch would be cached,
        # filling the cache with the whole register each time a harvester reads the sitemaps.
        for trip in service.summaries_uncached(ids):
            yield Entry(trip, _later(events.get(trip.id), published[trip.id] or page.lastmod))


def modified(trip_id: int) -> dt.datetime | None:
    """When the published trip last changed publicly; None if it is not published."""
    published_at = _published().filter(pk=trip_id).values_list("published_at", flat=True).first()
    if published_at is None:
        return None
    return _later(_newest_events([trip_id]).get(trip_id), published_at)


def _published() -> QuerySet[Trip]:
    # A published trip always has its publication time (trips.service sets it); a row without one could only
    # come from outside the workflow and would have no date for its DiWoo record.
    return Trip.objects.filter(status=Status.PUBLISHED, published_at__isnull=False).order_by("pk")


def _newest_events(trip_ids: Sequence[int]) -> dict[int, dt.datetime]:
    rows = (
        AuditEvent.objects.filter(_PUBLIC_ACTIONS, trip_id__in=list(trip_ids)).order_by()
        .values_list("trip_id").annotate(at=Max("at"))
    )  # fmt: skip
    return {trip_id: at for trip_id, at in rows if trip_id is not None}


def _page_of(trip_id: int, page_size: int) -> int:
    return (trip_id - 1) // page_size + 1


def _later(maybe: dt.datetime | None, known: dt.datetime) -> dt.datetime:
    return known if maybe is None else max(maybe, known)
