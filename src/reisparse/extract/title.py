"""The title of a report: its first heading, or a short first line that reads like one.

A letterhead ("Gemeente Den Haag", "Tweede Kamer der Staten-Generaal") names who wrote the report, not the trip,
and a bare document type ("Reisverslag") names no trip either: neither is a title.
"""

from __future__ import annotations

import re

from reisparse.blocks import fold, lines

_NOT_TITLE = re.compile(r"^(?:\d{1,2}[:.]\d{2}|https?://|www\.|[-•*]\s)|[.;,]$")
MAX_TITLE = 120

# A public body, as a letterhead starts: "Gemeente", "Ministerie van", "House of Representatives".
_BODY = re.compile(
    r"^(?:de\s+|het\s+|the\s+)?(?:gemeente|provincie|ministerie\s+van|ministry\s+of|tweede\s+kamer|"
    r"eerste\s+kamer|staten-generaal|waterschap|hoogheemraadschap|wetterskip|gemeenteraad|raad|"
    r"provinciale\s+staten|college\s+van\s+(?:burgemeester\s+en\s+wethouders|gedeputeerde\s+staten)|"
    r"griffie|(?:vaste\s+)?commissie|municipality|city\s+council|city|province|house\s+of\s+"
    r"representatives|senate|council|standing\s+committee|committee)\b",
    re.I,
)
# The words of a body's name: capitalised, or particles ("der", "van", "of the").
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-Þ'’][\w'’&.-]*|van|der|den|de|het|voor|en|of|the|and|on|for|&|"
    r"[a-zà-ÿ]+-[A-ZÀ-Þ][\w-]*)$"
)
# A part after a comma that is only a body ("Gemeente Almere, gemeenteraad").
_BARE_BODY = re.compile(
    r"^(?:de\s+)?(?:gemeenteraad|raad|college|griffie|provinciale staten|city council|council)$",
    re.I,
)
# A line that says what the trip was is a title even when it names a body ("Gemeente X: werkbezoek aan Y").
_TRIP_WORD = re.compile(
    r"(?:verslag|reis|bezoek|visit|trip|report|readout|\bmissie|\bmission|delegati|conferen|congres)",
    re.I,
)
_GENERIC = re.compile(
    r"^(?:(?:reis|eind|trip|travel)?(?:verslag|report)|readout|verslag\s+(?:van\s+(?:een\s+|het\s+)?)?"
    r"(?:werkbezoek|dienstreis|reis)|(?:het\s+)?(?:werkbezoek|dienstreis|reis)|working\s+visit|"
    r"(?:reis|trip|travel)\s+report|report\s+of\s+(?:a\s+|the\s+)?(?:working\s+)?(?:visit|trip))$",
    re.I,
)
_DECORATION = " \t#*_:.,-–—|"


def _bare(line: str) -> str:
    return fold(line.strip(_DECORATION))


def is_letterhead(line: str, organisation: str | None = None) -> bool:
    """Whether a line only names a public body (the report's organisation or any other one)."""
    text = _bare(line)
    if not text or _TRIP_WORD.search(text):
        return False
    if organisation and text.casefold() == _bare(organisation).casefold():
        return True
    first, *rest = [part.strip() for part in text.split(",")]
    body = _BODY.match(first)
    if not body:
        return False
    words = first[body.end() :].split()
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    return all(
        _BARE_BODY.match(part) or (part and all(_NAME_WORD.match(w) for w in part.split()))
        for part in rest
    )


def is_generic_title(line: str) -> bool:
    """A document type without a trip: "Reisverslag", "Verslag werkbezoek", "Trip report"."""
    return bool(_GENERIC.match(_bare(line)))


def find_title(
    text: str,
    end: int,
    headings: frozenset[str],
    section_headings: set[str],
    *,
    organisation: str | None = None,
) -> str | None:
    """Look only before ``end`` (the first section): a title comes first, after any letterhead."""
    candidates = [
        line
        for line in lines(text, 0, end)
        if line.text not in section_headings
        and 8 <= len(line.text) <= MAX_TITLE
        and not is_letterhead(line.text, organisation)
    ]
    for line in candidates:
        if line.text in headings and not is_generic_title(line.text):
            return line.text
    for line in candidates[:1]:
        if (
            not _NOT_TITLE.search(line.text)
            and not line.text.endswith(":")
            and not is_generic_title(line.text)
        ):
            return line.text
    return None
