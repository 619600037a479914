"""Roles per organisation: an editor of Den Haag cannot see or touch Almere's trips."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from reisregister.accounts.models import User
from reisregister.ingest.models import SourceDocument
from reisregister.organisations.models import Organisation
from reisregister.trips import service
from reisregister.trips.data import TripData
from reisregister.trips.models import Status, Trip
from tests.register.formpost import as_post, english_client, fields_of


@pytest.fixture
def document(den_haag: Organisation) -> SourceDocument:
    content = b"Reisverslag werkbezoek Gent\n"
    document = SourceDocument(
        organisation=den_haag,
        original_filename="reisverslag gent.txt",
        sha256="ab" * 32,
        media_type="text/plain",
        size=len(content),
    )
    document.file.save("ignored", ContentFile(content), save=False)
    document.save()
    return document


@pytest.fixture
def den_haag_trip(den_haag: Organisation, alice: User, document: SourceDocument) -> Trip:
    data = TripData(title="Werkbezoek Gent", source_text="Reisverslag werkbezoek Gent\n")
    return service.create_trip(den_haag, data, user=alice, source_document=document)


PAGES = ("edit", "review", "history", "source", "transition/submit")


@pytest.mark.parametrize("page", PAGES)
def test_another_organisation_s_trip_is_not_found(
    charlie: User, den_haag_trip: Trip, page: str
) -> None:
    response = english_client(charlie).get(f"/werk/trips/{den_haag_trip.pk}/{page}/")
    assert response.status_code == 404


def test_another_organisation_s_trip_cannot_be_changed(
    charlie: User, alice: User, den_haag_trip: Trip
) -> None:
    fields = fields_of(english_client(alice).get(f"/werk/trips/{den_haag_trip.pk}/edit/").content)
    client = english_client(charlie)
    assert (
        client.post(
            f"/werk/trips/{den_haag_trip.pk}/edit/", as_post(fields, {"title": "Hijacked"})
        ).status_code
        == 404
    )
    assert client.post(f"/werk/trips/{den_haag_trip.pk}/transition/submit/").status_code == 404
    den_haag_trip.refresh_from_db()
    assert (den_haag_trip.title, den_haag_trip.status) == ("Werkbezoek Gent", Status.DRAFT)


def test_the_dashboard_shows_only_the_user_s_organisations(
    charlie: User, alice: User, den_haag_trip: Trip, almere: Organisation
) -> None:
    service.create_trip(almere, TripData(title="Werkbezoek Lelystad"), user=charlie)
    html = english_client(charlie).get("/werk/").content.decode()
    assert "Werkbezoek Lelystad" in html
    assert "Werkbezoek Gent" not in html
    assert "Werkbezoek Lelystad" not in english_client(alice).get("/werk/").content.decode()


def test_a_new_trip_can_only_be_for_one_s_own_organisation(
    charlie: User, almere: Organisation, den_haag: Organisation
) -> None:
    client = english_client(charlie)
    fields = fields_of(client.get("/werk/trips/new/").content)
    assert fields["organisation"] == [str(almere.pk)]
    response = client.post(
        "/werk/trips/new/", as_post(fields, {"title": "Sneaky", "organisation": str(den_haag.pk)})
    )
    assert response.status_code == 200
    assert not Trip.objects.filter(title="Sneaky").exists()


def test_someone_without_a_role_cannot_start_a_trip(db: None) -> None:
    nobody = User.objects.create_user(username="nobody", password="x" * 20)
    client = english_client(nobody)
    assert client.get("/werk/trips/new/").status_code == 403
    assert client.get("/werk/").status_code == 200


def test_editors_cannot_publish_but_reviewers_can(
    alice: User, bob: User, den_haag_trip: Trip
) -> None:
    service.transition(den_haag_trip.pk, "submit", user=alice)
    assert (
        english_client(alice)
        .post(f"/werk/trips/{den_haag_trip.pk}/transition/publish/")
        .status_code
        == 403
    )
    assert (
        english_client(bob).post(f"/werk/trips/{den_haag_trip.pk}/transition/publish/").status_code
        == 302
    )
    den_haag_trip.refresh_from_db()
    assert den_haag_trip.status == Status.PUBLISHED


def test_the_original_document_is_for_the_organisation_s_editors_and_reviewers(
    alice: User, bob: User, den_haag_trip: Trip
) -> None:
    for user in (alice, bob):
        response = english_client(user).get(f"/werk/trips/{den_haag_trip.pk}/source/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"Reisverslag werkbezoek Gent\n"  # type: ignore[attr-defined]
        assert 'filename="reisverslag gent.txt"' in response["Content-Disposition"]
        assert response["Cache-Control"] == "private, no-store"


def test_a_trip_without_a_document_has_nothing_to_download(
    alice: User, den_haag: Organisation
) -> None:
    trip = service.create_trip(den_haag, TripData(title="Typed"), user=alice)
    assert english_client(alice).get(f"/werk/trips/{trip.pk}/source/").status_code == 404


@pytest.mark.parametrize(
    "url", ["/werk/", "/werk/trips/new/", "/werk/trips/1/edit/", "/werk/places/?q=Gent"]
)
def test_the_work_area_asks_anonymous_visitors_to_log_in(
    client: Client, den_haag_trip: Trip, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
