"""Places travelled to, told apart from places merely mentioned.

In a template report the locations answer is authoritative; elsewhere only places after a travel phrase count
("werkbezoek aan Kopenhagen", "trip to Malmö", "in Hamburg spraken we"). The home city and the home country
are never destinations; a country counts only when no city in it was named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reisparse import gazetteer
from reisparse.model import Destination

_TRAVEL_BEFORE = re.compile(
    r"(?:\b(?:naar|in|te|to|visit(?:ed)?|visiting|bezoek(?:en|t)? aan|werkbezoek aan|reis naar|trip to|"
    r"visit to|mission to|missie naar|arrived in|aangekomen in|vertrokken naar|travelled to|traveled to|"
    r"door|via|from|vanuit|and|en)\s+(?:het\s+|de\s+|the\s+)?$)",
    re.I,
)


def _to_destination(place: gazetteer.Place) -> Destination:
    return Destination(
        city=place.name if place.kind == "city" else None,
        country=place.country,
        lat=round(place.lat, 4),
        lon=round(place.lon, 4),
    )


def destinations_from(
    mentions: Iterable[gazetteer.Mention], *, home: gazetteer.Place | None
) -> tuple[Destination, ...]:
    cities: dict[tuple[str, str], gazetteer.Place] = {}
    others: dict[str, gazetteer.Place] = {}
    for mention in mentions:
        place = mention.place
        if place.country == gazetteer.home_country() and place.kind == "country":
            continue
        if (
            home
            and place.kind == "city"
            and place.name == home.name
            and place.country == home.country
        ):
            continue
        if place.kind == "city":
            cities.setdefault((place.name, place.country), place)
        else:
            others.setdefault(place.country, place)
    covered = {country for _, country in cities}
    out = [_to_destination(p) for p in cities.values()]
    out += [_to_destination(p) for c, p in others.items() if c not in covered]
    return tuple(out)


def travelled_mentions(
    text: str, start: int = 0, end: int | None = None
) -> list[gazetteer.Mention]:
    """Mentions preceded by a travel phrase, within [start, end)."""
    end = len(text) if end is None else end
    found = []
    for mention in gazetteer.find_places(text[start:end]):
        before = text[max(start, start + mention.start - 40) : start + mention.start]
        if _TRAVEL_BEFORE.search(before):
            found.append(mention)
    return found


_NEGATION = re.compile(r"\b(?:niet|geen|nooit|not|no|never|cancelled|geannuleerd|afgelast)\b", re.I)


def _negated(text: str, start: int, end: int) -> bool:
    """Whether the sentence around [start, end) denies the visit ("Een bezoek aan Aruba paste niet ...")."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return bool(_NEGATION.search(text, left, min(stops, default=len(text))))


def find_destinations(
    text: str, regions: list[tuple[int, int]], *, home: gazetteer.Place | None, strict: bool = False
) -> tuple[Destination, ...]:
    """All places in the first region that has any; with ``strict`` only places after a travel phrase."""
    for start, end in regions:
        mentions = (
            travelled_mentions(text, start, end)
            if strict
            else gazetteer.find_places(text[start:end])
        )
        region = text[start:end]
        mentions = [m for m in mentions if not _negated(region, m.start, m.end)]
        found = destinations_from(mentions, home=home)
        if found:
            return found
    return ()
