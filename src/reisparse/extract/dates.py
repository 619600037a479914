"""Dates and date ranges in Dutch and English trip reports.

A compact grammar of compiled regexes (``date_grammar.py``) rather than dateparser: dateparser is
slow on its first call and does not understand ranges such as ``14 t/m 17 juni`` or
``March 4-9, 2019``.

Every date mention holds a digit next to a month name, or a numeric date (the *anchor*). One cheap
regex finds the anchors; the full grammar is then tried only at the few word starts shortly before
each anchor, which keeps a 6 KB report at a fraction of a millisecond.

Choices worth knowing:

* ``find_dates`` returns every date, the ends of ranges included: ``14 t/m 17 juni`` gives the dates
  14 June (text ``14``, month taken from the end) and 17 June, and the range 14-17 June.
* ``14 en 17 juni`` names two days, not a range: it gives two dates and no range. Two or more days
  joined by ``en``/``and`` are a range only when they are consecutive (``14 en 15 juni``) or when
  ``between``/``tussen`` introduces them.
* A year at one end of a range applies to the other, a year earlier or later when the range wraps
  New Year (``30 december - 2 januari 2023``); a range without any year keeps ``year=None`` on
  both ends, and one that wraps New Year then has ``first`` later in the calendar than ``last``.
* A number after "dag", "day" or "week" starts no range (``Dag 2 – donderdag 16 juni``).
* Impossible dates (``31 juni``, ``29 februari 2023``) are not mentions. ``resolve`` raises
  ``ValueError`` for them (29 February in a year that is not a leap year).
* Not supported: two-digit years (``16-06-22``), US month-first numeric dates (``06/16/2022``),
  numeric dates without a year (``16-06``). The month ``May`` must be capitalised (``May``,
  ``MAY``): lowercase "may" is the verb ("these 2 may differ"), and Dutch writes "mei".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from calendar import isleap
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from reisparse.extract.date_grammar import BETWEEN_WORDS, MONTHS, REACH, WEEKDAYS, patterns
from reisparse.extract.years import YearInference, infer_year

__all__ = [
    "DateMention",
    "RangeMention",
    "YearInference",
    "find_dates",
    "find_ranges",
    "find_years",
    "infer_year",
    "resolve",
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in the text; ``text`` is ``text[start:end]``, the weekday name included.

    The first end of ``14 t/m 17 juni`` is the mention ``14`` with the month (and year) of the end.
    """

    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None  # 0=Monday..6=Sunday when a weekday name is attached
    text: str


@dataclass(frozen=True, slots=True)
class RangeMention:
    """A range of days; its span includes an introducing "van"/"from"/"between"."""

    start: int
    end: int
    text: str
    first: DateMention
    last: DateMention


class _Groups:
    """Named groups of a match, read on demand: groupdict() on the whole grammar costs ~10 µs."""

    __slots__ = ("_index", "_match")

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match
        self._index = match.re.groupindex

    def get(self, name: str) -> str | None:
        return self._match.group(name) if name in self._index else None


def _element(g: _Groups, t: str, month: int | None = None, year: int | None = None) -> _Parts:
    """Day, month, year and weekday of the element whose group names start with ``t``."""
    weekday = g.get(t + "w")
    wd = WEEKDAYS[weekday.lower().rstrip(".")] if weekday else None
    if g.get(t + "a"):  # 16-06-2022
        return _Parts(_int(g, t + "a"), _int(g, t + "b"), _int(g, t + "c"), wd)
    if g.get(t + "i"):  # 2022-06-16
        return _Parts(_int(g, t + "k"), _int(g, t + "j"), _int(g, t + "i"), wd)
    if g.get(t + "e"):  # June 15th, 2022
        return _Parts(_int(g, t + "e"), _month_number(g.get(t + "n")), _opt(g, t + "z"), wd)
    name = g.get(t + "m")
    own_year = _opt(g, t + "y")
    return _Parts(
        _int(g, t + "d"),
        _month_number(name) if name else (month or 0),
        own_year if own_year is not None else year,
        wd,
    )


class _Parts(NamedTuple):
    day: int
    month: int
    year: int | None
    weekday: int | None

    def valid(self) -> bool:
        if not 1 <= self.month <= 12:
            return False
        if self.month == 2 and self.day == 29 and self.year is not None:
            return isleap(self.year)
        return self.day <= _DAYS_IN_MONTH[self.month - 1]

    def key(self) -> tuple[int, int]:
        return (self.month, self.day)


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29 February checked apart


def _int(g: _Groups, name: str) -> int:
    value = g.get(name)
    assert value is not None
    return int(value)


def _opt(g: _Groups, name: str) -> int | None:
    value = g.get(name)
    return int(value) if value else None


def _month_number(name: str | None) -> int:
    assert name is not None
    return MONTHS[name.lower().rstrip(".")]


def _mention(m: re.Match[str], group: str, p: _Parts) -> DateMention:
    start, end = m.span(group)
    return DateMention(start, end, p.day, p.month, p.year, p.weekday, m.string[start:end])


def _elements(
    m: re.Match[str], g: _Groups, form: str
) -> list[tuple[str | tuple[int, int], _Parts]]:
    """Each element of a matched form as (group name or span, parts)."""
    if form == "F":
        first, last = _element(g, "FA"), _element(g, "FB")
        return [("FA", first), ("FB", last)]
    if form == "M":
        first = _element(g, "MA")
        last = _element(g, "MB", first.month)
        return [("MA", _Parts(first.day, first.month, last.year, first.weekday)), ("MB", last)]
    if form == "D":
        last = _element(g, "DB")
        return [("DA", _element(g, "DA", last.month, last.year)), ("DB", last)]
    if form == "L":
        last = _element(g, "LB")
        base = m.start("LL")
        items: list[tuple[str | tuple[int, int], _Parts]] = []
        for item in patterns().list_item.finditer(m.string, base, m.end("LL")):
            parts = _element(_Groups(item), "A", last.month, last.year)
            items.append((item.span(), parts))
        return [*items, ("LB", last)]
    return [("S", _element(g, "S"))]


def _fill_years(first: _Parts, last: _Parts) -> tuple[_Parts, _Parts]:
    """A year on one end applies to the other, one year apart when the range wraps New Year."""
    wraps = first.key() > last.key()
    if first.year is None and last.year is not None:
        first = _Parts(first.day, first.month, last.year - wraps, first.weekday)
    elif last.year is None and first.year is not None:
        last = _Parts(last.day, last.month, first.year + wraps, last.weekday)
    return first, last


def _next_day(p: _Parts) -> tuple[int, int]:
    following = date(p.year or 2000, p.month, p.day) + timedelta(days=1)
    return (following.month, following.day)


def _is_range(g: _Groups, form: str, parts: list[_Parts]) -> bool:
    """Whether the elements of a matched form make a range rather than separate dates."""
    if len(parts) < 2:
        return False
    first, last = parts[0], parts[-1]
    if first.year is not None and last.year is not None:
        ordered = (first.year, *first.key()) < (last.year, *last.key())
    else:
        # Without years only a full range may wrap New Year (30 december - 2 januari).
        ordered = first.key() < last.key() or (form == "F" and first.month > last.month)
    if not ordered:
        return False
    if g.get(form + "Sand") is None:
        return True
    between = (g.get(form + "P") or "").lower() in BETWEEN_WORDS
    consecutive = all(_next_day(a) == b.key() for a, b in pairwise(parts))
    return (between and len(parts) == 2) or consecutive


def _interpret(m: re.Match[str]) -> tuple[list[DateMention], RangeMention | None] | None:
    """The dates and range of one grammar match, or None when a date in it is impossible."""
    g = _Groups(m)
    form = m.lastgroup or "S"  # the outermost group of each form closes last
    elements = _elements(m, g, form)
    parts = [p for _, p in elements]
    if form == "F":
        parts = list(_fill_years(parts[0], parts[1]))
    if not all(p.valid() for p in parts):
        return None
    dates = []
    for (where, _), p in zip(elements, parts, strict=True):
        if isinstance(where, str):
            dates.append(_mention(m, where, p))
        else:
            s, e = where
            dates.append(DateMention(s, e, p.day, p.month, p.year, p.weekday, m.string[s:e]))
    if _is_range(g, form, parts):
        return dates, RangeMention(m.start(), m.end(), m.group(), dates[0], dates[-1])
    if form in "DM" and g.get(form + "Sand") is None:
        # "30 - 2 juni" is out of order: the bare day (30) probably belongs to another month.
        return (dates[-1:] if form == "D" else dates[:1]), None
    return dates, None


def _match_at(text: str, pos: int) -> tuple[int, list[DateMention], RangeMention | None] | None:
    for grammar in patterns()[:2]:
        m = grammar.match(text, pos)
        if m is None:
            return None
        found = _interpret(m)
        if found is not None:
            return (m.end(), *found)
    return None


@lru_cache(maxsize=4)  # find_dates, find_ranges and find_years usually see the same text in a row
def _scan(text: str) -> tuple[tuple[DateMention, ...], tuple[RangeMention, ...]]:
    dates: list[DateMention] = []
    ranges: list[RangeMention] = []
    cursor = 0  # end of the last mention: mentions never overlap
    tried = 0  # word starts before this have been tried already
    grammar = patterns()
    for anchor in grammar.anchor.finditer(text):
        start, end = anchor.span()
        if start < cursor:
            continue
        for word in grammar.candidate.finditer(text, max(cursor, tried, start - REACH), end):
            found = _match_at(text, word.start())
            if found is not None:
                cursor, new_dates, new_range = found
                dates.extend(new_dates)
                if new_range is not None:
                    ranges.append(new_range)
                break
        tried = max(tried, start + 1)
    return tuple(dates), tuple(ranges)


def find_dates(text: str) -> list[DateMention]:
    """Every date with a day and a month, in order, not overlapping; range ends included."""
    return list(_scan(text)[0])


def find_ranges(text: str) -> list[RangeMention]:
    """Date ranges in order; a year at the end applies to both ends."""
    return list(_scan(text)[1])


def find_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each year 1990..2099 standing alone, outside any date mention."""
    dates = _scan(text)[0]
    starts = [d.start for d in dates]  # in order and not overlapping, so bisect finds the one
    found = []
    for m in patterns().standalone_year.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= dates[i].end:
            found.append((m.start(), m.end(), int(m.group())))
    return found


def resolve(mention: DateMention, year: int) -> date:
    """The calendar date of a mention; its own year wins over ``year``.

    Raises ValueError for a date that does not exist, such as 29 February 2023.
    """
    return date(mention.year if mention.year is not None else year, mention.month, mention.day)
