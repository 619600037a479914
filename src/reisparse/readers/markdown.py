"""Markdown: keep the words and the structure (headings, lists, tables), drop the markup."""

from __future__ import annotations

import re

from reisparse.document import Extracted
from reisparse.limits import Limits
from reisparse.readers.text import BlockKind, BlockWriter, decode_text, normalise_newlines
from reisparse.sniff import MARKDOWN

_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(.*)$")
_NUMBERED = re.compile(r"^[ \t]*(\d{1,9}[.)])[ \t]+(.*)$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?)?[ \t]*$")

_INLINE = (
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # image: keep the alt text
    (re.compile(r"\[([^\]\n]+)\]\(<?([^)\s>]+)>?(?:[ \t]+\"[^\"\n]*\")?\)"), r"\1 (\2)"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1"), r"\2"),
    # Single * or _ only around a word group, so "5 * 3" and snake_case survive.
    (re.compile(r"(?<![\w*])\*(\S(?:[^*\n]*?\S)?)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(\S(?:[^_\n]*?\S)?)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),
)
_SAME_LINK = re.compile(r"(\S+) \(\1\)")
# Most lines have no inline markup at all: skip the substitutions for them.
_MARKUP = re.compile(r"[*_`\[<\\]")


def read_markdown(data: bytes, *, limits: Limits) -> Extracted:
    """Markdown as one flowing page.

    Headings lose their ``#``, links become ``text (url)``, bullets become ``- ``."""
    del limits  # the size limit is checked before any reader runs
    text = normalise_newlines(decode_text(data))
    writer = _MarkdownConverter(text).convert()
    return Extracted(pages=(writer.text(),), media_type=MARKDOWN, headings=writer.headings)


def inline(text: str) -> str:
    """Remove inline markup (emphasis, code, escapes); links become ``text (url)``."""
    if not _MARKUP.search(text):
        return text
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return _SAME_LINK.sub(r"\1", text)


def _list_item(line: str) -> str | None:
    bullet = _BULLET.match(line)
    if bullet:
        return f"- {inline(bullet.group(1).strip())}"
    numbered = _NUMBERED.match(line)
    if numbered:
        return f"{numbered.group(1)} {inline(numbered.group(2).strip())}"
    return None


class _MarkdownConverter:
    def __init__(self, text: str) -> None:
        self._lines = text.split("\n")
        self._writer = BlockWriter()
        self._kind = BlockKind.PARAGRAPH
        self._pending: list[str] = []

    def convert(self) -> BlockWriter:
        fence: str | None = None
        for raw in self._lines:
            if fence is not None:
                if raw.strip().startswith(fence):
                    self._flush()
                    fence = None
                else:
                    self._pending.append(raw)
                continue
            opening = _FENCE.match(raw)
            if opening:
                self._flush()
                fence = opening.group(1)
                continue
            self._line(_QUOTE.sub("", raw))
        self._flush()
        return self._writer

    def _line(self, line: str) -> None:
        if not line.strip():
            self._flush()
            self._writer.end_group()
            return
        if self._setext(line):
            return
        if _TABLE_SEPARATOR.match(line):
            self._table_separator()
            return
        if _THEMATIC_BREAK.match(line):
            self._flush()
            return
        if self._structure(line):
            return
        if self._kind is BlockKind.ITEM and self._pending:
            # A lazy continuation line belongs to the list item above it.
            self._pending[-1] += " " + inline(line.strip())
            return
        if self._kind is not BlockKind.PARAGRAPH:
            self._flush()
        self._pending.append(inline(line.rstrip()))

    def _table_separator(self) -> None:
        # The line above a separator is the header row, even when it has no outer pipes.
        if self._kind is BlockKind.PARAGRAPH and self._pending and "|" in self._pending[-1]:
            header = self._pending.pop()
            self._flush()
            self._row(header)
        elif self._kind is not BlockKind.ROW:
            self._flush()

    def _row(self, line: str) -> None:
        cells = [inline(cell.strip()) for cell in line.strip().strip("|").split("|")]
        self._writer.add(BlockKind.ROW, " | ".join(cells))
        self._kind = BlockKind.ROW

    def _setext(self, line: str) -> bool:
        is_paragraph = self._kind is BlockKind.PARAGRAPH and len(self._pending) == 1
        if not (is_paragraph and _SETEXT_UNDERLINE.match(line)):
            return False
        heading = self._pending.pop()
        self._writer.add(BlockKind.HEADING, heading)
        return True

    def _structure(self, line: str) -> bool:
        """Handle a heading, list item or table row; False for an ordinary text line."""
        heading = _ATX.match(line)
        if heading:
            self._flush()
            self._writer.add(BlockKind.HEADING, inline(heading.group(1) or ""))
            return True
        item = _list_item(line)
        if item is not None:
            self._flush()
            self._kind = BlockKind.ITEM
            self._pending.append(item)
            return True
        stripped = line.strip()
        if stripped.startswith("|") or (self._kind is BlockKind.ROW and "|" in stripped):
            self._flush()
            self._row(stripped)
            return True
        return False

    def _flush(self) -> None:
        if self._kind is BlockKind.ITEM:
            for item in self._pending:
                self._writer.add(BlockKind.ITEM, item)
        elif self._kind is BlockKind.PARAGRAPH:
            self._writer.add(BlockKind.PARAGRAPH, "\n".join(self._pending))
        self._pending = []
        self._kind = BlockKind.PARAGRAPH
