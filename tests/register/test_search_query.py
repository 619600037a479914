"""The search box's language, the Dutch stemming and the snippets: pure functions, no database."""

from __future__ import annotations

import pytest

from reisregister.search.analysis import fold, shadow, stem
from reisregister.search.query import Clause, Query, parse, to_fts5, to_tsquery
from reisregister.search.snippets import snippet


@pytest.mark.parametrize(
    ("one", "other"),
    [("havens", "haven"), ("fietsen", "fiets"), ("gemeenten", "gemeente"), ("ontmoetingen", "ontmoeting"),
     ("wethouders", "wethouder"), ("Scholen", "school"), ("België", "belgie")],
)  # fmt: skip
def test_words_of_one_family_share_a_stem(one: str, other: str) -> None:
    assert stem(one) == stem(other)


def test_stop_words_have_no_stem() -> None:
    assert stem("de") == ""
    assert shadow("de haven van Hamburg") == f"{stem('haven')} hamburg"


def test_folding_removes_case_and_diacritics() -> None:
    assert fold("  Genève  Zürich ") == "geneve zurich"


def test_all_words_must_occur() -> None:
    query = parse("havens Hamburg")
    assert query.clauses == (Clause(((stem("havens"),),)), Clause((("hamburg",),)))
    assert to_fts5(query) == f'("{stem("havens")}") AND ("hamburg")'


def test_or_accepts_either_word() -> None:
    query = parse("tram or metro")
    assert query.clauses == (Clause((("tram",), (stem("metro"),))),)
    assert to_tsquery(query) == f"(('tram') | ('{stem('metro')}'))"


def test_a_minus_excludes_a_word() -> None:
    query = parse("energie -warmtenet")
    assert [c.negated for c in query.clauses] == [False, True]
    assert to_fts5(query).endswith(f' NOT ("{stem("warmtenet")}")')
    assert to_tsquery(query).endswith(f"& !(('{stem('warmtenet')}'))")


def test_quotes_make_a_phrase() -> None:
    query = parse('"betaalbare woningbouw" Utrecht')
    assert query.clauses[0].terms == ((stem("betaalbare"), stem("woningbouw")),)
    assert f'"{stem("betaalbare")} {stem("woningbouw")}"' in to_fts5(query)
    assert f"('{stem('betaalbare')}' <-> '{stem('woningbouw')}')" in to_tsquery(query)


@pytest.mark.parametrize("text", ["", "   ", "de het een", "-haven", '""', "or", "!!! ???"])
def test_a_query_without_a_positive_word_is_empty(text: str) -> None:
    assert not parse(text)
    assert parse(text) == Query(text="") or not parse(text).clauses


@pytest.mark.parametrize(
    "text", ['haven"', "haven*", "stems_body:haven", "(haven", "haven'); DROP TABLE x; --", "a & b | !c",
             "NEAR(haven hamburg)", "haven AND OR NOT", "'", "\\"],
)  # fmt: skip
def test_engine_syntax_in_the_query_is_just_text(text: str) -> None:
    query = parse(text)
    for clause in query.clauses:
        for term in clause.terms:
            assert all(word.isalnum() for word in term)


def test_a_long_query_is_cut_off() -> None:
    query = parse(" ".join(f"woord{i}" for i in range(100)))
    assert len(query.clauses) <= 12


def test_a_snippet_marks_every_form_of_the_searched_word() -> None:
    html = snippet("De haven van Hamburg heeft drie havens.", parse("havens").positive_stems)
    assert html == "De <mark>haven</mark> van Hamburg heeft drie <mark>havens</mark>."


def test_a_snippet_escapes_the_report_text() -> None:
    html = snippet("<script>alert('haven')</script> & co", parse("haven").positive_stems)
    assert "<script>" not in html
    assert html.startswith(
        "&lt;script&gt;alert(&#x27;<mark>haven</mark>&#x27;)&lt;/script&gt; &amp;"
    )


def test_a_snippet_shows_the_part_with_the_matches() -> None:
    text = " ".join(["woord"] * 100 + ["waterstof"] + ["woord"] * 100)
    html = snippet(text, parse("waterstof").positive_stems, size=10)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>waterstof</mark>" in html
    assert html.count("woord") == 9


def test_a_snippet_without_matches_shows_the_start() -> None:
    assert snippet("Eerste regel\nTweede regel", frozenset()) == "Eerste regel · Tweede regel"
