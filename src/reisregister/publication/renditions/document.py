"""The redacted rendition of a trip's source document: its text, page by page, then the redaction log.

The original upload is never published. This rendition is set anew from the parser's normalised text as
``publication.service.get_source`` returns it (redacted), so the original's layout, images and file properties
(author, software, revision history) cannot reach it; every page says it is a rendition, not the original.
"""

from __future__ import annotations

import itertools
import re

from django.utils.translation import gettext as _
from reportlab.platypus import Flowable

from reisregister.publication.objects import PublicDocument, PublicSource
from reisregister.publication.renditions.blocks import (
    file_name,
    label,
    public_url,
    subsection,
    text,
)
from reisregister.publication.renditions.log import redaction_log
from reisregister.publication.renditions.pdf import Page, Rendition, build, newest
from reisregister.publication.renditions.styles import styles

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A line that starts a list item or a programme time keeps its own line, as does a table row.
_STARTS_A_LINE = re.compile(r"^\s*(?:[-•*–]\s|[A-Za-z0-9]{1,3}[.)]\s|\d{1,2}[:.]\d{2}\b)")
_TABLE_CELL = " | "
_WRAPPED = 0.7  # a line this much shorter than the block's longest ends where the writer ended it
_MIN_WRAP_WIDTH = 50


def render(source: PublicSource) -> Rendition:
    """The redacted rendition PDF of one published trip's source document."""
    modified = newest(source.published_at, *(entry.decided_at for entry in source.redactions))
    page = Page(
        header=_("Redacted rendition, not the original document"),
        footer=f"Reisregister · {public_url('publication:trip-detail', source.trip_id)}",
    )
    title = _("Redacted rendition: %(title)s") % {"title": source.title}
    data = build(
        content(source), title=title, page=page, created=source.published_at, modified=modified
    )
    name = file_name(_("redacted-document"), source.trip_id)
    return Rendition(data, file_name=name, last_modified=modified)


def content(source: PublicSource) -> list[Flowable]:
    return [*_introduction(source), *_pages(source.pages), *redaction_log(source.redactions)]


def _introduction(source: PublicSource) -> list[Flowable]:
    kind = PublicDocument(source.file_name, source.media_type, len(source.pages)).type_label
    about = _(
        "This is a redacted rendition of the document %(name)s (%(kind)s), from which the published trip "
        "report %(title)s was made. It holds the document's text as the register read it; passages withheld "
        "under the Open Government Act (Woo) are blacked out and listed in the redaction log at the end. "
        "Layout, images and file properties of the original are not included; the original file is not "
        "published."
    ) % {"name": f"“{source.file_name}”", "kind": kind, "title": f"“{source.title}”"}
    return [
        label(_("Redacted rendition of the source document"), styles().title),
        text(source.title, styles().meta),
        text(about, styles().notice),
        label(public_url("publication:trip-detail", source.trip_id), styles().meta),
    ]


def _pages(pages: tuple[str, ...]) -> list[Flowable]:
    if not any(page.strip() for page in pages):
        return [label(_("The document holds no readable text."))]
    parts: list[Flowable] = []
    numbered = len(pages) > 1
    for number, page in enumerate(pages, start=1):
        blocks = [
            text(reflow(block), styles().source)
            for block in _BLANK_LINE.split(page.strip())
            if block.strip()
        ]
        if numbered:
            blocks = subsection(_("Page %(number)d") % {"number": number}, blocks)
        parts.extend(blocks)
    return parts


def reflow(block: str) -> str:
    """Undo the hard wrapping of a paragraph, keeping the line breaks its writer made.

    The parser's text keeps the original's line ends; a rendition with other margins would break those lines
    again half-way. A line break is kept after a short line (a heading, the end of a paragraph), before a list
    item, a table row or a time, and throughout a block of short lines (a list, an address).
    """
    lines = [line.rstrip() for line in block.split("\n")]
    longest = max(len(line) for line in lines)
    if longest < _MIN_WRAP_WIDTH:
        return "\n".join(lines)
    joined = lines[0]
    for previous, line in itertools.pairwise(lines):
        if len(previous) >= _WRAPPED * longest and not _own_line(previous, line):
            joined += " " + line.lstrip()
        else:
            joined += "\n" + line
    return joined


def _own_line(previous: str, line: str) -> bool:
    return bool(_STARTS_A_LINE.search(line)) or _TABLE_CELL in previous or _TABLE_CELL in line
