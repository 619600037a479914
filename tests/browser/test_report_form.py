"""An editor fills in the report form: programme rows and follow-ups added with the add-row buttons, a
validation message beside the field it is about, and a draft saved without losing a thing."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from reisregister.accounts.models import User
from reisregister.trips.models import Status, Trip
from tests.browser.steps import (
    OpenPage,
    add_row_button,
    assert_saved_without_errors,
    click_and_wait,
    form_action,
    formset_rows,
    row_field,
    visit,
)
from tests.support.axe import assert_accessible

pytestmark = pytest.mark.browser

TITLE = "Werkbezoek windenergie Esbjerg"
ACTION = "Esbjerg stuurt de evaluatie van het windpark."


def test_an_editor_adds_programme_rows_and_a_follow_up_and_saves_a_draft(
    open_page: OpenPage, alice: User
) -> None:
    page = open_page(alice)
    visit(page, reverse("trips:new"))
    page.locator("#id_title").fill(TITLE)
    # The end before the start: the form must say so beside the last day, and keep everything typed.
    page.locator("#id_start_date").fill("2025-03-10")
    page.locator("#id_end_date").fill("2025-03-09")

    programme = formset_rows(page, "programme")
    first_new = programme.count()
    page.locator(add_row_button("programme")).click()
    page.locator(add_row_button("programme")).click()
    expect(programme).to_have_count(first_new + 2)
    for index, (day, start, title) in enumerate(
        [
            ("2025-03-10", "10:00", "Bezoek aan de haven"),
            ("2025-03-11", "14:30", "Gesprek met Ørsted"),
        ],
        start=first_new,
    ):
        row_field(page, "programme", index, "date").fill(day)
        row_field(page, "programme", index, "start_time").fill(start)
        row_field(page, "programme", index, "title").fill(title)
    row_field(page, "programme", first_new + 1, "speakers").fill("havendirecteur, projectleider")

    follow_ups = formset_rows(page, "follow_ups")
    follow_up = follow_ups.count()
    page.locator(add_row_button("follow_ups")).click()
    expect(follow_ups).to_have_count(follow_up + 1)
    row_field(page, "follow_ups", follow_up, "action").fill(ACTION)
    row_field(page, "follow_ups", follow_up, "owner").fill("afdeling Duurzaamheid")

    click_and_wait(page, form_action(page, "save"))

    end_field = page.locator("#field-end_date")
    expect(end_field.locator(".errorlist")).to_contain_text("2025-03-09")
    expect(page.locator("#id_end_date")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".error-summary a[href='#id_end_date']")).to_be_visible()
    # Keyboard and screen-reader users start at the message that says why, not at the top of the page.
    expect(page.locator(".error-summary")).to_be_focused()
    assert not Trip.objects.filter(title=TITLE).exists()
    assert_accessible(page, "the report form with a validation error")
    # Nothing typed was lost on the way back.
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(row_field(page, "programme", first_new + 1, "title")).to_have_value("Gesprek met Ørsted")
    expect(row_field(page, "follow_ups", follow_up, "action")).to_have_value(ACTION)

    page.locator("#id_end_date").fill("2025-03-12")
    click_and_wait(page, form_action(page, "save"))

    assert_saved_without_errors(page)
    assert "/new/" not in page.url
    trip = Trip.objects.get(title=TITLE)
    assert trip.status == Status.DRAFT
    assert [(str(item.start_time), item.title) for item in trip.programme.all()] == [
        ("10:00:00", "Bezoek aan de haven"),
        ("14:30:00", "Gesprek met Ørsted"),
    ]
    assert trip.programme.all()[1].speakers == ["havendirecteur", "projectleider"]
    assert [(f.action, f.owner) for f in trip.follow_ups.all()] == [
        (ACTION, "afdeling Duurzaamheid")
    ]
