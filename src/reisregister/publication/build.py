"""Building the public view objects from a published trip's rows, its redactions applied: the inside of the
publication boundary. Only ``publication.service`` (and its frozen copies) call this; see its docstring.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import groupby
from types import SimpleNamespace
from typing import Any

from django.db.models import Prefetch, QuerySet

from reisregister.followups.models import FollowUp
from reisregister.organisations.models import Organisation
from reisregister.publication.objects import (
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
    PublicTraveller,
    PublicTrip,
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
_PREFETCHED = "public_"
_WEB_SCHEMES = ("http://", "https://")
_NO_REDACTION = Redactor()


def _text(value: object) -> str:
    """Text that belongs to no trip (an organisation's name): nothing to redact."""
    return str(value or "")


def published() -> QuerySet[Trip]:
    """The trips the public may see: the only filter the boundary needs."""
    return Trip.objects.filter(status=Status.PUBLISHED)


def accepted() -> Prefetch[str, QuerySet[Redaction], str]:
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


def redactor(trip: Trip) -> Redactor:
    rows = _accepted_rows(trip)
    return Redactor.of((row.term, row.ground) for row in rows) if rows else _NO_REDACTION


def _rows(trip: Trip, part: str) -> list[Any]:
    """The prefetched rows of one part of a trip. Prefetched into plain lists: reading a related manager
    clones a queryset each time, which dominates when the search index is rebuilt from every trip."""
    rows: list[Any] = getattr(trip, _PREFETCHED + part)
    return rows


def full(trips: QuerySet[Trip]) -> Iterator[PublicTrip]:
    """The public view of each of ``trips`` (a query of published trips), in a fixed number of queries."""
    query = list(
        trips.select_related("organisation", "source_document").defer(*_INTERNAL)
        .prefetch_related(accepted())
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


def redaction_log(trip: Trip) -> tuple[PublicRedaction, ...]:
    rows = _accepted_rows(trip)
    return tuple(
        PublicRedaction(number, row.ground, row.kind, tuple(row.places or ()), row.decided_at)
        for number, row in enumerate(rows, start=1)
    )


def _trip(trip: Trip) -> PublicTrip:
    r = redactor(trip)

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
        redactions=redaction_log(trip),
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
