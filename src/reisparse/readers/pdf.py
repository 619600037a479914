"""PDF through PDFium: the text layer page by page, and OCR for the pages that are scans."""

from __future__ import annotations

import re
import statistics
from typing import Any

from reisparse.document import Extracted
from reisparse.errors import InputTooLarge, Reason, UnreadableInput
from reisparse.limits import Limits
from reisparse.readers.ocr import ocr_pdf_page
from reisparse.readers.text import normalise_newlines
from reisparse.sniff import PDF

# A page whose text layer has fewer visible characters than this is a scan (perhaps with a
# digital page number stamped on it).
MIN_TEXT_CHARS = 20
_VISIBLE = re.compile(r"\S")
_CONTROL = re.compile(r"[\x00-\x01\x03-\x08\x0b-\x1f\x7f\uffff]")
# PDFium marks a hyphen at the end of a line as U+FFFE (or 0x02): it is the printed hyphen.
_LINE_END_HYPHEN = re.compile(r"[\x02\ufffe]")
# Two lines belong to one paragraph when the gap between them is less than this share of the
# usual line height; a blank line or paragraph spacing is wider.
_PARAGRAPH_GAP = 0.75
_SAME_LINE_OVERLAP = 0.5
_NO_TEXT_WARNING = "no text found"


def read_pdf(data: bytes, *, limits: Limits) -> Extracted:
    """Text per page; pages without a text layer but with an image are OCR'd."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if exc.err_code == pypdfium2.raw.FPDF_ERR_PASSWORD:
            raise UnreadableInput(
                "encrypted PDF: it cannot be opened without a password",
                reason=Reason.PDF_ENCRYPTED,
            ) from None
        raise UnreadableInput("damaged or truncated PDF", reason=Reason.PDF_DAMAGED) from None
    try:
        return _read_document(document, limits)
    finally:
        document.close()


def _read_document(document: Any, limits: Limits) -> Extracted:
    count = len(document)
    if count == 0:
        raise UnreadableInput("damaged PDF: it has no pages", reason=Reason.PDF_DAMAGED)
    if count > limits.max_pages:
        raise InputTooLarge(
            f"PDF has {count} pages, more than the limit of {limits.max_pages}",
            reason=Reason.TOO_MANY_PAGES,
        )
    pages: list[str] = []
    ocr_pages: list[int] = []
    for index in range(count):
        page = document[index]
        try:
            text = _page_text(page)
            if _is_scan(page, text):
                text = ocr_pdf_page(page, limits=limits) or text
                ocr_pages.append(index + 1)
        finally:
            page.close()
        pages.append(text)
    warnings = () if any(_VISIBLE.search(page) for page in pages) else (_NO_TEXT_WARNING,)
    return Extracted(
        pages=tuple(pages), media_type=PDF, ocr=bool(ocr_pages), paged=True, warnings=warnings
    )


def _is_scan(page: Any, text: str) -> bool:
    import pypdfium2

    if len(_VISIBLE.findall(text)) >= MIN_TEXT_CHARS:
        return False
    images = page.get_objects(filter=(pypdfium2.raw.FPDF_PAGEOBJ_IMAGE,))
    return next(images, None) is not None


def _page_text(page: Any) -> str:
    """The text layer with a blank line wherever the vertical gap says a new paragraph starts.

    PDFium returns text line by line without paragraph breaks; its text rectangles give the
    positions to find them."""
    textpage = page.get_textpage()
    try:
        lines = _lines(textpage)
        if not lines:
            return ""
        height = statistics.median(top - bottom for _, bottom, _, top in lines)
        parts: list[str] = []
        previous: tuple[float, float, float, float] | None = None
        for line in lines:
            text = _clean(textpage.get_text_bounded(*line))
            if not text:
                continue
            if previous is not None:
                gap = previous[1] - line[3]
                # A line above the previous one starts a new column.
                new_block = gap > _PARAGRAPH_GAP * height or line[3] > previous[3] + height
                parts.append("\n\n" if new_block else "\n")
            parts.append(text)
            previous = line
        return "".join(parts)
    finally:
        textpage.close()


def _lines(textpage: Any) -> list[tuple[float, float, float, float]]:
    """Text rectangles (left, bottom, right, top) merged into lines, in reading order."""
    lines: list[list[float]] = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        if lines:
            line = lines[-1]
            overlap = min(top, line[3]) - max(bottom, line[1])
            if overlap > _SAME_LINE_OVERLAP * min(top - bottom, line[3] - line[1]):
                line[0], line[1] = min(line[0], left), min(line[1], bottom)
                line[2], line[3] = max(line[2], right), max(line[3], top)
                continue
        lines.append([left, bottom, right, top])
    return [(left, bottom, right, top) for left, bottom, right, top in lines]


def _clean(text: str) -> str:
    text = normalise_newlines(text).replace("\n", " ")
    return _LINE_END_HYPHEN.sub("-", _CONTROL.sub("", text)).strip()
