"""Place suggestions while typing: prefix search over the gazetteer."""

from __future__ import annotations

from reisparse.gazetteer import lookup_city
from reisparse.suggest import countries, suggest


def _names(prefix: str, limit: int = 10) -> list[tuple[str, str]]:
    return [(s.place.name, s.place.country) for s in suggest(prefix, limit)]


def test_it_finds_a_city_by_the_start_of_its_english_name() -> None:
    assert ("Helsingborg", "SE") in _names("Helsingb")


def test_it_finds_a_city_by_the_start_of_its_dutch_name() -> None:
    found = suggest("Keul")
    assert found[0].place.name == "Cologne"
    assert found[0].matched == "keulen"


def test_it_ignores_case_diacritics_and_punctuation() -> None:
    assert ("The Hague", "NL") in _names("'S-GRAVENH")
    assert ("Geneva", "CH") in _names("Genèv")


def test_it_returns_the_same_place_as_the_lookup_for_a_full_name() -> None:
    place = lookup_city("Den Haag")
    assert place is not None
    assert suggest("Den Haag")[0].place == place


def test_it_puts_an_exact_name_before_longer_names() -> None:
    assert suggest("Aru")[0].place.name == "Aru"


def test_it_prefers_the_place_s_own_name_over_a_nickname() -> None:
    # Warsaw is also "Paris of the North"; someone typing "par" means Paris.
    assert _names("par", 3)[0] == ("Paris", "FR")
    assert ("Warsaw", "PL") not in _names("par", 3)


def test_it_offers_each_place_once_and_respects_the_limit() -> None:
    found = _names("valen", 5)
    assert len(found) == 5
    assert len(set(found)) == 5


def test_it_finds_islands() -> None:
    assert ("Aruba", "AW") in _names("Arub")


def test_it_returns_nothing_for_empty_or_unknown_text() -> None:
    assert suggest("") == []
    assert suggest("  - ") == []
    assert suggest("zzzqqq") == []
    assert suggest("Paris", limit=0) == []


def test_it_lists_countries_sorted_in_the_language_asked_for() -> None:
    dutch = countries("nl")
    english = countries("en")
    assert len(dutch) == len(english) > 200
    assert {c.code: c.name for c in dutch}["DE"] == "Duitsland"
    assert {c.code: c.name for c in english}["DE"] == "Germany"
    names = [c.name for c in dutch]
    # Sorted as a reader expects: Åland among the A's, not after Zweden.
    assert names.index("Afghanistan") < names.index("Ålandseilanden") < names.index("Albanië")
