"""The redaction log (lakoverzicht) that closes both renditions: number, ground, kind, where, when; never the text."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from reportlab.platypus import Flowable

from reisregister.publication.objects import PublicRedaction
from reisregister.publication.renditions.blocks import label, moment, section, table


def redaction_log(redactions: Sequence[PublicRedaction]) -> list[Flowable]:
    title = _("Redaction log")
    if not redactions:
        return section(title, [label(_("Nothing was redacted."))])
    intro = label(
        _(
            "Passages withheld under the Open Government Act (Woo) are blacked out; each box names the "
            "ground. Every redacted passage is listed here once, with the sections it occurs in."
        )
    )
    rows = [
        [str(entry.number), entry.ground_label, entry.kind_label, ", ".join(entry.place_labels),
         moment(entry.decided_at)]
        for entry in redactions
    ]  # fmt: skip
    columns = [_("No."), _("Ground"), _("Kind of passage"), _("Where"), _("Decided")]
    return section(title, [intro, table(columns, rows, widths=(0.07, 0.36, 0.18, 0.21, 0.18))])
