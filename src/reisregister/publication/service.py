"""The publication boundary: the only way public pages (and the search index) read trips.

Everything returned is a plain immutable view object (see ``objects``) built from a trip whose status is
*published*; any other trip is ``TripNotFound``, which views turn into a 404. The source text, the parser's
output and the review internals (evidence spans, unconfirmed marks) never leave this module: publishing means
a reviewer approved the values, so they are shown as they are.

Every piece of free text passes through the trip's redactor on its way out (``redaction.apply``): each passage a
reviewer redacted becomes its mark, ``[5.1.2e]``, in every output built from these objects: pages, the search
index and its snippets, the API, exports, feeds, sitemaps, DiWoo metadata and the PDF renditions. The public
redaction log (lakoverzicht) travels with the trip; it never holds the redacted text.

A published trip's view is built once and kept as a frozen copy (``snapshots``, ADR 7); every change to what
the public sees of a published trip calls ``refresh`` in its own transaction. The building itself lives in ``build``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar, cast

from django.core.cache import cache
from django.utils import timezone

from reisregister.publication import build, facts, snapshots
from reisregister.publication.objects import (
    Choice,
    FilterOptions,
    HeadlineFigures,
    PublicSource,
    PublicTrip,
    PublicTripSummary,
    country_name,
)

_T = TypeVar("_T")
_MISSING = object()
CACHE_SECONDS = 300


class TripNotFound(LookupError):
    """No published trip with this id: it does not exist, or it is a draft, submitted or withdrawn."""


# --------------------------------------------------------------------------- reading


def cached(namespace: str, key: str, compute: Callable[[], _T]) -> _T:
    """``compute()``, remembered until the register changes.

    The key includes the newest audit event: every publication, withdrawal and redaction writes one,
    so a cached public view can never outlive the state it was built from. View objects are immutable and
    language-neutral (country names are looked up when rendered), so one entry serves every visitor.
    """
    digest = hashlib.sha1(
        key.encode(), usedforsecurity=False
    ).hexdigest()  # any query text, a safe cache key
    full_key = f"publication:{namespace}:{facts.version()}:{digest}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(full_key, value, CACHE_SECONDS)
    return cast(_T, value)


def cache_version() -> str:
    """Part of every public cache key, rendered fragments included: changes with the published register."""
    return facts.version()


def last_change() -> dt.datetime | None:
    """The time of the newest audit event: it moves whenever ``cache_version()`` does, so it is safe as an HTTP
    Last-Modified of anything public (it may move without the published data changing, never the reverse)."""
    return facts.last_change()


def get_source(trip_id: int) -> PublicSource:
    """The published trip's source document text, redacted, by page. TripNotFound without a document."""
    trip = (
        build.published().filter(pk=trip_id, source_document__isnull=False)
        .select_related("source_document").defer("source_document__parser_output")
        .prefetch_related(build.accepted()).first()
    )  # fmt: skip
    if trip is None or trip.source_document is None:
        raise TripNotFound(trip_id)
    redactor = build.redactor(trip)
    document = trip.source_document
    # The stored text is the report's ``text``; the passages are found in the whole of it, so a name broken
    # over two pages is still redacted (a page break inside one moves to its end).
    starts = _page_starts(trip.pk, trip.source_trip_index)
    pages = redactor.apply_split(trip.source_text, starts[1:])
    return PublicSource(
        trip_id=trip.pk, title=redactor.apply(trip.title),
        file_name=redactor.apply(document.original_filename), media_type=document.media_type,
        pages=pages, redactions=build.redaction_log(trip), published_at=trip.published_at,
    )  # fmt: skip


def _page_starts(trip_id: int, index: int) -> list[int]:
    """Where the pages of the trip's source text start: ``page_starts`` of its report, read alone from the
    parser's JSON; none (one page) for an unpaged source or an import from before the field existed."""
    key = f"source_document__parser_output__{index}__page_starts"
    starts = build.published().filter(pk=trip_id).values_list(key, flat=True).first()
    return starts if isinstance(starts, list) and all(type(s) is int for s in starts) else []


def get_trip(trip_id: int) -> PublicTrip:
    """The published trip with this id, every public section filled in. TripNotFound otherwise."""
    found = _public_views([trip_id])
    if trip_id not in found:
        raise TripNotFound(trip_id)
    return found[trip_id]


def iter_published(*, batch_size: int = 500) -> Iterator[PublicTrip]:
    """All published trips, fully built, in batches (exports, the search index)."""
    ids = list(build.published().order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), batch_size):
        batch = ids[first : first + batch_size]
        found = _public_views(batch)
        yield from (found[pk] for pk in batch if pk in found)


def freeze_all() -> int:
    """Make the frozen copy of every published trip that has none (after a bulk load, such as
    ``generate_trips``); readers would make them one by one otherwise. Returns the number of published trips."""
    return sum(1 for _ in iter_published())


def refresh(trip_id: int) -> None:
    """Bring the frozen public copy of a trip in line with its rows: call it inside the transaction of every
    change to what the public sees of a published trip (publication, withdrawal, a redaction decision)."""
    built = list(build.full(build.published().filter(pk=trip_id)))
    if built:
        snapshots.write(built[0])
    else:
        snapshots.drop(trip_id)


def _public_views(trip_ids: Sequence[int]) -> dict[int, PublicTrip]:
    found = snapshots.read(trip_ids)
    if found.to_build:
        built = list(build.full(build.published().filter(pk__in=list(found.to_build))))
        snapshots.fill(built, found.to_build)
        found.trips.update((trip.id, trip) for trip in built)
    return found.trips


def summaries(trip_ids: Sequence[int]) -> list[PublicTripSummary]:
    """The published trips among ``trip_ids``, in the order given; the others are left out."""
    ids = list(trip_ids)
    return cached("summaries", ",".join(map(str, ids)), lambda: _summaries(ids))


def summaries_uncached(trip_ids: Sequence[int]) -> list[PublicTripSummary]:
    """Like ``summaries`` without remembering the result: for harvests that walk the whole register once
    (sitemaps), which would otherwise fill the cache with every batch."""
    return _summaries(list(trip_ids))


def _summaries(trip_ids: list[int]) -> list[PublicTripSummary]:
    found = _public_views(trip_ids)
    return [found[trip_id].summary for trip_id in trip_ids if trip_id in found]


def latest(limit: int = 6) -> list[PublicTripSummary]:
    """The most recently published trips."""
    ids = list(
        build.published().order_by("-published_at", "-pk").values_list("pk", flat=True)[:limit]
    )
    return summaries(ids)


def headline_figures(today: dt.date | None = None) -> HeadlineFigures:
    """A few numbers about the register: published trips only."""
    year = (today or timezone.localdate()).year
    values, counts = facts.published_values(), facts.trip_counts(year)
    return HeadlineFigures(
        trips=counts.trips,
        countries=len(values.countries),
        organisations=len(values.organisations),
        trips_this_year=counts.in_year,
        year=year,
    )


def filter_options() -> FilterOptions:
    """The years, organisations and countries that published trips have, for the filter form."""
    values = facts.published_values()
    countries = sorted(
        (Choice(code, country_name(code)) for code in values.countries), key=lambda c: c.label
    )
    return FilterOptions(
        years=values.years,
        # An organisation's name belongs to no trip: nothing to redact.
        organisations=tuple(Choice(code, str(name or "")) for code, name in values.organisations),
        countries=tuple(countries),
    )
