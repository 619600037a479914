"""The workflow in the work area: buttons per role, reasons, the dashboard and a trip's history."""

from __future__ import annotations

import pytest
from django.test import Client

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.trips import service
from reisregister.trips.data import TripData
from reisregister.trips.models import Status, Trip
from tests.register.formpost import as_post, english_client, fields_of


@pytest.fixture
def draft(den_haag: Organisation, alice: User) -> Trip:
    return service.create_trip(den_haag, TripData(title="Werkbezoek Gent"), user=alice)


@pytest.fixture
def submitted(draft: Trip, alice: User) -> Trip:
    return service.transition(draft.pk, "submit", user=alice)


@pytest.fixture
def published(submitted: Trip, bob: User) -> Trip:
    return service.transition(submitted.pk, "publish", user=bob)


def _go(client: Client, trip: Trip, name: str, **data: str) -> int:
    return client.post(f"/werk/trips/{trip.pk}/transition/{name}/", data).status_code


def _status(trip: Trip) -> str:
    trip.refresh_from_db()
    return trip.status


def test_an_editor_submits_a_draft(alice: User, draft: Trip) -> None:
    assert _go(english_client(alice), draft, "submit") == 302
    assert _status(draft) == Status.SUBMITTED


def test_a_reviewer_publishes_a_submitted_trip(bob: User, submitted: Trip) -> None:
    assert _go(english_client(bob), submitted, "publish") == 302
    assert _status(submitted) == Status.PUBLISHED
    assert submitted.published_at is not None


def test_an_editor_cannot_publish(alice: User, submitted: Trip) -> None:
    assert _go(english_client(alice), submitted, "publish") == 403
    assert (
        english_client(alice).get(f"/werk/trips/{submitted.pk}/transition/publish/").status_code
        == 403
    )
    assert _status(submitted) == Status.SUBMITTED


def test_the_buttons_offered_match_the_role(alice: User, bob: User, submitted: Trip) -> None:
    url = f"/werk/trips/{submitted.pk}/edit/"
    as_editor = english_client(alice).get(url).content.decode()
    as_reviewer = english_client(bob).get(url).content.decode()
    assert f"/werk/trips/{submitted.pk}/transition/publish/" not in as_editor
    assert f"/werk/trips/{submitted.pk}/transition/publish/" in as_reviewer
    assert f"/werk/trips/{submitted.pk}/transition/return/" in as_reviewer


def test_withdrawing_asks_for_a_reason(bob: User, published: Trip) -> None:
    client = english_client(bob)
    page = client.get(f"/werk/trips/{published.pk}/transition/withdraw/").content.decode()
    assert '<textarea name="reason"' in page
    response = client.post(f"/werk/trips/{published.pk}/transition/withdraw/", {"reason": "  "})
    assert response.status_code == 400
    assert "Give a reason." in response.content.decode()
    assert _status(published) == Status.PUBLISHED


def test_a_withdrawal_keeps_its_reason_in_the_history(bob: User, published: Trip) -> None:
    client = english_client(bob)
    assert _go(client, published, "withdraw", reason="The costs were wrong.") == 302
    published.refresh_from_db()
    assert (published.status, published.withdrawn_reason) == (
        Status.WITHDRAWN,
        "The costs were wrong.",
    )
    history = client.get(f"/werk/trips/{published.pk}/history/").content.decode()
    assert "The costs were wrong." in history
    assert "Status: published → withdrawn" in history


def test_returning_a_trip_to_the_editor_needs_a_reason(bob: User, submitted: Trip) -> None:
    client = english_client(bob)
    assert _go(client, submitted, "return") == 400
    assert _go(client, submitted, "return", reason="Add the costs.") == 302
    assert _status(submitted) == Status.DRAFT


def test_a_transition_that_does_not_apply_changes_nothing(bob: User, draft: Trip) -> None:
    client = english_client(bob)
    assert (
        "this step does not apply"
        in client.get(f"/werk/trips/{draft.pk}/transition/publish/").content.decode()
    )
    assert _go(client, draft, "publish") == 400
    assert _status(draft) == Status.DRAFT


def test_an_unknown_transition_is_not_found(bob: User, draft: Trip) -> None:
    assert _go(english_client(bob), draft, "launch") == 404


def test_after_a_transition_it_goes_back_where_it_came_from_but_never_off_site(
    alice: User, draft: Trip
) -> None:
    client = english_client(alice)
    response = client.post(
        f"/werk/trips/{draft.pk}/transition/submit/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/werk/trips/{draft.pk}/review/"
    service.transition(draft.pk, "return", user=None, reason="again", check_permission=False)
    response = client.post(f"/werk/trips/{draft.pk}/transition/submit/", {"next": "/werk/"})
    assert response["Location"] == "/werk/"


def test_a_published_trip_is_read_only_until_it_is_reopened(alice: User, published: Trip) -> None:
    client = english_client(alice)
    url = f"/werk/trips/{published.pk}/edit/"
    html = client.get(url).content.decode()
    assert '<fieldset class="trip-form__body" disabled>' in html
    assert "cannot be changed" in html
    fields = fields_of(html.replace(" disabled>", ">"))
    response = client.post(url, as_post(fields, {"title": "Changed after publication"}))
    assert response.status_code == 403
    assert "cannot be edited" in response.content.decode()
    published.refresh_from_db()
    assert published.title == "Werkbezoek Gent"


def test_the_history_says_who_did_what_and_when(alice: User, bob: User, published: Trip) -> None:
    html = english_client(alice).get(f"/werk/trips/{published.pk}/history/").content.decode()
    for text in (
        "Created",
        "Submit for review",
        "Publish",
        "alice",
        "bob",
        "Status: submitted → published",
    ):
        assert text in html
    assert "<time datetime=" in html


def test_the_history_summarises_an_edit(alice: User, draft: Trip) -> None:
    client = english_client(alice)
    url = f"/werk/trips/{draft.pk}/edit/"
    fields = fields_of(client.get(url).content)
    client.post(
        url, as_post(fields, {"title": "Werkbezoek Gent en Brugge", "goals-0-text": "Leren"})
    )
    html = client.get(f"/werk/trips/{draft.pk}/history/").content.decode()
    assert "Title: “Werkbezoek Gent” → “Werkbezoek Gent en Brugge”" in html
    assert "Goals: 0 → 1" in html


def test_the_dashboard_lists_trips_by_status_with_their_actions(
    bob: User, draft: Trip, den_haag: Organisation
) -> None:
    ready = service.create_trip(den_haag, TripData(title="Werkbezoek Brugge"), user=bob)
    service.transition(ready.pk, "submit", user=bob)
    html = english_client(bob).get("/werk/").content.decode()
    assert '<h2 id="group-draft">Draft <span class="count">(1)</span></h2>' in html
    assert '<h2 id="group-submitted">Submitted <span class="count">(1)</span></h2>' in html
    assert "Werkbezoek Gent" in html and "Werkbezoek Brugge" in html
    assert f'action="/werk/trips/{ready.pk}/transition/publish/"' in html
    assert f"/werk/trips/{ready.pk}/transition/return/" in html


def test_the_dashboard_pages_through_one_status(alice: User, den_haag: Organisation) -> None:
    for n in range(12):
        service.create_trip(den_haag, TripData(title=f"Trip {n:02d}"), user=alice)
    client = english_client(alice)
    assert "All 12 trips: draft" in client.get("/werk/").content.decode()
    html = client.get("/werk/", {"status": "draft"}).content.decode()
    assert all(f"Trip {n:02d}" in html for n in range(12))


def test_a_draft_is_submitted_from_inside_the_form_so_no_edit_is_lost(
    alice: User, draft: Trip
) -> None:
    html = english_client(alice).get(f"/werk/trips/{draft.pk}/edit/").content.decode()
    assert 'name="action" value="submit"' in html
    assert f'action="/werk/trips/{draft.pk}/transition/submit/"' not in html


def test_editing_one_field_reports_only_that_field_not_the_outcomes_of_recreated_goals(
    alice: User, den_haag: Organisation
) -> None:
    trip = service.create_trip(
        den_haag,
        TripData(
            title="Werkbezoek Gent",
            goals=[{"label": "A", "text": "Leren"}, {"label": "B", "text": "Delen"}],
            outcomes=[
                {"goal_label": "A", "text": "Geleerd"},
                {"goal_label": "B", "text": "Gedeeld"},
            ],
        ),
        user=alice,
    )
    client = english_client(alice)
    url = f"/werk/trips/{trip.pk}/edit/"
    client.post(url, as_post(fields_of(client.get(url).content), {"purpose": "Kennis halen"}))
    client.post(url, as_post(fields_of(client.get(url).content), {"purpose": "Kennis delen"}))
    html = client.get(f"/werk/trips/{trip.pk}/history/").content.decode()
    assert "Purpose: “Kennis halen” → “Kennis delen”" in html
    assert "Outcomes" not in html.split("Kennis delen", 1)[1].split("</li>", 1)[0]
    assert "changed" not in html
