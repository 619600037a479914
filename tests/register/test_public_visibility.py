"""Only published trips are public: anything else is a 404 by URL and absent from lists, search and counts."""

from __future__ import annotations

import pytest
from django.test import Client

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from tests.register.conftest import client_for
from tests.register.publishing import Register


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


@pytest.fixture
def hidden(register: Register) -> dict[str, int]:
    """One trip in each state that is not public, all about the same word."""
    return {
        "draft": register.draft("Geheime haven draft", purpose="geheimhaven"),
        "submitted": register.submitted("Geheime haven submitted", purpose="geheimhaven"),
        "withdrawn": register.withdrawn("Geheime haven withdrawn", purpose="geheimhaven"),
    }


@pytest.mark.parametrize("state", ["draft", "submitted", "withdrawn"])
def test_an_anonymous_visitor_cannot_open_an_unpublished_trip_by_url(
    client: Client, hidden: dict[str, int], state: str
) -> None:
    assert client.get(f"/trips/{hidden[state]}/").status_code == 404


def test_an_unknown_trip_is_not_found(client: Client, db: None) -> None:
    assert client.get("/trips/999999/").status_code == 404


@pytest.mark.parametrize("state", ["draft", "submitted", "withdrawn"])
def test_the_public_page_is_public_only_even_for_the_editor(
    alice: User, hidden: dict[str, int], state: str
) -> None:
    # The work area shows drafts to their editors; the public URL never does.
    assert client_for(alice).get(f"/trips/{hidden[state]}/").status_code == 404


def test_unpublished_trips_appear_in_no_list_search_or_count(
    client: Client, register: Register, hidden: dict[str, int]
) -> None:
    published = register.published("Openbaar bezoek", purpose="geheimhaven")
    for url in ("/", "/trips/", "/trips/?q=geheimhaven", "/trips/?q=geheime", "/trips/?sort=title"):
        html = client.get(url).content.decode()
        assert "Geheime haven" not in html, url
        for trip_id in hidden.values():
            assert f"/trips/{trip_id}/" not in html, url
    assert f"/trips/{published}/" in client.get("/trips/?q=geheimhaven").content.decode()
    figures = publication.headline_figures()
    assert figures.trips == 1 and figures.organisations == 1


def test_a_withdrawn_trip_is_gone_until_it_is_published_again(
    client: Client, register: Register
) -> None:
    trip_id = register.published("Havenbezoek", purpose="haven")
    assert client.get(f"/trips/{trip_id}/").status_code == 200
    register.withdraw(trip_id)
    assert client.get(f"/trips/{trip_id}/").status_code == 404
    assert "Havenbezoek" not in client.get("/trips/?q=haven").content.decode()
    register.step(trip_id, "republish", register.reviewer)
    assert client.get(f"/trips/{trip_id}/").status_code == 200


def test_public_pages_only_answer_reads(client: Client, register: Register) -> None:
    trip_id = register.published("Havenbezoek")
    for url in ("/", "/trips/", f"/trips/{trip_id}/"):
        assert client.post(url).status_code in (403, 405)
