"""Highlighted snippets: a short window of the indexed text with the matching words in ``<mark>``.

One implementation for both databases. The engines' own highlighters (FTS5 ``snippet()``, PostgreSQL
``ts_headline``) only know their own tokens; they cannot mark ``haven`` for a search on ``havens``, which
matched through the stemmed shadow. The text is escaped here, word by word: report text containing
``<script>`` comes out as text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reisregister.search.analysis import stem, words

SNIPPET_WORDS = 32
# The indexed text keeps one section per line; in a snippet a line break reads as a separator.
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_SEPARATOR = " · "
# Words shown before the first match, so that it reads in context.
_CONTEXT_WORDS = 4


def snippet(text: str, wanted: frozenset[str], *, size: int = SNIPPET_WORDS) -> SafeString:
    """The window of ``size`` words holding the most matches (the start of the text if none)."""
    spans = [(m.start(), m.end(), stem(m.group()) in wanted) for m in words(text)]
    if not spans:
        return mark_safe("")
    first = _best_window(spans, size)
    window = spans[first : first + size]
    # From the very start of the text when the window begins there, up to its very end when it ends there.
    parts = ["…" if first > 0 else ""]
    cursor = window[0][0] if first > 0 else 0
    for word_start, word_end, hit in window:
        parts.append(_plain(text[cursor:word_start]))
        word = escape(text[word_start:word_end])
        parts.append(f"<mark>{word}</mark>" if hit else word)
        cursor = word_end
    parts.append("…" if first + size < len(spans) else _plain(text[cursor:]))
    # Every piece of text above went through escape(); only our own <mark> tags are markup.
    return mark_safe("".join(parts).strip())


def _plain(between: str) -> str:
    return str(escape(_LINE_BREAKS.sub(_SEPARATOR, between)))


def _best_window(spans: list[tuple[int, int, bool]], size: int) -> int:
    """Index of the first word of the window with the most matches, a few words before its first match."""
    hits = [i for i, (_, _, hit) in enumerate(spans) if hit]
    if not hits:
        return 0
    best, best_count = hits[0], 0
    for i, position in enumerate(hits):
        count = bisect_left(hits, position + size, lo=i) - i
        if count > best_count:
            best, best_count = position, count
    return max(0, min(best - _CONTEXT_WORDS, len(spans) - size))
