"""The synthetic corpus in ``tests/corpus/``: every case is parsed and checked four ways.

1. the hand-written ``facts.json`` (what a careful reader agrees the text states) must come out;
2. the whole output must equal the golden ``expected.json``; run with ``REISPARSE_REGENERATE=1`` to
   rewrite the goldens after an intended change, then review the diff before committing;
3. the output must validate against the committed JSON Schema;
4. every span must point at the text it claims to come from.

See ``tests/corpus/README.md`` for what each case exercises.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import reisparse
from tests.support import require_tool
from tests.support.facts import check_facts, check_report_facts, fold

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus"
SCHEMA = REPO / "docs" / "schema" / "reisparse.report-1.json"
# Year inference looks at "today"; a fixed day keeps the goldens stable.
TODAY = date(2026, 11, 28)
REGENERATE_FLAG = "REISPARSE_REGENERATE"
SOURCE_FILES = ("source.txt", "source.md", "source.html")
# Recipe format -> (builder in tests.support.builders, file name handed to the parser).
RECIPE_FORMATS = {
    "docx": ("make_docx", "source.docx"),
    "text-pdf": ("make_text_pdf", "source.pdf"),
    "scanned-pdf": ("make_scanned_pdf", "source.pdf"),
}
SPANNED_LISTS = ("goals", "programme", "contacts", "outcomes", "follow_ups", "costs")
# Spans of these items must cover the start of the item's own text.
TEXT_CHECKED_LISTS = ("goals", "outcomes", "follow_ups")
SPAN_TEXT_PREFIX = 20

Report = dict[str, Any]


def _case_names() -> list[str]:
    return sorted(path.name for path in CORPUS.iterdir() if path.is_dir())


def _recipe(case: str) -> dict[str, str] | None:
    path = CORPUS / case / "recipe.json"
    if not path.exists():
        return None
    recipe: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return recipe


def _needs_ocr(case: str) -> bool:
    recipe = _recipe(case)
    return recipe is not None and recipe["format"] == "scanned-pdf"


def _case_params() -> list[Any]:
    return [
        pytest.param(case, marks=[pytest.mark.ocr, pytest.mark.slow]) if _needs_ocr(case) else case
        for case in _case_names()
    ]


CASES = _case_params()


def _source_bytes(case: str) -> tuple[bytes, str]:
    """The bytes the parser gets for a case, and the file name that goes with them."""
    recipe = _recipe(case)
    if recipe is None:
        (path,) = [CORPUS / case / name for name in SOURCE_FILES if (CORPUS / case / name).exists()]
        return path.read_bytes(), path.name
    from tests.support import builders

    builder_name, filename = RECIPE_FORMATS[recipe["format"]]
    build: Callable[[str], bytes] = getattr(builders, builder_name)
    text = (CORPUS / recipe["from"]).read_text(encoding="utf-8")
    return build(text), filename


@cache
def _parsed(case: str) -> tuple[Report, ...]:
    """The parser's output for a case, computed once per test process (OCR takes seconds)."""
    if _needs_ocr(case):
        require_tool("tesseract")
    data, filename = _source_bytes(case)
    return tuple(r.to_dict() for r in reisparse.parse(data, filename=filename, today=TODAY))


def _facts(case: str) -> dict[str, Any]:
    facts: dict[str, Any] = json.loads((CORPUS / case / "facts.json").read_text(encoding="utf-8"))
    return facts


def _as_json(value: object) -> str:
    return json.dumps(value, indent=1, ensure_ascii=False) + "\n"


def _golden_diff(expected: str, actual: str, limit: int = 80) -> str:
    lines = list(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "expected.json", "actual", lineterm=""
        )
    )
    shown = "\n".join(lines[:limit])
    return shown + (f"\n... {len(lines) - limit} more diff lines" if len(lines) > limit else "")


@pytest.mark.parametrize("case", _case_names())
def test_every_case_folder_holds_one_source_or_recipe_and_facts(case: str) -> None:
    folder = CORPUS / case
    sources = [name for name in SOURCE_FILES if (folder / name).exists()]
    recipe = _recipe(case)
    assert len(sources) + (recipe is not None) == 1, f"{case}: sources {sources}, recipe {recipe}"
    assert (folder / "facts.json").exists(), f"{case} has no facts.json"
    if recipe is not None:
        assert recipe["format"] in RECIPE_FORMATS, f"{case}: unknown format {recipe['format']!r}"
        assert (CORPUS / recipe["from"]).is_file(), f"{case}: {recipe['from']} does not exist"


def test_the_corpus_readme_describes_every_case() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    described = set(re.findall(r"^\| `([\w-]+)` \|", readme, flags=re.MULTILINE))
    assert described == set(_case_names())


@pytest.mark.parametrize("case", CASES)
def test_it_extracts_the_hand_written_facts(case: str) -> None:
    problems = check_report_facts(_facts(case), list(_parsed(case)))
    assert not problems, f"{case}: {len(problems)} facts not met:\n" + "\n".join(problems)


@pytest.mark.parametrize("case", CASES)
def test_its_output_matches_the_golden_file(case: str) -> None:
    actual = _as_json(list(_parsed(case)))
    golden = CORPUS / case / "expected.json"
    if os.environ.get(REGENERATE_FLAG) == "1":
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), (
        f"{case}: no expected.json yet; run with {REGENERATE_FLAG}=1 and review it"
    )
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"{case}: output differs from expected.json\n" + _golden_diff(
        expected, actual
    )


def test_the_regenerate_flag_is_off() -> None:
    # Regenerating makes the golden comparison pass unconditionally: it must never stay on.
    assert REGENERATE_FLAG not in os.environ, (
        f"unset {REGENERATE_FLAG}: it rewrites the golden files instead of checking them"
    )


@cache
def _schema_validator() -> Draft202012Validator:
    assert SCHEMA.exists(), f"{SCHEMA.relative_to(REPO)} is missing: generate and commit it"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("case", CASES)
def test_every_output_validates_against_the_committed_schema(case: str) -> None:
    validator = _schema_validator()
    errors = [
        f"report {index}: {'/'.join(map(str, error.absolute_path))}: {error.message}"
        for index, report in enumerate(_parsed(case))
        for error in validator.iter_errors(report)
    ]
    assert not errors, "\n".join(errors)


def _span_problems(report: Report) -> Iterator[str]:
    text: str = report["text"]
    for field in SPANNED_LISTS:
        for index, item in enumerate(report.get(field, [])):
            start, end = item["span"]
            where = f"{field}[{index}] span {start}-{end}"
            if not 0 <= start < end <= len(text):
                yield f"{where} is empty or outside the text (length {len(text)})"
            elif field in TEXT_CHECKED_LISTS:
                wanted = fold(item["text"])[:SPAN_TEXT_PREFIX]
                if wanted not in fold(text[start:end]):
                    yield f"{where} covers {text[start:end]!r}, which lacks {wanted!r}"
    for index, section in enumerate(report.get("sections", [])):
        if not 0 <= section["start"] <= section["end"] <= len(text):
            yield f"sections[{index}] {section['start']}-{section['end']} is outside the text"


@pytest.mark.parametrize("case", CASES)
def test_every_span_points_into_the_text_it_came_from(case: str) -> None:
    problems = [
        f"report {index}: {problem}"
        for index, report in enumerate(_parsed(case))
        for problem in _span_problems(report)
    ]
    assert not problems, "\n".join(problems)


def test_it_warns_instead_of_guessing_a_year_when_the_report_gives_none() -> None:
    (report,) = _parsed("no-year")
    assert report["period"]["start"] is None
    assert report["warnings"], "a report without a year must say why its dates are empty"


# The checker decides what "extracted the facts" means, so its rules are tested here too.
_PROG = "programme"


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ({"title": "Den Haag  naar\nHelsingborg"}, {"title": "den haag naar helsingborg"}),
        (
            {_PROG: [{"title": "City Tours (People’s"}]},
            {_PROG: [{"title": "City Tours (People’s S6"}]},
        ),
        ({"organisation": "Municipality of Pontevedra"}, {"organisation": "Pontevedra"}),
        ({"organisation": "Stavanger University"}, {"organisation": "universiteit Stavanger"}),
        ({"organisation": "Gemeente Den Haag"}, {"organisation": "Municipality of The Hague"}),
        ({"contacts": [{"role": "Councillor"}]}, {"contacts": [{"role": "Counciler", "x": 1}]}),
        ({"contacts": [{"role": "Policy Officer"}]}, {"contacts": [{"role": "Policy Officers"}]}),
        (
            {"follow_ups": [{"counterparties": ["Pontevedra"]}]},
            {"follow_ups": [{"counterparties": ["de stad Pontevedra"]}]},
        ),
        ({"_about": "notes", "cancelled": False}, {"cancelled": False}),
        ({"costs": [{"amount": 1234.56}]}, {"costs": [{"amount": 1234.560000001}]}),
    ],
)
def test_the_fact_checker_accepts_the_same_facts_in_other_words(
    expected: dict[str, Any], actual: dict[str, Any]
) -> None:
    assert check_facts(expected, actual) == []


@pytest.mark.parametrize(
    ("expected", "actual", "complaint"),
    [
        ({"title": "Verslag Oslo"}, {"title": "Verslag Bergen"}, "title:"),
        (
            {_PROG: [{"title": "Lunch"}]},
            {_PROG: [{"title": "Networking lunch"}]},
            "programme[0].title",
        ),
        (
            {"contacts": [{"role": "Directeur"}]},
            {"contacts": [{"role": "Projectdirecteur"}]},
            "role",
        ),
        (
            {"organisation": "Gemeente Utrecht"},
            {"organisation": "Gemeente Barcelona"},
            "organisation",
        ),
        (
            {"goals": [{"label": "A"}]},
            {"goals": [{"label": "A"}, {"label": "B"}]},
            "expected 1 items",
        ),
        ({"period": {"start": None}}, {"period": {"start": "2022-06-14"}}, "period.start"),
        ({"cancelled": False}, {"cancelled": 0}, "cancelled"),
        ({"event": {"name": "H22"}}, {"event": None}, "expected an object"),
        ({"links": []}, {}, "links: missing"),
    ],
)
def test_the_fact_checker_reports_what_differs(
    expected: dict[str, Any], actual: dict[str, Any], complaint: str
) -> None:
    problems = check_facts(expected, actual)
    assert len(problems) == 1 and complaint in problems[0], problems


def test_the_fact_checker_wants_one_report_per_trip_of_a_register() -> None:
    trips = {"trips": [{"cancelled": False}, {"cancelled": True}]}
    assert check_report_facts(trips, [{"cancelled": False}, {"cancelled": True}]) == []
    assert check_report_facts(trips, [{"cancelled": False}]) != []
    assert check_report_facts({"cancelled": False}, [{"cancelled": False}] * 2) != []


@pytest.mark.parametrize(
    ("goal", "complaint"),
    [
        ({"text": "Kennis delen", "span": [0, 99]}, "outside the text"),
        ({"text": "Kennis delen", "span": [5, 5]}, "empty"),
        ({"text": "Contacten opdoen voor Europese calls", "span": [0, 12]}, "lacks"),
    ],
)
def test_the_span_check_catches_spans_that_miss_their_text(
    goal: dict[str, Any], complaint: str
) -> None:
    report = {"text": "Kennis delen\nmet anderen.", "goals": [goal], "sections": []}
    (problem,) = _span_problems(report)
    assert complaint in problem


def test_the_span_check_accepts_a_span_over_its_own_text_across_a_line_break() -> None:
    text = "A) Kennis delen\nmet anderen."
    report = {
        "text": text,
        "goals": [{"text": "Kennis delen met anderen.", "span": [3, len(text)]}],
    }
    assert list(_span_problems(report)) == []
