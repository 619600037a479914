"""Writing a rendition: page furniture, the information dictionary we control, and the same bytes every time.

The information dictionary holds only the public title, "Reisregister" as creator and producer, and the dates
of publication and of the newest redaction decision: no author, subject or keywords (reportlab would otherwise
write "anonymous" and "unspecified"), and no XMP. Output is invariant (no clock, no random document id), so
the same register state gives the same bytes, and an ETag that only changes when the content does.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from reisregister.publication.renditions.styles import FONT, MARGIN, MUTED, PAGE_SIZE, styles

PRODUCER = "Reisregister"
_FOOTER_SIZE = 8


@dataclass(frozen=True, slots=True)
class Rendition:
    """A finished PDF and what an HTTP response says about it."""

    data: bytes
    file_name: str
    last_modified: dt.datetime | None

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Page:
    """What every page carries besides the content."""

    header: str  # empty: none
    footer: str  # the page number is added after it


class _Info(PDFInfo):  # type: ignore[misc]  # reportlab ships no type information
    """The document information dictionary with only the entries we set."""

    def __init__(self, created: dt.datetime | None, modified: dt.datetime | None) -> None:
        super().__init__()
        self.created, self.modified = created, modified

    def format(self, document: Any) -> bytes:
        entries: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Creator": PDFString(PRODUCER),
            "Producer": PDFString(PRODUCER),
        }
        if self.created is not None:
            entries["CreationDate"] = PDFString(_pdf_date(self.created))
            entries["ModDate"] = PDFString(_pdf_date(self.modified or self.created))
        formatted: bytes = PDFDictionary(entries).format(document)
        return formatted


class _Canvas(Canvas):  # type: ignore[misc]
    def __init__(
        self, *args: Any, created: dt.datetime | None, modified: dt.datetime | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._doc.info = _Info(created, modified)


def build(
    content: Sequence[Flowable],
    *,
    title: str,
    page: Page,
    created: dt.datetime | None,
    modified: dt.datetime | None,
) -> bytes:
    """The PDF bytes of ``content`` (flowables) on A4 pages with ``page``'s header and footer."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=PAGE_SIZE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=title, invariant=1, lang=(get_language() or "nl")[:2],
        displayDocTitle=1, initialFontName=_font(),
    )  # fmt: skip
    furniture = functools.partial(_furniture, page=page)
    document.build(
        list(content),
        onFirstPage=furniture,
        onLaterPages=furniture,
        canvasmaker=functools.partial(_Canvas, created=created, modified=modified),
    )
    return buffer.getvalue()


def _font() -> str:
    styles()  # registers the fonts
    return FONT


def _furniture(canvas: Any, document: Any, *, page: Page) -> None:
    canvas.saveState()
    canvas.setFont(FONT, _FOOTER_SIZE)
    canvas.setFillColor(MUTED)
    width, height = PAGE_SIZE
    if page.header:
        canvas.drawString(MARGIN, height - MARGIN / 2, page.header)
    number = _("page %(number)d") % {"number": document.page}
    canvas.drawString(MARGIN, MARGIN / 2, page.footer)
    canvas.drawRightString(width - MARGIN, MARGIN / 2, number)
    canvas.restoreState()


def _pdf_date(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.UTC) if timezone.is_aware(moment) else moment
    return utc.strftime("D:%Y%m%d%H%M%S+00'00'")


def newest(*moments: dt.datetime | None) -> dt.datetime | None:
    """The latest of the given moments that are known."""
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None
