"""What the trip yielded, linked to goal labels (``A) ...`` answers goal A)."""

from __future__ import annotations

from reisparse.blocks import items, paragraphs
from reisparse.extract.contacts import is_empty_answer
from reisparse.model import Outcome


def find_outcomes(text: str, start: int, end: int, goal_labels: set[str]) -> list[Outcome]:
    first = next(iter(paragraphs(text, start, end)), None)
    if first is not None and is_empty_answer(first.text):
        return []
    listed = items(text, start, end)
    labelled = [i for i in listed if i.label] or listed
    if labelled:
        return [
            Outcome(
                goal=item.label if item.label in goal_labels else None,
                text=item.folded,
                span=(item.body_start, item.end),
            )
            for item in labelled
        ]
    out = []
    for para in paragraphs(text, start, end):
        folded = para.folded
        if folded.endswith(":") or len(folded) < 20 or _is_link(folded):
            continue
        out.append(Outcome(goal=None, text=folded, span=(para.start, para.end)))
    return out


def _is_link(value: str) -> bool:
    return " " not in value and value.lower().startswith(("http://", "https://", "www."))
