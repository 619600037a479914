"""Turn overlapping candidates from all detectors into ordered, non-overlapping findings."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from reisparse.personal.model import Candidate, Finding


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace (a name broken over two lines keeps its inner break)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def resolve(text: str, candidates: Iterable[Candidate]) -> list[Finding]:
    """The longest candidate wins an overlap (an IBAN over the phone-like digits inside it, a full name
    over its surname); equally long ones are decided by strength, then a kept name wins (the office
    title seen before it), then position."""
    spans: list[Candidate] = []
    for c in candidates:
        start, end = trimmed(text, c.start, c.end)
        if start < end:
            spans.append(Candidate(c.kind, start, end, c.kept, c.strength))
    spans.sort(key=lambda c: (-(c.end - c.start), -c.strength, not c.kept, c.start))
    starts: list[int] = []  # of the taken spans, sorted; they never overlap, so ends sort alike
    taken: list[Candidate] = []
    for c in spans:
        i = bisect.bisect_right(starts, c.start)
        if i > 0 and taken[i - 1].end > c.start:
            continue
        if i < len(taken) and taken[i].start < c.end:
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    return [Finding(c.kind, text[c.start : c.end], c.start, c.end, c.kept) for c in taken]
