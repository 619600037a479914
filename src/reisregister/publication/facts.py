"""Facts about the published register as a whole: which years, organisations and countries its trips have,
and how many trips there are. Every home and list page needs them, so they are cached, keyed on the newest
audit event: every transition writes one, so a publication or withdrawal is seen at once. The time-out only
covers changes made outside ``trips.service`` (an organisation renamed in the admin).

Only ``publication.service`` uses this module; it turns the raw facts into view objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Exists, OuterRef, QuerySet

from reisregister.organisations.models import Organisation
from reisregister.trips.models import AuditEvent, Destination, Status, Trip

CACHE_SECONDS = 300


@dataclass(frozen=True, slots=True)
class PublishedValues:
    years: tuple[int, ...]  # newest first
    organisations: tuple[tuple[str, str], ...]  # (TOOI code, name), by name
    countries: tuple[str, ...]  # ISO codes


@dataclass(frozen=True, slots=True)
class TripCounts:
    trips: int
    in_year: int


def published_values() -> PublishedValues:
    key = f"publication:values:{_version()}"
    values = cache.get(key)
    if not isinstance(values, PublishedValues):
        values = PublishedValues(_years(), _organisations(), _countries())
        cache.set(key, values, CACHE_SECONDS)
    return values


def trip_counts(year: int) -> TripCounts:
    key = f"publication:counts:{year}:{_version()}"
    counts = cache.get(key)
    if not isinstance(counts, TripCounts):
        counts = TripCounts(
            _published().count(), _published().filter(start_date__year=year).count()
        )
        cache.set(key, counts, CACHE_SECONDS)
    return counts


def version() -> str:
    """Changes whenever the published register may have changed (see the module docstring)."""
    return _version()


def _version() -> str:
    # The id alone could repeat after a rolled-back transaction (tests); with its time it cannot.
    newest = AuditEvent.objects.order_by("-pk").values_list("pk", "at").first()
    return "none" if newest is None else f"{newest[0]}-{newest[1].timestamp()}"


def last_change() -> dt.datetime | None:
    """When the newest audit event happened (see ``version``)."""
    newest: dt.datetime | None = (
        AuditEvent.objects.order_by("-pk").values_list("at", flat=True).first()
    )
    return newest


def _published() -> QuerySet[Trip]:
    return Trip.objects.filter(status=Status.PUBLISHED)


# Each look-up is a handful of index probes rather than a pass over all trips: there are few organisations,
# countries and years, and many trips.


def _organisations() -> tuple[tuple[str, str], ...]:
    publishing = Organisation.objects.filter(
        Exists(_published().filter(organisation=OuterRef("pk")))
    )
    return tuple(publishing.order_by("name").values_list("tooi_code", "name"))


def _countries() -> tuple[str, ...]:
    codes = (
        Destination.objects.exclude(country="")
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    published = Destination.objects.filter(trip__status=Status.PUBLISHED)
    return tuple(code for code in codes if published.filter(country=code).exists())


def _years() -> tuple[int, ...]:
    dated = _published().exclude(start_date=None).values_list("start_date", flat=True)
    first: dt.date | None = dated.order_by("start_date").first()
    last: dt.date | None = dated.order_by("-start_date").first()
    if first is None or last is None:
        return ()
    # A century is more than a register holds (and bounds a mistyped year).
    candidates = range(last.year, max(first.year, last.year - 100) - 1, -1)
    return tuple(year for year in candidates if _published().filter(start_date__year=year).exists())
