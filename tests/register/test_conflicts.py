"""Two people editing the same trip: the second save gets a clear conflict message and loses nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.trips import service
from reisregister.trips.data import TripData
from reisregister.trips.merge import digests
from reisregister.trips.models import Trip
from tests.register.formpost import Fields, as_post, english_client, fields_of


@pytest.fixture
def trip(den_haag: Organisation, alice: User) -> Trip:
    data = TripData(
        title="Werkbezoek Gent",
        goals=[{"label": "A", "text": "Leren", "span_start": 0, "span_end": 5, "confirmed": False}],
    )
    return service.create_trip(den_haag, data, user=alice, validate=False)


def _open(client: Client, trip: Trip, page: str = "edit") -> tuple[str, Fields]:
    url = f"/werk/trips/{trip.pk}/{page}/"
    return url, fields_of(client.get(url).content)


def test_the_second_save_is_refused_with_an_explanation_and_loses_nothing(
    alice: User, bob: User, trip: Trip
) -> None:
    first, second = english_client(alice), english_client(bob)
    url, alice_form = _open(first, trip)
    _, bob_form = _open(second, trip)
    assert first.post(url, as_post(alice_form, {"title": "Alice's title"})).status_code == 302

    bob_changes: dict[str, str | list[str]] = {
        "title": "Bob's title",
        "goals-0-text": "Bob's goal",
        "goals-1-text": "Bob's new goal",
    }
    response = second.post(url, as_post(bob_form, bob_changes))

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this trip first" in html
    assert "someone else saved version 2 of this trip" in html
    assert "See the current version 2" in html
    assert f'href="/werk/trips/{trip.pk}/edit/" target="_blank"' in html
    # Everything Bob typed is still in the form...
    kept = fields_of(html)
    assert kept["title"] == ["Bob's title"]
    assert kept["goals-0-text"] == ["Bob's goal"]
    assert kept["goals-1-text"] == ["Bob's new goal"]
    # ...and nothing of Alice's was overwritten.
    trip.refresh_from_db()
    assert (trip.title, trip.version) == ("Alice's title", 2)
    assert list(trip.goals.values_list("text", flat=True)) == ["Leren"]


def test_saving_again_after_seeing_the_conflict_is_a_deliberate_overwrite(
    alice: User, bob: User, trip: Trip
) -> None:
    first, second = english_client(alice), english_client(bob)
    url, alice_form = _open(first, trip)
    _, bob_form = _open(second, trip)
    first.post(url, as_post(alice_form, {"title": "Alice's title"}))
    conflict = second.post(url, as_post(bob_form, {"title": "Bob's title"}))
    kept = fields_of(conflict.content)
    assert kept["version"] == ["2"]

    assert second.post(url, kept).status_code == 302
    trip.refresh_from_db()
    assert (trip.title, trip.version) == ("Bob's title", 3)
    assert trip.audit_events.filter(action="edited").count() == 2


def test_confirming_everything_after_someone_else_saved_is_a_conflict_too(
    alice: User, bob: User, trip: Trip
) -> None:
    reviewer, editor = english_client(bob), english_client(alice)
    url, stale = _open(reviewer, trip, "review")
    edit_url, fresh = _open(editor, trip)
    editor.post(edit_url, as_post(fresh, {"title": "Changed meanwhile"}))

    response = reviewer.post(url, as_post(stale, {"action": "confirm_all"}))

    assert response.status_code == 409
    trip.refresh_from_db()
    assert not trip.goals.get().confirmed
    assert trip.title == "Changed meanwhile"


def test_a_save_that_matches_the_current_version_is_not_a_conflict(
    alice: User, bob: User, trip: Trip
) -> None:
    first, second = english_client(alice), english_client(bob)
    url, alice_form = _open(first, trip)
    _, bob_form = _open(second, trip)
    first.post(url, as_post(alice_form, {"title": "Alice's title"}))
    # Bob's stale form now holds exactly what is stored: there is nothing to overwrite, so no conflict.
    assert second.post(url, as_post(bob_form, {"title": "Alice's title"})).status_code == 302
    trip.refresh_from_db()
    assert trip.version == 2


def test_edits_of_different_fields_are_both_saved(alice: User, bob: User, trip: Trip) -> None:
    first, second = english_client(alice), english_client(bob)
    url, alice_form = _open(first, trip)
    _, bob_form = _open(second, trip)
    first.post(url, as_post(alice_form, {"title": "Alice's title", "goals-0-text": "Alice's goal"}))

    response = second.post(url, as_post(bob_form, {"purpose": "Bob's purpose"}), follow=True)

    assert response.status_code == 200
    assert "their changes to Title, Goals were kept" in response.content.decode()
    trip.refresh_from_db()
    assert (trip.title, trip.purpose, trip.version) == ("Alice's title", "Bob's purpose", 3)
    assert list(trip.goals.values_list("text", flat=True)) == ["Alice's goal"]


def test_a_field_both_changed_is_named_and_the_other_changes_are_already_in_the_form(
    alice: User, bob: User, trip: Trip
) -> None:
    first, second = english_client(alice), english_client(bob)
    url, alice_form = _open(first, trip)
    _, bob_form = _open(second, trip)
    first.post(url, as_post(alice_form, {"title": "Alice's title", "purpose": "Alice's purpose"}))

    response = second.post(url, as_post(bob_form, {"title": "Bob's title"}))

    assert response.status_code == 409
    html = response.content.decode()
    assert "You both changed: <strong>Title</strong>" in html
    assert "Their changes to these are already in the form: Purpose." in html
    kept = fields_of(html)
    assert kept["title"] == ["Bob's title"] and kept["purpose"] == ["Alice's purpose"]
    # Saving the form now keeps Alice's purpose: nothing of hers is undone by accident.
    assert second.post(url, kept).status_code == 302
    trip.refresh_from_db()
    assert (trip.title, trip.purpose) == ("Bob's title", "Alice's purpose")


def test_an_amount_typed_differently_is_the_same_value() -> None:
    stored = TripData(
        title="x", costs=[{"category": "transport", "estimated_amount": Decimal("12.50")}]
    )
    typed = TripData(
        title="x", costs=[{"category": "transport", "estimated_amount": Decimal("12.5")}]
    )
    assert digests(stored)["costs"] == digests(typed)["costs"]
