"""``{{ text|redaction_marks }}``: redacted passages drawn as black boxes that show their Woo ground.

Public text reaches templates with each redacted passage already replaced by its mark, ``[5.1.2e]``. The filter
escapes the text first (unless it is already safe HTML, such as a search snippet, which was escaped where it was
built) and only then turns each mark into ``<span class="redacted">``: text from a report can never inject
markup, and a mark can never reveal more than its ground. Screen readers hear "redacted on the ground of 5.1.2e";
the ground's full label is the box's tooltip.
"""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext as _

from reisregister.publication.objects import Ground
from reisregister.redaction.marks import MARK_RE

register = template.Library()


@register.filter(is_safe=True)
def redaction_marks(value: object) -> SafeString:
    text = str(value) if isinstance(value, SafeData) else str(escape(value))
    # Escaping leaves marks intact: "[", "]", digits, "." and letters are not HTML-special.
    return mark_safe(MARK_RE.sub(_box, text))


def _box(match: re.Match[str]) -> str:
    ground = match.group(1)
    return format_html(
        '<span class="redacted" title="{}"><span aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span></span>',
        _ground_label(ground), ground,
        _("redacted on the ground of %(ground)s") % {"ground": ground},
    )  # fmt: skip


def _ground_label(ground: str) -> str:
    try:
        return str(Ground(ground).label)
    except ValueError:
        return ground
