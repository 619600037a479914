"""What the report form and the review screen show: fields with their evidence, rows grouped per answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.forms import BoundField, Form
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from reisregister.trips.data import TRIP_FIELDS
from reisregister.trips.forms import TripEditor, confirm_name
from reisregister.trips.views.evidence import Evidence, highlight, number, span_of

# Per kind of row: heading of the list, name of one row, text of the add button.
KINDS: dict[str, tuple[Promise, Promise, Promise]] = {
    "travellers": (
        gettext_lazy("Travellers"),
        gettext_lazy("Traveller"),
        gettext_lazy("Add a traveller"),
    ),
    "destinations": (
        gettext_lazy("Destinations"),
        gettext_lazy("Destination"),
        gettext_lazy("Add a destination"),
    ),
    "goals": (gettext_lazy("Goals"), gettext_lazy("Goal"), gettext_lazy("Add a goal")),
    "programme": (
        gettext_lazy("Programme"),
        gettext_lazy("Programme item"),
        gettext_lazy("Add a programme item"),
    ),
    "contacts": (
        gettext_lazy("People met"),
        gettext_lazy("Contact"),
        gettext_lazy("Add a contact"),
    ),
    "outcomes": (
        gettext_lazy("Outcomes per goal"),
        gettext_lazy("Outcome"),
        gettext_lazy("Add an outcome"),
    ),
    "follow_ups": (
        gettext_lazy("Follow-up agreements"),
        gettext_lazy("Agreement"),
        gettext_lazy("Add an agreement"),
    ),
    "costs": (gettext_lazy("Costs"), gettext_lazy("Cost line"), gettext_lazy("Add a cost line")),
}
# Evidence keys the parser may use for a trip field that the form shows under another name.
_FIELD_ALIASES = {
    "period": "start_date",
    "dates": "start_date",
    "event": "event_name",
    "transport": "transport_mode",
}
NUMBER_PLACEHOLDER = "__number__"


@dataclass
class FieldView:
    field: BoundField
    unconfirmed: bool = False
    confirm: BoundField | None = None
    evidence: Evidence | None = None


@dataclass
class FormsetView:
    kind: str
    formset: Any
    title: str
    add_label: str
    rows: list[Form] = field(default_factory=list)
    empty_row: Form | None = None


def _annotate_row(form: Form, singular: Promise, index: int | str) -> bool:
    """Set what the row template needs on the form itself (templates cannot call functions with
    arguments); returns whether the row is unconfirmed."""
    confirmed = form["confirmed"].value() if "confirmed" in form.fields else True
    unconfirmed = confirmed in (False, "False", "false", "", None)
    form.legend = f"{singular} {index}"  # type: ignore[attr-defined]
    form.evidence = None  # type: ignore[attr-defined]
    form.unconfirmed = unconfirmed  # type: ignore[attr-defined]
    return unconfirmed


def _field_views(
    editor: TripEditor, source_text: str, evidence: list[Evidence]
) -> dict[str, FieldView]:
    trip_form = editor.trip_form
    views: dict[str, FieldView] = {}
    for name in trip_form.fields:
        if name in TRIP_FIELDS or name in ("organisation", "version", "base"):
            confirming = confirm_name(name)
            confirm = trip_form[confirming] if confirming in trip_form.fields else None
            views[name] = FieldView(trip_form[name], name in trip_form.pending, confirm)
    trip = editor.trip
    for key, span in trip.field_evidence.items() if trip and source_text else ():
        name = _FIELD_ALIASES.get(key, key)
        view = views.get(name)
        label = str(view.field.label) if view else key
        target = f"field-{name}" if view else None
        item = _field_evidence(key, span, target, label, name in trip_form.pending)
        if item is not None:
            evidence.append(item)
            if view is not None and view.evidence is None:
                view.evidence = item
    return views


def _formset_views(
    editor: TripEditor, source_text: str, evidence: list[Evidence]
) -> dict[str, FormsetView]:
    views: dict[str, FormsetView] = {}
    for kind, formset in editor.formsets.items():
        title, singular, add_label = KINDS[kind]
        view = FormsetView(kind, formset, str(title), str(add_label), rows=list(formset.forms))
        for index, form in enumerate(view.rows, start=1):
            unconfirmed = _annotate_row(form, singular, index)
            span = span_of(form) if source_text else None
            if span is not None:
                target, label = f"row-{form.prefix}", f"{singular} {index}"
                item = Evidence(form.prefix or "", span[0], span[1], target, label, unconfirmed)
                form.evidence = item  # type: ignore[attr-defined]
                evidence.append(item)
        view.empty_row = formset.empty_form
        _annotate_row(view.empty_row, singular, NUMBER_PLACEHOLDER)
        views[kind] = view
    return views


def build(editor: TripEditor, *, source_text: str = "") -> dict[str, Any]:
    """Template context: ``f`` (trip fields by name), ``formsets`` (by kind), ``evidence_html``."""
    evidence: list[Evidence] = []
    fields = _field_views(editor, source_text, evidence)
    formsets = _formset_views(editor, source_text, evidence)
    numbered = number(evidence, source_text)
    return {
        "f": fields,
        "formsets": formsets,
        "evidence_html": highlight(source_text, numbered) if source_text else "",
        "evidence_count": len(numbered),
        "error_links": editor.error_links(),
    }


def _field_evidence(
    key: str, span: Any, target: str | None, label: str, pending: bool
) -> Evidence | None:
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError, KeyError):
        return None
    return Evidence(f"field-{key}", start, end, target, label, unconfirmed=pending)


def unconfirmed_count(context: dict[str, Any]) -> int:
    rows = sum(
        1
        for view in context["formsets"].values()
        for form in view.rows
        if getattr(form, "unconfirmed", False)
    )
    return rows + sum(1 for view in context["f"].values() if view.unconfirmed)


__all__ = ["FieldView", "FormsetView", "build", "unconfirmed_count"]
