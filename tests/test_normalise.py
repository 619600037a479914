"""Normalising a reader's pages into the one text that spans point into."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reisparse.document import Extracted
from reisparse.normalise import Normalised, normalise

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_db49e06d3a98a721.txt"


def _normalise(*pages: str, paged: bool = False, ocr: bool = False) -> Normalised:
    return normalise(Extracted(pages=pages, media_type="text/plain", paged=paged, ocr=ocr))


def _seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the reference seed is not at {SEED}")
    return SEED.read_text(encoding="utf-8")


# --- Step 1: characters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("de \ufb01ets is \ufb02ink", "de fiets is flink"),
        ("\ufb00 \ufb03 \ufb04 \ufb05 \ufb06", "ff ffi ffl st st"),
        ("10\u00a0km en 5\u202fkm", "10 km en 5 km"),
        ("kolom\tkolom", "kolom kolom"),
        ("ont\u00adwikkeling", "ontwikkeling"),
        ("ont\u00ad\nwikkeling", "ontwikkeling"),
        ("zero\u200bwidth\u200d en \ufeffBOM", "zerowidth en BOM"),
        ("een\r\ntwee\rdrie", "een\ntwee\ndrie"),
        ("regel   \nvolgende\u00a0", "regel\nvolgende"),
        ("a\x00b\x07c\x1bd\x7fe\x9bf", "abcdef"),
        ("pagina\feen\vlijn", "pagina\neen\nlijn"),
        ("de thema’s en “citaten”", "de thema’s en “citaten”"),
        ("e\u0308n", "ën"),
        ("e\u200b\u0308n", "ën"),
        ("non\u2011breaking", "non-breaking"),
    ],
)
def test_it_gives_every_character_one_spelling(raw: str, clean: str) -> None:
    assert _normalise(raw).text == clean


# --- Step 2: repeated headers and footers ------------------------------------------------------


_WORDS = ("een", "twee", "drie", "vier", "vijf", "zes")


def _report_pages(count: int, footer: str = "Pagina {} van {}") -> list[str]:
    """Pages with a running head, a body line that differs per page and a numbered footer."""
    return [
        f"Gemeente Den Haag\nReisverslag\n\nAlinea {_WORDS[i]} van het verslag.\n\n"
        + footer.format(i + 1, count)
        for i in range(count)
    ]


def _report_text(count: int) -> str:
    """What ``_report_pages`` normalise to: the running head once, as title, then the body."""
    body = "\n\n".join(f"Alinea {word} van het verslag." for word in _WORDS[:count])
    return f"Gemeente Den Haag\nReisverslag\n\n{body}"


def test_it_removes_headers_and_footers_repeated_on_every_page() -> None:
    result = _normalise(*_report_pages(3), paged=True)
    assert result.text == _report_text(3)
    assert result.warnings == (
        'removed repeated page headers/footers: "Pagina 1 van 3" (3x), '
        '"Gemeente Den Haag" (2x), "Reisverslag" (2x)',
    )


@pytest.mark.parametrize("footer", ["- {} -", "{}/{}", "{}", "Blad {} van {}"])
def test_it_recognises_page_numbers_as_one_repeated_footer(footer: str) -> None:
    assert _normalise(*_report_pages(4, footer=footer), paged=True).text == _report_text(4)


def test_it_keeps_a_running_head_once_only_when_it_tops_the_first_page() -> None:
    pages = ["Alinea een.\nMeer.\nNog meer.\nKop", "Kop\nAlinea twee.", "Kop\nAlinea drie."]
    expected = "Alinea een.\nMeer.\nNog meer.\n\nAlinea twee.\n\nAlinea drie."
    assert _normalise(*pages, paged=True).text == expected


def test_it_keeps_a_header_that_appears_on_only_one_page() -> None:
    pages = ["Bijlage A\nAlinea een.", "Alinea twee.", "Alinea drie."]
    result = _normalise(*pages, paged=True)
    assert result.text.startswith("Bijlage A\n")
    assert result.warnings == ()


@pytest.mark.parametrize(("pages_with_header", "removed"), [(3, True), (2, False)])
def test_it_removes_a_header_only_when_at_least_60_percent_of_pages_have_it(
    pages_with_header: int, removed: bool
) -> None:
    pages = [
        f"Kop\nAlinea {word}." if i < pages_with_header else f"Alinea {word}."
        for i, word in enumerate(_WORDS[:5])
    ]
    # A removed running head stays once, at the top of the first page.
    expected = 1 if removed else pages_with_header
    assert _normalise(*pages, paged=True).text.count("Kop") == expected


def test_it_keeps_a_repeated_line_in_the_middle_of_the_pages() -> None:
    pages = [f"Alinea {w}.\nRegel {w}\nZie bijlage.\nSlot {w}\nEinde {w}." for w in _WORDS[:3]]
    result = _normalise(*pages, paged=True)
    assert result.text.count("Zie bijlage.") == 3
    assert result.warnings == ()


def test_it_leaves_repeated_lines_of_a_flowing_text_without_page_marks_alone() -> None:
    text = "\n\n".join(f"Gemeente Den Haag\nAlinea {word}.\nGemeente Den Haag" for word in _WORDS)
    result = _normalise(text)
    assert result.text == text
    assert result.warnings == ()


_FLOWING_PAGES = (
    " Gemeente Utrecht - Reisverslag\n\nDe doelen waren:\nB) Het netwerk van Europese\n\n\n\n"
    "Pagina 1 van 2\n\n Gemeente Utrecht - Reisverslag\n\nvoetgangerssteden, met het oog op een\n"
    "gezamenlijke aanvraag.\n\n\nPagina 2 van 2\n"
)


def test_it_finds_the_pages_of_a_flowing_text_by_their_page_number_lines() -> None:
    result = _normalise(_FLOWING_PAGES)
    assert result.text == (
        "Gemeente Utrecht - Reisverslag\n\nDe doelen waren:\nB) Het netwerk van Europese\n"
        "voetgangerssteden, met het oog op een\ngezamenlijke aanvraag."
    )
    assert result.page_starts == ()
    assert result.warnings == (
        'removed 2 page numbers: "Pagina 1 van 2" to "Pagina 2 van 2"',
        'removed repeated page headers/footers: "Gemeente Utrecht - Reisverslag" (1x)',
    )


def test_it_finds_the_pages_of_a_flowing_text_by_form_feeds() -> None:
    pages = "\f".join(_report_pages(3))
    assert _normalise(pages).text == _report_text(3)


@pytest.mark.parametrize(
    ("numbers", "cut"),
    [(("1", "2", "3"), True), (("4", "5"), True), (("1", "3"), False), (("2", "1"), False)],
)
def test_it_takes_page_number_lines_for_pages_only_when_they_count_up(
    numbers: tuple[str, ...], cut: bool
) -> None:
    pages = (f"Alinea {w}.\n- {n} -\n" for w, n in zip(_WORDS, numbers, strict=False))
    text = _normalise("".join(pages)).text
    assert ("- " not in text) is cut


def test_it_removes_page_numbers_that_count_up_even_on_few_pages() -> None:
    pages = ["Titel.\nPagina 1", "Tekst.\nPagina 2", *(f"Alinea {w}." for w in _WORDS)]
    assert "Pagina" not in _normalise(*pages, paged=True).text


# --- Step 3: hyphenation at line ends ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("de ont-\nwikkeling van", "de ontwikkeling van"),
        ("de ont-\n  wikkeling", "de ontwikkeling"),
        ("in Noord-\nHolland", "in Noord-Holland"),
        ("een zee-\negel", "een zee-egel"),
        ("een auto-\nongeluk", "een auto-ongeluk"),
        ("de oud-\nburgemeester", "de oud-burgemeester"),
        ("de ex-\nminister-\npresident", "de ex-minister-president"),
        ("een 2-\ndaagse", "een 2-daagse"),
        ("Oud-\nburgemeester", "Oud-burgemeester"),
    ],
)
def test_it_joins_a_word_hyphenated_at_a_line_end(raw: str, joined: str) -> None:
    assert _normalise(raw).text == joined


@pytest.mark.parametrize(
    "raw",
    [
        "Doelen:\n- kennis delen\n- contacten",  # list markers
        "Plenary Closing Words -\nfollowed by celebrations",  # a dash with a space before it
        "in Noord-\nen Zuid-Holland",  # a hyphen standing for a left-out part
        "14-\n06-2022",  # no letter after the line break
    ],
)
def test_it_leaves_hyphens_that_are_no_hyphenation_alone(raw: str) -> None:
    assert _normalise(raw).text == raw


# --- Step 4: blank lines -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "collapsed"),
    [
        ("een\n\n\n\ntwee", "een\n\ntwee"),
        ("een\n  \n \n\ntwee", "een\n\ntwee"),
        ("\n\n  een\ntwee\n\n\n", "een\ntwee"),
        ("een\n\ntwee", "een\n\ntwee"),
    ],
)
def test_it_collapses_blank_line_runs_to_one_blank_line(raw: str, collapsed: str) -> None:
    assert _normalise(raw).text == collapsed


# --- Step 5: page joins and page numbers ------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "text"),
    [
        (
            "Het team heeft in",
            "een panel deelgenomen.",
            "Het team heeft in\neen panel deelgenomen.",
        ),
        ("Het team nam deel.", "daarna volgde", "Het team nam deel.\n\ndaarna volgde"),
        ("Doelen", "Kennis delen", "Doelen\n\nKennis delen"),
        ("Doelen:", "kennis delen", "Doelen:\n\nkennis delen"),
        ("de ont-", "wikkeling van", "de ontwikkeling van"),
        ("in Noord-", "Holland", "in Noord-Holland"),
    ],
)
def test_it_joins_pages_with_a_blank_line_unless_a_sentence_runs_on(
    first: str, second: str, text: str
) -> None:
    result = _normalise(first + "\n\n", "\n" + second, paged=True)
    assert result.text == text
    assert result.text[result.page_starts[1] :] == second


def test_it_tells_the_page_of_an_offset() -> None:
    result = _normalise("Een.", "", "Twee\n\nDrie", paged=True)
    assert result.text == "Een.\n\nTwee\n\nDrie"
    assert result.page_starts == (0, 6, 6)
    pages = [result.page_at(offset) for offset in range(len(result.text))]
    assert pages == [1] * 6 + [3] * 10


def test_page_starts_follow_removed_headers_and_hyphenation() -> None:
    pages = ["De ont-\n1", "wikkeling van de stad.\n2", "Einde.\n3"]
    result = _normalise(*pages, paged=True)
    assert result.text == "De ontwikkeling van de stad.\n\nEinde."
    assert result.page_starts == (0, 6, 30)
    assert [result.page_at(offset) for offset in (0, 5, 6, 29, 30)] == [1, 1, 2, 2, 3]


def test_a_document_without_pages_has_no_page_numbers() -> None:
    result = _normalise("een\n\ntwee")
    assert result.page_starts == ()
    assert result.page_at(0) is None


def test_it_refuses_a_negative_offset() -> None:
    with pytest.raises(ValueError, match="negative"):
        _normalise("een", paged=True).page_at(-1)


# --- The reference seed and idempotence --------------------------------------------------------


def test_the_seed_normalises_with_its_two_ocr_repairs_and_collapsed_blank_lines() -> None:
    result = _normalise(_seed_text())
    found = [
        re.fullmatch(r'repaired OCR diacritic: "(\w+)" -> "(\w+)" at (\d+)', w)
        for w in result.warnings
    ]
    assert len(found) == 3 and all(found)  # "efficiéntere" is in the seed twice
    assert {(m[1], m[2]) for m in found if m} == {
        ("potentiéle", "potentiële"),
        ("efficiéntere", "efficiëntere"),
    }
    assert all(result.text[int(m[3]) :].startswith(m[2]) for m in found if m)
    assert "agile civil servants?\n\nincluding the representatives" in result.text
    assert "\n\n\n" not in result.text
    assert result.text.startswith("HOELANG DUURDE DE REIS?\n")
    assert result.text.endswith("bewonersparticipatie en stedelijke ontwikkeling.")


def test_normalising_the_normalised_seed_changes_nothing() -> None:
    once = _normalise(_seed_text())
    twice = _normalise(once.text)
    assert twice.text == once.text
    assert twice.warnings == ()


def test_normalising_the_text_of_a_paged_document_again_changes_nothing() -> None:
    pages = [*_report_pages(3), "de ont-\n", "wikkeling van het-\nzelfde potentiéle", "plan"]
    once = _normalise(*pages, paged=True, ocr=True)
    assert _normalise(once.text).text == once.text


_WORD_PIECES = (
    "a",
    "e",
    "E",
    "é",
    "6",
    " ",
    "\n",
    "\n\n",
    "-",
    ".",
    "ont-\nwikkeling",
    "zee-\negel",
)
_ODD_CHARACTERS = (
    "potentiéle",
    "\u00ad",
    "\u00a0",
    "\r",
    "\t",
    "\ufb01",
    "\u200b",
    "\u0308",
    "\x0c",
)
_PAGE_MARKS = ("\nPagina 1\n", "\nPagina 2\n", "\n- 3 -\n", "Kop\n")
_PIECES = st.sampled_from([*_WORD_PIECES, *_ODD_CHARACTERS, *_PAGE_MARKS])
_PAGES = st.lists(st.lists(_PIECES, max_size=20).map("".join), max_size=5)


@settings(max_examples=300, deadline=None)
@given(_PAGES, st.booleans())
def test_normalising_is_idempotent_for_any_text(pages: list[str], paged: bool) -> None:
    once = _normalise(*pages, paged=paged).text
    assert _normalise(once).text == once
