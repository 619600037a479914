"""The shared seed reports: each ``*.txt`` in ``<repo>/../shared/seeds`` with a sibling
``*.expected.json`` must yield the expected facts (rules in ``tests/support/facts.py``).

The seeds live beside the repository, not in it (CI clones them next to it). Without them the test
skips on a developer machine and fails in CI (``CI=true``), where their absence means a broken
checkout.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import reisparse
from tests.support.facts import check_report_facts

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
# A fixed "today" so year inference cannot drift with the calendar.
TODAY = date(2026, 11, 28)


def _seed_params() -> list[Any]:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    found = [path for path in seeds if path.with_suffix(".expected.json").exists()]
    if not found:
        return [pytest.param(None, id="no-seeds")]
    return [pytest.param(path, id=path.stem) for path in found]


@pytest.mark.parametrize("seed", _seed_params())
def test_it_extracts_the_expected_facts_from_a_seed_report(seed: Path | None) -> None:
    if seed is None:
        reason = f"no seed reports with expected facts in {SEEDS}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must check them out beside the repository", pytrace=False)
        pytest.skip(reason)
    expected = json.loads(seed.with_suffix(".expected.json").read_text(encoding="utf-8"))
    reports = [report.to_dict() for report in reisparse.parse(seed, today=TODAY)]
    problems = check_report_facts(expected, reports)
    assert not problems, f"{seed.name}: {len(problems)} facts not met:\n" + "\n".join(problems)
