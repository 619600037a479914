"""Score ``reisparse.personal`` against the synthetic redaction corpus and time it.

Usage: ``.venv/bin/python scripts/eval_redaction.py [--details] [--runs N]``

Each ``tests/redaction_corpus/<case>.txt`` has a hand-written ``<case>.expected.json``::

    {"items": [{"kind": "name", "text": "Hanneke Vos", "kept": "Mayor"}, ...], "notes": "..."}

A finding matches an expected item with the same kind and text, occurrence by occurrence (the
second "Emre Kaya" found matches the second one expected). Recall and precision are counted per
kind; for matched names, "keep agreement" counts how often the detector agrees on whether the name
stays (``kept`` non-empty) — the wording of the reason is not scored. The timing runs the detector
over the shared seed report (or, without it, a corpus report of similar size) after ``warm()``, so
deduce's load is excluded.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "redaction_corpus"
SEED = ROOT.parent / "shared" / "seeds" / "000_db49e06d3a98a721.txt"
FALLBACK = ROOT / "tests" / "corpus" / "nl-reisverslag-clean" / "source.txt"
KINDS = ("name", "email", "phone", "address", "iban", "bsn", "licence_plate")


@dataclass(frozen=True, slots=True)
class Item:
    kind: str
    text: str
    kept: bool


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    text: str
    expected: tuple[Item, ...]


@dataclass(slots=True)
class Tally:
    expected: int = 0
    found: int = 0
    matched: int = 0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0


@dataclass(slots=True)
class Score:
    per_kind: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    keep_agreed: int = 0
    keep_compared: int = 0
    misses: list[tuple[str, Item]] = field(default_factory=list)
    false_positives: list[tuple[str, Item]] = field(default_factory=list)
    keep_errors: list[tuple[str, Item]] = field(default_factory=list)

    @property
    def overall(self) -> Tally:
        total = Tally()
        for t in self.per_kind.values():
            total.expected += t.expected
            total.found += t.found
            total.matched += t.matched
        return total


Detector = Callable[[str], Sequence[Item]]


def load_cases(folder: Path = CORPUS) -> list[Case]:
    cases = []
    for source in sorted(folder.glob("*.txt")):
        raw = json.loads(source.with_suffix(".expected.json").read_text(encoding="utf-8"))
        items = tuple(
            Item(str(i["kind"]), str(i["text"]), bool(i.get("kept", ""))) for i in raw["items"]
        )
        cases.append(Case(source.stem, source.read_text(encoding="utf-8"), items))
    return cases


def detector() -> Detector:
    from reisparse.personal import find_personal_data

    def detect(text: str) -> list[Item]:
        return [Item(f.kind.value, f.text, bool(f.kept)) for f in find_personal_data(text)]

    return detect


def score(cases: Sequence[Case], detect: Detector) -> Score:
    result = Score()
    for case in cases:
        found = list(detect(case.text))
        by_key_expected: dict[tuple[str, str], list[Item]] = defaultdict(list)
        by_key_found: dict[tuple[str, str], list[Item]] = defaultdict(list)
        for item in case.expected:
            by_key_expected[item.kind, item.text].append(item)
        for item in found:
            by_key_found[item.kind, item.text].append(item)
        for kind, n in Counter(i.kind for i in case.expected).items():
            result.per_kind.setdefault(kind, Tally()).expected += n
        for kind, n in Counter(i.kind for i in found).items():
            result.per_kind.setdefault(kind, Tally()).found += n
        for key in by_key_expected.keys() | by_key_found.keys():
            want, got = by_key_expected.get(key, []), by_key_found.get(key, [])
            pairs = min(len(want), len(got))
            result.per_kind[key[0]].matched += pairs
            result.misses += [(case.name, i) for i in want[pairs:]]
            result.false_positives += [(case.name, i) for i in got[pairs:]]
            for w, g in zip(want[:pairs], got[:pairs], strict=True):
                result.keep_compared += 1
                if w.kept == g.kept:
                    result.keep_agreed += 1
                else:
                    result.keep_errors.append((case.name, w))
    return result


def seed_text() -> tuple[str, str]:
    if SEED.exists():
        return SEED.name, SEED.read_text(encoding="utf-8")
    return FALLBACK.name, FALLBACK.read_text(encoding="utf-8")


def time_per_report(text: str, runs: int) -> tuple[float, float]:
    """Median and worst milliseconds per call, deduce already loaded."""
    from reisparse.personal import find_personal_data, warm

    warm()
    find_personal_data(text)  # the first call fills the word caches
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        find_personal_data(text)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), max(timings)


def _describe(item: Item) -> str:
    return f"{item.kind} {item.text!r}" + (" (kept)" if item.kept else "")


def report(result: Score, *, details: bool) -> list[str]:
    lines = [f"{'kind':<14}{'expected':>9}{'found':>7}{'matched':>8}{'recall':>8}{'precision':>10}"]
    rows = [(k, t) for k, t in result.per_kind.items() if t.expected or t.found]
    for kind, t in [*rows, ("overall", result.overall)]:
        lines.append(
            f"{kind:<14}{t.expected:>9}{t.found:>7}{t.matched:>8}{t.recall:>8.3f}{t.precision:>10.3f}"
        )
    agreement = result.keep_agreed / result.keep_compared if result.keep_compared else 1.0
    lines.append(f"keep agreement on matched items: {result.keep_agreed}/{result.keep_compared}")
    lines[-1] += f" ({agreement:.3f})"
    if details:
        for title, entries in (
            ("missed", result.misses),
            ("false positives", result.false_positives),
            ("kept wrongly decided", result.keep_errors),
        ):
            lines.append(f"{title}: {len(entries)}")
            lines += [f"  {case}: {_describe(item)}" for case, item in entries]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--details", action="store_true", help="list every miss and false positive")
    parser.add_argument("--runs", type=int, default=30, help="timed runs over the seed report")
    args = parser.parse_args(argv)
    cases = load_cases()
    load_start = time.perf_counter()
    from reisparse.personal import warm

    warm()
    load_ms = (time.perf_counter() - load_start) * 1000
    result = score(cases, detector())
    print(f"redaction corpus: {len(cases)} reports in {CORPUS.relative_to(ROOT)}")
    print("\n".join(report(result, details=args.details)))
    name, text = seed_text()
    median, worst = time_per_report(text, args.runs)
    print(f"load (warm, excluded below): {load_ms:.0f} ms")
    print(
        f"time per report ({name}, {len(text)} characters, {args.runs} runs): "
        f"median {median:.1f} ms, worst {worst:.1f} ms"
    )
    long_text = "\n\n".join(case.text for case in cases)
    long_median, _ = time_per_report(long_text, max(1, args.runs // 10))
    print(
        f"time for the whole corpus as one text ({len(long_text)} characters): {long_median:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
