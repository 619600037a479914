"""Postal addresses of persons: Dutch ("Kerkstraat 14, 3511 LK Utrecht") and English ("27 Elm
Grove, Bristol BS6 7QA").

An address on one line is one finding; an address broken over lines gives one finding per line.
The address of an organisation (a town hall, a hotel, an embassy, a P.O. box) is not personal
data: an address is dropped when the words before it on its line (or, for an address that starts
a line, the line before) name an organisation, unless they say it is someone's home.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reisparse.personal.model import Candidate, Kind
from reisparse.personal.words import (
    ADDRESS_ORG_WORDS,
    ADDRESS_PERSON_WORDS,
    ENGLISH_STREET_WORDS,
    STREET_SUFFIXES,
    words,
)

_CAP = r"[A-ZÀ-Þ][\w'’.-]*"
_LINK = r"(?:van|de|der|den|het|'t|op|aan|in|bij|la|le)"
_NUMBER = r"\d{1,5}(?:[ ]?[a-zA-Z](?![\w]))?(?:[-/]\d{1,4}[a-zA-Z]?)?"
_CITY = r"[A-ZÀ-Þ][a-zà-ÿ'’-]+"
_POSTCODE_CITY = (
    rf"[1-9]\d{{3}}[ ]?(?!SA|SD|SS)[A-Z]{{2}}(?!\w)[ \t]+(?:'s-)?{_CITY}"
    rf"(?:[ \t]+(?:aan|den|de|der|op|{_CITY})){{0,3}}(?![\w'’-])"
)
_DUTCH = re.compile(
    rf"(?<![\w-])(?P<street>{_CAP}(?:[ \t]+(?:{_LINK}|{_CAP})){{0,4}})[ \t]+{_NUMBER}"
    rf"(?:,?[ \t]+{_POSTCODE_CITY})?(?![\w-])"
)
_POSTCODE = re.compile(rf"(?<![\w-]){_POSTCODE_CITY}")
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}"
_ENGLISH = re.compile(
    rf"(?<![\w-])\d{{1,4}}[A-Za-z]?[ \t]+(?P<street>(?:{_CAP}[ \t]+){{0,3}}{_CAP})"
    rf"(?:,[ \t]*{_CITY}(?:[ \t]+{_CITY})?(?:,?[ \t]+{_UK_POSTCODE})?)?(?![\w-])"
)
_SUFFIX = re.compile(rf"(?i)(?:{'|'.join(STREET_SUFFIXES)})$")
_WORDS = re.compile(r"[\w.]+")
# Capitalised words that start a sentence before a street name ("Bezoek Kerkstraat 14").
_NOT_STREET_START = words("het de een the at in op te via naar bezoek adres address")


def _is_dutch_street(street: str) -> bool:
    words = street.split()
    return bool(_SUFFIX.search(words[-1])) or words[0].casefold() in {"laan", "plein"}


def _is_english_street(street: str) -> bool:
    return street.rsplit(maxsplit=1)[-1].casefold() in ENGLISH_STREET_WORDS


def _belongs_to_organisation(text: str, start: int, previous_line_org: bool | None) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if not before.strip(" \t-•*:"):
        if previous_line_org is not None:
            return previous_line_org  # the second line of an address already judged
        prev_end = line_start - 1
        prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1
        before = text[prev_start:prev_end] if prev_end > 0 else ""
    words = {w.casefold().strip(".") for w in _WORDS.findall(before)} | {
        w.casefold() for w in _WORDS.findall(before)
    }
    if words & ADDRESS_PERSON_WORDS:
        return False
    return bool(words & ADDRESS_ORG_WORDS)


def _candidates(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _DUTCH.finditer(text):
        street = m.group("street")
        # The match may start on words before the street ("Het reisbureau Nieuwe Gracht"): start
        # at the first word from which the rest is still a street.
        for w in re.finditer(r"\S+", street):
            rest = street[w.start() :]
            if w.group().casefold() in _NOT_STREET_START or not w.group()[:1].isupper():
                continue
            if _is_dutch_street(rest):
                spans.append((m.start("street") + w.start(), m.end()))
            break
    spans += [(m.start(), m.end()) for m in _POSTCODE.finditer(text)]
    spans += [
        (m.start(), m.end())
        for m in _ENGLISH.finditer(text)
        if _is_english_street(m.group("street"))
    ]
    return spans


def find_addresses(text: str) -> Iterator[Candidate]:
    spans = sorted(_candidates(text), key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue  # the postcode inside a full address
        kept.append(span)
    verdict_by_line: dict[int, bool] = {}
    for start, end in kept:
        line = text.count("\n", 0, start)
        org = _belongs_to_organisation(text, start, verdict_by_line.get(line - 1))
        verdict_by_line[text.count("\n", 0, end)] = org
        if not org:
            yield Candidate(Kind.ADDRESS, start, end)
