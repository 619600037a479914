"""The columns of the CSV downloads: name, meaning and how each is filled from a published trip.

Column names are stable English identifiers (they do not change with the visitor's language); choice values are
the register's codes, documented on the dataset page. The dataset page lists these same columns, so the page
and the files cannot disagree. A cell of several values follows ``cells`` (" | " between values); columns of
the same list (``traveller_*``, ``destination_*``) hold their values in the same order, so the n-th value of
each belongs to the same traveller or destination.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from django.utils.translation import gettext_lazy as _

from reisregister.opendata import cells
from reisregister.opendata.addresses import trip_url
from reisregister.opendata.costs import CATEGORIES, CostSummary, summarise
from reisregister.publication.objects import PublicFollowUp, PublicTrip

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Column(Generic[_T]):
    name: str
    meaning: StrPromise
    value: Callable[[_T], str]


@dataclass(frozen=True, slots=True)
class TripRow:
    """A published trip with what several of its columns need, computed once."""

    trip: PublicTrip
    costs: CostSummary


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    trip: PublicTrip
    number: int  # 1-based, in the order of the report
    follow_up: PublicFollowUp


def trip_row(trip: PublicTrip) -> TripRow:
    return TripRow(trip, summarise(trip))


def follow_up_rows(trip: PublicTrip) -> list[FollowUpRow]:
    return [FollowUpRow(trip, n, item) for n, item in enumerate(trip.follow_ups, start=1)]


def _outcomes(trip: PublicTrip) -> int:
    return sum(len(goal.outcomes) for goal in trip.goals) + len(trip.other_outcomes)


def _payers(trip: PublicTrip) -> list[str]:
    return list(dict.fromkeys(cost.payer for cost in trip.costs if cost.payer))


def _cost_column(category: str, meaning: StrPromise) -> Column[TripRow]:
    return Column(f"cost_{category}", meaning, lambda r: r.costs.cell(category))


_COST_MEANINGS = {
    "transport": _("Costs of transport."),
    "accommodation": _("Costs of accommodation."),
    "subsistence": _("Costs of meals and subsistence."),
    "fees": _("Fees, such as conference registration."),
    "other": _("Other costs."),
}

TRIP_COLUMNS: tuple[Column[TripRow], ...] = (
    Column("id", _("Number of the trip in the register."), lambda r: str(r.trip.id)),
    Column("url", _("Address of the trip's page in the register."), lambda r: trip_url(r.trip.id)),
    Column("title", _("Title of the trip."), lambda r: cells.text(r.trip.title)),
    Column("organisation", _("Name of the public body that made the trip."),
           lambda r: cells.text(r.trip.organisation.name)),
    Column("organisation_code", _("TOOI code of the public body (such as gm0518 for Den Haag)."),
           lambda r: r.trip.organisation.code),
    Column("traveller_functions", _("Function of each traveller."),
           lambda r: cells.joined(t.role for t in r.trip.travellers)),
    Column("traveller_categories",
           _("Category of each traveller: bestuurder (executive office holder), raadslid (elected "
             "representative: council, States, parliament), ambtenaar (civil servant) or other."),
           lambda r: cells.joined(t.category for t in r.trip.travellers)),
    Column("traveller_names", _("Name of each traveller who holds public office; empty for the others."),
           lambda r: cells.joined(t.name for t in r.trip.travellers)),
    Column("start_date", _("First day of the trip."), lambda r: cells.day(r.trip.start_date)),
    Column("end_date", _("Last day of the trip."), lambda r: cells.day(r.trip.end_date)),
    Column("days", _("Length of the trip in calendar days, both ends included."),
           lambda r: cells.number(r.trip.days)),
    Column("destination_cities", _("City of each destination."),
           lambda r: cells.joined(d.city for d in r.trip.destinations)),
    Column("destination_countries", _("Country of each destination (ISO 3166-1 alpha-2 code)."),
           lambda r: cells.joined(d.country for d in r.trip.destinations)),
    Column("purpose", _("Purpose of the trip."), lambda r: cells.text(r.trip.purpose)),
    Column("event", _("Name of the event attended, if any."), lambda r: cells.text(r.trip.event_name)),
    Column("event_url", _("Web address of the event."), lambda r: r.trip.event_url),
    Column("transport_mode",
           _("Main means of transport: air, train, car, bus, boat, mixed or other; empty when not stated."),
           lambda r: r.trip.transport_mode),
    Column("funding",
           _("Who paid: own (own budget), third_party, partly (partly a third party); empty when not stated."),
           lambda r: r.trip.funding),
    Column("funding_party", _("The third party that paid, if any."),
           lambda r: cells.text(r.trip.funding_party)),
    Column("cancelled", _("true when the trip was cancelled."), lambda r: cells.flag(r.trip.cancelled)),
    Column("currency", _("Currency of the amounts (ISO 4217, such as EUR)."),
           lambda r: cells.SEPARATOR.join(r.costs.currencies)),
    *(_cost_column(category, _COST_MEANINGS[category]) for category in CATEGORIES),
    Column("cost_total", _("Total costs: the sum of all cost lines."), lambda r: r.costs.cell()),
    Column("costs_include_estimates",
           _("true when an amount is an estimate, because the report gives no actual amount for it."),
           lambda r: cells.flag(r.costs.includes_estimates)),
    Column("payers", _("Who paid each cost line (as stated in the report)."),
           lambda r: cells.joined(_payers(r.trip))),
    Column("goals", _("Number of goals."), lambda r: str(len(r.trip.goals))),
    Column("outcomes", _("Number of outcomes."), lambda r: str(_outcomes(r.trip))),
    Column("follow_ups", _("Number of follow-up agreements."), lambda r: str(len(r.trip.follow_ups))),
    Column("redactions", _("Number of passages withheld under the Woo (see the trip's redaction log)."),
           lambda r: str(len(r.trip.redactions))),
    Column("published_at", _("When the trip was published (UTC)."),
           lambda r: cells.moment(r.trip.published_at)),
)  # fmt: skip

FOLLOW_UP_COLUMNS: tuple[Column[FollowUpRow], ...] = (
    Column("trip_id", _("Number of the trip in the register."), lambda r: str(r.trip.id)),
    Column("trip_url", _("Address of the trip's page in the register."), lambda r: trip_url(r.trip.id)),
    Column("trip_title", _("Title of the trip."), lambda r: cells.text(r.trip.title)),
    Column("organisation", _("Name of the public body that made the trip."),
           lambda r: cells.text(r.trip.organisation.name)),
    Column("organisation_code", _("TOOI code of the public body."), lambda r: r.trip.organisation.code),
    Column("number", _("Number of the agreement within the trip, in the order of the report."),
           lambda r: str(r.number)),
    Column("counterparties", _("With whom the agreement was made."),
           lambda r: cells.joined(r.follow_up.counterparties)),
    Column("action", _("What was agreed."), lambda r: cells.text(r.follow_up.action)),
    Column("owner", _("Who is responsible on the side of the public body."),
           lambda r: cells.text(r.follow_up.owner)),
    Column("due_date", _("When it should be done."), lambda r: cells.day(r.follow_up.due_date)),
    Column("status", _("Status: open, partly_done, done or not_fulfilled."), lambda r: r.follow_up.status),
)  # fmt: skip
