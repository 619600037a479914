"""Place suggestions while someone types: prefix search over the gazetteer's cities and islands.

The gazetteer answers "which place is this name?"; a form asks "which places start with what I typed so
far?". Both use the same folded keys (``normalize_key``), so "den h", "'s-Grav" and "Genè" find The Hague,
's-Gravenhage and Geneva. The sorted key index is built on first use, once per process.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Literal

from reisparse.gazetteer import Place, _data, normalize_key

# One folded key may name several places; the index keeps them apart by where they come from.
_CITY, _ISLAND = 0, 1


@dataclass(frozen=True, slots=True)
class Suggestion:
    place: Place
    matched: str  # the folded name that starts with the typed text ("keulen" for Cologne)


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # in the language asked for


@cache
def _index() -> tuple[list[str], list[tuple[int, int | Place]]]:
    """Every key, sorted, with what it names: (kind, city index) or (kind, island place)."""
    g = _data()
    entries: list[tuple[str, tuple[int, int | Place]]] = [
        (key, (_CITY, index)) for key, index in g.cities.items()
    ]
    entries.extend((key, (_ISLAND, place)) for key, place in g.islands.items())
    entries.sort(key=lambda entry: entry[0])
    return [key for key, _ in entries], [target for _, target in entries]


def _resolve(target: tuple[int, int | Place]) -> Place:
    kind, value = target
    if isinstance(value, Place):
        return value
    assert kind == _CITY
    return _data().city_at(value)


def suggest(prefix: str, limit: int = 10) -> list[Suggestion]:
    """Cities and islands whose name (Dutch, English or an exonym) starts with ``prefix``.

    Exact names come first, then the rest by population, so "par" offers Paris before Parma. Each place
    appears once, with the first of its names that matched.
    """
    key = normalize_key(prefix)
    if not key or limit <= 0:
        return []
    keys, targets = _index()
    found: dict[Place, str] = {}
    for i in range(bisect_left(keys, key), len(keys)):
        if not keys[i].startswith(key):
            break
        place = _resolve(targets[i])
        if place not in found:
            own = normalize_key(place.name)
            found[place] = own if own.startswith(key) else keys[i]
    out: dict[tuple[str, str], Suggestion] = {}
    for place, matched in sorted(found.items(), key=lambda item: _rank(key, *item)):
        # Two towns of one name in one country cannot be told apart in a list: offer the bigger.
        out.setdefault((place.name, place.country), Suggestion(place, matched))
        if len(out) == limit:
            break
    return list(out.values())


def _rank(key: str, place: Place, matched: str) -> tuple[bool, bool, int, str]:
    # An exact name beats a prefix; the place's own name beats an exonym ("par": Paris, Parma, then
    # Warsaw as "Paris of the North"); then the bigger place.
    return matched != key, matched != normalize_key(place.name), -place.population, place.name


def countries(lang: Literal["nl", "en"] = "en") -> list[Country]:
    """All countries the gazetteer knows, sorted by their name in ``lang``."""
    names = _data().names
    listed = [
        Country(code, dutch if lang == "nl" else english)
        for code, (english, dutch) in names.items()
    ]
    return sorted(listed, key=lambda country: normalize_key(country.name))
