"""Aggregates of the published register, for the API and the open data: which organisations publish, which
places trips go to, and the follow-up agreements of published trips.

Part of the publication boundary, like ``service``: only published trips are read, and every text that comes
from a trip passes that trip's redactor (a city, an agreement, its owner or the trip's title may hold a
redacted passage). The per-register aggregates are cached under ``service.cached`` (keyed on the newest audit
event); follow-ups are read a page at a time by keyset (``after`` the last id seen), so a register of 100,000
trips costs one index walk per page, whatever the page number.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from reisregister.followups.models import FollowUp, FollowUpStatus
from reisregister.organisations.models import Organisation
from reisregister.publication import service
from reisregister.publication.objects import (
    Choice,
    PublicFollowUp,
    PublicOrganisation,
    country_name,
)
from reisregister.redaction.apply import Redactor, fold
from reisregister.redaction.models import Decision, Redaction
from reisregister.trips.models import (
    Achieved,
    CostCategory,
    Destination,
    Funding,
    Status,
    TransportMode,
    TravellerCategory,
    Trip,
)

MAX_PAGE_SIZE = 500


@dataclass(frozen=True, slots=True)
class OrganisationCount:
    """An organisation that has published trips, and how many."""

    organisation: PublicOrganisation
    trips: int


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """A destination (city and country, as the reports name them) and the number of trips that went there."""

    city: str
    country: str  # ISO 3166-1 alpha-2; empty when the report does not say
    trips: int

    @property
    def country_name(self) -> str:
        return country_name(self.country)


@dataclass(frozen=True, slots=True)
class TripFollowUp:
    """A follow-up agreement of a published trip, with the trip it was made on."""

    id: int
    trip_id: int
    trip_title: str
    organisation: PublicOrganisation
    follow_up: PublicFollowUp


@dataclass(frozen=True, slots=True)
class FollowUpPage:
    items: tuple[TripFollowUp, ...]
    total: int  # matching follow-ups on every page
    next_after: int | None  # pass as ``after`` for the next page; None on the last page


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The coded values a trip may hold, with their labels in the active language."""

    transport_modes: tuple[Choice, ...]
    funding: tuple[Choice, ...]
    traveller_categories: tuple[Choice, ...]
    achieved: tuple[Choice, ...]
    cost_categories: tuple[Choice, ...]
    follow_up_statuses: tuple[Choice, ...]


def vocabulary() -> Vocabulary:
    def choices(values: Iterable[tuple[str, object]]) -> tuple[Choice, ...]:
        return tuple(Choice(value, str(label)) for value, label in values if value)

    return Vocabulary(
        transport_modes=choices(TransportMode.choices),
        funding=choices(Funding.choices),
        traveller_categories=choices(TravellerCategory.choices),
        achieved=choices(Achieved.choices),
        cost_categories=choices(CostCategory.choices),
        follow_up_statuses=choices(FollowUpStatus.choices),
    )


# --------------------------------------------------------------------------- organisations and places


def organisations() -> tuple[OrganisationCount, ...]:
    """Organisations with at least one published trip, by name."""
    return service.cached("catalogue-organisations", "", _organisations)


def _organisations() -> tuple[OrganisationCount, ...]:
    rows = (
        Organisation.objects.annotate(published=Count("trips", filter=Q(trips__status=Status.PUBLISHED)))
        .filter(published__gt=0).order_by("name").values_list("tooi_code", "name", "published")
    )  # fmt: skip
    return tuple(
        OrganisationCount(PublicOrganisation(str(name), code), n) for code, name, n in rows
    )


def destinations(country: str = "") -> tuple[PlaceCount, ...]:
    """Every place published trips went to, by country and city; only ``country`` (an ISO code) if given."""
    places = service.cached("catalogue-destinations", "", _destinations)
    wanted = country.strip().upper()
    return tuple(p for p in places if p.country == wanted) if wanted else places


def _destinations() -> tuple[PlaceCount, ...]:
    published = Destination.objects.filter(trip__status=Status.PUBLISHED)
    counts: Counter[tuple[str, str]] = Counter(
        {
            (str(row["city"]), str(row["country"])): int(row["trips"])
            for row in published.order_by().values("city", "country").annotate(trips=Count("trip", distinct=True))
        }
    )  # fmt: skip
    for (city, country), shown in _redacted_cities(published):
        # A city that is a redacted passage of a trip is counted under its mark for that trip.
        counts[(city, country)] -= 1
        counts[(shown, country)] += 1
    places = (PlaceCount(city, country, n) for (city, country), n in counts.items() if n > 0)
    return tuple(sorted(places, key=lambda p: (p.country, p.city.casefold(), p.city)))


def _redacted_cities(published: QuerySet[Destination]) -> Iterable[tuple[tuple[str, str], str]]:
    """(city, country) and how it reads after redaction, once per trip whose redactor changes the city."""
    terms = _accepted_terms(Redaction.objects.filter(trip__status=Status.PUBLISHED))
    rows = published.exclude(city="").filter(trip_id__in=list(terms)).order_by()
    for trip_id, city, country in rows.values_list("trip_id", "city", "country").distinct():
        pairs = terms[trip_id]
        folded = fold(city)
        # Cheap test first: a passage can only change the city if it occurs in it.
        if not any(fold(term) in folded for term, _ground in pairs):
            continue
        shown = Redactor.of(pairs).apply(city)
        if shown != city:
            yield (city, country), shown


def _accepted_terms(rows: QuerySet[Redaction]) -> dict[int, list[tuple[str, str]]]:
    terms: dict[int, list[tuple[str, str]]] = defaultdict(list)
    accepted = rows.filter(decision=Decision.ACCEPTED).order_by()
    for trip_id, term, ground in accepted.values_list("trip_id", "term", "ground"):
        terms[trip_id].append((term, ground))
    return terms


# --------------------------------------------------------------------------- follow-ups


def follow_ups(
    *, status: str = "", organisation: str = "", after: int = 0, limit: int = 50
) -> FollowUpPage:
    """One page of follow-up agreements of published trips, in the order they were recorded (by id)."""
    matching = _matching_follow_ups(status, organisation)
    limit = min(max(limit, 1), MAX_PAGE_SIZE)
    rows = list(
        matching.filter(pk__gt=max(after, 0)).order_by("pk")
        .values_list("pk", "trip_id", "trip__title", "trip__organisation__name",
                     "trip__organisation__tooi_code", "action", "counterparties", "owner", "due_date",
                     "status")[: limit + 1]
    )  # fmt: skip
    more = len(rows) > limit
    rows = rows[:limit]
    redactors = _redactors({row[1] for row in rows})
    items = tuple(_follow_up(row, redactors.get(row[1], Redactor())) for row in rows)
    total = service.cached(
        "catalogue-follow-up-count", repr((status, organisation)), matching.count
    )
    return FollowUpPage(items, total, rows[-1][0] if more else None)


def _matching_follow_ups(status: str, organisation: str) -> QuerySet[FollowUp]:
    # "Whose trip is published" as a correlated EXISTS, not a join: the database then walks follow-ups in id
    # order and stops after a page (a join made SQLite collect every published trip's follow-ups and sort them:
    # 0.5 s instead of 5 ms at 100,000 trips).
    trips = Trip.objects.filter(pk=OuterRef("trip_id"), status=Status.PUBLISHED)
    if organisation:
        trips = trips.filter(organisation__tooi_code=organisation.strip().lower())
    matching = FollowUp.objects.filter(Exists(trips))
    return matching.filter(status=status) if status else matching


def _redactors(trip_ids: set[int]) -> dict[int, Redactor]:
    terms = _accepted_terms(Redaction.objects.filter(trip_id__in=trip_ids))
    return {trip_id: Redactor.of(pairs) for trip_id, pairs in terms.items()}


def _follow_up(row: tuple[object, ...], r: Redactor) -> TripFollowUp:
    pk, trip_id, title, org_name, org_code, action, counterparties, owner, due_date, status = row
    parties = counterparties if isinstance(counterparties, list) else []
    follow_up = PublicFollowUp(
        r.apply(str(action or "")), tuple(r.apply(str(p)) for p in parties if p),
        r.apply(str(owner or "")), due_date if isinstance(due_date, dt.date) else None, str(status),
    )  # fmt: skip
    return TripFollowUp(
        id=int(str(pk)), trip_id=int(str(trip_id)), trip_title=r.apply(str(title or "")),
        organisation=PublicOrganisation(str(org_name), str(org_code)), follow_up=follow_up,
    )  # fmt: skip
