"""The review screen's evidence: the source text with every extracted value marked at its span.

Each value becomes a ``<mark id="ev-<key>">`` followed by a small numbered link back to its field
(``#row-<key>`` or ``#field-<name>``); the form shows the same number beside the field, so the pairing
does not depend on colour. Overlapping spans are split into properly nested marks. All text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.forms import Form
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


@dataclass
class Evidence:
    key: str  # "goals-0" for a row, "field-title" for a trip field
    start: int
    end: int
    target: str | None  # id of the field or row the mark links back to
    label: str
    unconfirmed: bool = False
    number: int = 0

    @property
    def mark_id(self) -> str:
        return f"ev-{self.key}"


def span_of(form: Form) -> tuple[int, int] | None:
    """The span a row form carries in its hidden fields (bound or initial)."""
    try:
        start = int(form["span_start"].value())
        end = int(form["span_end"].value())
    except (TypeError, ValueError):
        return None
    return (start, end) if 0 <= start < end else None


def number(evidence: list[Evidence], text: str) -> list[Evidence]:
    """Keep the spans that fit the text and number them in reading order (1, 2, ...)."""
    valid = sorted(
        (e for e in evidence if 0 <= e.start < e.end <= len(text)), key=lambda e: (e.start, -e.end)
    )
    for n, item in enumerate(valid, start=1):
        item.number = n
    return valid


def _open(item: Evidence, first: bool) -> str:
    classes = "evidence evidence--unconfirmed" if item.unconfirmed else "evidence"
    if first:
        return format_html(
            '<mark id="{}" class="{}" data-evidence="{}">', item.mark_id, classes, item.key
        )
    return format_html('<mark class="{}" data-evidence="{}">', classes, item.key)


def _reference(item: Evidence) -> str:
    state = _("unconfirmed") if item.unconfirmed else _("confirmed")
    hidden = f"{item.label} ({state})"
    if item.target is None:
        return format_html(
            '<sup class="evidence-ref">[{}]<span class="visually-hidden"> {}</span></sup>',
            item.number,
            hidden,
        )
    return format_html(
        '<sup class="evidence-ref"><a href="#{}" data-evidence-back="{}">[{}]<span class="visually-hidden"> {}</span></a></sup>',
        item.target,
        item.key,
        item.number,
        hidden,
    )


def highlight(text: str, evidence: Iterable[Evidence]) -> SafeString:
    """``text`` as escaped HTML with a mark per piece of evidence (numbered beforehand by ``number``)."""
    items = [e for e in evidence if 0 <= e.start < e.end <= len(text)]
    starts: dict[int, list[Evidence]] = {}
    for item in items:
        starts.setdefault(item.start, []).append(item)
    boundaries = sorted({0, len(text), *(e.start for e in items), *(e.end for e in items)})
    out: list[str] = []
    stack: list[Evidence] = []
    for i, at in enumerate(boundaries):
        reopen = _close_ending(stack, at, out)
        opening = sorted(reopen + starts.get(at, []), key=lambda e: -e.end)
        for item in opening:
            out.append(_open(item, first=item not in reopen))
            stack.append(item)
        if i + 1 < len(boundaries):
            out.append(escape(text[at : boundaries[i + 1]]))
    # Safe: every piece above is escaped text or built by format_html.
    return mark_safe("".join(out))


def _close_ending(stack: list[Evidence], at: int, out: list[str]) -> list[Evidence]:
    """Close the marks that end at ``at``; marks opened inside them but running on are closed too and
    returned, to be reopened (HTML elements must nest). The numbers of the values that end here follow,
    in order."""
    ending = [i for i, item in enumerate(stack) if item.end == at]
    if not ending:
        return []
    reopen: list[Evidence] = []
    ended: list[Evidence] = []
    while len(stack) > ending[0]:
        item = stack.pop()
        out.append("</mark>")
        (ended if item.end == at else reopen).append(item)
    out.extend(_reference(item) for item in sorted(ended, key=lambda item: item.number))
    return list(reversed(reopen))
