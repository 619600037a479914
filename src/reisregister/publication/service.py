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
the public sees of a published trip calls ``refresh`` in its own transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import groupby
from types import SimpleNamespace
from typing import Any, TypeVar, cast

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from reisregister.followups.models import FollowUp
from reisregister.organisations.models import Organisation
from reisregister.publication import facts, snapshots
from reisregister.publication.objects import (
    Choice,
    FilterOptions,
    HeadlineFigures,
    PublicContact,
    PublicCost,
    PublicCostTotal,
    PublicDestination,
    PublicDocument,
    PublicFollowUp,
    PublicGoal,
    PublicOrganisation,
    PublicOutcome,
    PublicProgrammeDay,
    PublicProgrammeItem,
    PublicRedaction,
    PublicSource,
    PublicTraveller,
    PublicTrip,
    PublicTripSummary,
    country_name,
)
from reisregister.redaction.apply import Redactor
from reisregister.redaction.models import Decision, Redaction
from reisregister.trips.models import (
    Contact,
    CostLine,
    Destination,
    Goal,
    Outcome,
    ProgrammeItem,
    Status,
    Traveller,
    Trip,
)

# Columns a public page never needs; some are large (the source text, the parser's JSON).
_INTERNAL = (
    "source_text", "field_evidence", "unconfirmed_fields", "created_by", "source_document__parser_output",
    "source_document__warnings",
)  # fmt: skip
_T = TypeVar("_T")
_MISSING = object()
CACHE_SECONDS = 300
_PREFETCHED = "public_"
_WEB_SCHEMES = ("http://", "https://")


class TripNotFound(LookupError):
    """No published trip with this id: it does not exist, or it is a draft, submitted or withdrawn."""


_NO_REDACTION = Redactor()


def _text(value: object) -> str:
    """Text that belongs to no trip (an organisation's name): nothing to redact."""
    return str(value or "")


def _published() -> QuerySet[Trip]:
    return Trip.objects.filter(status=Status.PUBLISHED)


def _accepted() -> Prefetch[str, QuerySet[Redaction], str]:
    return Prefetch(
        "redactions",
        queryset=Redaction.objects.filter(decision=Decision.ACCEPTED).order_by("pk"),
        to_attr=_PREFETCHED + "redactions",
    )


def _accepted_rows(trip: Trip) -> list[Redaction]:
    rows: list[Redaction] | None = getattr(trip, _PREFETCHED + "redactions", None)
    if rows is None:  # not prefetched: one query
        rows = list(Redaction.objects.filter(trip=trip, decision=Decision.ACCEPTED).order_by("pk"))
    return rows


def _redactor(trip: Trip) -> Redactor:
    rows = _accepted_rows(trip)
    return Redactor.of((row.term, row.ground) for row in rows) if rows else _NO_REDACTION


def _rows(trip: Trip, part: str) -> list[Any]:
    """The prefetched rows of one part of a trip. Prefetched into plain lists: reading a related manager
    clones a queryset each time, which dominates when the search index is rebuilt from every trip."""
    rows: list[Any] = getattr(trip, _PREFETCHED + part)
    return rows


# --------------------------------------------------------------------------- reading


def cached(namespace: str, key: str, build: Callable[[], _T]) -> _T:
    """``build()``, remembered until the register changes.

    The key includes the newest audit event: every publication, withdrawal (and, later, redaction) writes one,
    so a cached public view can never outlive the state it was built from. View objects are immutable and
    language-neutral (country names are looked up when rendered), so one entry serves every visitor.
    """
    digest = hashlib.sha1(
        key.encode(), usedforsecurity=False
    ).hexdigest()  # any query text, a safe cache key
    full_key = f"publication:{namespace}:{facts.version()}:{digest}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = build()
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
        _published().filter(pk=trip_id, source_document__isnull=False)
        .select_related("source_document").prefetch_related(_accepted()).first()
    )  # fmt: skip
    if trip is None or trip.source_document is None:
        raise TripNotFound(trip_id)
    redactor = _redactor(trip)
    document = trip.source_document
    # The stored text is the parser's normalised text, one flow; a form feed, where present, starts a page.
    pages = tuple(redactor.apply(page) for page in trip.source_text.split("\f"))
    return PublicSource(
        trip_id=trip.pk, title=redactor.apply(trip.title),
        file_name=redactor.apply(document.original_filename), media_type=document.media_type,
        pages=pages, redactions=_redaction_log(trip), published_at=trip.published_at,
    )  # fmt: skip


def get_trip(trip_id: int) -> PublicTrip:
    """The published trip with this id, every public section filled in. TripNotFound otherwise."""
    found = _public_views([trip_id])
    if trip_id not in found:
        raise TripNotFound(trip_id)
    return found[trip_id]


def iter_published(*, batch_size: int = 500) -> Iterator[PublicTrip]:
    """All published trips, fully built, in batches (exports, the search index)."""
    ids = list(_published().order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), batch_size):
        batch = ids[first : first + batch_size]
        found = _public_views(batch)
        yield from (found[pk] for pk in batch if pk in found)


def refresh(trip_id: int) -> None:
    """Bring the frozen public copy of a trip in line with its rows: call it inside the transaction of every
    change to what the public sees of a published trip (publication, withdrawal, a redaction decision)."""
    built = list(_full(_published().filter(pk=trip_id)))
    if built:
        snapshots.write(built[0])
    else:
        snapshots.drop(trip_id)


def _public_views(trip_ids: Sequence[int]) -> dict[int, PublicTrip]:
    found = snapshots.read(trip_ids)
    if found.to_build:
        built = list(_full(_published().filter(pk__in=list(found.to_build))))
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
    ids = list(_published().order_by("-published_at", "-pk").values_list("pk", flat=True)[:limit])
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
        organisations=tuple(Choice(code, _text(name)) for code, name in values.organisations),
        countries=tuple(countries),
    )


# --------------------------------------------------------------------------- building view objects


def _full(trips: QuerySet[Trip]) -> Iterator[PublicTrip]:
    query = list(
        trips.select_related("organisation", "source_document").defer(*_INTERNAL)
        .prefetch_related(_accepted())
    )  # fmt: skip
    _attach_parts(query)
    for trip in query:
        yield _trip(trip)


# The columns of each part a public view needs. Read as plain rows, not model instances: building ~11 model
# objects per trip was most of the time of an export or an index rebuild.
_PART_COLUMNS: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    "destinations": (Destination, ("city", "country")),
    "travellers": (Traveller, ("role", "category", "name")),
    "goals": (Goal, ("id", "label", "text")),
    "outcomes": (Outcome, ("goal_id", "text", "achieved")),
    "programme": (
        ProgrammeItem,
        ("date", "start_time", "end_time", "title", "speakers", "location"),
    ),
    "contacts": (Contact, ("role", "organisation", "city", "country", "count")),
    "follow_ups": (FollowUp, ("action", "counterparties", "owner", "due_date", "status")),
    "costs": (CostLine, ("category", "estimated_amount", "actual_amount", "currency", "payer")),
}


def _attach_parts(trips: list[Trip]) -> None:
    """Give every trip its part rows (in report order) as ``public_<part>`` lists, one query per part."""
    ids = [trip.pk for trip in trips]
    for part, (model, columns) in _PART_COLUMNS.items():
        rows: dict[int, list[SimpleNamespace]] = defaultdict(list)
        found = model.objects.filter(trip_id__in=ids).order_by("trip_id", "position", "pk")
        for row in found.values_list("trip_id", *columns):
            values = dict(zip(columns, row[1:], strict=True))
            if "id" in values:
                values["pk"] = values["id"]
            rows[row[0]].append(SimpleNamespace(**values))
        for trip in trips:
            setattr(trip, _PREFETCHED + part, rows.get(trip.pk, []))


def _organisation(organisation: Organisation) -> PublicOrganisation:
    return PublicOrganisation(name=_text(organisation.name), code=organisation.tooi_code)


def _destination_rows(trip: Trip, r: Redactor) -> tuple[PublicDestination, ...]:
    return tuple(
        PublicDestination(r.apply(str(d.city or "")), d.country)
        for d in _rows(trip, "destinations")
    )


def _redaction_log(trip: Trip) -> tuple[PublicRedaction, ...]:
    rows = _accepted_rows(trip)
    return tuple(
        PublicRedaction(number, row.ground, row.kind, tuple(row.places or ()), row.decided_at)
        for number, row in enumerate(rows, start=1)
    )


def _trip(trip: Trip) -> PublicTrip:
    r = _redactor(trip)

    def text(value: object) -> str:
        return r.apply(str(value or ""))

    def texts(values: Iterable[object] | None) -> tuple[str, ...]:
        return tuple(text(value) for value in values or () if value)

    goals, other_outcomes = _goals(trip, text)
    costs = tuple(
        PublicCost(c.category, c.estimated_amount, c.actual_amount, c.currency, text(c.payer))
        for c in _rows(trip, "costs")
    )  # fmt: skip
    return PublicTrip(
        id=trip.pk,
        title=text(trip.title),
        organisation=_organisation(trip.organisation),
        start_date=trip.start_date,
        end_date=trip.end_date,
        travel_days=_travel_days(trip.travel_days),
        purpose=text(trip.purpose),
        event_name=text(trip.event_name),
        event_url=_web_address(trip.event_url, r),
        transport_mode=trip.transport_mode,
        funding=trip.funding,
        funding_party=text(trip.funding_party),
        cancelled=trip.cancelled,
        cancellation_reason=text(trip.cancellation_reason),
        links=tuple(link for link in (_web_address(v, r) for v in trip.links or ()) if link),
        travellers=tuple(
            PublicTraveller(text(t.role), t.category, text(t.name))
            for t in _rows(trip, "travellers")
        ),
        destinations=_destination_rows(trip, r),
        goals=goals,
        other_outcomes=other_outcomes,
        programme=_programme(trip, text, texts),
        contacts=tuple(
            PublicContact(text(c.role), text(c.organisation), text(c.city), c.country, c.count)
            for c in _rows(trip, "contacts")
        ),
        follow_ups=tuple(
            PublicFollowUp(
                text(f.action), texts(f.counterparties), text(f.owner), f.due_date, f.status
            )
            for f in _rows(trip, "follow_ups")
        ),
        costs=costs,
        cost_totals=_cost_totals(costs),
        document=_document(trip, text),
        published_at=trip.published_at,
        redactions=_redaction_log(trip),
    )


def _web_address(value: object, r: Redactor) -> str:
    # Only http(s) becomes a link: a "javascript:" address from an imported document must never be clickable.
    # An address that holds a redacted passage (a personal page, a name in the path) is left out altogether.
    if not (isinstance(value, str) and value.lower().startswith(_WEB_SCHEMES)):
        return ""
    return value if r.apply(value) == value else ""


def _travel_days(values: Iterable[object] | None) -> tuple[dt.date, ...]:
    days = []
    for value in values or ():
        try:
            days.append(dt.date.fromisoformat(str(value)))
        except ValueError:
            continue  # validation refuses these; an old record may still hold one
    return tuple(sorted(days))


def _goals(
    trip: Trip, text: Callable[[object], str]
) -> tuple[tuple[PublicGoal, ...], tuple[PublicOutcome, ...]]:
    by_goal: dict[int | None, list[PublicOutcome]] = defaultdict(list)
    for outcome in _rows(trip, "outcomes"):
        by_goal[outcome.goal_id].append(PublicOutcome(text(outcome.text), outcome.achieved))
    known = set()
    goals = []
    for goal in _rows(trip, "goals"):
        known.add(goal.pk)
        goals.append(PublicGoal(goal.label, text(goal.text), tuple(by_goal.get(goal.pk, ()))))
    others = tuple(o for goal_id, rows in by_goal.items() if goal_id not in known for o in rows)
    return tuple(goals), others


def _programme(
    trip: Trip,
    text: Callable[[object], str],
    texts: Callable[[Iterable[object] | None], tuple[str, ...]],
) -> tuple[PublicProgrammeDay, ...]:
    items = sorted(
        (
            PublicProgrammeItem(p.date, p.start_time, p.end_time, text(p.title), texts(p.speakers), text(p.location))
            for p in _rows(trip, "programme")
        ),
        # Undated items last; within a day by start time, keeping the report's order for equal times.
        key=lambda item: (item.date is None, item.date or dt.date.min, item.start_time is None,
                          item.start_time or dt.time.min),
    )  # fmt: skip
    return tuple(
        PublicProgrammeDay(day, tuple(rows))
        for day, rows in groupby(items, key=lambda item: item.date)
    )


def _cost_totals(costs: tuple[PublicCost, ...]) -> tuple[PublicCostTotal, ...]:
    currencies = dict.fromkeys(cost.currency for cost in costs)
    return tuple(
        PublicCostTotal(
            currency,
            _sum(cost.estimated for cost in costs if cost.currency == currency),
            _sum(cost.actual for cost in costs if cost.currency == currency),
        )
        for currency in currencies
    )


def _sum(amounts: Iterable[Decimal | None]) -> Decimal | None:
    stated = [amount for amount in amounts if amount is not None]
    return sum(stated, Decimal(0)) if stated else None


def _document(trip: Trip, text: Callable[[object], str]) -> PublicDocument | None:
    document = trip.source_document
    if document is None:
        return None
    return PublicDocument(text(document.original_filename), document.media_type, document.pages)
