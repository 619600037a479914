"""Cities in the language of the page: the register stores the gazetteer's name ("Lisbon", also in the open
data) and shows the Dutch one ("Lissabon") on Dutch pages; a search finds the trip by either."""

from __future__ import annotations

import pytest
from django.test import Client

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.search import service as search
from tests.register.publishing import Register, full_trip


@pytest.fixture
def trip_id(den_haag: Organisation, alice: User, bob: User) -> int:
    destinations = [{"city": "Lisbon", "country": "PT"}, {"city": "Porto", "country": "PT"}]
    return Register(den_haag, alice, bob).published(
        "Werkbezoek Portugal", **full_trip(destinations=destinations)
    )


def _page(client: Client, trip_id: int, language: str) -> str:
    client.cookies["django_language"] = language
    return client.get(f"/trips/{trip_id}/").content.decode()


def test_a_dutch_page_shows_the_dutch_name_of_a_city(client: Client, trip_id: int) -> None:
    html = _page(client, trip_id, "nl")
    assert "Lissabon (Portugal), Porto (Portugal)" in html
    assert "Lisbon" not in html


def test_an_english_page_shows_the_stored_name(client: Client, trip_id: int) -> None:
    assert "Lisbon (Portugal), Porto (Portugal)" in _page(client, trip_id, "en")


def test_the_open_data_keeps_the_stored_name(client: Client, trip_id: int) -> None:
    response = client.get("/data/trips.json")
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert "Lisbon" in body and "Lissabon" not in body


@pytest.mark.parametrize("query", ["Lissabon", "Lisbon"])
def test_a_search_finds_the_trip_by_either_name(trip_id: int, query: str) -> None:
    assert [hit.trip_id for hit in search.search(query).hits] == [trip_id]


@pytest.mark.parametrize("city", ["Lissabon", "Lisbon", "lissabon"])
def test_the_city_filter_takes_either_name(client: Client, trip_id: int, city: str) -> None:
    assert [hit.trip_id for hit in search.search("", filters=search.Filters(city=city)).hits] == [
        trip_id
    ]
    assert f"/trips/{trip_id}/" in client.get(f"/trips/?city={city}").content.decode()


def test_a_country_given_by_name_filters_like_its_code(client: Client, trip_id: int) -> None:
    client.cookies["django_language"] = "en"
    for country in ("Portugal", "pt", "PT"):
        html = client.get(f"/trips/?country={country}").content.decode()
        assert f"/trips/{trip_id}/" in html and "Not used" not in html


def test_a_filter_value_it_does_not_know_is_named_not_silently_dropped(
    client: Client, trip_id: int
) -> None:
    client.cookies["django_language"] = "en"
    html = client.get("/trips/?country=XX&year=abc").content.decode()
    assert "Not used, because the register does not know this value" in html
    assert "Country “XX”" in html and "Year “abc”" in html
