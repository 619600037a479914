"""The frozen public copy of each published trip (``publication.snapshots``): written with the change that
makes it, rebuilt when missing or outdated, never older than the trip's committed state."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.publication import codec, snapshots
from reisregister.publication import service as publication
from reisregister.publication.models import PublishedTrip
from tests.register.publishing import Register, full_trip


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


def test_publishing_writes_the_copy_and_withdrawing_removes_it(register: Register) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    copy = PublishedTrip.objects.get(trip_id=trip_id)
    assert copy.format == codec.FORMAT
    assert copy.data["title"] == "Werkbezoek Hamburg"

    register.withdraw(trip_id)
    assert not PublishedTrip.objects.filter(trip_id=trip_id).exists()
    with pytest.raises(publication.TripNotFound):
        publication.get_trip(trip_id)


def test_a_trip_page_reads_one_row_when_the_copy_exists(register: Register) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    with CaptureQueriesContext(connection) as queries:
        trip = publication.get_trip(trip_id)
    assert len(queries.captured_queries) == 1
    assert trip.goals and trip.programme and trip.follow_ups and trip.costs


def test_the_copy_is_the_same_view_as_one_built_from_the_rows(register: Register) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    register.redact(trip_id, "Hamburg")
    from_copy = publication.get_trip(trip_id)
    PublishedTrip.objects.filter(trip_id=trip_id).delete()
    assert publication.get_trip(trip_id) == from_copy
    assert "Hamburg" not in from_copy.title


def test_a_redaction_after_publication_changes_the_copy_in_the_same_step(
    register: Register,
) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    register.redact(trip_id, "Hamburg")
    assert "Hamburg" not in str(PublishedTrip.objects.get(trip_id=trip_id).data)


def test_a_missing_copy_is_built_when_first_read(register: Register) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    PublishedTrip.objects.filter(trip_id=trip_id).delete()  # as after a bulk load
    assert publication.get_trip(trip_id).title == "Werkbezoek Hamburg"
    assert PublishedTrip.objects.get(trip_id=trip_id).format == codec.FORMAT


def test_a_copy_in_an_older_format_is_rebuilt(register: Register) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    PublishedTrip.objects.filter(trip_id=trip_id).update(format="0.old", data={"stale": True})
    assert publication.get_trip(trip_id).title == "Werkbezoek Hamburg"
    assert PublishedTrip.objects.get(trip_id=trip_id).format == codec.FORMAT


def test_a_slow_reader_never_overwrites_a_copy_written_meanwhile(register: Register) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    stale = publication.get_trip(trip_id)
    register.redact(trip_id, "Hamburg")  # the writer's copy
    # A reader that found no copy (or an old format) before the redaction stores what it built afterwards:
    snapshots.fill([stale], {trip_id: None})
    snapshots.fill([stale], {trip_id: "0.old"})
    assert "Hamburg" not in publication.get_trip(trip_id).title


def test_a_renamed_organisation_shows_at_once(register: Register, den_haag: Organisation) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    publication.get_trip(trip_id)
    den_haag.name = "Gemeente 's-Gravenhage"
    den_haag.save()
    assert publication.get_trip(trip_id).organisation.name == "Gemeente 's-Gravenhage"


def test_every_value_survives_the_round_trip_through_json(register: Register) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    register.redact(trip_id, "Hamburg")
    PublishedTrip.objects.filter(trip_id=trip_id).delete()
    built = publication.get_trip(trip_id)
    assert codec.decode_trip(codec.encode(built)) == built
