"""The upload page /werk/import/: editors upload one or many documents and see what became of each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from reisparse.errors import Reason
from reisregister.accounts.models import User
from reisregister.ingest.models import SourceDocument
from reisregister.ingest.reasons import MESSAGES
from reisregister.organisations.models import Organisation
from reisregister.trips.models import Status, Trip
from tests.register.conftest import client_for

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
UPLOAD_URL = "/werk/import/"


def _file(case: str, name: str | None = None) -> SimpleUploadedFile:
    path = next((CORPUS / case).glob("source.*"))
    return SimpleUploadedFile(name or f"{case}{path.suffix}", path.read_bytes())


def _post(
    client: Client, organisation: Organisation, *files: SimpleUploadedFile, **extra: Any
) -> Any:
    return client.post(
        UPLOAD_URL, {"organisation": organisation.pk, "documents": list(files)}, **extra
    )


def test_the_upload_page_lives_at_werk_import() -> None:
    assert reverse("ingest:upload") == UPLOAD_URL


def test_an_anonymous_visitor_is_sent_to_the_login_page(db: None) -> None:
    response = Client().get(UPLOAD_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_user_without_an_editor_role_is_refused(db: None) -> None:
    nobody = User.objects.create_user("nobody", password="x" * 16)

    response = client_for(nobody).get(UPLOAD_URL)

    assert response.status_code == 403


def test_the_form_offers_only_the_editors_own_organisations(
    den_haag: Organisation, almere: Organisation, alice: User
) -> None:
    response = client_for(alice).get(UPLOAD_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Gemeente Den Haag" in page and "Gemeente Almere" not in page
    assert 'type="file"' in page and "multiple" in page
    assert 'enctype="multipart/form-data"' in page
    assert "csrfmiddlewaretoken" in page


def test_uploading_several_files_makes_draft_trips_and_lists_them(
    den_haag: Organisation, alice: User
) -> None:
    client = client_for(alice)

    response = _post(client, den_haag, _file("nl-reisverslag-clean"), _file("register-page-text"))

    assert response.status_code == 302
    assert response["Location"] == reverse("ingest:results")
    trips = list(Trip.objects.order_by("pk"))
    assert len(trips) == 4
    assert {t.status for t in trips} == {Status.DRAFT}
    assert {t.created_by for t in trips} == {alice}
    page = client.get(response["Location"]).content.decode()
    assert "nl-reisverslag-clean.txt" in page and "register-page-text.txt" in page
    for trip in trips:
        assert f'href="{reverse("trips:review", kwargs={"pk": trip.pk})}"' in page


def test_the_results_show_duplicates_and_failures_with_their_reasons(
    den_haag: Organisation, alice: User
) -> None:
    client = client_for(alice)
    _post(client, den_haag, _file("nl-reisverslag-clean"))

    response = _post(
        client,
        den_haag,
        _file("nl-reisverslag-clean", "again.txt"),
        SimpleUploadedFile("broken.pdf", b"%PDF-1.4 broken"),
        follow=True,
    )

    page = response.content.decode()
    assert "again.txt" in page and "broken.pdf" in page
    # In the page's language (Dutch), not the parser's English "damaged or truncated PDF".
    with translation.override("nl"):
        assert str(MESSAGES[Reason.PDF_DAMAGED]) in page
    assert "damaged or truncated PDF" not in page
    assert Trip.objects.count() == 1
    assert SourceDocument.objects.count() == 1
    counts = response.context["counts"]
    assert counts == {"imported": 0, "duplicate": 1, "published": 0, "failed": 1}


def test_an_empty_file_fails_on_its_own_line_and_the_others_are_imported(
    den_haag: Organisation, alice: User
) -> None:
    good = [
        _file(case)
        for case in (
            "nl-reisverslag-clean",
            "en-readout",
            "en-trip-report",
            "html-report",
            "markdown-report",
            "cancelled-trip",
        )
    ]
    empty = SimpleUploadedFile("empty.docx", b"")

    response = _post(client_for(alice), den_haag, *good[:3], empty, *good[3:], follow=True)

    assert response.redirect_chain[-1][0] == reverse("ingest:results")
    lines = {line["filename"]: line for line in response.context["results"]}
    assert list(lines) == [f.name for f in good[:3]] + ["empty.docx"] + [f.name for f in good[3:]]
    assert lines["empty.docx"]["status"] == "failed"
    with translation.override("nl"):
        assert lines["empty.docx"]["message"] == translation.gettext("The file is empty.")
    assert all(lines[f.name or ""]["status"] == "imported" for f in good)
    assert response.context["counts"]["imported"] == 6
    assert SourceDocument.objects.count() == 6
    page = response.content.decode()
    assert "empty.docx" in page
    assert "Het verstuurde bestand is leeg" not in page


def test_the_labels_of_the_upload_form_have_no_colon(den_haag: Organisation, alice: User) -> None:
    page = client_for(alice).get(UPLOAD_URL).content.decode()  # in Dutch, the default language

    assert "Organisatie</label>" in page and "Documenten</label>" in page
    assert "Organisatie:" not in page and "Documenten:" not in page


def test_an_editor_cannot_upload_for_another_organisation(
    den_haag: Organisation, almere: Organisation, charlie: User
) -> None:
    response = _post(client_for(charlie), den_haag, _file("nl-reisverslag-clean"))

    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Trip.objects.exists() and not SourceDocument.objects.exists()


def test_the_form_asks_for_at_least_one_file(den_haag: Organisation, alice: User) -> None:
    response = client_for(alice).post(UPLOAD_URL, {"organisation": den_haag.pk})

    assert response.status_code == 200
    assert "documents" in response.context["form"].errors


def test_files_over_the_size_limit_are_refused_by_name(
    den_haag: Organisation, alice: User, settings: Any
) -> None:
    settings.UPLOAD_MAX_BYTES = 1000

    response = _post(client_for(alice), den_haag, _file("nl-reisverslag-clean", "big.txt"))

    assert response.status_code == 200
    assert "big.txt" in str(response.context["form"].errors["documents"])
    assert not Trip.objects.exists()


def test_an_upload_without_a_csrf_token_is_refused(den_haag: Organisation, alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    response = _post(client, den_haag, _file("nl-reisverslag-clean"))

    assert response.status_code == 403
    assert not Trip.objects.exists()


def test_the_results_page_without_an_upload_goes_back_to_the_form(
    den_haag: Organisation, alice: User
) -> None:
    response = client_for(alice).get(reverse("ingest:results"))

    assert response.status_code == 302
    assert response["Location"] == UPLOAD_URL
