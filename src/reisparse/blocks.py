"""Lines, paragraphs and labelled list items of the normalised text, with their offsets.

Every extractor works on these so that spans into ``Report.text`` come for free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A list label at the start of a line: "A)", "a.", "(b)", "1.", "2)", "-", "•", "*", "–".
_LABEL = re.compile(r"^[ \t]*(?:\(?([A-Za-z]|\d{1,2})[.)](?=\s)|([-•*–·▪●]))[ \t]+")
_LOWER_START = re.compile(r"^[ \t]*[a-zà-ÿ(]")


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    text: str

    @property
    def folded(self) -> str:
        """The text with every whitespace run folded to one space."""
        return " ".join(self.text.split())


@dataclass(frozen=True, slots=True)
class Item:
    """A list item: its label (``A``, ``1``) or None for a bullet, and the text after the label."""

    label: str | None
    start: int
    end: int
    text: str
    body_start: int

    @property
    def folded(self) -> str:
        return " ".join(self.text.split())


def lines(text: str, start: int = 0, end: int | None = None) -> tuple[Block, ...]:
    """Non-empty lines between ``start`` and ``end`` (whitespace-only lines are skipped)."""
    return _lines(text, start, len(text) if end is None else end)


# Sections are split into lines by several extractors in one parse; splitting once is enough.
@lru_cache(maxsize=64)
def _lines(text: str, start: int, end: int) -> tuple[Block, ...]:
    out: list[Block] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        line = text[pos:stop]
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Block(pos + lead, pos + lead + len(stripped), stripped))
        pos = stop + 1
    return tuple(out)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """Runs of non-empty lines separated by blank lines."""
    out: list[Block] = []
    current: list[Block] = []
    prev_end = -1
    for line in lines(text, start, end):
        if current and text.count("\n", prev_end, line.start) > 1:
            out.append(_join(text, current))
            current = []
        current.append(line)
        prev_end = line.end
    if current:
        out.append(_join(text, current))
    return out


def _join(text: str, run: list[Block]) -> Block:
    return Block(run[0].start, run[-1].end, text[run[0].start : run[-1].end])


def label_of(line: str) -> tuple[str | None, int] | None:
    """``(label, length of the label prefix)`` when the line starts a list item, else None."""
    match = _LABEL.match(line)
    if not match:
        return None
    return (match.group(1).upper() if match.group(1) else None), match.end()


def starts_lowercase(line: str) -> bool:
    return bool(_LOWER_START.match(line))


def items(text: str, start: int = 0, end: int | None = None) -> list[Item]:
    """Labelled or bulleted list items. An item runs until the next label or a blank line."""
    out: list[Item] = []
    current: Item | None = None
    prev_end = -1
    for line in lines(text, start, end):
        found = label_of(line.text)
        blank_before = prev_end >= 0 and text.count("\n", prev_end, line.start) > 1
        if found is not None:
            if current:
                out.append(current)
            label, width = found
            body = line.start + width
            current = Item(label, line.start, line.end, text[body : line.end], body)
        elif current and not blank_before:
            current = Item(
                current.label,
                current.start,
                line.end,
                text[current.body_start : line.end],
                current.body_start,
            )
        elif current:
            out.append(current)
            current = None
        prev_end = line.end
    if current:
        out.append(current)
    return out


def fold(value: str) -> str:
    return " ".join(value.split())
