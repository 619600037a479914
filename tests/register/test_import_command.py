"""``reisregister import PATH...``: batches, exit codes, the summary, publishing, interruption."""

from __future__ import annotations

import importlib
import io
import shutil
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from reisregister.accounts.models import User
from reisregister.ingest.models import SourceDocument
from reisregister.organisations.models import Organisation
from reisregister.redaction import service as redaction
from reisregister.redaction.models import Decision
from reisregister.trips import service as trips
from reisregister.trips.models import Status, Trip

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
command_module = importlib.import_module("reisregister.ingest.management.commands.import")


@dataclass
class Run:
    code: int
    out: str
    err: str


def _run(*args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        # The messages are checked in English, whatever the default language.
        with translation.override("en"):
            call_command("import", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return Run(exc.returncode, out.getvalue(), err.getvalue() + str(exc))
    return Run(0, out.getvalue(), err.getvalue())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three reports in nested folders, plus hidden files that must be skipped."""
    root = tmp_path / "reports"
    (root / "2023").mkdir(parents=True)
    (root / ".cache").mkdir()
    shutil.copy(CORPUS / "nl-reisverslag-clean" / "source.txt", root / "tampere.txt")
    shutil.copy(CORPUS / "register-page-text" / "source.txt", root / "2023" / "westland.txt")
    shutil.copy(CORPUS / "en-readout" / "source.txt", root / "2023" / "tallinn.txt")
    shutil.copy(CORPUS / "no-year" / "source.txt", root / ".cache" / "hidden.txt")
    (root / ".DS_Store").write_bytes(b"\x00\x01junk")
    return root


def _summary(run: Run) -> dict[str, int]:
    """The summary table as {label: count}."""
    rows = [line.rsplit(maxsplit=1) for line in run.out.splitlines() if line.strip()]
    return {label.strip(): int(count) for label, count in rows if count.isdigit()}


def test_it_imports_a_folder_recursively_and_prints_a_summary(
    den_haag: Organisation, folder: Path
) -> None:
    run = _run(str(folder))

    assert run.code == 0, run.err
    assert _summary(run) == {"imported": 3, "duplicate": 0, "failed": 0, "trips created": 5}
    assert Trip.objects.filter(organisation=den_haag, status=Status.DRAFT).count() == 5
    assert sorted(SourceDocument.objects.values_list("original_filename", flat=True)) == [
        "tallinn.txt",
        "tampere.txt",
        "westland.txt",
    ]


def test_running_it_twice_creates_no_duplicates(den_haag: Organisation, folder: Path) -> None:
    _run(str(folder))

    again = _run(str(folder))

    assert again.code == 0
    assert _summary(again) == {"imported": 0, "duplicate": 3, "failed": 0, "trips created": 0}
    assert Trip.objects.count() == 5


def test_it_exits_with_1_and_names_each_failed_file_with_its_reason(
    den_haag: Organisation, folder: Path
) -> None:
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    missing = folder / "missing.txt"

    run = _run(str(folder), str(missing))

    assert run.code == 1
    assert _summary(run)["failed"] == 2
    assert _summary(run)["imported"] == 3
    assert f"FAILED {folder / 'broken.pdf'}: The PDF is damaged or incomplete." in run.err
    assert f"FAILED {missing}: no such file or folder" in run.err
    assert SourceDocument.objects.count() == 3


def test_it_publishes_as_a_reviewer_when_asked(
    den_haag: Organisation, bob: User, folder: Path
) -> None:
    run = _run(str(folder / "tampere.txt"), "--publish", "--as", "bob")

    assert run.code == 0, run.err
    trip = Trip.objects.get()
    assert trip.status == Status.PUBLISHED
    assert trip.created_by == bob
    # Between the two steps the reviewer's acceptance of the detector's redaction suggestions, if any.
    steps = list(trip.audit_events.order_by("at", "pk").values_list("action", "actor__username"))
    assert [s for s in steps if s[0] != "redactions-accepted"] == [
        ("imported", "bob"),
        ("submit", "bob"),
        ("publish", "bob"),
    ]
    assert {actor for _action, actor in steps} == {"bob"}


def test_publish_needs_a_user_to_publish_as(den_haag: Organisation, folder: Path) -> None:
    run = _run(str(folder), "--publish")

    assert run.code == 2
    assert "--as" in run.err
    assert not Trip.objects.exists()


def test_publish_refuses_a_user_who_is_no_reviewer_of_the_organisation(
    den_haag: Organisation, alice: User, charlie: User, folder: Path
) -> None:
    for username in ("alice", "charlie", "nobody"):
        run = _run(str(folder), "--organisation", "gm0518", "--publish", "--as", username)
        assert run.code == 2, username
    assert not Trip.objects.exists()


def test_it_asks_which_organisation_when_there_are_several(
    den_haag: Organisation, almere: Organisation, folder: Path
) -> None:
    run = _run(str(folder))

    assert run.code == 2
    assert "--organisation" in run.err and "gm0034" in run.err and "gm0518" in run.err
    assert not Trip.objects.exists()


def test_it_imports_for_the_organisation_named_by_its_code(
    den_haag: Organisation, almere: Organisation, folder: Path
) -> None:
    run = _run(str(folder / "tampere.txt"), "--organisation", "gm0034")

    assert run.code == 0, run.err
    assert Trip.objects.get().organisation == almere


def test_it_lists_the_known_codes_for_an_unknown_organisation(
    den_haag: Organisation, folder: Path
) -> None:
    run = _run(str(folder), "--organisation", "gm9999")

    assert run.code == 2
    assert "gm9999" in run.err and "gm0518" in run.err


@pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread(), reason="signals need the main thread"
)
def test_ctrl_c_stops_after_the_current_document_and_a_rerun_continues(
    den_haag: Organisation, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = command_module.import_document

    def import_then_interrupt(*args: Any, **kwargs: Any) -> Any:
        signal.raise_signal(
            signal.SIGINT
        )  # as if Ctrl-C was pressed while this document is imported
        return real_import(*args, **kwargs)

    handler_before = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(command_module, "import_document", import_then_interrupt)
    interrupted = _run(str(folder))
    monkeypatch.setattr(command_module, "import_document", real_import)

    assert interrupted.code == 130
    assert _summary(interrupted)["imported"] == 1
    assert SourceDocument.objects.count() == 1
    assert signal.getsignal(signal.SIGINT) is handler_before

    rerun = _run(str(folder))

    assert rerun.code == 0
    assert _summary(rerun) == {"imported": 2, "duplicate": 1, "failed": 0, "trips created": 4}


def _workflow(trip: Trip) -> list[tuple[str, str | None]]:
    return list(
        trip.audit_events.order_by("at", "pk")
        .exclude(action="redactions-accepted")
        .values_list("action", "actor__username")
    )


def test_publish_over_drafts_imported_before_publishes_them_audited(
    den_haag: Organisation, alice: User, bob: User, folder: Path
) -> None:
    first = _run(str(folder), "--as", "alice")
    assert first.code == 0, first.err
    assert Trip.objects.filter(status=Status.DRAFT).count() == 5

    run = _run(str(folder), "--publish", "--as", "bob")

    assert run.code == 0, run.err
    assert _summary(run) == {
        "imported": 0,
        "published, imported before": 3,
        "duplicate": 0,
        "failed": 0,
        "trips created": 0,
    }
    assert Trip.objects.count() == 5
    for trip in Trip.objects.all():
        assert trip.status == Status.PUBLISHED and trip.published_at is not None
        # Exactly the steps of a new import with --publish, the reviewer's under the reviewer's name.
        assert _workflow(trip) == [("imported", "alice"), ("submit", "bob"), ("publish", "bob")]
        accepted = trip.audit_events.filter(action="redactions-accepted")
        assert set(accepted.values_list("actor__username", flat=True)) <= {"bob"}


def test_publish_leaves_published_and_withdrawn_trips_as_they_are(
    den_haag: Organisation, bob: User, folder: Path
) -> None:
    _run(str(folder))
    tampere = Trip.objects.get(source_document__original_filename="tampere.txt")
    tallinn = Trip.objects.get(source_document__original_filename="tallinn.txt")
    _publish_by_hand(tampere, bob)
    trips.transition(tampere.pk, "withdraw", user=bob, reason="Dubbel gemeld.")
    _publish_by_hand(tallinn, bob)
    trips.transition(_westland_trips()[0].pk, "submit", user=bob)
    events_before = {t.pk: t.audit_events.count() for t in (tampere, tallinn)}

    run = _run(str(folder), "--publish", "--as", "bob")

    assert run.code == 0, run.err
    summary = _summary(run)
    assert summary["published, imported before"] == 1  # westland: one trip submitted, two drafts
    assert summary["duplicate"] == 2
    tampere.refresh_from_db()
    tallinn.refresh_from_db()
    assert tampere.status == Status.WITHDRAWN and tallinn.status == Status.PUBLISHED
    assert {t.pk: t.audit_events.count() for t in (tampere, tallinn)} == events_before
    assert f"NOTE {folder / 'tampere.txt'}: 1 trip was withdrawn and stays withdrawn." in run.out
    westland = _westland_trips()
    assert len(westland) == 3
    assert {t.status for t in westland} == {Status.PUBLISHED}
    # The one submitted before is not submitted again.
    for trip in westland:
        assert _workflow(trip) == [("imported", None), ("submit", "bob"), ("publish", "bob")]


def _publish_by_hand(trip: Trip, reviewer: User) -> None:
    trips.transition(trip.pk, "submit", user=reviewer)
    redaction.scan(trip)
    redaction.decide_all_pending(trip.pk, decision=Decision.ACCEPTED, user=reviewer)
    trips.transition(trip.pk, "publish", user=reviewer)


def _westland_trips() -> list[Trip]:
    return list(
        Trip.objects.filter(source_document__original_filename="westland.txt").order_by(
            "source_trip_index"
        )
    )


def test_without_publish_drafts_imported_before_stay_drafts(
    den_haag: Organisation, bob: User, folder: Path
) -> None:
    _run(str(folder))

    run = _run(str(folder), "--as", "bob")

    assert _summary(run)["duplicate"] == 3
    assert "published, imported before" not in run.out
    assert set(Trip.objects.values_list("status", flat=True)) == {Status.DRAFT}
