"""HTML: the visible text, with block elements as paragraphs, headings, list items and table rows.

The stdlib ``html.parser`` is a streaming tokenizer: it keeps no tree, so a page nested 100,000
levels deep costs no recursion and no more than linear time.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from reisparse.document import Extracted
from reisparse.limits import Limits
from reisparse.readers.text import BlockKind, BlockWriter, decode_text
from reisparse.sniff import BOMS, HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_CHARSET_WINDOW = 2048
_WHITESPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")

_HIDDEN = frozenset({"script", "style", "template", "noscript", "title", "svg", "object"})
# Page chrome: menus, sidebars, footers and forms around the report are not part of it.
_CHROME = frozenset({"nav", "aside", "footer", "form", "button", "dialog", "menu"})
_CONTENT = frozenset({"main", "article"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr",
        "html", "legend", "main", "nav", "p", "pre", "section", "summary", "table", "tbody",
        "tfoot", "thead",
    }
)  # fmt: skip
_LISTS = frozenset({"ul", "ol", "menu"})
_CELLS = frozenset({"td", "th"})

CELL_SEPARATOR = " | "
# Lines lose their leading whitespace (BlockWriter, the normaliser, ``blocks.lines``), so an
# empty first cell cannot be an empty field: it is written as this mark instead.
EMPTY_FIRST_CELL = "—"
# A wider colspan is layout (a title across the table). The cap also keeps a hostile page from
# multiplying its size with empty fields.
MAX_COLUMN_SPAN = 16
_MAX_SPAN_DIGITS = 4


def row_text(cells: list[str]) -> str:
    """A table row in the ``Extracted`` convention: its cells joined by `` | ``, in their columns.

    An empty cell stays an empty field, so every later value keeps its column: "14:00 |  | Lunch"
    (no end time) does not read as "14:00 | Lunch" (end time "Lunch"). Empty cells at the end of
    the row are left out: the line end is stripped anyway, and a splitter that reads cells by
    position loses nothing, as no value comes after them. An empty first cell is written as
    ``EMPTY_FIRST_CELL``, as a line cannot start with an empty field.
    """
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    if not end:
        return ""
    first = cells[0] or EMPTY_FIRST_CELL
    return CELL_SEPARATOR.join([first, *cells[1:end]])


def column_span(value: str | None) -> int:
    """The columns a cell spans (colspan, gridSpan): 1 unless a small whole number says more."""
    value = (value or "").strip()
    # isdecimal() alone accepts digits of any script and any length, which int() is slow on.
    if not (value.isascii() and value.isdecimal() and len(value) <= _MAX_SPAN_DIGITS):
        return 1
    return min(max(int(value), 1), MAX_COLUMN_SPAN)


def read_html(data: bytes, *, limits: Limits) -> Extracted:
    """HTML as one flowing page of its visible text."""
    del limits  # the size limit is checked before any reader runs
    parser = _TextParser()
    parser.feed(decode_html(data))
    parser.close()
    writer = parser.finish()
    return Extracted(pages=(writer.text(),), media_type=HTML, headings=writer.headings)


def decode_html(data: bytes) -> str:
    """Decode by BOM, then a ``<meta charset>`` declaration, then like plain text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _META_CHARSET.search(data[:_CHARSET_WINDOW])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        # Pages declared as Latin-1 are in practice cp1252 (the HTML standard says so too).
        if codec in {"latin-1", "iso8859-1", "ascii"}:
            codec = "cp1252"
        if codec is not None and not codec.startswith("utf-16"):
            return data.decode(codec, errors="replace")
    return decode_text(data)


class _ListState:
    __slots__ = ("counter", "ordered")

    def __init__(self, ordered: bool, start: int) -> None:
        self.ordered = ordered
        self.counter = start - 1

    def label(self) -> str:
        if not self.ordered:
            return "-"
        self.counter += 1
        return f"{self.counter}."


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._writer = BlockWriter()
        self._buffer: list[str] = []
        self._kind = BlockKind.PARAGRAPH
        self._label = ""
        self._hidden_depth = 0
        # Kept apart from _hidden_depth: browsers end an unclosed <head> where <body> starts.
        self._in_head = False
        self._pre_depth = 0
        self._lists: list[_ListState] = []
        self._table_depth = 0
        self._cells: list[str] | None = None
        # Whether a <td>/<th> of the current row is open (its end tag is optional), and its colspan.
        self._cell_open = False
        self._span = 1
        self._content_depth = 0
        # One entry per open <header>: True when it is the site's header (outside main/article), so hidden.
        self._headers: list[bool] = []

    def parse_html_declaration(self, i: int) -> int:
        # The stdlib parser asserts on a malformed "<![...": browsers treat it as a bogus comment.
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            return self.parse_bogus_comment(i)

    def finish(self) -> BlockWriter:
        self._flush()
        return self._writer

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"head", "body"}:
            self._in_head = tag == "head"
        if tag in _CONTENT:
            self._content_depth += 1
        if tag == "header":
            self._headers.append(self._content_depth == 0)
        if tag in _HIDDEN or tag in _CHROME or (tag == "header" and self._headers[-1]):
            self._hidden_depth += 1
        elif self._hidden_depth or self._in_head:
            return
        elif tag == "br":
            self._buffer.append("\n")
        elif self._cells is not None or self._table_depth > 1:
            self._start_in_table(tag, dict(attrs))
        elif tag == "table":
            self._flush()
            self._table_depth += 1
        else:
            self._start_block(tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <hr/>, <img/>: void elements have no end to wait for.
        if self._hidden_depth or self._in_head:
            return
        if tag == "br":
            self._buffer.append("\n")
        elif tag in _BLOCKS and self._cells is None:
            self._flush()

    def _start_in_table(self, tag: str, attrs: dict[str, str | None]) -> None:
        # Inside a cell every block element is just a word break; a nested table is flattened.
        if tag == "table":
            self._table_depth += 1
        elif tag in _CELLS and self._table_depth == 1 and self._cells is not None:
            self._start_cell(attrs)
        elif tag == "tr" and self._table_depth == 1:
            self._end_row()
            self._cells = []
        else:
            self._buffer.append(" ")

    def _start_block(self, tag: str, attrs: dict[str, str | None]) -> None:
        if self._table_depth and (tag == "tr" or tag in _CELLS):
            # A caption before the first row is a paragraph of its own; a cell without a row
            # starts one.
            self._flush()
            self._cells = []
            if tag in _CELLS:
                self._start_cell(attrs)
        elif tag in _LISTS:
            self._flush()
            self._lists.append(_ListState(tag == "ol", _int(attrs.get("start"), 1)))
        elif tag == "li":
            self._flush()
            self._kind = BlockKind.ITEM
            self._label = self._lists[-1].label() if self._lists else "-"
        elif tag in _HEADINGS:
            self._flush()
            self._kind = BlockKind.HEADING
        elif tag in _BLOCKS:
            self._flush()
            if tag == "pre":
                self._pre_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        if tag in _CONTENT:
            self._content_depth = max(0, self._content_depth - 1)
        site_header = tag == "header" and bool(self._headers) and self._headers.pop()
        if tag in _HIDDEN or tag in _CHROME or site_header:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif self._hidden_depth or self._in_head:
            return
        elif tag == "table" and self._table_depth:
            self._table_depth -= 1
            if not self._table_depth:
                self._end_row()
                self._writer.end_group()
        elif self._table_depth:
            if tag == "tr" and self._table_depth == 1:
                self._end_row()
            elif self._cells is not None:
                self._buffer.append(" ")
        else:
            self._end_block(tag)

    def _end_block(self, tag: str) -> None:
        if tag in _LISTS:
            self._flush()
            if self._lists:
                self._lists.pop()
            self._writer.end_group()
        elif tag in _HEADINGS or tag == "li" or tag in _BLOCKS:
            self._flush()
            if tag == "pre" and self._pre_depth:
                self._pre_depth -= 1

    def handle_data(self, data: str) -> None:
        if not (self._hidden_depth or self._in_head):
            self._buffer.append(data if self._pre_depth else _WHITESPACE.sub(" ", data))

    def _start_cell(self, attrs: dict[str, str | None]) -> None:
        # A cell ends where the next one starts. Before the first cell there is only the
        # whitespace after <tr>, which is no cell; stray text there stays one, as it always did.
        self._end_cell()
        self._buffer = []
        self._cell_open = True
        self._span = column_span(attrs.get("colspan"))

    def _end_cell(self) -> None:
        assert self._cells is not None
        text = _squash("".join(self._buffer))
        if self._cell_open or text:
            # A cell spanning columns is followed by empty fields, not by copies of its text:
            # a copy would be a second value (an amount counted twice), an empty field is none.
            self._cells.append(text)
            self._cells.extend([""] * (self._span - 1))
        self._buffer = []
        self._cell_open = False
        self._span = 1

    def _end_row(self) -> None:
        if self._cells is None:
            return
        self._end_cell()
        text = row_text(self._cells)
        self._cells = None
        self._writer.add(BlockKind.ROW, text)

    def _flush(self) -> None:
        if not self._buffer:
            self._kind = BlockKind.PARAGRAPH
            return
        text = "".join(self._buffer)
        self._buffer = []
        lines = [line.strip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if self._kind is BlockKind.ITEM:
            text = f"{self._label} {text}" if text else ""
        self._writer.add(self._kind, text)
        self._kind = BlockKind.PARAGRAPH


def _squash(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
