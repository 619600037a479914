"""Web links stated in the text."""

from __future__ import annotations

import re

# Anchored on the scheme so the scan is a fast literal search; the character before is checked in Python.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\])]+(?:\([^\s)]*\)[^\s<>\"'\])]*)?", re.I)
_TRAILING = ".,;:!?’'\""


def find_links(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, url)`` for each link, in order; ``www.`` links get an ``https://`` scheme."""
    out = []
    for match in _URL.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in "_@/":
            continue
        url = match.group(0).rstrip(_TRAILING)
        if url.lower().startswith("www."):
            url = "https://" + url
        out.append((match.start(), match.start() + len(match.group(0).rstrip(_TRAILING)), url))
    return out


def unique_links(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for _, _, url in find_links(text):
        seen.setdefault(url, None)
    return tuple(seen)
