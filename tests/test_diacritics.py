"""OCR diacritic repair against the committed Dutch word list, and how that list is built."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from reisparse import diacritics
from reisparse.diacritics import Repair, dutch_words, in_word_list, repair_diacritics

REPO = Path(__file__).resolve().parents[1]
DATA_FILE = REPO / "src" / "reisparse" / "data" / "nl-diacritics.txt"
DEBIAN_LIST = Path("/usr/share/dict/nederlands")


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_wordlist", REPO / "scripts/build_wordlist.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def word_list(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """Replace the word list by a small one the test fills in, to pin down one rule at a time."""
    words: set[str] = set()
    monkeypatch.setattr(diacritics, "dutch_words", lambda: frozenset(words))
    yield words


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("potentiéle", "potentiële"),
        ("efficiéntere", "efficiëntere"),
        ("reêle", "reële"),
        ("reèle", "reële"),
        ("naíef", "naïef"),
        ("coórdinatie", "coördinatie"),
        ("reúnie", "reünie"),
        ("co6rdinatie", "coördinatie"),
    ],
)
def test_it_puts_back_a_trema_that_ocr_read_as_an_accent_or_a_six(read: str, meant: str) -> None:
    assert repair_diacritics(f"de {read} hier", ocr=False) == (
        f"de {meant} hier",
        (Repair(3, read, meant),),
    )


@pytest.mark.parametrize(
    ("read", "meant"),
    [("Potentiéle", "Potentiële"), ("POTENTIÉLE", "POTENTIËLE"), ("CO6RDINATIE", "COÖRDINATIE")],
)
def test_it_keeps_the_case_of_the_repaired_word(read: str, meant: str) -> None:
    assert repair_diacritics(read, ocr=True)[0] == meant


@pytest.mark.parametrize(
    "word",
    [
        "café",  # a listed word with an accent
        "één",
        "enquête",
        "coördinatie",  # already right
        "Clémentine",  # a name: no variant is listed
        "S6derscen",  # the 6 repaired to "Söderscen" would not be a listed word
        "2016",  # a 6 among digits
        "16th",
        "6e",  # a 6 at the start of a word is a number
    ],
)
def test_it_leaves_words_alone_that_the_list_does_not_vouch_for(word: str) -> None:
    assert repair_diacritics(f"met {word}.", ocr=True) == (f"met {word}.", ())


def test_it_keeps_a_word_when_two_variants_are_listed(word_list: set[str]) -> None:
    word_list.update({"xëxó", "xéxö"})
    assert repair_diacritics("xéxó", ocr=True) == ("xéxó", ())


def test_it_derives_an_inflected_form_missing_from_the_list_only_for_ocr_input() -> None:
    # "hygiënisch" is listed, "hygiënischere" is not.
    assert not in_word_list("hygiënischere")
    assert repair_diacritics("hygiénischere", ocr=True)[0] == "hygiënischere"
    assert repair_diacritics("hygiénischere", ocr=False)[0] == "hygiénischere"


@pytest.mark.parametrize("suffix", ["e", "er", "ere", "ste", "en", "s"])
def test_it_derives_each_dutch_inflection_suffix(word_list: set[str], suffix: str) -> None:
    word_list.add("abcdë")
    assert repair_diacritics(f"abcdé{suffix}", ocr=True)[0] == f"abcdë{suffix}"


def test_it_never_derives_a_repair_of_a_six(word_list: set[str]) -> None:
    word_list.add("abcdö")
    assert repair_diacritics("abcd6e", ocr=True)[0] == "abcd6e"


def test_it_keeps_the_length_and_reports_where_each_repair_is() -> None:
    text = "Potentiéle kansen.\nEen efficiéntere manier en een efficiéntere aanpak."
    repaired, repairs = repair_diacritics(text, ocr=False)
    assert len(repaired) == len(text)
    assert [(r.offset, r.after) for r in repairs] == [
        (0, "Potentiële"),
        (text.index("efficiéntere"), "efficiëntere"),
        (text.rindex("efficiéntere"), "efficiëntere"),
    ]
    assert all(repaired[r.offset : r.offset + len(r.after)] == r.after for r in repairs)


def test_a_repair_reads_as_a_warning_with_its_offset() -> None:
    repair = Repair(1234, "potentiéle", "potentiële")
    assert repair.warning == 'repaired OCR diacritic: "potentiéle" -> "potentiële" at 1234'


def test_the_word_list_is_small_loaded_once_and_holds_the_seed_words() -> None:
    assert DATA_FILE.stat().st_size < 1024 * 1024
    assert dutch_words() is dutch_words()
    assert {"potentiële", "efficiëntere", "zee-egel"} <= dutch_words()
    assert "ontwikkeling" not in dutch_words()  # plain ASCII words are left out


def test_the_build_keeps_accented_and_hyphenated_words_and_drops_plain_ones() -> None:
    build = _build_script()
    source = ["ontwikkeling", "potentiële", "zee-egel", "e-mail", "email", "Noord-Holland", ""]
    assert build.select_words(source) == ["e-mail", "email", "potentiële", "zee-egel"]


@pytest.mark.skipif(not DEBIAN_LIST.exists(), reason="wdutch (the source list) is not installed")
def test_the_committed_word_list_is_what_the_build_makes_from_the_installed_source() -> None:
    build = _build_script()
    expected = build.select_words(DEBIAN_LIST.read_text(encoding="utf-8").splitlines())
    committed = DATA_FILE.read_text(encoding="utf-8").splitlines()
    assert [line for line in committed if not line.startswith("#")] == expected
