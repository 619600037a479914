"""ingest.service.import_document: documents in, draft trips out, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied

from reisparse.errors import Reason
from reisregister.accounts.models import User
from reisregister.ingest import reasons
from reisregister.ingest import service as ingest
from reisregister.ingest.models import SourceDocument
from reisregister.ingest.service import ImportStatus, import_document
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from reisregister.trips import service as trips
from reisregister.trips.models import AuditEvent, Status, Trip
from tests.support.builders import make_text_pdf

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXT_SOURCES = sorted(CORPUS.glob("*/source.*"))


def _corpus(case: str) -> bytes:
    return next((CORPUS / case).glob("source.*")).read_bytes()


def _stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _import(
    data: bytes, organisation: Organisation, user: User | None, **kwargs: Any
) -> ingest.ImportResult:
    return import_document(
        data, filename="verslag.txt", organisation=organisation, user=user, **kwargs
    )


@pytest.mark.parametrize("path", TEXT_SOURCES, ids=lambda p: p.parent.name)
def test_it_imports_every_synthetic_report_of_the_corpus(
    path: Path, den_haag: Organisation, alice: User
) -> None:
    result = import_document(
        path.read_bytes(), filename=path.name, organisation=den_haag, user=alice
    )

    assert result.status == ImportStatus.IMPORTED, result.message
    assert result.trips
    assert all(
        trip.status == Status.DRAFT and trip.organisation == den_haag for trip in result.trips
    )
    assert all(trip.title for trip in result.trips)


def test_it_stores_the_original_document_with_what_the_parser_made_of_it(
    den_haag: Organisation, alice: User
) -> None:
    data = _corpus("nl-reisverslag-clean")

    result = import_document(
        data, filename="uploads/tampere.txt", organisation=den_haag, user=alice
    )

    document = result.document
    assert document is not None
    assert document.original_filename == "tampere.txt"
    assert document.media_type == "text/plain"
    assert document.size == len(data)
    assert document.pages is None and document.ocr is False
    assert document.uploaded_by == alice
    assert len(document.sha256) == 64
    assert document.parser_output[0]["schema"] == "reisparse.report/1"
    with document.file.open("rb") as stored:
        assert stored.read() == data


def test_it_turns_the_clean_report_into_one_draft_with_its_rows(
    den_haag: Organisation, alice: User
) -> None:
    (trip,) = import_document(
        _corpus("nl-reisverslag-clean"), filename="tampere.txt", organisation=den_haag, user=alice
    ).trips

    assert trip.created_by == alice
    assert str(trip.start_date) == "2024-04-09" and str(trip.end_date) == "2024-04-11"
    assert [d.city for d in trip.destinations.all()] == ["Tampere"]
    assert [g.label for g in trip.goals.all()] == ["A", "B"]
    assert trip.programme.count() == 7
    assert trip.contacts.count() == 5
    assert trip.follow_ups.count() == 3
    assert trip.source_text.startswith("HOELANG DUURDE DE REIS?")
    assert trip.source_document is not None and trip.source_trip_index == 0


def test_it_makes_one_trip_per_entry_of_a_register_page(
    den_haag: Organisation, alice: User
) -> None:
    result = import_document(
        _corpus("register-page-html"), filename="register.html", organisation=den_haag, user=alice
    )

    assert [t.source_trip_index for t in result.trips] == [0, 1, 2, 3]
    assert [t.destinations.get().city for t in result.trips] == [
        "Brussels",
        "Dublin",
        "Bordeaux",
        "Graz",
    ]
    assert result.trips[3].cancelled is True
    assert SourceDocument.objects.count() == 1
    assert result.document is not None and len(result.document.parser_output) == 4


def test_it_records_each_imported_trip_in_the_audit_trail(
    den_haag: Organisation, alice: User
) -> None:
    result = import_document(
        _corpus("register-page-text"), filename="westland.txt", organisation=den_haag, user=alice
    )

    events = AuditEvent.objects.filter(trip__in=result.trips)
    assert sorted(events.values_list("action", flat=True)) == ["imported"] * 3
    assert {e.actor for e in events} == {alice}


def test_it_keeps_the_page_of_each_value_from_a_paged_document(
    den_haag: Organisation, alice: User
) -> None:
    text = (CORPUS / "nl-reisverslag-clean" / "source.txt").read_text(encoding="utf-8")

    result = import_document(
        make_text_pdf(text), filename="tampere.pdf", organisation=den_haag, user=alice
    )

    assert result.status == ImportStatus.IMPORTED, result.message
    assert result.document is not None and result.document.pages == 2
    pages = {f.page for f in result.trips[0].follow_ups.all()}
    assert pages and pages <= {1, 2}


def test_it_imports_the_same_bytes_only_once(den_haag: Organisation, alice: User) -> None:
    data = _corpus("register-page-text")
    first = _import(data, den_haag, alice)

    second = import_document(data, filename="other-name.txt", organisation=den_haag, user=alice)

    assert second.status == ImportStatus.DUPLICATE
    assert [t.pk for t in second.trips] == [t.pk for t in first.trips]
    assert Trip.objects.count() == 3
    assert SourceDocument.objects.count() == 1
    assert len(_stored_files()) == 1


def test_it_imports_the_same_bytes_again_for_another_organisation(
    den_haag: Organisation, almere: Organisation, alice: User, charlie: User
) -> None:
    data = _corpus("nl-reisverslag-clean")
    _import(data, den_haag, alice)

    result = _import(data, almere, charlie)

    assert result.status == ImportStatus.IMPORTED
    assert Trip.objects.filter(organisation=almere).count() == 1


def test_a_file_the_parser_cannot_read_fails_with_one_line_and_leaves_nothing(
    den_haag: Organisation, alice: User
) -> None:
    result = _import(b"\x00\x01\x02\xff" * 100, den_haag, alice)

    assert result.status == ImportStatus.FAILED
    assert result.message == str(reasons.MESSAGES[Reason.UNSUPPORTED])
    assert result.trips == [] and result.document is None
    assert not SourceDocument.objects.exists() and not Trip.objects.exists()
    assert _stored_files() == []


def test_a_failure_halfway_rolls_back_the_document_its_trips_and_its_file(
    den_haag: Organisation, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_create = trips.create_trip
    made: list[Trip] = []

    def create_then_fail(*args: Any, **kwargs: Any) -> Trip:
        if made:
            raise RuntimeError("database went away")
        made.append(real_create(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(trips, "create_trip", create_then_fail)

    with pytest.raises(RuntimeError):
        _import(_corpus("register-page-text"), den_haag, alice)

    assert len(made) == 1
    assert not Trip.objects.exists()
    assert not SourceDocument.objects.exists()
    assert not AuditEvent.objects.exists()
    assert _stored_files() == []


def test_it_refuses_a_file_over_the_upload_limit(
    den_haag: Organisation, alice: User, settings: Any
) -> None:
    settings.UPLOAD_MAX_BYTES = 100

    result = _import(_corpus("nl-reisverslag-clean"), den_haag, alice)

    assert result.status == ImportStatus.FAILED
    assert not SourceDocument.objects.exists()


def test_an_editor_of_another_organisation_cannot_import(
    den_haag: Organisation, charlie: User
) -> None:
    with pytest.raises(PermissionDenied):
        _import(_corpus("nl-reisverslag-clean"), den_haag, charlie)

    assert not SourceDocument.objects.exists()


def test_a_trusted_caller_may_import_without_a_user(den_haag: Organisation) -> None:
    result = _import(_corpus("nl-reisverslag-clean"), den_haag, None, check_permission=False)

    assert result.status == ImportStatus.IMPORTED
    assert result.trips[0].created_by is None


def test_it_publishes_as_the_given_reviewer_with_both_steps_audited(
    den_haag: Organisation, alice: User, bob: User
) -> None:
    result = _import(_corpus("register-page-text"), den_haag, alice, publish_as=bob)

    assert {t.status for t in result.trips} == {Status.PUBLISHED}
    assert all(t.published_at is not None for t in result.trips)
    for trip in result.trips:
        steps = list(trips.history(trip).values_list("action", "actor__username"))
        workflow = [step for step in steps if step[0] != "redactions-accepted"]
        assert workflow == [("imported", "alice"), ("submit", "bob"), ("publish", "bob")]
        assert all(actor == "bob" for action, actor in steps if action == "redactions-accepted")


def test_publishing_an_import_redacts_every_suggestion_of_the_detector(
    den_haag: Organisation, alice: User, bob: User
) -> None:
    # Migrating reports that were public before: hiding too much can be undone, a leak cannot.
    text = "Reisverslag werkbezoek Hamburg\n\nGesproken met mevrouw Anna de Vries (a.devries@example.org).\n"
    result = _import(text.encode(), den_haag, alice, publish_as=bob)
    trip = publication.get_trip(result.trips[0].pk)
    assert "Anna de Vries" not in repr(trip) and "a.devries@example.org" not in repr(trip)
    assert "Anna de Vries" not in "".join(publication.get_source(trip.id).pages)
    assert {r.kind for r in trip.redactions} >= {"name", "email"}


def test_publishing_as_someone_who_is_no_reviewer_leaves_nothing(
    den_haag: Organisation, alice: User
) -> None:
    with pytest.raises(PermissionDenied):
        _import(_corpus("nl-reisverslag-clean"), den_haag, alice, publish_as=alice)

    assert not Trip.objects.exists() and not SourceDocument.objects.exists()
    assert _stored_files() == []
