"""The grammar of dates and date ranges: month and weekday names and the compiled patterns.

``dates.py`` interprets the matches. Forms, tried in this order at a candidate start:

* ``F``: two complete dates joined by a separator ("30 mei - 2 juni 2023", "2022-06-14/2022-06-17");
* ``M``: month, day, separator, day ("March 4-9, 2019");
* ``D``: day, separator, day, month ("14 t/m 17 juni", "between 3 and 5 October");
* ``L``: a list of days ("3, 4 en 5 juni");
* ``S``: one complete date.

Group names: a form's element prefix (``FA``/``FB``, ``MA``/``MB``, ``DA``/``DB``, ``LA``/``LB``,
``S``) plus one letter: ``w`` weekday; ``d`` day, ``m`` month, ``y`` year (day first); ``n`` month,
``e`` day, ``z`` year (month first); ``a`` day, ``b`` month, ``c`` year (16-06-2022); ``i`` year,
``j`` month, ``k`` day (2022-06-16). ``<form>S`` is the separator, ``<form>Sand`` is set when it is
"en"/"and"/"&", and ``<form>P`` is the prefix ("van", "between", ...).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

# One line per month or weekday: number, then names; a trailing dot marks an abbreviation that
# may be written with or without a dot.
_MONTH_TABLE = """
1 januari january jan.
2 februari february feb. febr.
3 maart march mrt. maa. mar.
4 april apr.
5 mei may
6 juni june jun.
7 juli july jul.
8 augustus august aug.
9 september sep. sept.
10 oktober october okt. oct.
11 november nov.
12 december dec.
"""
_WEEKDAY_TABLE = """
0 maandag monday ma. mon.
1 dinsdag tuesday di. din. tue. tues.
2 woensdag wednesday wo. woe. wed.
3 donderdag thursday do. don. thu. thur. thurs.
4 vrijdag friday vr. vrij. fri.
5 zaterdag saturday za. zat. sat.
6 zondag sunday zo. zon. sun.
"""


def _table(raw: str) -> dict[str, int]:
    return {
        name: int(number)
        for number, *names in (line.split() for line in raw.strip().splitlines())
        for name in names
    }


def _lookup(table: dict[str, int]) -> dict[str, int]:
    return {name.rstrip("."): number for name, number in table.items()}


_MONTH_NAMES = _table(_MONTH_TABLE)
_WEEKDAY_NAMES = _table(_WEEKDAY_TABLE)
MONTHS = _lookup(_MONTH_NAMES)
WEEKDAYS = _lookup(_WEEKDAY_NAMES)


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` factored by common prefixes: "ju(?:l(?:i|y)?|n(?:e|i)?)".

    Much faster to match than a flat alternation. A trailing dot in a word (an abbreviation)
    becomes an optional dot.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word.rstrip("."):
            node = node.setdefault(char, {})
        node[r"\." if word.endswith(".") else ""] = {}
    return _trie_pattern(tree)


def _trie_pattern(node: dict[str, Any]) -> str:
    ends = {"", r"\."} & node.keys()
    branches = [
        re.escape(c) + _trie_pattern(sub) for c, sub in sorted(node.items()) if c not in ends
    ]
    if not branches:
        return r"\.?" if r"\." in ends else ""
    pattern = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if not ends:
        return pattern
    return f"(?:{pattern}|\\.)?" if r"\." in ends else f"(?:{pattern})?"


_NOT_LETTER = r"(?![^\W\d_])"
# Only a capitalised May is a month: "these 2 may differ" is a verb.
_MONTH_ANY = _trie([n for n in _MONTH_NAMES if n != "may"]) + "|(?-i:May|MAY)"
_WEEKDAY_ANY = _trie(list(_WEEKDAY_NAMES))

# A day must not continue a number, a word, a time (9.15, 10:30) or an amount (€15).
_LEAD = r"(?<![\w€$£#])(?<!\d[.,:/])"
_NUM_LEAD = r"(?<![\w.,:/+\-€$£#])"
_NUM_TRAIL = r"(?![.,:/\-]?\d)"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_PREFIXES = ["van", "vanaf", "from", "between", "tussen"]
# Day and month stay on one line: "Dag 2\nJune 15th" is not 2 June.
_DAY_MONTH_GAP = r"(?:[^\S\n]+of)?[^\S\n]*"
_MONTH_DAY_GAP = r"[^\S\n]{1,2}"  # the anchor looks back at most two spaces
BETWEEN_WORDS = frozenset({"between", "tussen"})


def _day(g: str) -> str:
    return rf"(?P<{g}>3[01]|[12]\d|0?[1-9])(?!\d)(?![.:]\d)(?:st|nd|rd|th|ste|de|e)?"


def _month(g: str) -> str:
    return rf"(?P<{g}>{_MONTH_ANY}){_NOT_LETTER}"


def _weekday(g: str) -> str:
    return rf"(?:(?P<{g}>{_WEEKDAY_ANY}){_NOT_LETTER}\.?(?:,\s*|\s+))?"


def _day_month(t: str) -> str:
    return rf"{_day(t + 'd')}{_DAY_MONTH_GAP}{_month(t + 'm')}"


def _month_day(t: str) -> str:
    return rf"{_month(t + 'm')}{_MONTH_DAY_GAP}{_day(t + 'd')}"


def _year_tail(g: str, *, trail: bool = True) -> str:
    # Same line only: a year at the start of the next line is rarely part of the date.
    guard = r"(?![.,:/\-]\d)" if trail else ""
    return rf"(?:,?[^\S\n]+(?P<{g}>{_YEAR}){guard})?"


def _single(t: str, *, lead: bool = True, trail: bool = True) -> str:
    """A complete date (day and month) in any form; group names start with ``t``."""
    day_lead, num_lead = (_LEAD, _NUM_LEAD) if lead else ("", "")
    num_trail = _NUM_TRAIL if trail else r"(?!\d)"
    return (
        rf"(?P<{t}>{_weekday(t + 'w')}(?:"
        rf"{day_lead}{_day_month(t)}{_year_tail(t + 'y', trail=trail)}"
        rf"|{_month(t + 'n')}{_MONTH_DAY_GAP}{_day(t + 'e')}{_year_tail(t + 'z', trail=trail)}"
        rf"|{num_lead}(?P<{t}a>3[01]|[12]\d|0?[1-9])(?P<{t}s>[-/.])(?P<{t}b>1[0-2]|0?[1-9])"
        rf"(?P={t}s)(?P<{t}c>{_YEAR}){num_trail}"
        rf"|{num_lead}(?P<{t}i>{_YEAR})(?P<{t}t>[-/.])(?P<{t}j>1[0-2]|0?[1-9])"
        rf"(?P={t}t)(?P<{t}k>3[01]|[12]\d|0?[1-9]){num_trail}"
        r"))"
    )


def _separator(g: str, *, slash: bool = False) -> str:
    words = r"tot\s+en\s+met|tm|tot|to|till|until|through|thru"
    extra = r"|\s*/\s*" if slash else ""
    return (
        rf"(?P<{g}>\s*(?:[-–—]|t/m\.?|t\.\s?m\.?)\s*|\s+(?:{words})\s+"
        rf"|\s+(?P<{g}and>en|and|&)\s+{extra})"
    )


def _prefix(g: str) -> str:
    return rf"(?:(?P<{g}>{'|'.join(_PREFIXES)})\s+)?"


def _later_weekday(g: str, first: str) -> str:
    # A weekday on the last day only when the first day has one too: in "Dag 2 – donderdag 16
    # juni" the 2 numbers the day, it does not start a range.
    return rf"(?({first}){_weekday(g)})"


# "Dag 1 - 15 juni", "week 23 - 5 juni": a number that counts days or weeks starts no range.
_NOT_COUNTED = r"(?<!\bdag\s)(?<!\bday\s)(?<!\bweek\s)"

_FULL_RANGE = (
    rf"{_prefix('FP')}{_single('FA', trail=False)}{_separator('FS', slash=True)}"
    + _single("FB", lead=False)
)
_MONTH_DAY_DAY = (
    rf"{_prefix('MP')}(?P<MA>{_weekday('MAw')}{_month_day('MA')})"
    rf"{_separator('MS')}(?P<MB>{_later_weekday('MBw', 'MAw')}{_day('MBd')}{_year_tail('MBy')})"
)
_DAY_DAY_MONTH = (
    rf"{_prefix('DP')}(?P<DA>{_weekday('DAw')}{_LEAD}{_NOT_COUNTED}{_day('DAd')})"
    rf"{_separator('DS')}"
    rf"(?P<DB>{_later_weekday('DBw', 'DAw')}{_day_month('DB')}{_year_tail('DBy')})"
)
_DAY_LIST = (
    rf"{_prefix('LP')}(?P<LL>{_weekday('LAw')}{_LEAD}{_NOT_COUNTED}{_day('LAd')}"
    rf"(?:\s*,\s*{_later_weekday('LCw', 'LAw')}{_day('LCd')})+)"
    rf"(?P<LS>\s+(?P<LSand>en|and|&)\s+)"
    rf"(?P<LB>{_later_weekday('LBw', 'LAw')}{_day_month('LB')}{_year_tail('LBy')})"
)
_GRAMMAR = (
    rf"(?P<F>{_FULL_RANGE})|(?P<M>{_MONTH_DAY_DAY})|(?P<D>{_DAY_DAY_MONTH})|(?P<L>{_DAY_LIST})"
    rf"|{_single('S')}"
)


def _month_before_digit() -> str:
    """Lookbehinds for "June 15". A lookbehind needs a fixed width, so there is one per length
    of spelling and gap, each with an alternation of the spellings of that length."""
    spellings = [n.rstrip(".") for n in _MONTH_NAMES] + [n for n in _MONTH_NAMES if n.endswith(".")]
    by_length: dict[int, list[str]] = {}
    for spelling in spellings:
        by_length.setdefault(len(spelling), []).append(spelling)
    return "|".join(
        f"(?<=(?:{'|'.join(map(re.escape, same))}){gap}[0-9])"
        for same in by_length.values()
        for gap in (r"[^\S\n]", r"[^\S\n]{2}")
    )


# Every mention holds a digit next to a month name ("15 juni", "June 15") or a numeric date. The
# anchor pattern starts with a digit, so the regex engine skips quickly over the text between
# digits; a flat search for month names is several times slower.
_ANCHOR = (
    r"[0-9](?:[0-9]{0,3}[-/.][0-9]{1,2}[-/.][0-9]"
    rf"|[0-9]?(?:st|nd|rd|th|ste|de|e)?{_DAY_MONTH_GAP}(?:{_MONTH_ANY}){_NOT_LETTER}"
    rf"|(?:(?<=[a-z.][^\S\n][0-9])|(?<=[a-z.][^\S\n]{{2}}[0-9]))(?:{_month_before_digit()}))"
)
# Words a mention can start with: a digit, a range prefix, a weekday or a month.
_CANDIDATE = rf"\b(?:[0-9]|(?:{_trie([*_PREFIXES, *WEEKDAYS, *MONTHS])})\b)"
# Furthest a mention can start before its first anchor ("between Wednesday 14th and ... June").
REACH = 80
# The year comes first so that the regex engine can skip to digits; the lookbehinds then look
# at what precedes it.
_STANDALONE_YEAR = (
    r"(?:199[0-9]|20[0-9]{2})(?<![\w.,:/+\-€$£#][0-9]{4})(?<!€ [0-9]{4})(?!\w)(?![.,:/\-][0-9])"
    r"(?!\s?[A-Z]{2}\b)"  # a Dutch postcode: 2011 AB
    r"(?!\s*(?i:euro|eur\b|€|km\b|%|procent|percent|mensen|people|deelnemers|participants"
    r"|bezoekers|visitors))"
)


class Patterns(NamedTuple):
    grammar: re.Pattern[str]  # every form, tried at a candidate start
    single: re.Pattern[str]  # a single date, when a form holds an impossible date
    list_item: re.Pattern[str]  # one day of a list, with its weekday
    anchor: re.Pattern[str]
    candidate: re.Pattern[str]
    standalone_year: re.Pattern[str]


@cache
def patterns() -> Patterns:
    """The compiled patterns, built on first use: compiling takes ~25 ms that ``import reisparse``
    should not pay."""
    return Patterns(
        re.compile(_GRAMMAR, re.IGNORECASE),
        re.compile(_single("S"), re.IGNORECASE),
        re.compile(rf"{_weekday('Aw')}{_day('Ad')}", re.IGNORECASE),
        re.compile(_ANCHOR, re.IGNORECASE),
        re.compile(_CANDIDATE, re.IGNORECASE),
        re.compile(_STANDALONE_YEAR),
    )
