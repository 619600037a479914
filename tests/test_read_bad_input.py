"""Broken, hostile or unsupported input ends in a clear ``reisparse.errors`` exception."""

from __future__ import annotations

import io
import random
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from reisparse.errors import (
    ExitCode,
    InputTooLarge,
    ReisparseError,
    UnreadableInput,
    UnsupportedInput,
)
from reisparse.limits import MB, Limits
from reisparse.readers import read
from reisparse.readers.docx import read_docx
from reisparse.readers.pdf import read_pdf
from tests.support import require_tool
from tests.support.builders import make_docx, make_image, make_text_pdf

# A hang is a failure too: far above the normal time, so it never fails on a slow machine.
HANG_SECONDS = 30


@contextmanager
def fails_if_it_hangs() -> Iterator[None]:
    def interrupt(signum: int, frame: object) -> None:
        raise AssertionError(f"still running after {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read_expecting(error: type[ReisparseError], data: bytes, limits: Limits | None = None) -> str:
    """Read ``data`` expecting ``error``; return its message, checked to be one line."""
    with pytest.raises(error) as caught:
        read(data, limits=limits or Limits())
    message = str(caught.value)
    assert message
    assert "\n" not in message
    return message


def random_bytes(size: int, *, with_nul: bool) -> bytes:
    rng = random.Random(size)
    data = rng.randbytes(size)
    return data if with_nul else data.replace(b"\x00", b"\x01")


def test_it_refuses_an_empty_file_with_the_bad_input_exit_code() -> None:
    assert read_expecting(UnsupportedInput, b"") == "empty file"
    assert UnsupportedInput.exit_code == ExitCode.BAD_INPUT


@pytest.mark.parametrize(
    "data",
    [
        random_bytes(4096, with_nul=True),
        random_bytes(4096, with_nul=False),
        random_bytes(100, with_nul=False),
        b"\x7fELF\x02\x01\x01" + bytes(200),
        b"GIF89a" + random_bytes(500, with_nul=True),
    ],
    ids=["random", "random-without-nul", "short-random", "elf", "gif"],
)
def test_it_refuses_binary_junk(data: bytes) -> None:
    assert "binary" in read_expecting(UnsupportedInput, data)


def test_it_refuses_rtf_with_advice() -> None:
    assert ".docx" in read_expecting(UnsupportedInput, rb"{\rtf1\ansi Reisverslag}")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_it_reports_a_truncated_pdf_as_unreadable(fraction: float) -> None:
    pdf = make_text_pdf("Reisverslag Helsingborg\n" * 200)

    read_expecting(UnreadableInput, pdf[: int(len(pdf) * fraction)])


def test_it_reports_a_pdf_with_a_damaged_body_as_unreadable() -> None:
    assert "PDF" in read_expecting(UnreadableInput, b"%PDF-1.7\n" + bytes(range(1, 256)) * 20)


def test_it_reports_an_encrypted_pdf_as_unreadable() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, encrypt=StandardEncryption("geheim", canPrint=1))
    canvas.drawString(72, 720, "Vertrouwelijk reisverslag")
    canvas.showPage()
    canvas.save()

    assert "encrypted PDF" in read_expecting(UnreadableInput, buffer.getvalue())


def test_it_refuses_a_pdf_with_more_pages_than_the_limit() -> None:
    pdf = make_text_pdf("Regel\n" * 150)  # three pages

    message = read_expecting(InputTooLarge, pdf, Limits(max_pages=2))

    assert "3 pages" in message


def test_it_refuses_input_over_the_size_limit_before_reading_it() -> None:
    assert "limit" in read_expecting(InputTooLarge, b"Reisverslag " * 100, Limits(max_bytes=1000))


def test_it_refuses_a_document_with_more_text_than_the_limit() -> None:
    read_expecting(InputTooLarge, b"Reisverslag " * 100, Limits(max_text_chars=500))


def test_it_reports_a_docx_that_is_not_a_zip_as_unreadable() -> None:
    with pytest.raises(UnreadableInput, match="zip"):
        read_docx(b"Dit is geen Word-document", limits=Limits())


def test_it_reports_a_truncated_docx_as_unreadable() -> None:
    docx = make_docx("Reisverslag\n\n" + "Een alinea over de reis.\n\n" * 50)

    read_expecting(UnreadableInput, docx[: len(docx) // 2])


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_it_reports_a_docx_without_its_document_part_as_unreadable() -> None:
    docx = zip_of({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<w:styles/>"})

    assert "word/document.xml" in read_expecting(UnreadableInput, docx)


def test_it_refuses_a_zip_that_is_not_a_word_document() -> None:
    read_expecting(UnsupportedInput, zip_of({"xl/workbook.xml": b"<workbook/>"}))


def test_it_reports_an_encrypted_or_legacy_word_file_as_unreadable() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"EncryptedPackage" + bytes(1000)

    assert "encrypted or legacy .doc" in read_expecting(UnreadableInput, ole)
    with pytest.raises(UnreadableInput, match=r"encrypted or legacy \.doc"):
        read_docx(ole, limits=Limits())


def zeros_docx(megabytes: int) -> bytes:
    """A DOCX whose document part is ``megabytes`` MB of zeros (about 1000 times compressed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = bytes(MB)
            for _ in range(megabytes):
                member.write(chunk)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    return zeros_docx(300)


def test_it_refuses_a_zip_bomb_docx_that_unpacks_to_300_mb(zip_bomb: bytes) -> None:
    assert len(zip_bomb) < MB

    assert "zip bomb" in read_expecting(UnreadableInput, zip_bomb)


def test_it_refuses_a_docx_part_compressed_far_beyond_what_word_produces() -> None:
    # 30 MB fits the unpacked-size limit; the compression ratio of ~1000 gives it away.
    assert "zip bomb" in read_expecting(UnreadableInput, zeros_docx(30))


def test_it_counts_the_bytes_actually_unpacked_against_the_limit() -> None:
    docx = make_docx("Reisverslag\n\n" + "Een alinea over de reis naar Helsingborg.\n\n" * 400)

    with pytest.raises(UnreadableInput, match="zip bomb"):
        read_docx(docx, limits=Limits(max_unpacked_bytes=20_000))


def test_it_reads_html_nested_100000_deep_without_recursion_or_hanging() -> None:
    depth = 100_000
    page = b"<html><body>" + b"<div>" * depth + b"diep" + b"</div>" * depth

    with fails_if_it_hangs():
        extracted = read(page, limits=Limits())

    assert extracted.pages == ("diep",)


def test_it_reads_html_lists_nested_100000_deep() -> None:
    with fails_if_it_hangs():
        extracted = read(b"<ul><li>" * 100_000 + b"diep", limits=Limits())

    assert extracted.pages == ("- diep",)


def test_it_turns_an_image_without_text_into_empty_text_with_a_warning() -> None:
    require_tool("tesseract")

    extracted = read(make_image(""), limits=Limits())

    assert extracted.pages == ("",)
    assert extracted.warnings == ("no text found",)
    assert extracted.ocr


def test_it_reports_a_damaged_image_as_unreadable() -> None:
    png = make_image("Reisverslag")

    read_expecting(UnreadableInput, png[:200])


def test_the_pdf_reader_reports_bytes_that_are_no_pdf_as_unreadable() -> None:
    with pytest.raises(UnreadableInput):
        read_pdf(b"Dit is geen PDF", limits=Limits())
