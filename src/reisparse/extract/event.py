"""The event a trip was for (a conference, expo, summit), and its web address when the text gives one.

A report often shortens the name ("de H22 Expo") while the event's own domain spells it out
("h22cityexpo.se"). When the words of the mention appear in order in a link's host name, we take the fuller
name from the host: it is how the organiser writes it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from reisparse.model import Event

_EVENT_NOUNS = (
    "Expo|Conference|Congress|Congres|Summit|Forum|Festival|Biennale|Biennial|Fair|Beurs|Conferentie|"
    "Symposium|Week|Days|Dagen|Assembly|Convention|Games|World Cup|Exhibition|Tentoonstelling"
)
_NAME_WORD = r"(?:[A-Z0-9][\w'’&.-]*|of|for|on|the|van|voor|de|and|&)"
# "H22 Expo", "Smart City Expo World Congress 2023", "the World Urban Forum"
_NAMED = re.compile(
    rf"\b((?:[A-Z][\w'’&.-]*\s+)(?:{_NAME_WORD}\s+){{0,5}}?(?:{_EVENT_NOUNS})\b(?:\s+(?:[A-Z][\w-]*|\d{{4}}))*)"
)
# "een conferentie van Placemaking Europe", "the annual conference of Eurocities"
_OF = re.compile(
    r"\b(?:conferentie|congres|congress|conference|summit|top|forum|beurs|fair)\s+(?:van|of|by)\s+"
    r"((?:[A-Z][\w'’&-]*)(?:\s+[A-Z][\w'’&-]*){0,4})"
)
_WEEKDAYS = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", name.lower()) if t]


def _name_from_host(name: str, url: str) -> str | None:
    """Spell ``name`` as the host does when the host is the name's words in order plus a few more."""
    host = urlsplit(url).hostname or ""
    labels = [lab for lab in host.split(".") if lab not in ("www", "")]
    if len(labels) < 2:
        return None
    label = labels[-2].replace("-", "")
    tokens = _tokens(name)
    if not tokens:
        return None
    words: list[str] = []
    pos, extra, originals = 0, 0, name.split()
    for token, original in zip(tokens, originals, strict=False):
        found = label.find(token, pos)
        if found < 0:
            return None
        gap = label[pos:found]
        if gap:
            if not gap.isalpha() or len(gap) < 2:
                return None
            words.append(gap.capitalize())
            extra += 1
        words.append(original)
        pos = found + len(token)
    if label[pos:] or extra > 2 or len(tokens) != len(originals):
        return None
    return " ".join(words)


def _mentions(text: str) -> list[str]:
    found = []
    for match in _NAMED.finditer(text):
        candidate = match.group(1).strip()
        if not _WEEKDAYS.match(candidate):
            found.append(candidate)
    found.extend(m.group(1) for m in _OF.finditer(text))
    return found


def find_event(text: str, links: tuple[str, ...]) -> Event | None:
    """The first named event in ``text`` (usually the purpose section), with a link that belongs to it."""
    names = _mentions(text)
    for name in names:
        for url in links:
            fuller = _name_from_host(name, url)
            if fuller:
                return Event(name=fuller, url=url)
    if names:
        related = next((u for u in links if set(_tokens(names[0])) & set(_tokens(u))), None)
        return Event(name=names[0], url=related)
    return None
