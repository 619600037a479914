"""Everything works by keyboard alone, and the focus can always be seen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from tests.browser import world
from tests.browser.steps import (
    OpenPage,
    add_row_button,
    choose_by_keyboard,
    focus_is_visible,
    focused_html,
    formset_rows,
    tab_to,
    visit,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", ["/", "/trips/", "/accounts/login/"])
def test_the_skip_link_is_the_first_tab_stop_and_moves_the_focus_to_the_main_content(
    page: Page, url: str
) -> None:
    visit(page, url)

    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert focus_is_visible(page)

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)"), (
        f"after the skip link, Tab went to {focused_html(page)}"
    )


def test_a_visitor_searches_and_filters_the_list_by_keyboard_alone(
    page: Page, den_haag: Organisation, alice: User, bob: User
) -> None:
    tampere = world.published(den_haag, alice, bob, world.tampere_trip_data())
    lisbon = world.simple_trip_data(
        "Handelsmissie Lissabon", "Lissabon", "PT", dt.date(2023, 5, 14)
    )
    world.published(den_haag, alice, bob, lisbon)
    visit(page, "/trips/")

    tab_to(page, "main input[name=q]")
    page.keyboard.type("tramlijn")
    tab_to(page, "main select[name=year]")
    choose_by_keyboard(page, "main select[name=year]", "2024")
    tab_to(page, "main form button[type=submit], main form input[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/trips/?*year=2024*")
    assert "q=tramlijn" in page.url
    expect(page.locator(f"main a[href$='/trips/{tampere.pk}/']").first).to_be_visible()
    expect(page.get_by_text("Handelsmissie Lissabon")).to_have_count(0)


def test_an_editor_adds_programme_rows_and_follow_ups_by_keyboard_alone(
    open_page: OpenPage, alice: User
) -> None:
    page = open_page(alice)
    visit(page, reverse("trips:new"))
    programme = formset_rows(page, "programme")
    follow_ups = formset_rows(page, "follow_ups")
    programme_before, follow_ups_before = programme.count(), follow_ups.count()

    tab_to(page, add_row_button("programme"))
    page.keyboard.press("Enter")
    expect(programme).to_have_count(programme_before + 1)
    # The new row's first field takes the focus, so the keyboard user can type straight away.
    assert programme.last.evaluate("row => row.contains(document.activeElement)"), focused_html(
        page
    )

    tab_to(page, add_row_button("follow_ups"))
    page.keyboard.press(" ")
    expect(follow_ups).to_have_count(follow_ups_before + 1)
    assert follow_ups.last.evaluate("row => row.contains(document.activeElement)"), focused_html(
        page
    )
