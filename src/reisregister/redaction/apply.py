"""Apply redactions to text: every occurrence of every redacted passage becomes its mark.

Matching ignores case and treats any run of white space as one space (a name broken over two lines in the
source document is still the same name); it respects word edges, so redacting "Jan" leaves "januari" alone.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reisregister.redaction.marks import mark


def fold(term: str) -> str:
    """The identity of a passage: case and white space do not matter."""
    return " ".join(term.split()).casefold()


def _pattern(term: str) -> str:
    words = term.split()
    body = r"\s+".join(re.escape(word) for word in words)
    head = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    tail = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
    return head + body + tail


@dataclass(frozen=True, slots=True)
class Redactor:
    """Replaces the given passages (term, ground) by their marks. An empty redactor returns text unchanged."""

    terms: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> Redactor:
        unique: dict[str, tuple[str, str]] = {}
        for term, ground in pairs:
            if term.strip():
                unique.setdefault(fold(term), (term.strip(), ground))
        # Longest first: "Jan Jansen" must win over "Jan" where both are redacted.
        return cls(tuple(sorted(unique.values(), key=lambda pair: -len(pair[0]))))

    @property
    def _regex(self) -> re.Pattern[str] | None:
        return _compile(self.terms)

    def apply(self, text: str) -> str:
        regex = self._regex
        if regex is None or not text:
            return text
        grounds = [ground for _term, ground in self.terms]
        return regex.sub(
            lambda match: mark(grounds[match.lastindex - 1 if match.lastindex else 0]), text
        )

    def apply_split(self, text: str, cuts: Sequence[int]) -> tuple[str, ...]:
        """``apply(text)`` cut into pieces at ``cuts`` (offsets into ``text``), one piece more than cuts.

        The passages are found in the whole text, never per piece, so a passage broken over a cut is still
        found; such a cut moves to the end of the passage, whose mark then ends the earlier piece. Cuts out of
        order or out of range are clamped, so the pieces joined are always exactly ``apply(text)``.
        """
        found = list(self.spans(text))
        ends = [end for _start, end, _index in found]
        edges = [0]
        for cut in cuts:
            edge = min(max(cut, edges[-1]), len(text))
            # The first passage that ends after the cut; the cut is inside it when it starts before.
            inside = bisect.bisect_right(ends, edge)
            if inside < len(found) and found[inside][0] < edge:
                edge = found[inside][1]
            edges.append(edge)
        edges.append(len(text))
        pieces: list[str] = []
        passages = iter(found)
        passage = next(passages, None)
        for start, end in itertools.pairwise(edges):
            parts, position = [], start
            while passage is not None and passage[1] <= end:
                parts += [text[position : passage[0]], mark(self.terms[passage[2]][1])]
                position = passage[1]
                passage = next(passages, None)
            parts.append(text[position:end])
            pieces.append("".join(parts))
        return tuple(pieces)

    def spans(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, index into ``terms``) of every occurrence, as ``apply`` would replace them."""
        regex = self._regex
        if regex is None or not text:
            return
        for match in regex.finditer(text):
            if match.lastindex:
                yield match.start(), match.end(), match.lastindex - 1

    def found(self, text: str) -> set[int]:
        """Indexes (into ``terms``) of the passages that occur in ``text``."""
        return {index for _start, _end, index in self.spans(text)}


_CACHE: dict[tuple[tuple[str, str], ...], re.Pattern[str] | None] = {}


def _compile(terms: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    # Trips are built again and again (pages, exports, the index); compiling once per set of terms pays.
    if terms not in _CACHE:
        if len(_CACHE) > 2048:
            _CACHE.clear()
        _CACHE[terms] = (
            re.compile("|".join(f"({_pattern(term)})" for term, _g in terms), re.IGNORECASE)
            if terms
            else None
        )
    return _CACHE[terms]
