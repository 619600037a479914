"""What a reader hands to the normaliser: the text of each page, before normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Extracted:
    """Plain text per page as read from one file.

    Readers keep structure in the text itself, so every format converges on one shape: paragraphs are separated by
    a blank line, a heading is its own paragraph (and is listed in ``headings``), list items start with ``- `` or
    their own number/letter (``A) ``, ``1. ``), table rows are cells joined by `` | ``.
    """

    pages: tuple[str, ...]
    media_type: str
    ocr: bool = False
    # True when pages are real pages (PDF, multi-page TIFF); False for flowing formats (text, HTML, DOCX).
    paged: bool = False
    headings: frozenset[str] = frozenset()
    warnings: tuple[str, ...] = field(default_factory=tuple)
