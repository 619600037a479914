"""Cancelled trips: a register must show them too (with the reason), not silently drop them."""

from __future__ import annotations

import re

_CANCELLED = re.compile(
    r"\b(?:geannuleerd|afgelast|afgezegd|gecanceld|niet door(?:gegaan|gaan)|ging niet door|"
    r"cancell?ed|called off|did not (?:go ahead|take place))\b",
    re.I,
)
_REASON = re.compile(
    r"\b(?:vanwege|wegens|door|omdat|because(?: of)?|due to|owing to)\s+([^.\n]+)", re.I
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


def find_cancellation(text: str) -> tuple[bool, str | None]:
    lowered = text.lower()
    if not any(stem in lowered for stem in _STEMS):
        return False, None
    match = _CANCELLED.search(text)
    if not match:
        return False, None
    sentence_start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    sentence_end = min(
        (i for i in (text.find(".", match.end()), text.find("\n", match.end())) if i >= 0),
        default=len(text),
    )
    sentence = text[sentence_start:sentence_end]
    reason = _REASON.search(sentence)
    return True, (" ".join(reason.group(1).split()) if reason else None)
