"""Follow-up agreements (vervolgafspraken), one per paragraph or bullet, each with its counterparties.

Counterparties are the organisations and foreign cities a follow-up names: organisations we already know from the
contacts, a few typed names ("de podcast Urbanistica", "universiteit Stavanger"), and cities from the
gazetteer. The travelling organisation, its home city and its own team are never counterparties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reisparse import gazetteer
from reisparse.blocks import Block, fold, items, paragraphs
from reisparse.model import FollowUp

_ANSWER_ONLY = re.compile(r"^(?:ja|nee|yes|no|n\.v\.t\.|none|geen)[.:!]?$", re.I)
_TYPED = re.compile(
    r"\b(?:podcast|magazine|tijdschrift|stichting|foundation|netwerk|network|platform|bedrijf|company|"
    r"organisatie|organisation|organization|programma|programme|project)\s+"
    r"((?:[A-Z][\w'’&-]*)(?:\s+[A-Z][\w'’&-]*){0,3})"
)
_INSTITUTION = re.compile(
    r"\b(?:de\s+|the\s+)?(universiteit|university|hogeschool|gemeente|municipality|stad|city|provincie|"
    r"province|haven|port)\s+(?:van\s+|of\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)",
)
_SYNONYMS = {
    "universiteit": "university",
    "hogeschool": "university",
    "gemeente": "municipality",
    "stad": "city",
    "provincie": "province",
    "haven": "port",
}


@dataclass(frozen=True, slots=True)
class Known:
    """What the rest of the report tells us: organisations met, and what is 'us'."""

    organisations: tuple[str, ...]
    exclude: frozenset[str]  # folded names that are the travellers themselves (home city, own team)


def _org_parts(organisations: Iterable[str]) -> list[str]:
    parts: dict[str, None] = {}
    for org in organisations:
        parts.setdefault(org, None)
        for piece in re.split(r"\s+(?:&|and|en)\s+", org):
            if len(piece) > 3 and piece[:1].isupper():
                parts.setdefault(piece.strip(), None)
    # Longest first, so "Placemaking Europe" wins over a shorter overlapping name.
    return sorted(parts, key=len, reverse=True)


def _institution_name(kind: str, place: str, organisations: tuple[str, ...]) -> str:
    """Map "universiteit Stavanger" onto a known "Stavanger University"; else keep the place or the name."""
    kind_en = _SYNONYMS.get(kind.lower(), kind.lower())
    for org in organisations:
        low = org.lower()
        if place.lower() in low and kind_en in low and kind_en not in ("municipality", "city"):
            return org
    if kind_en in ("municipality", "city", "province"):
        return place
    return f"{kind.capitalize()} {place}" if kind_en != "university" else f"{place} University"


def counterparties(text: str, known: Known) -> tuple[str, ...]:
    found: list[tuple[int, int, str]] = []

    def add(start: int, end: int, name: str) -> None:
        if fold(name).casefold() in known.exclude:
            return
        if any(s <= start < e or start <= s < end for s, e, _ in found):
            return
        found.append((start, end, name))

    lowered = text.lower()
    for org in _org_parts(known.organisations):
        pos = lowered.find(org.lower())
        if pos >= 0:
            add(pos, pos + len(org), org)
    for match in _INSTITUTION.finditer(text):
        name = _institution_name(match.group(1), match.group(2), known.organisations)
        add(match.start(), match.end(), name)
    for match in _TYPED.finditer(text):
        add(match.start(1), match.end(1), match.group(1))
    for mention in gazetteer.find_places(text):
        if mention.place.kind != "country":
            add(mention.start, mention.end, mention.surface)
    found.sort()
    names: dict[str, None] = {}
    for _, _, name in found:
        names.setdefault(name, None)
    return tuple(names)


def _units(text: str, start: int, end: int) -> list[Block]:
    bullets = items(text, start, end)
    if len(bullets) >= 2:
        return [Block(i.body_start, i.end, i.text) for i in bullets]
    return paragraphs(text, start, end)


def find_follow_ups(text: str, start: int, end: int, known: Known) -> list[FollowUp]:
    out = []
    for unit in _units(text, start, end):
        folded = unit.folded
        if _ANSWER_ONLY.match(folded) or (folded.endswith(":") and len(folded) < 60):
            continue
        # "Ja: met X wordt ..." — drop a leading yes.
        out.append(
            FollowUp(
                text=folded,
                counterparties=counterparties(unit.text, known),
                span=(unit.start, unit.end),
            )
        )
    return out
