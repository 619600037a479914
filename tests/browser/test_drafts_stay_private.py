"""Only published trips are public: a draft, a submitted and a withdrawn trip are a 404 by URL and absent from
the home page, the list and the search, for an anonymous visitor."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.trips.models import Trip
from tests.browser import world
from tests.browser.steps import visit

pytestmark = pytest.mark.browser


@pytest.fixture
def unpublished(den_haag: Organisation, alice: User, bob: User) -> list[Trip]:
    start = dt.date(2024, 6, 3)
    return [
        world.draft(
            den_haag,
            alice,
            world.simple_trip_data("Kladversie Reykjavik", "Reykjavik", "IS", start),
        ),
        world.submitted(
            den_haag, alice, world.simple_trip_data("Ingediend Valletta", "Valletta", "MT", start)
        ),
        world.withdrawn(
            den_haag,
            alice,
            bob,
            world.simple_trip_data("Ingetrokken Tallinn", "Tallinn", "EE", start),
        ),
    ]


@pytest.fixture
def porto(den_haag: Organisation, alice: User, bob: User) -> Trip:
    """A published trip beside them: proof that the pages list and find what they should."""
    data = world.simple_trip_data("Gepubliceerd Porto", "Porto", "PT", dt.date(2024, 6, 3))
    return world.published(den_haag, alice, bob, data)


def test_an_anonymous_visitor_gets_a_404_for_an_unpublished_trip(
    page: Page, unpublished: list[Trip], porto: Trip
) -> None:
    assert visit(page, f"/trips/{porto.pk}/").status == 200
    for trip in unpublished:
        response = visit(page, f"/trips/{trip.pk}/")

        assert response.status == 404, f"{trip.get_status_display()} trip: HTTP {response.status}"
        expect(page.get_by_text(trip.title)).to_have_count(0)


def test_unpublished_trips_are_not_on_the_home_page_nor_in_the_list(
    page: Page, unpublished: list[Trip], porto: Trip
) -> None:
    for url in ("/", "/trips/", "/trips/?year=2024", "/trips/?sort=date"):
        visit(page, url)

        expect(page.locator("main").get_by_text(porto.title).first).to_be_visible()
        for trip in unpublished:
            expect(page.get_by_text(trip.title)).to_have_count(0)


def test_a_search_does_not_find_unpublished_trips(
    page: Page, unpublished: list[Trip], porto: Trip
) -> None:
    visit(page, "/trips/?q=Porto")
    expect(page.locator(f"main a[href$='/trips/{porto.pk}/']").first).to_be_visible()

    for trip in unpublished:
        city = trip.title.split()[-1]
        visit(page, f"/trips/?q={city}")

        expect(page.get_by_text(trip.title)).to_have_count(0)
        expect(page.locator(f"a[href$='/trips/{trip.pk}/']")).to_have_count(0)


def test_the_filters_do_not_reveal_where_unpublished_trips_went(
    page: Page, unpublished: list[Trip], porto: Trip
) -> None:
    visit(page, "/trips/")
    expect(page.locator("select[name=country] option[value=PT]")).to_have_count(1)

    for trip in unpublished:
        country = trip.destinations.get().country
        expect(page.locator(f"select[name=country] option[value={country}]")).to_have_count(0)
        visit(page, f"/trips/?country={country}")
        expect(page.get_by_text(trip.title)).to_have_count(0)
        visit(page, "/trips/")
