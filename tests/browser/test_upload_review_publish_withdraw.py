"""The whole life of an imported report: alice uploads it, checks it against the document, corrects and confirms
it and submits it; bob publishes it and the public finds it; bob withdraws it and it is gone again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from reisregister.accounts.models import User
from reisregister.trips.models import AuditEvent, Status, Trip
from tests.browser.steps import (
    OpenPage,
    assert_saved_without_errors,
    click_and_wait,
    form_action,
    log_in,
    transition_control,
    visit,
)
from tests.support.axe import assert_accessible

pytestmark = pytest.mark.browser

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "nl-reisverslag-clean" / "source.txt"
CORRECTED_TITLE = "Werkbezoek tram en innovatiedistrict Tampere"
# A word from the report that only this trip contains, for the public search.
WORD = "Hiedanranta"


def upload_report(page: Page) -> Trip:
    visit(page, "/werk/import/")
    page.locator("input[type=file]").set_input_files(str(REPORT))
    click_and_wait(page, page.locator("form.upload-form button[type=submit]"))
    assert page.url.endswith("/werk/import/results/")
    trip = Trip.objects.get(source_document__original_filename=REPORT.name)
    click_and_wait(page, page.locator(f"main a[href$='/werk/trips/{trip.pk}/review/']"))
    return trip


def check_evidence_of_fields(page: Page) -> None:
    """Selecting a field, or its "show evidence" link, marks the field's span in the document and scrolls
    the document to it. The last link and then the first field, so that both need scrolling."""
    link = page.locator("#trip-form a.evidence-link").last
    link.click()
    expect_active_evidence(page, str(link.get_attribute("data-show-evidence")))

    holder = page.locator("#trip-form [data-evidence]").first
    holder.locator("input:not([type=hidden]), textarea, select").first.click()
    expect_active_evidence(page, str(holder.get_attribute("data-evidence")))
    assert_accessible(page, "the review screen with highlighted evidence")


def expect_active_evidence(page: Page, key: str) -> None:
    mark = page.locator(f"#source-text mark[data-evidence='{key}']").first
    expect(mark).to_have_class(re.compile(r"\bevidence--active\b"))
    expect(mark).to_be_in_viewport()
    expect(
        page.locator("#source-text mark.evidence--active:not([data-evidence='" + key + "'])")
    ).to_have_count(0)


def correct_confirm_and_submit(page: Page, trip: Trip) -> None:
    expect(page.locator(".badge--unconfirmed").first).to_be_visible()
    page.locator("#id_title").fill(CORRECTED_TITLE)
    click_and_wait(page, form_action(page, "confirm_all"))
    assert_saved_without_errors(page)
    expect(page.locator("h1")).to_contain_text(CORRECTED_TITLE)
    expect(page.locator("#trip-form .badge--unconfirmed")).to_have_count(0)
    # An editable trip is submitted with the form's own button, so unsaved edits go along.
    click_and_wait(page, form_action(page, "submit"))
    assert_saved_without_errors(page)
    trip.refresh_from_db()
    assert (trip.title, trip.status, trip.unconfirmed_fields) == (
        CORRECTED_TITLE,
        Status.SUBMITTED,
        [],
    )


def decide_redactions(page: Page, trip: Trip) -> None:
    """The reviewer opens the redaction screen from the review screen and redacts whatever the detector
    suggests (the report names a civil servant); publishing waits until every suggestion is decided."""
    visit(page, f"/werk/trips/{trip.pk}/review/")
    click_and_wait(page, page.locator(".redaction-summary a"))
    bulk = page.locator("form.redaction-bulk button[name=decision][value=accepted]")
    if bulk.count():
        click_and_wait(page, bulk)
        expect(page.locator("main .message--success")).to_be_visible()
    expect(page.locator("a.redaction-waiting")).to_have_count(0)


def publish(page: Page, trip: Trip) -> None:
    decide_redactions(page, trip)
    visit(page, f"/werk/trips/{trip.pk}/review/")
    click_and_wait(page, transition_control(page, "publish"))
    expect(page.locator("main .message--success").first).to_be_visible()
    trip.refresh_from_db()
    assert trip.status == Status.PUBLISHED


def withdraw(page: Page, trip: Trip, reason: str) -> None:
    visit(page, f"/werk/trips/{trip.pk}/review/")
    click_and_wait(page, transition_control(page, "withdraw"))
    page.locator("textarea[name=reason]").fill(reason)
    click_and_wait(page, page.locator("main form button[type=submit]"))
    expect(page.locator("main .message--success").first).to_be_visible()
    trip.refresh_from_db()
    assert (trip.status, trip.withdrawn_reason) == (Status.WITHDRAWN, reason)


def test_an_uploaded_report_is_reviewed_published_found_and_withdrawn(
    open_page: OpenPage, alice: User, bob: User
) -> None:
    editor = open_page()
    log_in(editor, "alice")
    trip = upload_report(editor)
    check_evidence_of_fields(editor)
    correct_confirm_and_submit(editor, trip)

    reviewer = open_page()
    log_in(reviewer, "bob")
    publish(reviewer, trip)

    public = open_page()
    visit(public, "/trips/")
    public.locator(f"main a[href$='/trips/{trip.pk}/']").first.click()
    expect(public.locator("h1")).to_contain_text(CORRECTED_TITLE)
    visit(public, f"/trips/?q={WORD}")
    expect(public.locator(f"main a[href$='/trips/{trip.pk}/']").first).to_be_visible()

    withdraw(reviewer, trip, "Het verslag bevat een fout in de kosten.")

    assert visit(public, f"/trips/{trip.pk}/").status == 404
    for url in ("/trips/", f"/trips/?q={WORD}", "/"):
        visit(public, url)
        expect(public.locator(f"a[href$='/trips/{trip.pk}/']")).to_have_count(0)
        expect(public.get_by_text(CORRECTED_TITLE)).to_have_count(0)
    actions = list(AuditEvent.objects.filter(trip=trip).values_list("action", flat=True))
    workflow = [action for action in actions if not action.startswith("redaction")]
    assert workflow[-4:] == ["confirmed", "submit", "publish", "withdraw"]
