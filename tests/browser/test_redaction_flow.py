"""Redaction in the browser: bob, a reviewer, opens a submitted trip, sees what the detector suggests, redacts one
e-mail address on ground 5.1.2e, keeps another (by keyboard), redacts a sentence by selecting it in the document,
and publishes. The public page then shows black boxes with the grounds and the redaction log, and none of the
redacted text. axe-core finds no WCAG 2.1 AA violation on the redaction screen nor on the public page."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.redaction.models import Decision, Origin, Redaction
from reisregister.trips.models import Status, Trip
from tests.browser import world
from tests.browser.steps import (
    OpenPage,
    click_and_wait,
    select_text,
    switch_language,
    tab_to,
    transition_control,
    visit,
)
from tests.support.axe import assert_accessible

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser

REDACTED_MAIL = "m.jansen@example.org"
KEPT_MAIL = "t.devries@example.org"
SENSITIVE = "de onderhandelingen over het walstroomcontract"
TEXT = (
    f"Kennis opdoen over walstroom in de haven van Gdansk. Vragen aan {REDACTED_MAIL} of {KEPT_MAIL}. "
    f"Toelichting: {SENSITIVE} liggen gevoelig."
)
DOCUMENT = (
    f"Reisverslag werkbezoek Gdansk\n{TEXT}\nVervolg: {REDACTED_MAIL} stuurt de stukken na.\n"
)


@pytest.fixture
def trip(den_haag: Organisation, alice: User) -> Trip:
    data = world.simple_trip_data(
        "Werkbezoek walstroom Gdansk", "Gdansk", "PL", dt.date(2024, 9, 3),
        purpose=TEXT, source_text=DOCUMENT,
    )  # fmt: skip
    return world.submitted(den_haag, alice, data)


def suggestion(page: Page, passage: str) -> Locator:
    return page.locator("li.redaction-item").filter(has=page.locator("mark", has_text=passage))


def test_a_reviewer_redacts_and_publishes_and_the_public_sees_only_black_boxes(
    open_page: OpenPage, trip: Trip, bob: User
) -> None:
    reviewer = open_page(bob, language="en")
    visit(reviewer, reverse("trips:review", args=[trip.pk]))
    expect(reviewer.locator(".redaction-summary strong")).to_contain_text("2 suggestions wait")
    expect(reviewer.locator("a.redaction-waiting")).to_be_visible()  # beside the publish button
    click_and_wait(reviewer, reviewer.locator(".redaction-summary a"))
    assert reviewer.url.endswith(reverse("redaction:trip", args=[trip.pk]))

    # Every occurrence is marked in the document: the address to redact twice.
    marks = reviewer.locator("#redaction-document mark.redaction--suggested")
    expect(marks.filter(has_text=REDACTED_MAIL)).to_have_count(2)
    expect(suggestion(reviewer, REDACTED_MAIL)).to_contain_text(
        "3 occurrences"
    )  # and once in the purpose
    assert_accessible(reviewer, "the redaction screen with suggestions")

    redact = suggestion(reviewer, REDACTED_MAIL)
    redact.locator("select[name=ground]").select_option("5.1.2e")
    click_and_wait(reviewer, redact.locator("button[name=decision][value=accepted]"))
    expect(reviewer.locator("main .message--success")).to_be_visible()
    expect(reviewer.locator("#redaction-document mark.redaction--accepted")).to_have_count(2)

    tab_to(reviewer, f"{_item(KEPT_MAIL)} button[name=decision][value=rejected]")
    with reviewer.expect_navigation():
        reviewer.keyboard.press("Enter")
    expect(reviewer.locator("#redaction-document mark.redaction--rejected")).to_have_count(1)

    select_text(reviewer, "#redaction-document", SENSITIVE)
    reviewer.locator("button[data-use-selection]").click()
    expect(reviewer.locator("#id_manual_term")).to_have_value(SENSITIVE)
    expect(reviewer.locator("#id_manual_term")).to_be_focused()
    reviewer.locator("#id_manual_ground").select_option("5.1.2a")
    click_and_wait(reviewer, reviewer.locator("form.redaction-manual button[type=submit]"))
    expect(reviewer.locator("#redaction-document mark.redaction--accepted")).to_have_count(3)
    expect(reviewer.locator("a.redaction-waiting")).to_have_count(0)
    assert_accessible(reviewer, "the redaction screen after the decisions")

    click_and_wait(reviewer, transition_control(reviewer, "publish"))
    expect(reviewer.locator("main .message--success")).to_be_visible()
    trip.refresh_from_db()
    assert trip.status == Status.PUBLISHED
    assert sorted(
        Redaction.objects.filter(trip=trip).values_list("decision", "ground", "origin")
    ) == [
        (Decision.ACCEPTED, "5.1.2a", Origin.MANUAL),
        (Decision.ACCEPTED, "5.1.2e", Origin.DETECTED),
        (Decision.REJECTED, "5.1.2e", Origin.DETECTED),
    ]

    public = open_page()
    visit(public, f"/trips/{trip.pk}/")
    boxes = public.locator("main .redacted")
    expect(boxes.first).to_be_visible()
    expect(boxes.filter(has_text="5.1.2e")).to_have_count(1)
    expect(boxes.filter(has_text="5.1.2a")).to_have_count(1)
    expect(public.locator("table.redaction-log tbody tr")).to_have_count(2)
    html = public.content().casefold()
    assert REDACTED_MAIL not in html and "walstroomcontract" not in html
    assert KEPT_MAIL in html
    assert_accessible(public, "a public trip page with redactions (nl)")
    switch_language(public, "en")
    expect(public.locator("#redactions-heading")).to_have_text("Redaction log")
    assert_accessible(public, "a public trip page with redactions (en)")


def test_an_editor_sees_the_suggestions_without_the_controls(
    open_page: OpenPage, trip: Trip, alice: User
) -> None:
    page = open_page(alice)
    visit(page, reverse("redaction:trip", args=[trip.pk]))
    expect(page.locator("#redaction-document mark.redaction--suggested")).to_have_count(3)
    expect(page.locator("main form button[name=decision]")).to_have_count(0)
    expect(page.locator("#id_manual_term")).to_have_count(0)
    assert_accessible(page, "the redaction screen of an editor")


def test_a_number_after_a_marked_passage_leads_to_its_entry_in_the_list(
    open_page: OpenPage, trip: Trip, bob: User
) -> None:
    page = open_page(bob)
    visit(page, reverse("redaction:trip", args=[trip.pk]))
    page.locator("#redaction-document sup.redaction-ref a").first.click()
    target = page.locator("li.redaction-item:target")
    expect(target).to_have_count(1)
    expect(target).to_be_in_viewport()
    assert re.search(r"#redaction-\d+$", page.url)


def _item(passage: str) -> str:
    """A CSS selector for the list entry of ``passage`` (for ``tab_to``, which takes a selector)."""
    return f"li.redaction-item:has(mark:text-is('{passage}'))"
