"""The reviewer's view of redactions: every occurrence of every passage marked in a trip's texts.

What is marked *redacted* is found exactly the way ``apply.Redactor`` finds what it replaces (the same
compiled pattern), so the screen never promises a black box the public page would not draw. Suggested and
kept passages are marked only where no redaction already covers the text. All text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from reisregister.redaction.apply import Redactor, fold
from reisregister.redaction.models import Decision, Redaction

# Redacted first: those spans are what the public output replaces; the others fill the gaps.
_LAYERS = (Decision.ACCEPTED, Decision.SUGGESTED, Decision.REJECTED)
STATE_CLASSES = {
    Decision.ACCEPTED: "redaction--accepted",
    Decision.SUGGESTED: "redaction--suggested",
    Decision.REJECTED: "redaction--rejected",
}


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    row: Redaction


def hits(text: str, rows: Sequence[Redaction]) -> list[Hit]:
    """Non-overlapping occurrences of the rows' passages in ``text``, in reading order."""
    found: list[Hit] = []
    for decision in _LAYERS:
        layer = [row for row in rows if row.decision == decision]
        taken = [(hit.start, hit.end) for hit in found]
        found += [
            hit for hit in _occurrences(text, layer) if not _overlaps(hit.start, hit.end, taken)
        ]
    return sorted(found, key=lambda hit: hit.start)


def _occurrences(text: str, rows: Sequence[Redaction]) -> Iterable[Hit]:
    redactor = Redactor.of((row.term, row.ground) for row in rows)
    # The redactor's own matching (longest passage first), as apply() replaces them.
    by_passage = {fold(row.term): row for row in rows}
    for start, end, index in redactor.spans(text):
        row = by_passage.get(fold(redactor.terms[index][0]))
        if row is not None:
            yield Hit(start, end, row)


def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in taken)


def render(text: str, found: Sequence[Hit], numbers: dict[int, int]) -> SafeString:
    """``text`` as escaped HTML with a ``<mark>`` per hit and, after it, the row's number linking to the row
    in the list (``numbers``: row id -> number shown). The state is in words for screen readers and in the
    mark's border style for the eye, so it never rests on colour alone."""
    out: list[str] = []
    cursor = 0
    for hit in found:
        out.append(escape(text[cursor : hit.start]))
        out.append(_mark(text[hit.start : hit.end], hit.row, numbers.get(hit.row.pk, 0)))
        cursor = hit.end
    out.append(escape(text[cursor:]))
    # Safe: every piece is escaped text or built by format_html.
    return mark_safe("".join(out))


def _mark(passage: str, row: Redaction, number: int) -> str:
    state = {
        Decision.ACCEPTED: _("redacted"),
        Decision.SUGGESTED: _("suggested for redaction"),
        Decision.REJECTED: _("kept"),
    }.get(Decision(row.decision), "")
    return format_html(
        '<mark class="redaction {}" data-redaction="{}">{}</mark><sup class="redaction-ref">'
        '<a href="#redaction-{}">{}<span class="visually-hidden"> ({})</span></a></sup>',
        STATE_CLASSES.get(Decision(row.decision), ""), row.pk, passage, row.pk, number, state,
    )  # fmt: skip
