"""The personal-data detector on the synthetic redaction corpus (``tests/redaction_corpus``): the recall and
precision targets, and the scorer of ``scripts/eval_redaction.py`` itself. Timings are in that script, not here."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from functools import cache

import pytest
from scripts.eval_redaction import CORPUS, KINDS, Case, Item, Score, detector, load_cases, score

from reisparse.personal import find_personal_data

pytestmark = pytest.mark.slow  # loads deduce (seconds) once per process

RECALL_TARGETS = {"name": 0.98, "email": 0.98, "phone": 0.98}
PRECISION_TARGET = 0.9


@cache
def _score() -> Score:
    return score(load_cases(), detector())


def test_every_report_has_its_hand_written_expectations() -> None:
    texts = {p.stem for p in CORPUS.glob("*.txt")}
    expected = {p.name.removesuffix(".expected.json") for p in CORPUS.glob("*.expected.json")}
    assert texts == expected
    assert len(texts) >= 30


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: c.name)
def test_every_expected_item_stands_in_its_report(case: Case) -> None:
    raw = json.loads((CORPUS / f"{case.name}.expected.json").read_text(encoding="utf-8"))
    assert {i["kind"] for i in raw["items"]} <= set(KINDS)
    for text, n in Counter(item.text for item in case.expected).items():
        assert case.text.count(text) >= n, (
            f"{text!r} is expected {n}x but stands fewer times in the text"
        )


@pytest.mark.parametrize("kind", sorted(RECALL_TARGETS))
def test_the_detector_finds_at_least_98_percent_of_names_emails_and_phones(kind: str) -> None:
    tally = _score().per_kind[kind]
    missed = [f"{case}: {item.text!r}" for case, item in _score().misses if item.kind == kind]
    assert tally.recall >= RECALL_TARGETS[kind], missed


def test_the_detector_is_at_least_90_percent_precise_overall() -> None:
    wrong = [f"{case}: {item.kind} {item.text!r}" for case, item in _score().false_positives]
    assert _score().overall.precision >= PRECISION_TARGET, wrong


def test_office_holders_in_the_corpus_keep_their_names_and_nobody_else_does() -> None:
    result = _score()
    assert result.keep_agreed / result.keep_compared >= 0.95, result.keep_errors


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: c.name)
def test_findings_on_every_report_are_exact_sorted_and_non_overlapping(case: Case) -> None:
    findings = find_personal_data(case.text)
    assert all(case.text[f.start : f.end] == f.text == f.text.strip() for f in findings)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


# --------------------------------------------------------------------------- the scorer


def test_the_scorer_matches_by_kind_text_and_occurrence() -> None:
    case = Case(
        "c",
        "Emre Kaya, Emre Kaya, 06-12345678",
        (
            Item("name", "Emre Kaya", False),
            Item("name", "Emre Kaya", False),
            Item("phone", "06-12345678", False),
        ),
    )
    found = [
        Item("name", "Emre Kaya", False),
        Item("phone", "06-12345678", False),
        Item("email", "x@y.z", False),
    ]
    result = score([case], lambda _text: found)
    assert (result.per_kind["name"].expected, result.per_kind["name"].matched) == (2, 1)
    assert result.per_kind["name"].recall == 0.5
    assert result.per_kind["email"].precision == 0.0
    assert result.overall.precision == pytest.approx(2 / 3)
    assert [(c, i.text) for c, i in result.misses] == [("c", "Emre Kaya")]


def test_the_scorer_counts_whether_a_name_is_kept_not_the_wording() -> None:
    case = Case("c", "Mayor Vos and Vos", (Item("name", "Vos", True), Item("name", "Vos", True)))
    result = score([case], lambda _text: [Item("name", "Vos", True), Item("name", "Vos", False)])
    assert (result.keep_agreed, result.keep_compared) == (1, 2)
