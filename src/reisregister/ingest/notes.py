"""What the parser noticed while reading a document, in the language of the page.

The parser writes its warnings as English sentences: they are part of its JSON contract and of its CLI output,
so they stay as they are. The register shows them to editors (upload results, review screen) and translates
the shapes it knows; a sentence it does not know is shown as written, marked as English (``lang="en"``) so a
screen reader pronounces it right (WCAG 3.1.2).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext as _

from reisparse.extract.years import DAY_NAMES, MONTH_NAMES


@dataclass(frozen=True)
class Note:
    text: str
    lang: str  # "" when in the page's language, "en" when shown as the parser wrote it


_NAMES = re.compile(r"\b(" + "|".join(DAY_NAMES + MONTH_NAMES) + r")\b")


def _dates(text: str) -> str:
    """English weekday and month names as the page's language has them (Django's own translations)."""

    def local(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in DAY_NAMES:
            return str(WEEKDAYS[DAY_NAMES.index(name)])
        return str(MONTHS[MONTH_NAMES.index(name) + 1])

    return _NAMES.sub(local, text)


def _no_year(m: re.Match[str]) -> str:
    if m.group("rest"):
        return _("The document names no year (the weekdays it names fit no single year).")
    return _("The document names no year.")


_SHAPES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"no text found in the document"),
        lambda m: _("No text was found in the document."),
    ),
    (re.compile(r"no year in the document(?P<rest>.*)"), _no_year),
    (
        re.compile(r"year (?P<year>\d{4}) inferred from weekdays \((?P<days>[^)]*)\): .*"),
        lambda m: (
            _("Year %(year)s inferred from the weekdays in the document (%(days)s).")
            % {"year": m["year"], "days": _dates(m["days"])}
        ),
    ),
    (
        re.compile(r"year (?P<year>\d{4}) taken from the nearest full date in the document, .*"),
        lambda m: (
            _("Year %(year)s taken from the nearest full date in the document.")
            % {"year": m["year"]}
        ),
    ),
    (
        re.compile(r"year (?P<year>\d{4}) taken from the document, the year it mentions most .*"),
        lambda m: (
            _("Year %(year)s taken from the document: the year it mentions most often.")
            % {"year": m["year"]}
        ),
    ),
    (
        re.compile(r'repaired OCR diacritic: "(?P<before>.*)" -> "(?P<after>.*)" at \d+'),
        lambda m: (
            _("Text recognition repaired: “%(before)s” became “%(after)s”.")
            % {"before": m["before"], "after": m["after"]}
        ),
    ),
    (
        re.compile(r'removed (?P<count>\d+) page numbers: "(?P<first>.*)" to "(?P<last>.*)"'),
        lambda m: (
            _("%(count)s page numbers left out (“%(first)s” to “%(last)s”).")
            % {"count": m["count"], "first": m["first"], "last": m["last"]}
        ),
    ),
    (
        re.compile(r"removed repeated page headers/footers: (?P<listed>.*)"),
        lambda m: (
            _("Repeated page headers or footers left out: %(listed)s.") % {"listed": m["listed"]}
        ),
    ),
    (
        re.compile(r"row of (?P<cells>\d+) cells under (?P<headers>\d+) headers"),
        lambda m: (
            _("A table row has %(cells)s cells under %(headers)s column headings.")
            % {"cells": m["cells"], "headers": m["headers"]}
        ),
    ),
    (
        re.compile(r"costs not recognised: '(?P<value>.*)'"),
        lambda m: _("Costs not recognised: “%(value)s”.") % {"value": m["value"]},
    ),
    (
        re.compile(r"destination not recognised: '(?P<value>.*)'"),
        lambda m: _("Destination not recognised: “%(value)s”.") % {"value": m["value"]},
    ),
]


def notes(warnings: Iterable[object]) -> list[Note]:
    """The parser's warnings as notes in the active language where their shape is known."""
    out = []
    for warning in warnings:
        text = str(warning)
        for pattern, render in _SHAPES:
            match = pattern.fullmatch(text)
            if match:
                out.append(Note(render(match), ""))
                break
        else:
            out.append(Note(text, "en"))
    return out


__all__ = ["Note", "notes"]
