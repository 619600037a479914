"""Plain text: decoding in any common encoding, and the block layout shared by all readers."""

from __future__ import annotations

import re
from enum import Enum

from reisparse.document import Extracted
from reisparse.errors import Reason, UnsupportedInput
from reisparse.limits import Limits
from reisparse.sniff import BOMS, TEXT, utf16_without_bom

_FALLBACK_ENCODING = "cp1252"
# Letters beyond Latin Extended-B: a script (Cyrillic, Greek, CJK...) that cp1252 cannot carry.
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def read_text(data: bytes, *, limits: Limits) -> Extracted:
    """A plain text file as one flowing page, line endings normalised to ``\\n``."""
    del limits  # the size limit is checked before any reader runs
    return Extracted(pages=(normalise_newlines(decode_text(data)),), media_type=TEXT)


def decode_text(data: bytes) -> str:
    """Decode text: BOM first, then UTF-8 (fast path), then a detected legacy encoding."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> str:
    guess = _detected(data)
    # charset-normalizer cannot tell Latin code pages apart on Dutch text (it picks cp1250 and
    # turns "Genève" into "Genčve"). It is good at telling scripts apart, so trust it only when it
    # found a non-Latin script, and otherwise use cp1252, the Windows default in the Netherlands.
    if guess is not None and _NON_LATIN_LETTER.search(guess):
        return guess
    try:
        western = data.decode(_FALLBACK_ENCODING)
    except UnicodeDecodeError:
        western = None
    if western is not None and not _CONTROL.search(western):
        return western
    if guess is None:
        raise UnsupportedInput(
            "text in an encoding that could not be recognised", reason=Reason.TEXT_ENCODING
        )
    return guess


def _detected(data: bytes) -> str | None:
    import charset_normalizer

    matches = [m for m in charset_normalizer.from_bytes(data) if not m.encoding.startswith("utf")]
    if not matches:
        return None
    best = matches[0]
    # Reports are written on Windows: among equally clean candidates (mac_cyrillic versus
    # cp1251) the Windows code page is the right one.
    windows = [m for m in matches if m.encoding.startswith("cp125") and m.chaos <= best.chaos]
    return str(windows[0] if windows else best)


def normalise_newlines(text: str) -> str:
    """Line breaks of every kind become ``\\n``; a form feed becomes a blank line."""
    return _LINE_BREAKS.sub("\n", text).replace("\f", "\n\n")


class BlockKind(Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"
    ROW = "row"


# Items of one list and rows of one table stay together on consecutive lines.
_GROUPED = frozenset({BlockKind.ITEM, BlockKind.ROW})


class BlockWriter:
    """Lays out blocks in the ``Extracted`` convention: blank lines between blocks, except between
    consecutive list items or consecutive table rows, which are one block of lines."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._last: BlockKind | None = None
        self._headings: set[str] = set()

    def add(self, kind: BlockKind, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if self._last is not None:
            grouped = kind is self._last and kind in _GROUPED
            self._parts.append("\n" if grouped else "\n\n")
        self._parts.append(text)
        self._last = kind
        if kind is BlockKind.HEADING:
            self._headings.add(text)

    def end_group(self) -> None:
        """End the current list or table, so the next item or row starts a new block."""
        if self._last in _GROUPED:
            self._last = BlockKind.PARAGRAPH

    def text(self) -> str:
        return "".join(self._parts)

    @property
    def headings(self) -> frozenset[str]:
        return frozenset(self._headings)
