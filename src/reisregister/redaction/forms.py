"""The reviewer's forms: decide one passage, decide every open suggestion, add a passage by hand.

They only shape and check the input; ``redaction.service`` checks roles, that the passage occurs in the
trip, and writes the audit event.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from reisregister.redaction.marks import Ground
from reisregister.redaction.models import Decision

MAX_PASSAGE = 2000
_DECISIONS = [(Decision.ACCEPTED.value, _("Redact")), (Decision.REJECTED.value, _("Keep"))]


def _ground_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Woo ground"),
        choices=Ground.choices,
        error_messages={"invalid_choice": _("Choose a ground from the Woo.")},
    )


class DecisionForm(forms.Form):
    """One passage: redact it (with a ground) or keep it. Rendered once per row, so ids carry the row."""

    decision = forms.ChoiceField(
        choices=_DECISIONS,
        error_messages={
            "required": _("Choose to redact or to keep the passage."),
            "invalid_choice": _("Choose to redact or to keep the passage."),
        },
    )
    ground = _ground_field()

    def __init__(self, *args: Any, row_id: int | None = None, **kwargs: Any) -> None:
        if row_id is not None:
            kwargs.setdefault("auto_id", f"id_redaction_{row_id}_%s")
        super().__init__(*args, **kwargs)


class BulkDecisionForm(forms.Form):
    """Every open suggestion at once: "redact all" or "keep all", each with the ground it proposes."""

    decision = forms.ChoiceField(
        choices=_DECISIONS,
        error_messages={
            "required": _("Choose to redact or to keep the passages."),
            "invalid_choice": _("Choose to redact or to keep the passages."),
        },
    )


class ManualRedactionForm(forms.Form):
    """A passage the detector did not find: typed, pasted, or taken from a selection in the text."""

    term = forms.CharField(
        label=_("Passage to redact"),
        max_length=MAX_PASSAGE,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Type or paste it exactly as it stands in the text; every occurrence is redacted."
        ),
        error_messages={
            "required": _("Give the passage to redact."),
            "max_length": _("A passage to redact is at most %(limit_value)d characters."),
        },
    )
    ground = _ground_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_manual_%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["ground"].initial = Ground.PRIVACY
