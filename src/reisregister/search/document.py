"""What the index holds of a trip, made from the publication service's view object: public data only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from reisparse.gazetteer import city_name, country_name
from reisregister.publication.objects import PublicTrip
from reisregister.search.analysis import fold, shadow
from reisregister.search.models import FacetKind

UNDATED = dt.date.min


@dataclass(frozen=True, slots=True)
class IndexEntry:
    trip_id: int
    title: str
    body: str
    organisation_code: str
    organisation_name: str
    start_date: dt.date | None
    transport_mode: str
    facets: frozenset[tuple[str, str]]

    def document_columns(self) -> dict[str, object]:
        """The ``SearchDocument`` fields: what the list filters and sorts on."""
        return {
            "title_key": fold(self.title)[:300],
            "organisation_code": self.organisation_code.lower(),
            "organisation_name": self.organisation_name,
            "sort_date": self.start_date or UNDATED,
            "year": self.start_date.year if self.start_date else None,
            "transport_mode": self.transport_mode,
        }

    def text_columns(self) -> dict[str, object]:
        """The ``SearchText`` fields: what the full-text engines index, and the snippets are cut from."""
        return {
            "title": self.title,
            "body": self.body,
            "stems_title": shadow(self.title),
            "stems_body": shadow(self.body),
        }


def entry_for(trip: PublicTrip) -> IndexEntry:
    return IndexEntry(
        trip_id=trip.id,
        title=trip.title,
        body="\n".join(line for line in _sections(trip) if line.strip()),
        organisation_code=trip.organisation.code,
        organisation_name=trip.organisation.name,
        start_date=trip.start_date,
        transport_mode=trip.transport_mode,
        facets=frozenset(_facets(trip)),
    )


def _sections(trip: PublicTrip) -> Iterator[str]:
    """The searchable text, one section per line, in the order of the trip page."""
    yield trip.purpose
    yield trip.event_name
    for destination in trip.destinations:
        yield " ".join(
            [
                *_city_names(destination.city, destination.country),
                *_country_names(destination.country),
            ]
        )
    for traveller in trip.travellers:
        yield traveller.role
    for goal in trip.goals:
        yield goal.text
        yield from (outcome.text for outcome in goal.outcomes)
    yield from (outcome.text for outcome in trip.other_outcomes)
    for day in trip.programme:
        yield from (" ".join([item.title, item.location]) for item in day.items)
    for contact in trip.contacts:
        yield " ".join([contact.role, contact.organisation, contact.city])
    for follow_up in trip.follow_ups:
        yield " ".join([follow_up.action, *follow_up.counterparties])
    yield trip.funding_party


def _city_names(city: str, country: str) -> list[str]:
    # The stored (English) name and the Dutch one, so that "Lissabon" finds the trips to Lisbon too.
    return list(dict.fromkeys([city, city_name(city, country, "nl")])) if city else []


def _country_names(code: str) -> list[str]:
    # Both languages, so that "Duitsland" and "Germany" find the same trips whatever the page language.
    try:
        return sorted({country_name(code, "nl"), country_name(code, "en")})
    except KeyError:
        return [code] if code else []


def _facets(trip: PublicTrip) -> Iterator[tuple[str, str]]:
    for destination in trip.destinations:
        if destination.country:
            yield FacetKind.COUNTRY, destination.country.upper()
        # Both names, so that ?city=Lissabon (as a Dutch page shows it) filters like ?city=Lisbon.
        for name in _city_names(destination.city, destination.country):
            yield FacetKind.CITY, fold(name)[:200]
    for traveller in trip.travellers:
        yield FacetKind.CATEGORY, traveller.category
