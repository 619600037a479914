"""Text from a report is data, never markup: a <script> or an <img onerror> in a document or a field shows as
literal text on the review screen, the public trip page, the list and in search snippets, and never runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from reisregister.accounts.models import User
from reisregister.ingest.service import import_document
from reisregister.organisations.models import Organisation
from tests.browser import world
from tests.browser.steps import OpenPage, visit

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__xss=1</script>"
IMAGE = '<img src=x onerror="window.__xss=2">'
# A word found only next to the payload, so that a search snippet has to show it.
MARKER = "Zwartewaterklooster"
CORPUS_REPORT = (
    Path(__file__).resolve().parents[1] / "corpus" / "nl-reisverslag-clean" / "source.txt"
)


def assert_shown_as_text(page: Page, where: str) -> None:
    assert page.evaluate("() => typeof window.__xss") == "undefined", (
        f"report text ran as script on {where}"
    )
    expect(page.locator("script", has_text="__xss")).to_have_count(0)
    expect(page.locator("img[onerror]")).to_have_count(0)
    expect(page.get_by_text(SCRIPT).first).to_be_visible()


def test_a_script_in_an_imported_report_shows_as_text_on_the_review_screen(
    open_page: OpenPage, den_haag: Organisation, alice: User
) -> None:
    text = CORPUS_REPORT.read_text(encoding="utf-8").replace(
        "De doelen van de reis waren:",
        f"Bij het {MARKER} {SCRIPT} en {IMAGE} hoorde ook een bezoek.\n\nDe doelen van de reis waren:",
    )
    result = import_document(
        text.encode(), filename="verslag.txt", organisation=den_haag, user=alice
    )
    assert result.ok, result.message
    page = open_page(alice)

    visit(page, reverse("trips:review", args=[result.trips[0].pk]))

    assert_shown_as_text(page, "the review screen")
    expect(page.get_by_text(IMAGE).first).to_be_visible()


def test_a_script_in_a_published_trip_shows_as_text_on_every_public_page(
    page: Page, den_haag: Organisation, alice: User, bob: User
) -> None:
    data = world.tampere_trip_data(
        title=f"Werkbezoek {SCRIPT}",
        purpose=f"Kennismaken met het {MARKER} {SCRIPT} {IMAGE} in Tampere.",
        goals=[{"label": "A", "text": f"Doel {IMAGE}"}],
        outcomes=[{"goal_label": "A", "text": f"Uitkomst {SCRIPT}", "achieved": "yes"}],
        contacts=[
            {
                "role": "wethouder",
                "organisation": f"Gemeente {IMAGE}",
                "city": "Tampere",
                "country": "FI",
            }
        ],
        follow_ups=[{"action": f"Vervolg {SCRIPT}", "counterparties": [IMAGE], "status": "open"}],
    )
    trip = world.published(den_haag, alice, bob, data)

    visit(page, f"/trips/{trip.pk}/")
    assert_shown_as_text(page, "the trip page")
    expect(page.get_by_text(f"Doel {IMAGE}").first).to_be_visible()

    visit(page, "/")
    assert_shown_as_text(page, "the home page")

    visit(page, "/trips/")
    assert_shown_as_text(page, "the list")

    visit(page, f"/trips/?q={MARKER}")
    assert_shown_as_text(page, "the search results")
    snippet = page.locator("main :has(> mark)", has_text=MARKER).first
    expect(snippet).to_be_visible()
    expect(snippet).to_contain_text("<script>")
