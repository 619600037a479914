"""The publication boundary: immutable view objects of published trips, and one place for redaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.publication import objects
from reisregister.publication import service as publication
from reisregister.search import service as search
from tests.register.publishing import Register, full_trip


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


@pytest.mark.parametrize("state", ["draft", "submitted", "withdrawn"])
def test_an_unpublished_trip_is_not_found(register: Register, state: str) -> None:
    trip_id = getattr(register, state)("Niet openbaar")
    with pytest.raises(publication.TripNotFound):
        publication.get_trip(trip_id)
    assert publication.summaries([trip_id]) == []


def test_view_objects_are_immutable_and_hold_no_internals(register: Register) -> None:
    trip = publication.get_trip(
        register.published("Havens", **full_trip(), source_text="BRONTEKST")
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        trip.title = "anders"  # type: ignore[misc]
    names = {field.name for field in dataclasses.fields(trip)}
    assert not names & {
        "source_text",
        "field_evidence",
        "unconfirmed_fields",
        "status",
        "version",
        "created_by",
    }
    assert "BRONTEKST" not in repr(trip)


def test_unconfirmed_values_are_shown_once_published(register: Register) -> None:
    trip_id = register.published(
        "Havens",
        goals=[
            {
                "label": "A",
                "text": "Uit het document",
                "confirmed": False,
                "span_start": 0,
                "span_end": 3,
            }
        ],
    )
    assert publication.get_trip(trip_id).goals[0].text == "Uit het document"


def test_the_trip_is_organised_for_reading(register: Register) -> None:
    trip = publication.get_trip(register.published("Havens", **full_trip()))
    assert [day.date for day in trip.programme] == [dt.date(2024, 6, 12), dt.date(2024, 6, 13)]
    assert [item.start_time for item in trip.programme[1].items] == [dt.time(9, 30), dt.time(14, 0)]
    assert [(g.label, [o.achieved for o in g.outcomes]) for g in trip.goals] == [
        ("A", ["yes"]),
        ("B", ["partly"]),
    ]
    assert [o.text for o in trip.other_outcomes] == [
        "Contact gelegd met een Deense kennisinstelling."
    ]
    assert trip.travel_days == (dt.date(2024, 6, 12), dt.date(2024, 6, 14))
    assert trip.days == 3
    assert trip.links == ("https://example.org/verslag",)  # the javascript: link is dropped
    [total] = trip.cost_totals
    assert (total.currency, total.estimated, total.actual) == (
        "EUR",
        Decimal("1650.00"),
        Decimal("432.10"),
    )


def test_undated_programme_items_come_last(register: Register) -> None:
    trip = publication.get_trip(
        register.published(
            "Havens",
            programme=[{"title": "Ergens"}, {"title": "Dag 1", "date": dt.date(2024, 1, 1)}],
        )
    )
    assert [(day.date, [i.title for i in day.items]) for day in trip.programme] == [
        (dt.date(2024, 1, 1), ["Dag 1"]),
        (None, ["Ergens"]),
    ]


def test_an_unsafe_event_address_is_not_offered(register: Register) -> None:
    trip_id = register.published("Havens", event_name="Congres")
    from reisregister.trips.models import Trip

    Trip.objects.filter(pk=trip_id).update(event_url="javascript:alert(1)")
    assert publication.get_trip(trip_id).event_url == ""


def test_summaries_keep_the_order_asked_for(register: Register) -> None:
    first, second = register.published("Een"), register.published("Twee")
    assert [s.id for s in publication.summaries([second, first])] == [second, first]


def test_latest_lists_the_most_recently_published_first(register: Register) -> None:
    older = register.published("Eerder gepubliceerd", start_date=dt.date(2025, 1, 1))
    newer = register.published("Later gepubliceerd", start_date=dt.date(2020, 1, 1))
    assert [s.id for s in publication.latest()] == [newer, older]


def test_headline_figures_count_published_trips_only(register: Register) -> None:
    register.published(
        "Dit jaar", start_date=dt.date(2026, 3, 1), destinations=[{"city": "Gent", "country": "BE"}]
    )
    register.published(
        "Vorig jaar", start_date=dt.date(2025, 3, 1), destinations=[{"country": "BE"}]
    )
    register.draft("Concept", start_date=dt.date(2026, 3, 1), destinations=[{"country": "FR"}])
    figures = publication.headline_figures(today=dt.date(2026, 11, 28))
    assert (figures.trips, figures.countries, figures.organisations, figures.trips_this_year) == (
        2,
        1,
        1,
        1,
    )


def test_a_redacted_passage_is_gone_from_every_public_text(
    register: Register, client: Client
) -> None:
    trip_id = register.published(
        "Bezoek met Jansen", purpose="Jansen sprak", goals=[{"label": "A", "text": "Jansen leren kennen"}],
        programme=[{"title": "Lunch met Jansen", "speakers": ["Jansen"]}],
        contacts=[{"role": "adviseur Jansen", "organisation": "Bureau Jansen"}],
        follow_ups=[{"action": "Jansen bellen", "counterparties": ["Jansen BV"], "owner": "Jansen"}],
        travellers=[{"role": "wethouder", "category": "bestuurder", "name": "Jansen"}],
    )  # fmt: skip
    register.redact(trip_id, "Jansen")
    assert "Jansen" not in repr(publication.get_trip(trip_id))
    assert "Jansen" not in repr(publication.summaries([trip_id]))
    for url in ("/", "/trips/", "/trips/?q=bezoek", f"/trips/{trip_id}/"):
        assert "Jansen" not in client.get(url).content.decode(), url
    search.sync_trip(trip_id)
    assert search.search("Jansen").total == 0
    assert search.search("bezoek").total == 1
    assert "[5.1.2e]" in publication.get_trip(trip_id).purpose


def test_choice_labels_follow_the_active_language(register: Register) -> None:
    from django.utils import translation

    trip = publication.get_trip(register.published("Havens", **full_trip()))
    with translation.override("en"):
        assert trip.transport_label == "train"
        assert trip.destinations[0].country_name == "Germany"
    with translation.override("nl"):
        assert trip.destinations[0].country_name == "Duitsland"


def test_a_document_type_has_a_friendly_name() -> None:
    assert objects.PublicDocument("a.pdf", "application/pdf", 2).type_label == "PDF"
    assert (
        objects.PublicDocument("a.xyz", "application/x-thing", None).type_label
        == "application/x-thing"
    )
