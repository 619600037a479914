"""Word .docx: paragraphs, headings, lists and tables, read straight from the zip with defusedxml.

python-docx is not used: it shows no list numbers and skips text in content controls (w:sdt).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reisparse.document import Extracted
from reisparse.errors import Reason, UnreadableInput
from reisparse.limits import MB, Limits
from reisparse.readers.html import MAX_COLUMN_SPAN, column_span, row_text
from reisparse.readers.text import BlockKind, BlockWriter
from reisparse.sniff import DOCX, LEGACY_OFFICE_MESSAGE, OLE_MAGIC

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    XmlParser = Callable[[bytes], Element]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _TXBX = W + "p", W + "tbl", W + "tr", W + "tc", W + "txbxContent"
_TR_PR, _TC_PR = W + "trPr", W + "tcPr"
_VAL = W + "val"
# Deleted text, field codes and the fallback copy of drawings (text boxes appear twice) are not
# visible text.
_SKIP = frozenset({W + "del", W + "moveFrom", W + "delText", W + "instrText", _MC_FALLBACK})
_RUN_TEXT = {
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
}
# Built-in heading styles by id or name, in English and Dutch Word: "heading 1", "Kop1", "Title"...
_HEADING_STYLE = re.compile(
    r"^(?:heading|kop)\s*[1-9]$|^(?:title|titel|subtitle|ondertitel)$", re.I
)
_MAX_HEADING_LEVEL = 9
_MAX_LIST_START = 9999
_MAX_NUMBER_DIGITS = 6

_CHUNK = 64 * 1024
# Word compresses its XML about 5-20 times; a large part that shrank more than 100 times is a bomb.
_MAX_RATIO = 100
_LARGE_MEMBER = 5 * MB


def read_docx(data: bytes, *, limits: Limits) -> Extracted:
    """A Word document as one flowing page."""
    if data.startswith(OLE_MAGIC):
        raise UnreadableInput(LEGACY_OFFICE_MESSAGE, reason=Reason.LEGACY_OFFICE)
    import defusedxml.ElementTree as SafeTree
    from defusedxml import DefusedXmlException

    parts = _DocxParts(data, limits)
    try:
        document = SafeTree.fromstring(parts.require("word/document.xml"))
        styles = _Styles(parts.read("word/styles.xml"), SafeTree.fromstring)
        numbering = _Numbering(parts.read("word/numbering.xml"), SafeTree.fromstring)
    except (SafeTree.ParseError, DefusedXmlException) as exc:
        raise UnreadableInput(
            f"damaged DOCX: its XML cannot be read ({type(exc).__name__})",
            reason=Reason.DOCX_DAMAGED,
        ) from None
    body = document.find(W + "body")
    if body is None:
        raise UnreadableInput("damaged DOCX: the document has no body", reason=Reason.DOCX_DAMAGED)
    writer = BlockWriter()
    try:
        _write_blocks(body, _Context(styles, numbering), writer)
    except RecursionError:
        raise UnreadableInput("DOCX nested too deeply", reason=Reason.DOCX_TOO_DEEP) from None
    return Extracted(pages=(writer.text(),), media_type=DOCX, headings=writer.headings)


class _DocxParts:
    """The zip container, opened with guards against zip bombs."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self._archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise UnreadableInput(
                "not a valid DOCX: the zip container is damaged", reason=Reason.DOCX_DAMAGED
            ) from None
        self._limit = self._budget = limits.max_unpacked_bytes
        declared = sum(info.file_size for info in infos)
        if declared > self._limit:
            raise UnreadableInput(_bomb_message(self._limit), reason=Reason.ZIP_BOMB)
        self._names = {info.filename for info in infos}

    def require(self, name: str) -> bytes:
        part = self.read(name)
        if part is None:
            raise UnreadableInput(f"damaged DOCX: {name} is missing", reason=Reason.DOCX_DAMAGED)
        return part

    def read(self, name: str) -> bytes | None:
        if name not in self._names:
            return None
        info = self._archive.getinfo(name)
        if info.file_size > _LARGE_MEMBER and info.file_size > _MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise UnreadableInput(
                "DOCX part compressed more than 100 times: refusing a possible zip bomb",
                reason=Reason.ZIP_BOMB,
            )
        try:
            return self._read_capped(info)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            NotImplementedError,
            RuntimeError,
        ):
            # RuntimeError: a member encrypted with a zip password.
            raise UnreadableInput(
                f"damaged DOCX: {name} cannot be unpacked", reason=Reason.DOCX_DAMAGED
            ) from None

    def _read_capped(self, info: zipfile.ZipInfo) -> bytes:
        # Sizes in the zip directory can lie: count the bytes that really come out.
        chunks: list[bytes] = []
        with self._archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                self._budget -= len(chunk)
                if self._budget < 0:
                    raise UnreadableInput(_bomb_message(self._limit), reason=Reason.ZIP_BOMB)
                chunks.append(chunk)
        return b"".join(chunks)


def _bomb_message(limit: int) -> str:
    return f"DOCX unpacks to more than {limit // MB} MB: refusing a possible zip bomb"


class _Styles:
    """Paragraph styles: which are headings, which carry list numbering."""

    def __init__(self, xml: bytes | None, parse: XmlParser) -> None:
        self.headings: set[str] = set()
        self.numbering: dict[str, tuple[str, int]] = {}
        if xml is None:
            return
        for style in parse(xml).iter(W + "style"):
            style_id = style.get(W + "styleId") or ""
            name_element = style.find(W + "name")
            name = name_element.get(_VAL, "") if name_element is not None else ""
            properties = style.find(W + "pPr")
            by_name = _HEADING_STYLE.match(style_id) or _HEADING_STYLE.match(name)
            if by_name or (properties is not None and _outline_level(properties) is not None):
                self.headings.add(style_id)
            list_ref = _num_ref(properties)
            if list_ref is not None:
                self.numbering[style_id] = list_ref


class _Level:
    __slots__ = ("fmt", "start", "text")

    def __init__(self, level: Element) -> None:
        self.fmt = _child_value(level, "numFmt") or "decimal"
        self.text = _child_value(level, "lvlText") or ""
        start = _child_value(level, "start") or "1"
        # Clamped: a hostile start value would otherwise make labels of millions of letters.
        self.start = min(int(start), _MAX_LIST_START) if _is_number(start) else 1


class _Numbering:
    """List labels as Word shows them ("1.", "A)", "2.1"), counted in document order."""

    def __init__(self, xml: bytes | None, parse: XmlParser) -> None:
        # numId -> (abstractNumId, its levels by ilvl)
        self._lists: dict[str, tuple[str, dict[int, _Level]]] = {}
        self._counters: dict[str, list[int]] = {}
        if xml is None:
            return
        root = parse(xml)
        abstract: dict[str, dict[int, _Level]] = {}
        for definition in root.iterfind(W + "abstractNum"):
            levels = {}
            for level in definition.iterfind(W + "lvl"):
                ilvl = level.get(W + "ilvl", "0")
                levels[int(ilvl) if _is_number(ilvl) else 0] = _Level(level)
            abstract[definition.get(W + "abstractNumId", "")] = levels
        for num in root.iterfind(W + "num"):
            abstract_id = _child_value(num, "abstractNumId") or ""
            if abstract_id in abstract:
                self._lists[num.get(W + "numId", "")] = (abstract_id, abstract[abstract_id])

    def label(self, num_id: str, ilvl: int) -> str:
        abstract_id, levels = self._lists.get(num_id, ("", {}))
        level = levels.get(ilvl)
        if level is None or level.fmt in {"bullet", "none"} or "%" not in level.text:
            return "-"
        # Lists sharing one definition continue each other's numbering, as in Word.
        counters = self._counters.setdefault(abstract_id, [0] * _MAX_HEADING_LEVEL)
        if ilvl >= len(counters):
            return "-"
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else level.start
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index)
            value = counters[index] or (shown.start if shown else 1)
            return _format_number(value, shown.fmt if shown else "decimal")

        return _LEVEL_REF.sub(number, level.text).strip() or "-"


_LEVEL_REF = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_ALPHABET = 26
_MAX_LETTER_REPEAT = 3


def _format_number(value: int, fmt: str) -> str:
    if fmt in {"upperLetter", "lowerLetter"} and value <= _MAX_LETTER_REPEAT * _ALPHABET:
        # Word repeats the letter past Z: AA, BB... (long runs fall back to digits)
        letter = chr(ord("a") + (value - 1) % _ALPHABET) * ((value - 1) // _ALPHABET + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in {"upperRoman", "lowerRoman"} and 0 < value < _MAX_LIST_START:
        roman = ""
        for amount, numeral in _ROMAN:
            count, value = divmod(value, amount)
            roman += numeral * count
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _child_value(element: Element, name: str) -> str | None:
    child = element.find(W + name)
    return child.get(_VAL) if child is not None else None


class _Context:
    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self.styles = styles
        self.numbering = numbering


def _write_blocks(root: Element, context: _Context, writer: BlockWriter) -> None:
    for element in _find(root, {_P, _TBL}):
        if element.tag == _TBL:
            _write_table(element, writer)
            continue
        _write_paragraph(element, context, writer)
        # Text boxes anchored in this paragraph follow it.
        for box in _find(element, {_TXBX}):
            _write_blocks(box, context, writer)


def _write_paragraph(paragraph: Element, context: _Context, writer: BlockWriter) -> None:
    text = paragraph_text(paragraph)
    properties = paragraph.find(W + "pPr")
    style = _style_id(properties)
    list_ref = _num_ref(properties) or context.styles.numbering.get(style)
    if list_ref is not None and list_ref[0] != "0" and text.strip():
        label = context.numbering.label(*list_ref)
        writer.add(BlockKind.ITEM, f"{label} {text.strip()}")
        return
    writer.end_group()
    is_heading = style in context.styles.headings or (
        properties is not None and _outline_level(properties) is not None
    )
    # A heading is one line: soft line breaks inside it are layout.
    kind = BlockKind.HEADING if is_heading else BlockKind.PARAGRAPH
    writer.add(kind, " ".join(text.split()) if is_heading else text)


def _write_table(table: Element, writer: BlockWriter) -> None:
    writer.end_group()
    # _find, not iterfind: rows and cells may sit inside content controls (w:sdt).
    for row in _find(table, {_TR}):
        writer.add(BlockKind.ROW, row_text(_row_cells(row)))
    writer.end_group()


def _row_cells(row: Element) -> list[str]:
    """The cells of a row by grid column: an empty cell, or a column left free, is an empty field.

    Grid columns skipped before the first cell (``w:gridBefore``) and the extra columns of a
    merged cell (``w:gridSpan``) are empty fields too, so every later cell keeps its column; not
    copies of the merged text, which would read as a second value. The lower parts of a vertically
    merged cell (``w:vMerge``) are empty cells of their own.
    """
    skipped = _property(row.find(_TR_PR), "gridBefore") or "0"
    cells = [""] * (min(int(skipped), MAX_COLUMN_SPAN) if _is_number(skipped) else 0)
    for cell in _find(row, {_TC}):
        cells.append(" ".join(cell_text(cell).split()))
        cells.extend([""] * (column_span(_property(cell.find(_TC_PR), "gridSpan")) - 1))
    return cells


def _property(properties: Element | None, name: str) -> str | None:
    return _child_value(properties, name) if properties is not None else None


def cell_text(cell: Element) -> str:
    """All paragraphs of a table cell on one line (nested tables included)."""
    return " ".join(paragraph_text(paragraph) for paragraph in _find(cell, {_P}))


def paragraph_text(paragraph: Element) -> str:
    """The visible text of one paragraph, tabs and line breaks kept."""
    pieces: list[str] = []
    for element in _descendants(paragraph, _SKIP | {_TXBX}):
        tag = element.tag
        if tag == W + "t":
            pieces.append(element.text or "")
        elif tag in _RUN_TEXT:
            pieces.append(_RUN_TEXT[tag])
    return "".join(pieces)


def _descendants(root: Element, skip: frozenset[str]) -> Iterator[Element]:
    """Elements below ``root`` in document order, without the subtrees of ``skip`` tags.

    Iterative, so hostile nesting cannot exhaust the stack."""
    stack = list(reversed(root))
    while stack:
        element = stack.pop()
        if element.tag in skip:
            continue
        yield element
        stack.extend(reversed(element))


def _find(root: Element, targets: set[str]) -> Iterator[Element]:
    """Elements with a ``targets`` tag below ``root``, not looking inside a match."""
    stack = list(reversed(root))
    while stack:
        element = stack.pop()
        if element.tag in _SKIP:
            continue
        if element.tag in targets:
            yield element
        else:
            stack.extend(reversed(element))


def _style_id(properties: Element | None) -> str:
    style = properties.find(W + "pStyle") if properties is not None else None
    return style.get(_VAL, "") if style is not None else ""


def _num_ref(properties: Element | None) -> tuple[str, int] | None:
    """(numId, level) of a paragraph in a list, from its ``numPr``."""
    num_pr = properties.find(W + "numPr") if properties is not None else None
    if num_pr is None:
        return None
    num_id = num_pr.find(W + "numId")
    level = num_pr.find(W + "ilvl")
    if num_id is None:
        return None
    level_value = level.get(_VAL, "0") if level is not None else "0"
    return num_id.get(_VAL, "0"), int(level_value) if _is_number(level_value) else 0


def _outline_level(properties: Element) -> int | None:
    outline = properties.find(W + "outlineLvl")
    if outline is None:
        return None
    value = outline.get(_VAL, "")
    # Level 9 means "body text".
    return int(value) if _is_number(value) and int(value) < _MAX_HEADING_LEVEL else None


def _is_number(value: str) -> bool:
    # isdigit() accepts "²", which int() refuses; a short length keeps int() cheap.
    return value.isascii() and value.isdecimal() and len(value) <= _MAX_NUMBER_DIGITS
