"""Building blocks shared by both renditions: paragraphs of redacted text, headings, tables, dates and amounts.

Text from a trip goes through ``marks.markup`` (escaped, marks as boxes); our own labels are escaped too, since a
translation may hold an ampersand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeAlias
from xml.sax.saxutils import escape

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import slugify
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from reisregister.publication.renditions.marks import markup
from reisregister.publication.renditions.styles import FRAME_WIDTH, styles, table_style

Cell: TypeAlias = str | Flowable  # a string is trip text
# A heading needs this much room below it on the page, or it moves to the next page with what follows.
_ROOM_FOR_A_HEADING = 3.5 * cm
_ROOM_FOR_A_SUBHEADING = 2.5 * cm
# A row taller than a page (a goal described at length) is split over pages, keeping two lines together;
# without this reportlab gives up on the whole document.
_MIN_ROW_PART = 30


def text(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of trip text (already redacted)."""
    return Paragraph(markup(value), style or styles().body)


def label(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of our own wording (a heading, a column name, a sentence)."""
    return Paragraph(escape(value), style or styles().body)


def link(url: str) -> Paragraph:
    """A clickable web address (the service passes only http(s) addresses without a redacted passage)."""
    target = escape(url, {'"': "&quot;"})
    return Paragraph(f'<link href="{target}" color="#1f4e8c">{escape(url)}</link>', styles().body)


def heading(value: str) -> Paragraph:
    return label(value, styles().heading)


def section(title: str, body: Sequence[Flowable]) -> list[Flowable]:
    """A heading and its content; the heading never sits alone at the foot of a page."""
    return [CondPageBreak(_ROOM_FOR_A_HEADING), heading(title), *body]


def subsection(title: str, body: Sequence[Flowable]) -> list[Flowable]:
    return [CondPageBreak(_ROOM_FOR_A_SUBHEADING), label(title, styles().subheading), *body]


def table(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> Table:
    """A ruled table; ``widths`` are fractions of the frame width, strings are trip text."""
    head = [label(name, styles().cell_head) for name in header]
    body = [[_cell(value) for value in row] for row in rows]
    return Table(
        [head, *body], colWidths=[FRAME_WIDTH * share for share in widths], repeatRows=1,
        splitInRow=_MIN_ROW_PART, style=table_style(), hAlign="LEFT",
    )  # fmt: skip


def facts(rows: Sequence[tuple[str, Cell]]) -> Table:
    """Label and value side by side, like the trip page's "At a glance"."""
    data = [[label(name, styles().cell_head), _cell(value)] for name, value in rows]
    return Table(
        data, colWidths=[FRAME_WIDTH * 0.25, FRAME_WIDTH * 0.75], splitInRow=_MIN_ROW_PART,
        style=table_style(header=False), hAlign="LEFT",
    )  # fmt: skip


def public_url(name: str, pk: int) -> str:
    """The absolute address of a public page, as printed in a rendition."""
    base = str(getattr(settings, "PUBLIC_URL", "")).rstrip("/")
    return base + reverse(name, args=[pk])


def file_name(stem: str, pk: int) -> str:
    """A file name safe in any header and file system, whatever the translation of ``stem``."""
    return f"{slugify(stem) or 'rendition'}-{pk}.pdf"


def _cell(value: Cell) -> Flowable:
    return text(value, styles().cell) if isinstance(value, str) else value


def day(value: dt.date | None) -> str:
    return formats.date_format(value, "j F Y") if value is not None else ""


def weekday(value: dt.date) -> str:
    return formats.date_format(value, "l j F Y")


def moment(value: dt.datetime | None) -> str:
    """A date and time in the register's time zone."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return formats.date_format(local, "j F Y")


def amount(currency: str, value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{currency} {formats.number_format(value, 2, use_l10n=True, force_grouping=True)}"
