"""The report form: six questions with structured rows, drafts, and validation that explains itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from reisregister.accounts.models import Membership, Role, User
from reisregister.organisations.models import Organisation
from reisregister.trips import service
from reisregister.trips.data import TripData
from reisregister.trips.models import AuditEvent, Status, Trip
from tests.register.formpost import NEW_TRIP, as_post, english_client, fields_of
from tests.register.formpost import post_new_trip as _post_new

NEW = NEW_TRIP


@pytest.fixture
def editor(alice: User) -> Client:
    return english_client(alice)


def test_it_asks_the_six_questions_of_the_report_template(editor: Client) -> None:
    html = editor.get(NEW).content.decode()
    for question in (
        "1. How long was the trip?",
        "2. What was the purpose of the trip?",
        "3. Which locations were visited?",
        "4. Whom did you meet?",
        "5. What did the trip yield?",
        "6. Are there follow-up agreements?",
    ):
        assert question in html


def test_it_offers_empty_rows_so_it_works_without_javascript(editor: Client) -> None:
    fields = fields_of(editor.get(NEW).content)
    for kind in ("travellers", "goals", "programme", "contacts", "outcomes", "follow_ups", "costs"):
        assert fields[f"{kind}-TOTAL_FORMS"] == ["2"]
        assert f"{kind}-1-span_start" in fields


def test_its_add_row_buttons_wait_for_javascript(editor: Client) -> None:
    html = editor.get(NEW).content.decode()
    assert (
        '<button type="button" class="button button--secondary" data-formset-add hidden>Add a goal</button>'
        in html
    )
    assert "<template data-formset-template>" in html
    assert "goals-__prefix__-text" in html


def test_it_names_where_names_are_kept(editor: Client) -> None:
    html = editor.get(NEW).content.decode()
    assert "Names are kept only for holders of public office" in html


def test_it_saves_a_draft_with_only_a_title(editor: Client, alice: User) -> None:
    status, _, trip = _post_new(editor, {"title": "Werkbezoek Helsingborg"})
    assert status == 302
    assert trip is not None
    assert trip.title == "Werkbezoek Helsingborg"
    assert trip.status == Status.DRAFT
    assert trip.created_by == alice
    assert not trip.goals.exists()
    assert AuditEvent.objects.filter(trip=trip, action="created", actor=alice).exists()


FULL_REPORT: dict[str, str | list[str]] = {
    "title": "Smart mobility in Helsingborg",
    "start_date": "2025-03-10",
    "end_date": "2025-03-12",
    "travel_days": "10-3-2025, 2025-03-12",
    "purpose": "Learn how Helsingborg runs its mobility hubs.",
    "event_name": "H22 City Expo",
    "event_url": "https://h22.example.org/",
    "transport_mode": "train",
    "funding": "partly",
    "funding_party": "EU Interreg",
    "links": "https://example.org/report\nhttps://example.org/slides",
    "travellers-0-role": "wethouder mobiliteit",
    "travellers-0-category": "bestuurder",
    "travellers-0-name": "R. de Vries",
    "travellers-1-role": "beleidsadviseur",
    "travellers-1-category": "ambtenaar",
    "destinations-0-city": "Helsingborg",
    "goals-0-label": "A",
    "goals-0-text": "Learn about mobility hubs",
    "goals-1-text": "Meet the Interreg partners",
    "programme-0-date": "2025-03-11",
    "programme-0-start_time": "09:30",
    "programme-0-end_time": "11:00",
    "programme-0-title": "Visit to the Drottninggatan hub",
    "programme-0-speakers": "Anna Lund, head of mobility",
    "programme-0-location": "Drottninggatan",
    "contacts-0-role": "Policy Officer",
    "contacts-0-organisation": "Municipality of Helsingborg",
    "contacts-0-city": "Helsingborg",
    "contacts-0-country": "Sweden",
    "contacts-0-count": "4",
    "outcomes-0-goal_label": "A",
    "outcomes-0-text": "Three ideas for our own hubs",
    "outcomes-0-achieved": "yes",
    "outcomes-1-goal_label": "B",
    "outcomes-1-text": "A joint proposal is planned",
    "outcomes-1-achieved": "partly",
    "follow_ups-0-action": "Send our hub plan",
    "follow_ups-0-counterparties": "Municipality of Helsingborg, Interreg secretariat",
    "follow_ups-0-owner": "Team mobility",
    "follow_ups-0-due_date": "2025-06-01",
    "follow_ups-0-status": "open",
    "costs-0-category": "transport",
    "costs-0-estimated_amount": "450",
    "costs-0-actual_amount": "412.50",
    "costs-0-currency": "eur",
    "costs-0-payer": "Gemeente Den Haag",
}


def test_it_saves_a_whole_report_with_its_rows(editor: Client) -> None:
    status, _, trip = _post_new(editor, FULL_REPORT)
    assert status == 302, _
    assert trip is not None
    assert trip.start_date == dt.date(2025, 3, 10)
    assert trip.travel_days == ["2025-03-10", "2025-03-12"]
    assert trip.links == ["https://example.org/report", "https://example.org/slides"]
    assert (trip.funding, trip.funding_party, trip.transport_mode) == (
        "partly",
        "EU Interreg",
        "train",
    )
    travellers = list(trip.travellers.values_list("role", "category", "name"))
    assert travellers == [
        ("wethouder mobiliteit", "bestuurder", "R. de Vries"),
        ("beleidsadviseur", "ambtenaar", ""),
    ]
    assert list(trip.goals.values_list("label", "text")) == [
        ("A", "Learn about mobility hubs"),
        ("B", "Meet the Interreg partners"),
    ]
    item = trip.programme.get()
    assert (item.date, item.start_time, item.end_time) == (
        dt.date(2025, 3, 11),
        dt.time(9, 30),
        dt.time(11),
    )
    assert item.speakers == ["Anna Lund", "head of mobility"]
    contact = trip.contacts.get()
    assert (contact.organisation, contact.country, contact.count) == (
        "Municipality of Helsingborg",
        "SE",
        4,
    )
    outcomes = [
        (o.goal.label if o.goal else None, o.achieved) for o in trip.outcomes.select_related("goal")
    ]
    assert outcomes == [("A", "yes"), ("B", "partly")]
    follow_up = trip.follow_ups.get()
    assert follow_up.counterparties == ["Municipality of Helsingborg", "Interreg secretariat"]
    assert follow_up.due_date == dt.date(2025, 6, 1)
    cost = trip.costs.get()
    assert (cost.category, cost.estimated_amount, cost.actual_amount, cost.currency) == (
        "transport",
        Decimal("450.00"),
        Decimal("412.50"),
        "EUR",
    )
    assert all(
        row.confirmed for row in [*trip.goals.all(), *trip.programme.all(), *trip.contacts.all()]
    )


def test_it_fills_in_country_and_coordinates_of_a_city_it_knows(editor: Client) -> None:
    _, _, trip = _post_new(editor, {"title": "Keulen", "destinations-0-city": "Keulen"})
    assert trip is not None
    destination = trip.destinations.get()
    assert destination.country == "DE"
    assert destination.lat == pytest.approx(50.93, abs=0.05)


def test_it_keeps_the_chosen_suggestion_when_a_city_name_is_ambiguous(editor: Client) -> None:
    changes: dict[str, str | list[str]] = {
        "title": "Valencia",
        "destinations-0-city": "Valencia",
        "destinations-0-country": "ES",
        "destinations-0-lat": "39.47",
        "destinations-0-lon": "-0.38",
    }
    _, _, trip = _post_new(editor, changes)
    assert trip is not None
    destination = trip.destinations.get()
    assert (destination.country, destination.lat, destination.lon) == ("ES", 39.47, -0.38)


def test_it_keeps_everything_typed_when_the_report_is_refused(editor: Client) -> None:
    changes = {**FULL_REPORT, "end_date": "2025-03-01"}
    status, html, _ = _post_new(editor, changes)
    assert status == 200
    fields = fields_of(html)
    assert fields["programme-0-title"] == ["Visit to the Drottninggatan hub"]
    assert fields["follow_ups-0-counterparties"] == [
        "Municipality of Helsingborg, Interreg secretariat"
    ]
    assert fields["travellers-0-name"] == ["R. de Vries"]


def test_it_gives_a_goal_without_a_label_the_next_free_letter(editor: Client) -> None:
    changes: dict[str, str | list[str]] = {
        "title": "Goals",
        "goals-0-text": "First",
        "goals-1-label": "a",
        "goals-1-text": "Second",
    }
    _, _, trip = _post_new(editor, changes)
    assert trip is not None
    assert list(trip.goals.values_list("label", "text")) == [("B", "First"), ("A", "Second")]


def test_it_saves_and_submits_for_review_in_one_step(editor: Client) -> None:
    _, _, trip = _post_new(editor, {"title": "Ready", "action": "submit"})
    assert trip is not None
    trip.refresh_from_db()
    assert trip.status == Status.SUBMITTED
    assert list(trip.audit_events.values_list("action", flat=True)) == ["created", "submit"]


def test_an_editor_of_two_organisations_chooses_one(
    editor: Client, alice: User, almere: Organisation
) -> None:
    Membership.objects.create(user=alice, organisation=almere, role=Role.EDITOR)
    html = editor.get(NEW).content.decode()
    assert '<select name="organisation"' in html
    assert "Gemeente Almere</option>" in html
    fields = fields_of(html)
    response = editor.post(
        NEW, as_post(fields, {"title": "Almere trip", "organisation": str(almere.pk)})
    )
    assert response.status_code == 302
    assert Trip.objects.get(title="Almere trip").organisation == almere


def _trip(organisation: Organisation, user: User, **values: object) -> Trip:
    data = TripData(title="Werkbezoek Gent", **values)  # type: ignore[arg-type]
    return service.create_trip(organisation, data, user=user)


def test_it_edits_an_existing_trip_and_records_what_changed(
    editor: Client, alice: User, den_haag: Organisation
) -> None:
    trip = _trip(den_haag, alice, goals=[{"label": "A", "text": "Learn"}])
    url = f"/werk/trips/{trip.pk}/edit/"
    fields = fields_of(editor.get(url).content)
    assert fields["goals-0-text"] == ["Learn"]
    changes: dict[str, str | list[str]] = {
        "title": "Werkbezoek Gent en Brugge",
        "goals-1-text": "Meet Brugge",
    }
    response = editor.post(url, as_post(fields, changes))
    assert response.status_code == 302
    trip.refresh_from_db()
    assert trip.title == "Werkbezoek Gent en Brugge"
    assert trip.version == 2
    assert list(trip.goals.values_list("label", flat=True)) == ["A", "B"]
    event = trip.audit_events.get(action="edited")
    assert event.before is not None and event.after is not None
    assert event.before["title"] == "Werkbezoek Gent"
    assert event.after["title"] == "Werkbezoek Gent en Brugge"


def test_it_removes_a_row_marked_for_removal(
    editor: Client, alice: User, den_haag: Organisation
) -> None:
    trip = _trip(
        den_haag, alice, goals=[{"label": "A", "text": "Keep"}, {"label": "B", "text": "Drop"}]
    )
    url = f"/werk/trips/{trip.pk}/edit/"
    fields = fields_of(editor.get(url).content)
    editor.post(url, as_post(fields, {"goals-1-DELETE": "on"}))
    assert list(trip.goals.values_list("text", flat=True)) == ["Keep"]


def test_it_saves_nothing_when_nothing_changed(
    editor: Client, alice: User, den_haag: Organisation
) -> None:
    trip = _trip(
        den_haag,
        alice,
        start_date=dt.date(2025, 3, 10),
        end_date=dt.date(2025, 3, 11),
        programme=[{"date": dt.date(2025, 3, 10), "title": "Talks", "speakers": ["A", "B"]}],
        costs=[{"category": "transport", "actual_amount": Decimal("12.50")}],
        destinations=[{"city": "Ghent", "country": "BE", "lat": 51.05, "lon": 3.7167}],
    )
    url = f"/werk/trips/{trip.pk}/edit/"
    response = editor.post(url, fields_of(editor.get(url).content), follow=True)
    assert "Nothing had changed, so nothing was saved." in response.content.decode()
    trip.refresh_from_db()
    assert trip.version == 1
    assert not trip.audit_events.filter(action="edited").exists()


def test_it_suggests_places_from_the_gazetteer(editor: Client) -> None:
    response = editor.get("/werk/places/", {"q": "Helsingb"})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert (first["city"], first["country"], first["country_name"]) == (
        "Helsingborg",
        "SE",
        "Sweden",
    )
    assert first["lat"] == pytest.approx(56.05, abs=0.05)


def test_it_suggests_nothing_for_a_single_letter(editor: Client) -> None:
    assert editor.get("/werk/places/", {"q": "H"}).json()["results"] == []
