"""Place autocomplete for the destination fields, from the parser's offline gazetteer.

The form offers what the parser would recognise, so a typed destination and an imported one name places
the same way (canonical name, ISO country code, coordinates).
"""

from __future__ import annotations

from typing import Any, Literal

from django.utils.translation import get_language

from reisparse.gazetteer import city_name, country_name, lookup_country
from reisparse.suggest import Country, countries, suggest

MIN_LENGTH = 2
LIMIT = 10


def _lang() -> Literal["nl", "en"]:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def suggestions(query: str, limit: int = LIMIT) -> list[dict[str, Any]]:
    """JSON-ready suggestions for what someone typed; nothing for fewer than two letters."""
    if len(query.strip()) < MIN_LENGTH:
        return []
    out = []
    for found in suggest(query, limit):
        place = found.place
        country = country_name(place.country, _lang())
        out.append(
            {
                "city": place.name,
                "country": place.country,
                "country_name": country,
                "lat": place.lat,
                "lon": place.lon,
                # The label in the page's language ("Lissabon"); the stored name stays the gazetteer's.
                "label": f"{city_name(place.name, place.country, _lang())}, {country}",
            }
        )
    return out


def country_choices() -> list[Country]:
    """Every country with its name in the current language, for the country fields' list."""
    return countries(_lang())


def country_code(text: str) -> str | None:
    """The ISO code for what someone typed in a country field: a code ("de") or a name ("Duitsland")."""
    text = text.strip()
    if not text:
        return ""
    found = lookup_country(text.upper() if len(text) <= 3 else text)
    return found.country if found else None
