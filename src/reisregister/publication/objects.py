"""What the public sees of a trip: plain, immutable values, built only from published trips.

Nothing here refers back to the database, so a template or the search index cannot reach a draft, the source
text or the review internals through a view object. Choice labels are properties so that they come out in the
language of the request that renders them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from reisparse.gazetteer import city_name as _gazetteer_city_name
from reisparse.gazetteer import country_name as _gazetteer_country_name
from reisregister.followups.models import FollowUpStatus
from reisregister.redaction.marks import Ground
from reisregister.redaction.models import Kind as RedactionKind
from reisregister.redaction.texts import SECTIONS
from reisregister.trips.models import (
    Achieved,
    CostCategory,
    Funding,
    TransportMode,
    TravellerCategory,
)

# The choice lists public code may use (forms, API filters) without importing the raw models.
__all__ = [
    "SECTIONS", "Achieved", "CostCategory", "FollowUpStatus", "Funding", "Ground", "RedactionKind",
    "TransportMode", "TravellerCategory",
]  # fmt: skip

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# Friendly names of the document types the importer accepts; anything else shows its media type.
_DOCUMENT_TYPES: dict[str, str | StrPromise] = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
    "application/msword": "Word (DOC)",
    "application/vnd.oasis.opendocument.text": "OpenDocument (ODT)",
    "application/rtf": "RTF",
    "text/plain": _("Text"),
    "text/html": "HTML",
    "image/tiff": "TIFF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
}


def _language() -> Literal["nl", "en"]:
    return "nl" if (get_language() or "nl").startswith("nl") else "en"


def country_name(code: str) -> str:
    """The country's name in the active language (Dutch or English); the code itself if unknown."""
    if not code:
        return ""
    try:
        return _gazetteer_country_name(code, _language())
    except KeyError:
        return code


def city_name(city: str, country: str) -> str:
    """A city's name in the active language: "Lissabon" on a Dutch page, "Lisbon" on an English one. The
    stored name (the gazetteer's, also in the open data) is kept for any city without a Dutch name of its own,
    and for a redaction mark."""
    return _gazetteer_city_name(city, country, _language()) if city and country else city


def _label(choices: type[models.TextChoices], value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


@dataclass(frozen=True, slots=True)
class PublicOrganisation:
    name: str
    code: str  # TOOI code, e.g. gm0518


@dataclass(frozen=True, slots=True)
class PublicDestination:
    city: str
    country: str  # ISO 3166-1 alpha-2

    @property
    def city_label(self) -> str:
        return city_name(self.city, self.country)

    @property
    def country_name(self) -> str:
        return country_name(self.country)


@dataclass(frozen=True, slots=True)
class PublicTraveller:
    role: str
    category: str
    name: str  # only kept for holders of public office

    @property
    def category_label(self) -> str:
        return _label(TravellerCategory, self.category)


@dataclass(frozen=True, slots=True)
class PublicProgrammeItem:
    date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    title: str
    speakers: tuple[str, ...]
    location: str


@dataclass(frozen=True, slots=True)
class PublicProgrammeDay:
    date: dt.date | None  # None: items whose date the report does not give
    items: tuple[PublicProgrammeItem, ...]


@dataclass(frozen=True, slots=True)
class PublicContact:
    role: str
    organisation: str
    city: str
    country: str
    count: int | None

    @property
    def city_label(self) -> str:
        return city_name(self.city, self.country)

    @property
    def country_name(self) -> str:
        return country_name(self.country)


@dataclass(frozen=True, slots=True)
class PublicOutcome:
    text: str
    achieved: str

    @property
    def achieved_label(self) -> str:
        return _label(Achieved, self.achieved)


@dataclass(frozen=True, slots=True)
class PublicGoal:
    label: str
    text: str
    outcomes: tuple[PublicOutcome, ...]


@dataclass(frozen=True, slots=True)
class PublicFollowUp:
    action: str
    counterparties: tuple[str, ...]
    owner: str
    due_date: dt.date | None
    status: str

    @property
    def status_label(self) -> str:
        return _label(FollowUpStatus, self.status)


@dataclass(frozen=True, slots=True)
class PublicCost:
    category: str
    estimated: Decimal | None
    actual: Decimal | None
    currency: str
    payer: str

    @property
    def category_label(self) -> str:
        return _label(CostCategory, self.category)


@dataclass(frozen=True, slots=True)
class PublicCostTotal:
    currency: str
    estimated: Decimal | None  # None when no line states an amount
    actual: Decimal | None


@dataclass(frozen=True, slots=True)
class PublicDocument:
    """The source document as described publicly; the file itself is not offered (yet)."""

    file_name: str
    media_type: str
    pages: int | None

    @property
    def type_label(self) -> str:
        return str(_DOCUMENT_TYPES.get(self.media_type, self.media_type))


@dataclass(frozen=True, slots=True)
class PublicRedaction:
    """One line of the redaction log (lakoverzicht): the ground, where, when; never what was hidden."""

    number: int
    ground: str  # e.g. "5.1.2e"
    kind: str  # Kind value: name, email, phone, ..., other
    places: tuple[str, ...]  # section keys, see redaction.texts.SECTIONS
    decided_at: dt.datetime | None

    @property
    def ground_label(self) -> str:
        return _label(Ground, self.ground)

    @property
    def kind_label(self) -> str:
        return _label(RedactionKind, self.kind)

    @property
    def place_labels(self) -> tuple[str, ...]:
        return tuple(str(SECTIONS.get(place, place)) for place in self.places)


@dataclass(frozen=True, slots=True)
class PublicSource:
    """The source document's text as published: redacted, page by page; the original file stays internal."""

    trip_id: int
    title: str
    file_name: str
    media_type: str
    pages: tuple[str, ...]
    redactions: tuple[PublicRedaction, ...]
    published_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class PublicTripSummary:
    """A trip in a list: enough to recognise it and decide to open it."""

    id: int
    title: str
    organisation: PublicOrganisation
    start_date: dt.date | None
    end_date: dt.date | None
    destinations: tuple[PublicDestination, ...]
    purpose: str
    cancelled: bool
    published_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class PublicTrip:
    """Every public section of one published trip."""

    id: int
    title: str
    organisation: PublicOrganisation
    start_date: dt.date | None
    end_date: dt.date | None
    travel_days: tuple[dt.date, ...]
    purpose: str
    event_name: str
    event_url: str  # empty unless an http(s) address
    transport_mode: str
    funding: str
    funding_party: str
    cancelled: bool
    cancellation_reason: str
    links: tuple[str, ...]  # http(s) addresses only
    travellers: tuple[PublicTraveller, ...]
    destinations: tuple[PublicDestination, ...]
    goals: tuple[PublicGoal, ...]
    other_outcomes: tuple[PublicOutcome, ...]  # outcomes the report ties to no goal
    programme: tuple[PublicProgrammeDay, ...]
    contacts: tuple[PublicContact, ...]
    follow_ups: tuple[PublicFollowUp, ...]
    costs: tuple[PublicCost, ...]
    cost_totals: tuple[PublicCostTotal, ...]
    document: PublicDocument | None
    published_at: dt.datetime | None
    redactions: tuple[PublicRedaction, ...] = ()

    @property
    def transport_label(self) -> str:
        return _label(TransportMode, self.transport_mode) if self.transport_mode else ""

    @property
    def funding_label(self) -> str:
        return _label(Funding, self.funding) if self.funding else ""

    @property
    def days(self) -> int | None:
        """Length of the trip in calendar days, both ends included."""
        if self.start_date is None or self.end_date is None:
            return None
        return (self.end_date - self.start_date).days + 1

    @property
    def summary(self) -> PublicTripSummary:
        return PublicTripSummary(
            self.id, self.title, self.organisation, self.start_date, self.end_date, self.destinations,
            self.purpose, self.cancelled, self.published_at,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class HeadlineFigures:
    trips: int
    countries: int
    organisations: int
    trips_this_year: int
    year: int


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class FilterOptions:
    """The values the public filters offer, taken from published trips only."""

    years: tuple[int, ...]
    organisations: tuple[Choice, ...]
    countries: tuple[Choice, ...]
