"""The title of a report: its first heading, or a short first line that reads like one."""

from __future__ import annotations

import re

from reisparse.blocks import lines

_NOT_TITLE = re.compile(r"^(?:\d{1,2}[:.]\d{2}|https?://|www\.|[-•*]\s)|[.;,]$")
MAX_TITLE = 120


def find_title(
    text: str, end: int, headings: frozenset[str], section_headings: set[str]
) -> str | None:
    """Look only before ``end`` (the first section): a title comes first."""
    candidates = [
        line
        for line in lines(text, 0, end)
        if line.text not in section_headings and 8 <= len(line.text) <= MAX_TITLE
    ]
    for line in candidates:
        if line.text in headings:
            return line.text
    for line in candidates[:1]:
        if not _NOT_TITLE.search(line.text) and not line.text.endswith(":"):
            return line.text
    return None
