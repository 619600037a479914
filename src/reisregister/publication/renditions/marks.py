"""Redacted text as paragraph markup: escaped, with each mark drawn as a black box that names its Woo ground.

The view objects already carry ``[5.1.2e]`` where a passage was redacted; the passage itself never reaches this
module. The box shows the ground in white; the brackets are drawn black on black, so they pad the box while a
reader who copies the text (or a screen reader) still gets ``[5.1.2e]``, as in every other public output.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reisregister.publication.renditions.styles import FONT_BOLD
from reisregister.redaction.marks import MARK_RE

_BOX = "#000000"
_GROUND = "#ffffff"
# Paragraph markup is XML-like; C0 controls (a stray form feed or NUL from a converted document) have no glyph
# and would only print as boxes, so they become spaces. Tabs and line breaks are white space anyway.
_CONTROLS = {code: " " for code in range(32) if code != 10}


def box(ground: str) -> str:
    """Markup of the black box that stands where a passage was redacted on ``ground``."""
    padding = f'<font backColor="{_BOX}" color="{_BOX}">{{}}</font>'
    return (
        padding.format("[")
        + f'<font name="{FONT_BOLD}" backColor="{_BOX}" color="{_GROUND}">{escape(ground)}</font>'
        + padding.format("]")
    )


def markup(text: str) -> str:
    """Paragraph markup for plain, already redacted text.

    Everything in ``text`` is escaped, so ``<script>`` or ``<a href>`` in a report is printed as written and never
    becomes markup; line breaks stay line breaks.
    """
    parts: list[str] = []
    last = 0
    for match in MARK_RE.finditer(text):
        parts.append(_plain(text[last : match.start()]))
        parts.append(box(match.group(1)))
        last = match.end()
    parts.append(_plain(text[last:]))
    return "".join(parts)


def _plain(text: str) -> str:
    return escape(text.translate(_CONTROLS)).replace("\n", "<br/>")
