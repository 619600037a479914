"""The programme of a trip: day headings, then items that start with a time.

Handles ``9:00``, ``09.00 uur``, ``9.00u``, ``09:00-10:30``, ``9:00 – 10:30 uur``; titles that run over
line breaks and over a page break (a blank gap followed by a line that starts in lower case); speakers after
``with:``, ``met:``, ``door:``, ``by:``, ``speakers:``. In a table row (``09:00 |  | Opening | met: X``) the empty
cells are left out of the title, and a row with an empty time cell below a programme row is an item without a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reisparse.blocks import Block, fold, lines, starts_lowercase
from reisparse.extract.dates import DateMention, find_dates

_TIME = r"([01]?\d|2[0-3])[:.]([0-5]\d)"
_SUFFIX = r"(?:\s*(?:uur|u\b|h\b|hrs\b|(am|pm|a\.m\.|p\.m\.)))?"
# Table rows are cells joined by " | ". The readers keep an empty cell as an empty field, so the
# columns stay in place, and write an empty first cell as "—" (reisparse.readers.html.row_text);
# the Markdown reader leaves it as a bare "| " at the start of the line.
_CELL = " | "
_EMPTY_FIRST_CELL = "—"
_EMPTY_FIRST = (_EMPTY_FIRST_CELL + _CELL, "| ")
_ITEM = re.compile(
    # Empty cells before the time: a day column filled in on the first row of the day only.
    rf"^(?:{_EMPTY_FIRST_CELL}?(?:\s*\|)+\s+)?(?:[-•*–]\s+)?{_TIME}{_SUFFIX}"
    rf"(?:\s*(?:[-–—]|tot|to|until)\s*{_TIME}{_SUFFIX})?"
    # ... and after it: an empty end-time column.
    r"\s*(?:[-–—:]|\|(?:\s+\|)*)?\s+(?=\S)",
    re.I,
)
# A cell separator: a bar with a space or the edge of the text on either side.
_CELL_SPLIT = re.compile(r"(?<!\S)\|(?!\S)")
_SPEAKERS = re.compile(
    r"\s*[,;(]?\s*\b(?:with|met|door|by|speakers?|sprekers?|moderator|spreker)\s*:\s*(.+?)\)?\s*$",
    re.I | re.S,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\ben\b|&)\s*")
_TRAILING = re.compile(r"[\s.:;,|]+$")
_INTRO = re.compile(r"\b(?:programma|programme|program|agenda)\b", re.I)
MAX_DAY_HEADING = 48


@dataclass(frozen=True, slots=True)
class RawItem:
    """A programme item before its date is resolved to a year."""

    day: DateMention | None
    start: str
    end: str | None
    title: str
    speakers: tuple[str, ...]
    span: tuple[int, int]


_DIGIT = re.compile(r"\d")


def _day_heading(line: Block) -> DateMention | None:
    # A day heading has a day number; checking that first keeps the date grammar off most lines.
    if len(line.text) > MAX_DAY_HEADING or not _DIGIT.search(line.text) or _ITEM.match(line.text):
        return None
    found = find_dates(line.text)
    if len(found) != 1:
        return None
    mention = found[0]
    rest = line.text[: mention.start] + line.text[mention.end :]
    # A heading is (almost) only the date: "Wednesday June 15th", "Dag 2 – donderdag 16 juni:".
    if len(re.sub(r"[\W\d_]+", "", re.sub(r"(?i)\b(dag|day)\b", "", rest))) > 6:
        return None
    return DateMention(
        start=line.start + mention.start,
        end=line.start + mention.end,
        day=mention.day,
        month=mention.month,
        year=mention.year,
        weekday=mention.weekday,
        text=mention.text,
    )


def _hhmm(hours: str | None, minutes: str | None, meridiem: str | None = None) -> str | None:
    if hours is None or minutes is None:
        return None
    hour = int(hours)
    if meridiem and meridiem.lower().startswith("p") and hour < 12:
        hour += 12
    elif meridiem and meridiem.lower().startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minutes}"


def _split_speakers(title: str) -> tuple[str, tuple[str, ...]]:
    if ":" not in title:  # every speaker marker ends in a colon; most titles have none
        return title, ()
    match = _SPEAKERS.search(title)
    if not match:
        return title, ()
    names = [n.strip(" .") for n in _NAME_SPLIT.split(match.group(1)) if n.strip(" .")]
    return title[: match.start()], tuple(names)


def _without_empty_cells(raw: str) -> str:
    """The title of a table row: its cells after the time, without the empty ones."""
    if "|" not in raw:
        return raw
    cells = (cell.strip() for cell in _CELL_SPLIT.split(raw))
    return _CELL.join(cell for cell in cells if cell and cell != _EMPTY_FIRST_CELL)


def _finish(day: DateMention | None, head: re.Match[str], block: list[Block]) -> RawItem:
    raw = " ".join(b.text for b in block)[head.end() :]
    title, speakers = _split_speakers(fold(_without_empty_cells(raw)))
    return RawItem(
        day=day,
        start=_hhmm(head.group(1), head.group(2), head.group(3) or head.group(6)) or "",
        end=_hhmm(head.group(4), head.group(5), head.group(6)),
        title=_TRAILING.sub("", title),
        speakers=speakers,
        span=(block[0].start, block[-1].end),
    )


def _untimed_row(text: str, previous: Block | None, line: Block) -> bool:
    """A table row with an empty time cell, right below a row of the programme table."""
    return (
        previous is not None
        and line.text.startswith(_EMPTY_FIRST)
        and _CELL in previous.text
        and text.count("\n", previous.end, line.start) == 1
    )


def _finish_untimed(day: DateMention | None, line: Block) -> RawItem:
    title, speakers = _split_speakers(fold(_without_empty_cells(line.text)))
    return RawItem(
        day=day,
        start="",
        end=None,
        title=_TRAILING.sub("", title),
        speakers=speakers,
        span=(line.start, line.end),
    )


def _is_continuation(text: str, prev: Block, line: Block) -> bool:
    gap = text.count("\n", prev.end, line.start)
    # Within a paragraph every line continues; across a blank gap (a page break) only a lower-case start does.
    return gap <= 1 or starts_lowercase(line.text)


def programme_start(text: str, start: int, end: int) -> int | None:
    """Offset of the programme in a section: its intro line or the first day heading or timed line."""
    for line in lines(text, start, end):
        if _INTRO.search(line.text) and line.text.rstrip().endswith(":"):
            return line.start
        if _ITEM.match(line.text) or _day_heading(line):
            return line.start
    return None


def find_programme(text: str, start: int, end: int) -> list[RawItem]:
    items: list[RawItem] = []
    day: DateMention | None = None
    current: list[Block] = []
    head: re.Match[str] | None = None
    # The last line read into an item: a table row with an empty time cell below it is an item too.
    previous: Block | None = None
    for line in lines(text, start, end):
        new_day = _day_heading(line)
        match = None if new_day else _ITEM.match(line.text)
        untimed = not (new_day or match) and _untimed_row(text, previous, line)
        continues = current and head and not (new_day or match or untimed)
        if continues and _is_continuation(text, current[-1], line):
            current.append(line)
            previous = line
            continue
        if current and head:
            items.append(_finish(day, head, current))
            current, head = [], None
        if new_day:
            day = new_day
        elif match:
            current, head = [line], match
        elif untimed:
            items.append(_finish_untimed(day, line))
        previous = line if match or untimed else None
    if current and head:
        items.append(_finish(day, head, current))
    return items
