"""Tell a document's format from its bytes alone: names lie (a PDF saved as ``.txt`` is a PDF)."""

from __future__ import annotations

import codecs
import re

from reisparse.errors import Reason, UnreadableInput, UnsupportedInput

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
MARKDOWN = "text/markdown"
TEXT = "text/plain"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"

# An OLE compound file: a legacy .doc, or a .docx that Word encrypted with a password.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LEGACY_OFFICE_MESSAGE = (
    "encrypted or legacy .doc file (OLE compound document): "
    "remove the password or save it as .docx or PDF"
)

_ZIP_MAGIC = b"PK\x03\x04"
_IMAGE_MAGICS = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)
# The PDF spec lets readers accept junk before the header within the first 1024 bytes.
PDF_MARKER = b"%PDF-"
_PDF_HEADER_WINDOW = 1024
_SAMPLE_BYTES = 8192
# Byte order marks, longest first (a UTF-32 LE BOM starts like a UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in real text (tab, newlines and form feed do), plus the
# replacement character that marks undecodable bytes.
_NON_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_NON_TEXT_RATIO = 0.02

_HTML_START = re.compile(
    r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# A fragment without <html>: text that starts with a tag and uses common HTML elements.
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|b|i|em|strong|br|ul|ol|li|table|tr|td|th|h[1-6]|section|article|main)\b"
    r"[^<>]*>",
    re.I,
)

_MD_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
_MD_SIGNS = (
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # [text](url)
    re.compile(r"(\*\*|__)\S[^\n]*?\S\1"),  # **strong**
    re.compile(r"^ {0,3}(```|~~~)", re.M),  # fenced code
    re.compile(r"^\S[^\n]*\n ?(=+|-+)[ \t]*$", re.M),  # setext heading
    re.compile(r"^ {0,3}\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$", re.M),  # table separator row
)
# One ATX heading is strong evidence; the other signs need company, since plain text can contain
# a stray "**" or "[x](y)".
_MD_ATX_SCORE = 2
_MD_MIN_SCORE = 2


def sniff(data: bytes) -> str:
    """The media type of ``data`` judged from its content.

    Raises UnsupportedInput for what no reader reads, UnreadableInput for a legacy or encrypted
    Word file."""
    if not data:
        raise UnsupportedInput("empty file", reason=Reason.EMPTY)
    if PDF_MARKER in data[:_PDF_HEADER_WINDOW]:
        return PDF
    if data.startswith(_ZIP_MAGIC):
        return _sniff_zip(data)
    if data.startswith(OLE_MAGIC):
        raise UnreadableInput(LEGACY_OFFICE_MESSAGE, reason=Reason.LEGACY_OFFICE)
    for magic, media_type in _IMAGE_MAGICS:
        if data.startswith(magic):
            return media_type
    if data.lstrip()[:5] == b"{\\rtf":
        raise UnsupportedInput(
            "RTF documents are not supported: save it as .docx or PDF", reason=Reason.RTF
        )
    sample = _text_sample(data[:_SAMPLE_BYTES])
    if sample is None:
        raise UnsupportedInput("binary data that is not a supported document format")
    return _sniff_text(sample)


def _sniff_zip(data: bytes) -> str:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # A damaged zip has no readable directory, but its local headers still name the parts.
        if b"word/" in data:
            return DOCX
        raise UnsupportedInput("a damaged zip archive that is not a Word document") from None
    if any(name.startswith("word/") for name in names):
        return DOCX
    raise UnsupportedInput("a zip archive that is not a Word document (.docx)")


def _text_sample(head: bytes) -> str | None:
    """The start of the data decoded as text, or None when it looks like binary data."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return _decode_sample(head, encoding)
    utf16 = utf16_without_bom(head)
    if utf16 is not None:
        return _decode_sample(head, utf16)
    if b"\x00" in head:
        return None
    decoded = _decode_sample(head, "utf-8")
    if "\ufffd" in decoded:
        # Not UTF-8: judge it as a single-byte encoding, where random bytes still decode to
        # control characters about one time in eight.
        decoded = head.decode("cp1252", errors="replace")
    if len(_NON_TEXT.findall(decoded)) > _MAX_NON_TEXT_RATIO * max(len(decoded), 1):
        return None
    return decoded


def _decode_sample(head: bytes, encoding: str) -> str:
    # Incremental decoding tolerates a multi-byte character cut off at the end of the sample.
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(head, final=False)


def utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec when NUL bytes sit on every other position (BOM-less UTF-16 Latin text)."""
    sample = data[:_SAMPLE_BYTES]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.8 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.8 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


MARKDOWN_SAMPLE = 4096


def _sniff_text(sample: str) -> str:
    stripped = sample.lstrip("\ufeff \t\r\n")
    if _HTML_START.match(stripped) or (stripped.startswith("<") and _HTML_TAG.search(sample)):
        return HTML
    # Markdown shows itself in its first lines; scoring the whole text costs more than the rest of sniffing.
    if _markdown_score(sample[:MARKDOWN_SAMPLE]) >= _MD_MIN_SCORE:
        return MARKDOWN
    return TEXT


def _markdown_score(sample: str) -> int:
    score = _MD_ATX_SCORE if _MD_ATX_HEADING.search(sample) else 0
    for sign in _MD_SIGNS:
        if score >= _MD_MIN_SCORE:
            break
        if sign.search(sample):
            score += 1
    return score
