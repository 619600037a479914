"""A visitor searches from the home page, sees where the words matched, and opens the trip."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from tests.browser import world
from tests.browser.steps import visit

pytestmark = pytest.mark.browser


def test_a_visitor_searches_from_the_home_page_and_opens_the_trip(
    page: Page, den_haag: Organisation, alice: User, bob: User
) -> None:
    tampere = world.published(den_haag, alice, bob, world.tampere_trip_data())
    lisbon = world.simple_trip_data(
        "Handelsmissie Lissabon", "Lissabon", "PT", dt.date(2024, 5, 14)
    )
    world.published(den_haag, alice, bob, lisbon)

    visit(page, "/")
    search = page.locator("main input[name=q]").first
    search.fill(world.TAMPERE_WORD)
    search.press("Enter")

    page.wait_for_url(re.compile(rf"/trips/\?(.*&)?q={world.TAMPERE_WORD}"))
    results = page.locator("main")
    expect(
        results.locator("mark", has_text=re.compile(world.TAMPERE_WORD, re.I)).first
    ).to_be_visible()
    expect(results.get_by_text("Handelsmissie Lissabon")).to_have_count(0)

    results.locator(f"a[href$='/trips/{tampere.pk}/']").first.click()
    page.wait_for_url(f"**/trips/{tampere.pk}/")
    expect(page.locator("h1")).to_contain_text(world.TAMPERE_TITLE)


def test_the_search_finds_a_trip_by_another_form_of_a_dutch_word(
    page: Page, den_haag: Organisation, alice: User, bob: User
) -> None:
    tampere = world.published(den_haag, alice, bob, world.tampere_trip_data())

    # The trip says "tramlijn"; Dutch stemming finds it for "tramlijnen" as well.
    visit(page, "/trips/?q=tramlijnen")

    expect(page.locator(f"main a[href$='/trips/{tampere.pk}/']").first).to_be_visible()
