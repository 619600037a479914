"""Purpose and goals. Goals are the labelled (A/B/C, 1/2/3) or bulleted list in the purpose part of a report."""

from __future__ import annotations

import re

from reisparse.blocks import Item, fold, items, paragraphs
from reisparse.model import Goal

_GOALS_INTRO = re.compile(
    r"\b(?:doel(?:en|stelling(?:en)?)?|goals?|objectives?|aims?)\b[^\n]*:\s*$", re.I | re.M
)
MAX_PURPOSE = 600


def _goal_items(text: str, start: int, end: int) -> list[Item]:
    intro = _GOALS_INTRO.search(text, start, end)
    found = items(text, intro.end() if intro else start, end)
    if not found:
        return []
    # Goals are one run of list items; the run ends where the list does (a blank gap to prose).
    run = [found[0]]
    for item in found[1:]:
        if text.count("\n", run[-1].end, item.start) > 2:
            break
        run.append(item)
    return run


def find_goals(text: str, start: int, end: int) -> list[Goal]:
    return [
        Goal(label=item.label, text=item.folded, span=(item.body_start, item.end))
        for item in _goal_items(text, start, end)
    ]


def find_purpose(text: str, start: int, end: int) -> str | None:
    """The first prose paragraph of the purpose part (not a list, not an intro line ending in ':')."""
    for para in paragraphs(text, start, end):
        folded = para.folded
        # A short line ending in ':' introduces something; a long paragraph ending so still states the purpose.
        if (
            (folded.endswith(":") and len(folded) < 120)
            or len(folded) < 25
            or items(text, para.start, para.end)
        ):
            continue
        if folded.endswith(":") and (cut := folded.rfind(". ")) > 0:
            folded = folded[
                : cut + 1
            ]  # drop the closing "The topic was:" that introduces what follows
        if len(folded) > MAX_PURPOSE:
            cut = folded.rfind(". ", 0, MAX_PURPOSE)
            folded = folded[: cut + 1] if cut > 0 else folded[:MAX_PURPOSE]
        return fold(folded)
    return None
