"""Scans and images are read with Tesseract, page by page, within the configured limits."""

from __future__ import annotations

import difflib
import io
import os
import stat
from pathlib import Path

import pytest

from reisparse.errors import ExitCode, OcrUnavailable, ParseTimeout
from reisparse.limits import Limits
from reisparse.readers import read
from reisparse.readers.ocr import ocr_image_file
from reisparse.sniff import JPEG, PDF, PNG, TIFF
from tests.support import require_tool
from tests.support.builders import make_image, make_scanned_pdf, make_text_pdf

SCAN_TEXT = (
    "WAT WAS HET DOEL VAN DE REIS?\n\n"
    "Kennis delen met andere Europese beleidsmakers over participatie en stedelijke "
    "ontwikkeling in Helsingborg, Zweden.\n\n"
    "De reële kosten van één reis naar Genève bleven binnen het budget."
)
SECOND_PAGE_TEXT = "WELKE LOCATIES ZIJN BEZOCHT?\n\nHelsingborg in Zweden en Pontevedra in Spanje."
# Tesseract may misread a character or two; the structure and nearly all words must survive.
MIN_WORD_SIMILARITY = 0.9


def word_similarity(expected: str, actual: str) -> float:
    return difflib.SequenceMatcher(None, expected.split(), actual.split()).ratio()


@pytest.fixture
def tesseract() -> None:
    require_tool("tesseract")


def fake_tesseract(directory: Path, script: str) -> Path:
    """A stand-in ``tesseract`` on PATH: it knows nld and eng, and runs ``script`` for OCR."""
    path = directory / "tesseract"
    path.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "--list-langs" ]; then printf "List of languages\\neng\\nnld\\n"; exit 0; fi\n'
        f"{script}\n"
    )
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.mark.ocr
@pytest.mark.usefixtures("tesseract")
def test_it_reads_a_scanned_pdf_with_ocr() -> None:
    extracted = read(make_scanned_pdf(SCAN_TEXT), limits=Limits())

    assert extracted.media_type == PDF
    assert extracted.ocr
    assert extracted.paged
    assert len(extracted.pages) == 1
    page = extracted.pages[0]
    assert (
        word_similarity(f"Gemeente — Reisverslag\n{SCAN_TEXT}\nPagina 1", page)
        >= MIN_WORD_SIMILARITY
    )
    assert "WAT WAS HET DOEL VAN DE REIS?" in page.split("\n")


@pytest.mark.ocr
@pytest.mark.usefixtures("tesseract")
def test_it_ocrs_only_the_scanned_pages_of_a_mixed_pdf() -> None:
    import pypdfium2

    mixed = pypdfium2.PdfDocument.new()
    for part in (make_text_pdf(SECOND_PAGE_TEXT), make_scanned_pdf(SCAN_TEXT)):
        mixed.import_pages(pypdfium2.PdfDocument(part))
    buffer = io.BytesIO()
    mixed.save(buffer)

    extracted = read(buffer.getvalue(), limits=Limits())

    assert extracted.ocr
    assert len(extracted.pages) == 2
    assert extracted.pages[0] == read(make_text_pdf(SECOND_PAGE_TEXT), limits=Limits()).pages[0]
    assert word_similarity(SCAN_TEXT, extracted.pages[1]) >= MIN_WORD_SIMILARITY


@pytest.mark.ocr
@pytest.mark.usefixtures("tesseract")
@pytest.mark.parametrize(("fmt", "media_type"), [("PNG", PNG), ("JPEG", JPEG), ("TIFF", TIFF)])
def test_it_reads_an_image_with_ocr(fmt: str, media_type: str) -> None:
    extracted = read(make_image(SCAN_TEXT, fmt=fmt), limits=Limits())

    assert extracted.media_type == media_type
    assert extracted.ocr
    assert extracted.paged == (media_type == TIFF)
    assert word_similarity(SCAN_TEXT, extracted.pages[0]) >= MIN_WORD_SIMILARITY
    assert extracted.warnings == ()


@pytest.mark.ocr
@pytest.mark.usefixtures("tesseract")
def test_it_reads_the_frames_of_a_multi_page_tiff_as_pages() -> None:
    from PIL import Image

    frames = [Image.open(io.BytesIO(make_image(text))) for text in (SCAN_TEXT, SECOND_PAGE_TEXT)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "TIFF", save_all=True, append_images=frames[1:], dpi=(200, 200))

    extracted = read(buffer.getvalue(), limits=Limits())

    assert extracted.paged
    assert len(extracted.pages) == 2
    assert word_similarity(SCAN_TEXT, extracted.pages[0]) >= MIN_WORD_SIMILARITY
    assert word_similarity(SECOND_PAGE_TEXT, extracted.pages[1]) >= MIN_WORD_SIMILARITY


@pytest.mark.ocr
@pytest.mark.usefixtures("tesseract")
def test_ocr_of_an_image_file_matches_reading_the_same_image(tmp_path: Path) -> None:
    png = make_image(SCAN_TEXT)
    path = tmp_path / "scan.png"
    path.write_bytes(png)

    assert ocr_image_file(path, limits=Limits()) == read(png, limits=Limits()).pages[0]


@pytest.mark.ocr
@pytest.mark.usefixtures("tesseract")
def test_it_names_the_package_to_install_for_missing_language_data() -> None:
    with pytest.raises(OcrUnavailable, match="tesseract-ocr-xyz"):
        read(make_image(SCAN_TEXT), limits=Limits(ocr_languages="nld+xyz"))


def test_it_says_which_package_to_install_when_tesseract_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(OcrUnavailable, match="tesseract-ocr") as caught:
        read(make_scanned_pdf(SCAN_TEXT), limits=Limits())

    assert caught.value.exit_code == ExitCode.OCR_UNAVAILABLE


def test_it_runs_tesseract_single_threaded_on_an_uncompressed_page_image(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_tesseract(tmp_path, 'echo "threads=$OMP_THREAD_LIMIT input=$1 $3 $4 $5 $6"')
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")

    extracted = read(make_scanned_pdf(SCAN_TEXT), limits=Limits(ocr_dpi=150))

    arguments = extracted.pages[0].split()
    assert arguments[0] == "threads=1"
    assert arguments[1].endswith(".pgm")
    assert arguments[2:] == ["-l", "nld+eng", "--dpi", "150"]


def test_it_stops_ocr_of_a_page_that_runs_past_the_time_limit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_tesseract(tmp_path, "exec sleep 30")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")

    with pytest.raises(ParseTimeout, match=r"longer than 0\.5 s"):
        read(make_image(SCAN_TEXT), limits=Limits(ocr_page_timeout=0.5))
