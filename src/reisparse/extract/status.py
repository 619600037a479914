"""Cancelled trips: a register must show them too (with the reason), not silently drop them."""

from __future__ import annotations

import re

_CANCELLED = re.compile(
    r"\b(?:geannuleerd|afgelast|afgezegd|gecanceld|niet door(?:gegaan|gaan)|ging niet door|"
    r"cancell?ed|called off|did not (?:go ahead|take place))\b",
    re.I,
)
_REASON = re.compile(
    r"\b(?:vanwege|wegens|in verband met|i\.v\.m\.|doordat|door|omdat|because(?: of)?|due to|"
    r"owing to|as a result of)\s+([^;\n]+)",
    re.I,
)
# "De reis is geannuleerd: de wethouder moest ...": the reason follows the colon.
_COLON_REASON = re.compile(r"^[ \t]*(?:\([^()]*\))?[ \t]*:[ \t]*([^;\n]+)")
# The next sentence gives it: "Reden: ...", "De reden was dat ...", "The reason was ...".
_NEXT_REASON = re.compile(
    r"^\s*(?:(?:de\s+)?reden\s*(?::|was|is)(?:\s+dat)?|(?:the\s+)?reason\s*(?::|was|is)(?:\s+that)?)"
    r"\s+([^;\n]+)",
    re.I,
)
# A line that starts a new field or item, not the wrapped rest of a sentence: "Kosten: ...", "- ...".
_NEW_LINE_START = re.compile(
    r"^[ \t]*(?:[-•*–·▪]|\d{1,2}[.)]\s|[^\W\d][\w .'/-]{0,30}:\s|[^\n]*? \| )"
)


# Cheap substring test first: the regex alternation over a whole report costs more than the rest of this module.
_STEMS = (
    "annule",
    "afgelast",
    "afgezegd",
    "cancel",
    "niet door",
    "called off",
    "did not",
    "gecanceld",
)


_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:(?:[A-Za-z]\.)*[A-Za-z]|bijv|ca|nr|dhr|mevr|mw|dr|drs|ir|prof|mr|st|o\.a|n\.a\.v)$"
)


def _is_abbreviation(text: str, dot: int) -> bool:
    """A dot inside "i.v.m." or after "bijv", not the end of a sentence."""
    follows = text[dot + 1 : dot + 2]
    return (follows != "" and not follows.isspace()) or bool(
        _ABBREVIATION.search(text, max(0, dot - 12), dot)
    )


def _sentence_end(text: str, pos: int) -> int:
    """The end of the sentence at ``pos``; a line break ends it only where the line before ends one, or
    the next line starts a field, an item or a paragraph (a wrapped line continues the sentence)."""
    while True:
        stops = [i for i in (text.find(".", pos), text.find("\n", pos)) if i >= 0]
        if not stops:
            return len(text)
        stop = min(stops)
        if text[stop] == ".":
            if _is_abbreviation(text, stop):
                pos = stop + 1
                continue
            return stop
        before = text[:stop].rstrip()
        after = text[stop + 1 :]
        if (
            not before
            or before[-1] in ".!?:;"
            or not after.strip()
            or after.startswith("\n")
            or not after.split("\n", 1)[0].strip()
            or _NEW_LINE_START.match(after)
        ):
            return stop
        pos = stop + 1


def find_cancellation(text: str) -> tuple[bool, str | None]:
    lowered = text.lower()
    if not any(stem in lowered for stem in _STEMS):
        return False, None
    match = _CANCELLED.search(text)
    if not match:
        return False, None
    sentence_start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    sentence_end = _sentence_end(text, match.end())
    # A wrapped line is one sentence: read it as one line.
    after = text[match.end() : sentence_end].replace("\n", " ")
    sentence = text[sentence_start : match.start()].replace("\n", " ") + match.group() + after
    found = _COLON_REASON.match(after) or _REASON.search(sentence)
    if not found:
        following = text[sentence_end + 1 : _sentence_end(text, sentence_end + 1)]
        found = _NEXT_REASON.match(following.replace("\n", " "))
    return True, (" ".join(found.group(1).split()) if found else None)
