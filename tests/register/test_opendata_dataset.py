"""/data/: the dataset page documents the files, their columns, the licence and when the data last changed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from reisregister.accounts.models import User
from reisregister.opendata.columns import FOLLOW_UP_COLUMNS, TRIP_COLUMNS
from reisregister.organisations.models import Organisation
from reisregister.publication import events
from reisregister.trips.models import AuditEvent, Trip
from tests.register.publishing import Register


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


def _page(client: Client) -> str:
    response = client.get("/data/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def test_every_column_is_documented(db: None, client: Client) -> None:
    page = _page(client)
    documented = [(c.name, str(c.meaning)) for c in TRIP_COLUMNS] + [
        (c.name, str(c.meaning)) for c in FOLLOW_UP_COLUMNS
    ]
    for name, meaning in documented:
        assert f"<code>{name}</code>" in page
        assert meaning.replace("'", "&#x27;") in page


def test_it_links_every_file(db: None, client: Client) -> None:
    page = _page(client)
    for path in (
        "trips.csv",
        "trips.json",
        "trips.jsonl",
        "follow-ups.csv",
        "trips.schema.json",
        "feed.atom",
    ):
        assert f'href="/data/{path}"' in page
    assert 'rel="alternate" type="application/atom+xml" href="/data/feed.atom"' in page


def test_the_licence_is_cc0_by_default(db: None, client: Client) -> None:
    page = _page(client)
    assert (
        '<a href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license">CC0 1.0 Universal</a>'
        in page
    )


def test_the_licence_follows_the_setting(db: None, client: Client, settings: object) -> None:
    settings.DATA_LICENCE = "CC-BY-4.0"  # type: ignore[attr-defined]
    page = _page(client)
    assert (
        '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in page
    )
    assert "name the source: Reisregister" in page
    csv_link = client.get("/data/trips.csv")["Link"]
    assert csv_link == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def test_it_counts_published_trips_only(register: Register, client: Client) -> None:
    register.published("Een")
    register.published("Twee")
    register.draft("Concept")
    assert "2 published trips" in _page(client)


def test_the_update_time_is_the_latest_publication_event(
    register: Register, client: Client
) -> None:
    assert "nothing has been published yet" in _page(client)
    trip_id = register.published("Een")
    register.draft("Later concept")  # an edit of a draft changes nothing in the data
    moment = dt.datetime(2026, 3, 2, 14, 5, tzinfo=dt.UTC)
    AuditEvent.objects.filter(trip_id=trip_id, action="publish").update(at=moment)
    Trip.objects.filter(pk=trip_id).update(published_at=moment)
    assert events.last_update() == moment
    assert 'datetime="2026-03-02T15:05:00+01:00"' in _page(client)  # shown in Dutch time


def test_a_withdrawal_is_an_update(register: Register) -> None:
    trip_id = register.published("Een")
    AuditEvent.objects.update(at=timezone.now() - dt.timedelta(days=3))
    Trip.objects.update(published_at=timezone.now() - dt.timedelta(days=3))
    register.withdraw(trip_id)
    updated = events.last_update()
    assert updated is not None and updated > timezone.now() - dt.timedelta(minutes=1)


def test_trips_written_without_audit_events_still_date_the_data(register: Register) -> None:
    trip_id = register.published("In bulk geschreven")
    AuditEvent.objects.all().delete()
    moment = dt.datetime(2025, 5, 5, 12, 0, tzinfo=dt.UTC)
    Trip.objects.filter(pk=trip_id).update(published_at=moment)
    assert events.last_update() == moment


def test_a_redaction_of_a_published_trip_is_an_update(register: Register) -> None:
    trip_id = register.published("Bezoek met Pietersen")
    AuditEvent.objects.update(at=timezone.now() - dt.timedelta(days=3))
    Trip.objects.update(published_at=timezone.now() - dt.timedelta(days=3))
    register.redact(trip_id, "Pietersen")
    updated = events.last_update()
    assert updated is not None and updated > timezone.now() - dt.timedelta(minutes=1)


def test_the_page_is_in_dutch_by_default(db: None, client: Client) -> None:
    response = client.get("/data/")
    assert '<html lang="nl">' in response.content.decode()
