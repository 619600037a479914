"""The write endpoints for integrations: upload a document, create and edit drafts with optimistic locking,
move trips through the workflow, always within the token's organisation and through the same services (and
audit trail) as the web screens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from rest_framework.test import APIClient

from reisregister.organisations.models import Organisation
from reisregister.trips.models import AuditEvent, Trip
from tests.api.conftest import client_with, key_for, problem
from tests.register.publishing import Register

CORPUS = (
    Path(__file__).resolve().parents[2] / "src" / "reisregister" / "organisations" / "demo_corpus"
)
REPORT = CORPUS / "denhaag-brussel-eurocities.txt"


def _upload(client: APIClient, data: bytes, name: str = "verslag.txt") -> Any:
    return client.post(
        "/api/v1/documents/", {"file": SimpleUploadedFile(name, data)}, format="multipart"
    )


def _step(client: APIClient, trip_id: int, name: str, reason: str = "") -> Any:
    return client.post(
        f"/api/v1/drafts/{trip_id}/transitions/",
        {"transition": name, "reason": reason},
        format="json",
    )


def test_upload_edit_conflict_submit_and_publish(
    den_haag: Organisation, almere: Organisation, register: Register
) -> None:
    editor = client_with(key_for(den_haag, "editor", "Zaaksysteem"))
    reviewer = client_with(key_for(den_haag, "reviewer", "Publicatiestraat"))
    stranger = client_with(key_for(almere, "reviewer", "Almere"))

    uploaded = _upload(editor, REPORT.read_bytes())
    assert uploaded.status_code == 201, uploaded.content
    [created] = uploaded.json()["trips"]
    trip_id = created["id"]
    assert created["status"] == "draft"

    draft = editor.get(f"/api/v1/drafts/{trip_id}/").json()
    assert draft["organisation"]["code"] == "gm0518"
    assert "submit" in draft["transitions"]
    edited = editor.patch(
        f"/api/v1/drafts/{trip_id}/",
        {"title": "Eurocities in Brussel", "version": draft["version"]},
        format="json",
    )
    assert edited.status_code == 200, edited.content
    assert edited.json()["version"] == draft["version"] + 1
    assert edited.json()["destinations"] == draft["destinations"]  # rows not sent stay as they were

    stale = editor.patch(
        f"/api/v1/drafts/{trip_id}/",
        {"title": "Iets anders", "version": draft["version"]},
        format="json",
    )
    assert stale.status_code == 409
    assert problem(stale)["current_version"] == draft["version"] + 1
    assert Trip.objects.get(pk=trip_id).title == "Eurocities in Brussel"

    assert _step(editor, trip_id, "submit").json()["status"] == "submitted"
    assert _step(stranger, trip_id, "publish").status_code == 404
    assert _step(editor, trip_id, "publish").status_code == 403

    register.keep_everything(
        trip_id
    )  # the reviewer decided on the redaction suggestions in the web screen
    with TestCase.captureOnCommitCallbacks(execute=True):
        published = _step(reviewer, trip_id, "publish")
    assert published.status_code == 200, published.content
    assert published.json()["public_url"] == f"http://127.0.0.1:8000/trips/{trip_id}/"
    assert APIClient().get(f"/api/v1/trips/{trip_id}/").json()["title"] == "Eurocities in Brussel"
    assert APIClient().get("/api/v1/trips/?q=eurocities").json()["count"] == 1

    actors = {
        e.action: e.actor.get_full_name()
        for e in AuditEvent.objects.filter(trip_id=trip_id)
        if e.actor
    }
    assert actors["imported"] == actors["edited"] == actors["submit"] == "Zaaksysteem [API]"
    assert actors["publish"] == "Publicatiestraat [API]"


def test_publishing_waits_for_the_redaction_suggestions(
    den_haag: Organisation, register: Register
) -> None:
    editor = client_with(key_for(den_haag, "editor"))
    reviewer = client_with(key_for(den_haag, "reviewer"))
    created = editor.post(
        "/api/v1/drafts/",
        {"title": "Werkbezoek Gent", "purpose": "Afspraak via jan.devries@example.org gemaakt."},
        format="json",
    )
    trip_id = created.json()["id"]
    _step(editor, trip_id, "submit")

    refused = _step(reviewer, trip_id, "publish")

    assert refused.status_code == 409
    body = problem(refused)
    assert body["type"].endswith("/transition-refused/")
    assert "waiting for a decision" in body["detail"]
    assert Trip.objects.get(pk=trip_id).status == "submitted"


def test_a_draft_is_created_from_json(den_haag: Organisation) -> None:
    editor = client_with(key_for(den_haag))

    response = editor.post(
        "/api/v1/drafts/",
        {
            "title": "Werkbezoek Hamburg", "start_date": "2025-06-12", "end_date": "2025-06-14",
            "travel_days": ["2025-06-12"], "transport_mode": "train",
            "destinations": [{"city": "Hamburg"}],
            "goals": [{"label": "a", "text": "Walstroom bekijken"}],
            "outcomes": [{"goal_label": "A", "text": "Gezien", "achieved": "yes"}],
            "costs": [{"category": "transport", "actual_amount": "120.50", "currency": "eur"}],
        },
        format="json",
    )  # fmt: skip

    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == body["url"]
    assert response["ETag"] == f'"draft-{body["id"]}-v1"'
    assert body["status"] == "draft"
    assert body["destinations"][0]["country"] == "DE"  # the gazetteer knows Hamburg
    assert body["costs"][0]["currency"] == "EUR"
    trip = Trip.objects.get(pk=body["id"])
    assert trip.organisation == den_haag
    assert trip.outcomes.get().goal.label == "A"  # type: ignore[union-attr]


def test_invalid_data_writes_nothing(den_haag: Organisation) -> None:
    editor = client_with(key_for(den_haag))

    response = editor.post(
        "/api/v1/drafts/",
        {"title": "Omgekeerd", "start_date": "2025-06-14", "end_date": "2025-06-12"},
        format="json",
    )

    assert response.status_code == 400
    assert problem(response)["errors"][0]["pointer"] == "#/end_date"
    assert not Trip.objects.exists()


def test_a_name_is_kept_only_for_holders_of_public_office(den_haag: Organisation) -> None:
    editor = client_with(key_for(den_haag))

    response = editor.post(
        "/api/v1/drafts/",
        {
            "title": "Reis",
            "travellers": [{"role": "adviseur", "category": "ambtenaar", "name": "Piet"}],
        },
        format="json",
    )

    assert response.status_code == 400
    assert problem(response)["errors"][0]["pointer"] == "#/travellers/0/name"


def test_put_replaces_and_if_match_names_the_version(
    den_haag: Organisation, register: Register
) -> None:
    editor = client_with(key_for(den_haag))
    trip_id = register.draft("Oud", goals=[{"label": "A", "text": "Doel"}], purpose="Oud doel")
    etag = editor.get(f"/api/v1/drafts/{trip_id}/")["ETag"]

    replaced = editor.put(
        f"/api/v1/drafts/{trip_id}/", {"title": "Nieuw"}, format="json", HTTP_IF_MATCH=etag
    )

    assert replaced.status_code == 200, replaced.content
    assert (replaced.json()["title"], replaced.json()["goals"], replaced.json()["purpose"]) == (
        "Nieuw",
        [],
        "",
    )
    again = editor.put(
        f"/api/v1/drafts/{trip_id}/", {"title": "Nog eens"}, format="json", HTTP_IF_MATCH=etag
    )
    assert again.status_code == 409


def test_an_edit_must_name_its_version(den_haag: Organisation, register: Register) -> None:
    editor = client_with(key_for(den_haag))
    trip_id = register.draft("Oud")

    response = editor.patch(f"/api/v1/drafts/{trip_id}/", {"title": "Nieuw"}, format="json")

    assert response.status_code == 400
    assert problem(response)["errors"][0]["pointer"] == "#/version"


def test_a_published_trip_is_not_edited_in_place(
    den_haag: Organisation, register: Register
) -> None:
    editor = client_with(key_for(den_haag))
    trip_id = register.published("Gepubliceerd")
    version = editor.get(f"/api/v1/drafts/{trip_id}/").json()["version"]

    response = editor.patch(
        f"/api/v1/drafts/{trip_id}/", {"title": "Anders", "version": version}, format="json"
    )

    assert response.status_code == 403
    assert "reopen" in problem(response)["detail"]


def test_another_organisations_trip_does_not_exist_for_the_token(
    almere: Organisation, register: Register
) -> None:
    stranger = client_with(key_for(almere, "reviewer"))
    trip_id = register.draft("Haags concept")

    assert stranger.get(f"/api/v1/drafts/{trip_id}/").status_code == 404
    assert (
        stranger.patch(f"/api/v1/drafts/{trip_id}/", {"version": 1}, format="json").status_code
        == 404
    )


def test_the_same_document_twice_gives_the_first_trips_back(den_haag: Organisation) -> None:
    editor = client_with(key_for(den_haag))
    first = _upload(editor, REPORT.read_bytes())

    again = _upload(editor, REPORT.read_bytes(), name="kopie.txt")

    assert again.status_code == 200
    assert again.json()["status"] == "duplicate"
    assert again.json()["trips"] == first.json()["trips"]


def test_an_unreadable_document_is_a_422_problem(den_haag: Organisation) -> None:
    editor = client_with(key_for(den_haag))

    response = _upload(editor, b"%PDF-1.7\nthis is no pdf at all", name="kapot.pdf")

    assert response.status_code == 422
    assert problem(response)["type"].endswith("/unreadable-document/")
    assert not Trip.objects.exists()


def test_a_document_over_the_limit_is_a_413_problem(den_haag: Organisation, settings: Any) -> None:
    settings.UPLOAD_MAX_BYTES = 10
    editor = client_with(key_for(den_haag))

    response = _upload(editor, REPORT.read_bytes())

    assert response.status_code == 413
    problem(response)


def test_a_reason_is_needed_to_return_a_trip(den_haag: Organisation, register: Register) -> None:
    reviewer = client_with(key_for(den_haag, "reviewer"))
    trip_id = register.submitted("Ingediend")

    refused = _step(reviewer, trip_id, "return")
    returned = _step(reviewer, trip_id, "return", reason="Bedragen ontbreken")

    assert refused.status_code == 409
    assert returned.json()["status"] == "draft"
    assert (
        AuditEvent.objects.filter(trip_id=trip_id, action="return").get().note
        == "Bedragen ontbreken"
    )


def test_a_switched_off_token_is_refused(den_haag: Organisation) -> None:
    from reisregister.api import tokens
    from reisregister.api.models import IntegrationToken

    key = key_for(den_haag)
    tokens.deactivate(IntegrationToken.objects.get())

    assert client_with(key).get("/api/v1/drafts/1/").status_code == 401
