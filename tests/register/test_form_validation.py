"""The report form's validation explains itself: what is wrong, beside the field, all at once."""

from __future__ import annotations

import pytest
from django.test import Client

from reisregister.accounts.models import User
from tests.register.formpost import NEW_TRIP, english_client
from tests.register.formpost import post_new_trip as _post_new

NEW = NEW_TRIP


@pytest.fixture
def editor(alice: User) -> Client:
    return english_client(alice)


def test_it_explains_that_a_trip_needs_a_title(editor: Client) -> None:
    status, html, trip = _post_new(editor, {"title": ""})
    assert status == 200
    assert trip is None
    assert "Give the trip a title." in html


def test_it_explains_an_end_date_before_the_start_date(editor: Client) -> None:
    status, html, trip = _post_new(
        editor, {"title": "Oops", "start_date": "2025-03-12", "end_date": "2025-03-10"}
    )
    assert (status, trip) == (200, None)
    assert "The end date 2025-03-10 is before the start date 2025-03-12." in html
    # Beside the field, and linked from the summary at the top.
    assert 'id="id_end_date_error"' in html
    assert 'href="#id_end_date"' in html


def test_it_explains_a_travel_day_outside_the_period(editor: Client) -> None:
    changes: dict[str, str | list[str]] = {
        "title": "Oops",
        "start_date": "2025-03-10",
        "end_date": "2025-03-12",
        "travel_days": "2025-03-20",
    }
    status, html, _ = _post_new(editor, changes)
    assert status == 200
    assert "Travel day 2025-03-20 lies outside the period 2025-03-10 – 2025-03-12." in html


def test_it_explains_a_travel_day_it_cannot_read(editor: Client) -> None:
    _, html, _ = _post_new(editor, {"title": "Oops", "travel_days": "maandag"})
    assert "Travel day maandag is not a date (use YYYY-MM-DD)." in html


def test_it_explains_an_outcome_for_a_goal_that_does_not_exist(editor: Client) -> None:
    changes: dict[str, str | list[str]] = {
        "title": "Oops",
        "goals-0-label": "A",
        "goals-0-text": "Learn",
        "outcomes-0-goal_label": "C",
        "outcomes-0-text": "Something came of it",
    }
    status, html, trip = _post_new(editor, changes)
    assert (status, trip) == (200, None)
    assert "An outcome refers to goal C, but there is no goal C." in html
    assert 'href="#formset-outcomes"' in html


def test_it_refuses_the_name_of_a_civil_servant(editor: Client) -> None:
    changes: dict[str, str | list[str]] = {
        "title": "Names",
        "travellers-0-role": "beleidsadviseur",
        "travellers-0-category": "ambtenaar",
        "travellers-0-name": "Jan Jansen",
    }
    status, html, trip = _post_new(editor, changes)
    assert (status, trip) == (200, None)
    assert "Names are kept only for holders of public office; leave the name empty" in html


def test_it_explains_a_row_that_is_missing_its_main_value(editor: Client) -> None:
    status, html, _ = _post_new(editor, {"title": "Rows", "programme-0-location": "Stadhuis"})
    assert status == 200
    assert "Say what took place, or remove this row." in html
    assert 'href="#row-programme-0"' in html


def test_it_refuses_a_country_it_does_not_know(editor: Client) -> None:
    _, html, trip = _post_new(editor, {"title": "Where", "destinations-0-country": "Atlantis"})
    assert trip is None
    assert "“Atlantis” is not a country we know" in html


def test_it_says_everything_that_is_wrong_at_once(editor: Client) -> None:
    changes: dict[str, str | list[str]] = {
        "title": "Oops",
        "start_date": "2025-03-10",
        "end_date": "2025-03-01",
        "destinations-0-country": "Atlantis",
    }
    status, html, _ = _post_new(editor, changes)
    assert status == 200
    assert "“Atlantis” is not a country we know" in html
    assert "The end date 2025-03-01 is before the start date 2025-03-10." in html
    # One problem, one message: no "fill in a city or a country" on top of the unknown country.
    assert "Fill in at least one of" not in html


def test_it_explains_a_programme_item_outside_the_period(editor: Client) -> None:
    changes: dict[str, str | list[str]] = {
        "title": "Oops",
        "start_date": "2025-03-10",
        "end_date": "2025-03-12",
        "programme-0-date": "2025-03-15",
        "programme-0-title": "Bezoek haven",
    }
    status, html, trip = _post_new(editor, changes)
    assert (status, trip) == (200, None)
    assert "Programme item “Bezoek haven” on 2025-03-15 lies outside the period." in html


def test_a_programme_item_before_a_start_date_without_an_end_is_outside_too(editor: Client) -> None:
    changes: dict[str, str | list[str]] = {
        "title": "Oops",
        "start_date": "2025-03-10",
        "programme-0-date": "2025-03-01",
        "programme-0-title": "Bezoek haven",
    }
    _, html, trip = _post_new(editor, changes)
    assert trip is None
    assert "Programme item “Bezoek haven” on 2025-03-01 lies outside the period." in html
