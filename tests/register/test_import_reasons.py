"""Why a document could not be imported is told in the register's language, not in the parser's English.

The parser raises its errors with an English one-line message (its own CLI shows it) and a stable ``reason``
code; ``ingest.reasons`` turns the code into a translated message for the upload results and the import
command, and falls back on the English message for a code it does not know.
"""

from __future__ import annotations

import io
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

import reisparse
from reisparse.errors import Reason, ReisparseError, UnreadableInput, UnsupportedInput
from reisparse.limits import Limits
from reisparse.readers import read
from reisregister.accounts.models import User
from reisregister.ingest.models import SourceDocument
from reisregister.ingest.reasons import MESSAGES, describe
from reisregister.ingest.service import ImportStatus, import_document
from reisregister.organisations.models import Organisation
from reisregister.trips.models import Trip
from tests.register.conftest import client_for
from tests.support.builders import make_docx, make_text_pdf

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _cut_in_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


@dataclass(frozen=True)
class Bad:
    filename: str
    data: bytes
    parser_says: str  # the parser's own English message, which the register must not show
    dutch: str
    english: str


UNSUPPORTED_NL = (
    "Dit is geen document dat het register kan lezen. Gebruik PDF, Word (DOCX), een webpagina (HTML), "
    "tekst, Markdown of een scan (TIFF, PNG, JPEG)."
)
UNSUPPORTED_EN = (
    "This is not a document the register can read. Use PDF, Word (DOCX), a web page (HTML), text, "
    "Markdown or a scan (TIFF, PNG, JPEG)."
)

BAD = [
    Bad(
        "truncated.pdf",
        make_text_pdf("Reisverslag werkbezoek Hamburg, 12 maart 2024")[:300],
        "damaged or truncated PDF",
        "De PDF is beschadigd of onvolledig.",
        "The PDF is damaged or incomplete.",
    ),
    Bad(
        # Not a zip at all: a legacy Word file saved with the new extension.
        "old-word.docx",
        OLE_MAGIC + bytes(600),
        "encrypted or legacy .doc file",
        "Dit is een oud Word-bestand (.doc) of een Word-document dat met een wachtwoord is beveiligd; sla het "
        "op als DOCX of PDF zonder wachtwoord.",
        "This is an old Word file (.doc) or a Word document protected with a password; save it as DOCX or "
        "PDF without a password.",
    ),
    Bad(
        "damaged-zip.docx",
        b"PK\x03\x04" + bytes(range(256)),
        "a damaged zip archive that is not a Word document",
        UNSUPPORTED_NL,
        UNSUPPORTED_EN,
    ),
    Bad(
        "cut-off.docx",
        _cut_in_half(make_docx("Reisverslag werkbezoek Hamburg")),
        "not a valid DOCX",
        "Het Word-document (DOCX) is beschadigd.",
        "The Word document (DOCX) is damaged.",
    ),
    Bad(
        "junk.bin",
        b"\x00\x01\x02\xff" * 100,
        "binary data that is not a supported document format",
        UNSUPPORTED_NL,
        UNSUPPORTED_EN,
    ),
    Bad("empty.docx", b"", "empty file", "Het bestand is leeg.", "The file is empty."),
]
IDS = [bad.filename for bad in BAD]


@pytest.mark.parametrize("bad", BAD, ids=IDS)
def test_the_import_fails_with_a_dutch_reason(
    bad: Bad, den_haag: Organisation, alice: User
) -> None:
    with translation.override("nl"):
        result = import_document(bad.data, filename=bad.filename, organisation=den_haag, user=alice)

    assert result.status == ImportStatus.FAILED
    assert result.message == bad.dutch
    assert not SourceDocument.objects.exists()


@pytest.mark.parametrize("bad", BAD, ids=IDS)
def test_the_reason_is_english_under_english(bad: Bad, den_haag: Organisation, alice: User) -> None:
    with translation.override("en"):
        result = import_document(bad.data, filename=bad.filename, organisation=den_haag, user=alice)

    assert result.message == bad.english


def test_the_upload_results_give_each_file_its_dutch_reason(
    den_haag: Organisation, alice: User
) -> None:
    good = SimpleUploadedFile(
        "tampere.txt", (CORPUS / "nl-reisverslag-clean" / "source.txt").read_bytes()
    )
    files = [SimpleUploadedFile(bad.filename, bad.data) for bad in BAD]

    response = client_for(alice).post(
        "/werk/import/",
        {"organisation": den_haag.pk, "documents": [*files, good]},
        follow=True,
    )

    page = response.content.decode()
    lines = {line["filename"]: line for line in response.context["results"]}
    for bad in BAD:
        assert lines[bad.filename]["status"] == "failed"
        assert lines[bad.filename]["message"] == bad.dutch
        assert bad.dutch in page
        assert bad.parser_says not in page
    assert lines["tampere.txt"]["status"] == "imported"
    assert Trip.objects.count() == 1


@dataclass
class Run:
    code: int
    out: str
    err: str


def _cli(settings: Any, language: str, *args: str) -> Run:
    """The import command as run on the server, whose language is LANGUAGE_CODE."""
    settings.LANGUAGE_CODE = language
    translation.deactivate()
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return Run(exc.returncode, out.getvalue(), err.getvalue() + str(exc))
    return Run(0, out.getvalue(), err.getvalue())


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    for bad in BAD:
        (folder / bad.filename).write_bytes(bad.data)
    return folder


def test_the_import_command_names_each_failure_in_dutch(
    den_haag: Organisation, bad_folder: Path, settings: Any
) -> None:
    run = _cli(settings, "nl", str(bad_folder))

    assert run.code == 1
    for bad in BAD:
        assert f"MISLUKT {bad_folder / bad.filename}: {bad.dutch}\n" in run.err
        assert bad.parser_says not in run.err
    assert "Importeren mislukt voor 6 document(en)." in run.err


def test_the_import_command_names_each_failure_in_english_under_english(
    den_haag: Organisation, bad_folder: Path, settings: Any
) -> None:
    run = _cli(settings, "en", str(bad_folder))

    assert run.code == 1
    for bad in BAD:
        assert f"FAILED {bad_folder / bad.filename}: {bad.english}\n" in run.err


def test_a_document_without_a_trip_fails_in_dutch_and_the_command_exits_with_1(
    den_haag: Organisation, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the parser returns for a text that describes no trip.
    monkeypatch.setattr(reisparse, "parse", lambda *args, **kwargs: [])
    path = tmp_path / "nieuwsbrief.txt"
    path.write_text("Nieuwsbrief van de gemeente: de bibliotheek is vernieuwd.\n")

    run = _cli(settings, "nl", str(path))

    assert run.code == 1
    assert f"MISLUKT {path}: In het document is geen reis gevonden.\n" in run.err
    assert not SourceDocument.objects.exists()


def test_every_reason_has_a_message() -> None:
    assert set(MESSAGES) == set(Reason)


def test_an_unknown_reason_falls_back_on_the_parsers_english_message() -> None:
    with translation.override("nl"):
        assert describe(ReisparseError("a reason added later", reason="new_reason")) == (
            "a reason added later"
        )
        assert describe(ReisparseError("no reason given\nsecond line")) == "no reason given"


def test_the_parser_keeps_its_english_message_and_carries_the_code() -> None:
    with pytest.raises(UnreadableInput) as caught:
        read(BAD[0].data, limits=Limits())
    assert str(caught.value) == "damaged or truncated PDF"
    assert caught.value.reason == Reason.PDF_DAMAGED
    # A raise site that says nothing more gets its class's code.
    with pytest.raises(UnsupportedInput) as junk:
        read(b"\x00\x01\x02\xff" * 100, limits=Limits())
    assert junk.value.reason == Reason.UNSUPPORTED


def test_the_code_survives_pickling() -> None:
    error = UnreadableInput("damaged or truncated PDF", reason=Reason.PDF_DAMAGED)

    copy = pickle.loads(pickle.dumps(error))

    assert str(copy) == "damaged or truncated PDF" and copy.reason == Reason.PDF_DAMAGED
