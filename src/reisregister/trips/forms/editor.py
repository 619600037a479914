"""The report form as one unit: the trip's own fields plus a formset per kind of row.

It reads a trip into form data (``initial_for``), and turns a valid submission into a ``TripData`` for
``trips.service``; it never writes models itself.
"""

from __future__ import annotations

import string
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.formsets import DELETION_FIELD_NAME
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from reisregister.organisations.models import Organisation
from reisregister.trips import merge, validation
from reisregister.trips.data import PART_KINDS, TRIP_FIELDS, Row, TripData
from reisregister.trips.forms.rows import PROVENANCE, ROW_FORMS, RowForm
from reisregister.trips.forms.trip import TripForm, trip_initial
from reisregister.trips.models import Trip

# Where trips.validation's messages about lists of rows are shown: above that list.
ROW_ERROR_KEYS = frozenset(PART_KINDS)
_GOAL_LETTERS = string.ascii_uppercase[:10]


class RowFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if DELETION_FIELD_NAME in form.fields:
            form.fields[DELETION_FIELD_NAME].label = _("Remove this row")

    def rows(self) -> list[Row]:
        """The kept rows, in order: removed rows and untouched empty rows are left out."""
        kept = []
        for form in self.forms:
            if not form.has_changed() and form.empty_permitted:
                continue
            if removed(form):
                continue
            assert isinstance(form, RowForm)
            kept.append(form.to_row())
        return kept


def removed(form: forms.Form) -> bool:
    """Whether the row's "remove this row" box is ticked (its other fields need not be valid then)."""
    cleaned = getattr(form, "cleaned_data", None) or {}
    return bool(cleaned.get(DELETION_FIELD_NAME))


def formset_class(kind: str, extra: int) -> type[RowFormSet]:
    made = forms.formset_factory(
        ROW_FORMS[kind],
        formset=RowFormSet,
        extra=extra,
        can_delete=True,
        max_num=500,
        absolute_max=500,
    )
    assert issubclass(made, RowFormSet)
    return made


class TripEditor:
    """The trip form and its row formsets, bound or unbound, built from a trip or for a new one."""

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        trip: Trip | None = None,
        organisations: QuerySet[Organisation] | None = None,
        review: bool = False,
        extra: int = 1,
        start: dict[str, Any] | None = None,
    ) -> None:
        """``start``: initial data other than the trip as stored (``initial_from``; a merge to resolve)."""
        self.trip = trip
        initial = start if start is not None else initial_for(trip) if trip is not None else {}
        pending = list(trip.unconfirmed_fields) if trip is not None else []
        # Bound forms compare with nothing: "did it change" is answered by comparing TripData (see
        # changed()), which stays right even when the trip moved on since the form was rendered.
        self.trip_form = TripForm(
            data,
            initial=None if data is not None else initial.get("trip"),
            organisations=organisations if trip is None else None,
            pending=pending,
        )
        goal_choices = _goal_choices(data, initial.get("goals", []))
        self.formsets: dict[str, RowFormSet] = {}
        for kind in PART_KINDS:
            form_kwargs: dict[str, Any] = {"review": review}
            if kind == "outcomes":
                form_kwargs["goal_choices"] = goal_choices
            self.formsets[kind] = formset_class(kind, extra)(
                data,
                initial=None if data is not None else initial.get(kind, []),
                prefix=kind,
                form_kwargs=form_kwargs,
            )

    def is_valid(self) -> bool:
        results = [self.trip_form.is_valid()] + [
            formset.is_valid() for formset in self.formsets.values()
        ]
        if all(results):
            return True
        # Say everything at once: also what trips.validation finds in the values that could be read,
        # rather than the end date only after the country has been corrected.
        found = validation.errors_of(self._readable_data())
        self.add_errors(
            {key: msgs for key, msgs in found.items() if key not in self.trip_form.errors}
        )
        return False

    def _readable_data(self) -> TripData:
        cleaned = getattr(self.trip_form, "cleaned_data", {})
        values: dict[str, Any] = {name: cleaned[name] for name in TRIP_FIELDS if name in cleaned}
        values["title"] = values.get("title") or "-"  # a missing title has its own message already
        for kind, formset in self.formsets.items():
            values[kind] = [
                form.to_row()
                for form in formset.forms
                if isinstance(form, RowForm)
                and form.is_valid()
                and form.has_changed()
                and not removed(form)
            ]
        _label_goals(values["goals"])
        return TripData(**values)

    def trip_data(self) -> TripData:
        """The submission as plain data; call after is_valid()."""
        rows = {kind: formset.rows() for kind, formset in self.formsets.items()}
        _label_goals(rows["goals"])
        values: dict[str, Any] = {**self.trip_form.values(), **rows}
        trip = self.trip
        return TripData(
            **values,
            year_inferred=trip.year_inferred if trip else False,
            source_text=trip.source_text if trip else "",
            unconfirmed_fields=self.trip_form.still_unconfirmed(),
            field_evidence=dict(trip.field_evidence) if trip else {},
        )

    def organisation(self) -> Organisation:
        found = self.trip_form.cleaned_data["organisation"]
        assert isinstance(found, Organisation)
        return found

    def changed(self) -> bool:
        """Whether saving would change the trip as it is stored now."""
        return self.trip is None or self.trip_data() != trip_data_of(self.trip)

    def add_errors(self, errors: dict[str, list[str]]) -> None:
        """Place trips.validation's messages beside the field or list they are about."""
        for key, messages in errors.items():
            if key in ROW_ERROR_KEYS:
                formset = self.formsets[key]
                formset._non_form_errors = formset.error_class(  # type: ignore[attr-defined]
                    [*formset.non_form_errors(), *messages], error_class="nonform"
                )
            elif key in self.trip_form.fields:
                for message in messages:
                    self.trip_form.add_error(key, message)
            else:
                for message in messages:
                    self.trip_form.add_error(None, message)

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary at the top of the form."""
        out = [
            (f"#id_{name}", str(m))
            for name, errors in self.trip_form.errors.items()
            if name != "__all__"
            for m in errors
        ]
        out += [("#trip-form", str(m)) for m in self.trip_form.non_field_errors()]
        for kind, formset in self.formsets.items():
            out += [(f"#formset-{kind}", str(m)) for m in formset.non_form_errors()]
            for form in formset.forms:
                if form.errors and not removed(form):
                    out += [
                        (f"#row-{form.prefix}", str(m))
                        for errs in form.errors.values()
                        for m in errs
                    ]
        return out


def _label_goals(goals: list[Row]) -> None:
    # A goal without a label gets the next free letter, so outcomes can refer to it.
    used = {row["label"] for row in goals if row.get("label")}
    free = iter(letter for letter in string.ascii_uppercase if letter not in used)
    for row in goals:
        if not row.get("label"):
            row["label"] = next(free, "")


def _goal_choices(data: QueryDict | None, initial: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The goals an outcome can be for: those on the form now, then free letters for goals still to be added."""
    if data is not None:
        count = _int(data.get("goals-TOTAL_FORMS"))
        goals = [
            {
                "label": (data.get(f"goals-{i}-label") or "").strip().upper(),
                "text": data.get(f"goals-{i}-text") or "",
            }
            for i in range(min(count, 500))
            if not data.get(f"goals-{i}-{DELETION_FIELD_NAME}")
        ]
    else:
        goals = initial
    choices: list[tuple[str, str]] = [("", str(_("no particular goal")))]
    for goal in goals:
        label = goal.get("label") or ""
        if label and label not in dict(choices):
            text = str(goal.get("text") or "")
            choices.append((label, f"{label}: {text[:60]}{'…' if len(text) > 60 else ''}"))
    choices += [(letter, letter) for letter in _GOAL_LETTERS if letter not in dict(choices)]
    return choices


def _int(raw: str | None) -> int:
    try:
        return max(0, int(raw or 0))
    except ValueError:
        return 0


# --------------------------------------------------------------------------- reading a trip


def rows_of(trip: Trip) -> dict[str, list[Row]]:
    """The trip's rows as TripData rows, with provenance."""
    out: dict[str, list[Row]] = {}
    for kind in PART_KINDS:
        manager = getattr(trip, kind)
        objects = manager.select_related("goal") if kind == "outcomes" else manager.all()
        rows = []
        for obj in objects:
            row = {name: _value(obj, name) for name in ROW_FORMS[kind].FIELDS}
            row.update({name: getattr(obj, name) for name in PROVENANCE})
            rows.append(row)
        out[kind] = rows
    return out


def _value(obj: Any, name: str) -> Any:
    if name == "goal_label":
        return obj.goal.label if obj.goal is not None else ""
    value = getattr(obj, name)
    return list(value) if isinstance(value, list) else value


def trip_data_of(trip: Trip) -> TripData:
    """A stored trip as the TripData that would save it unchanged."""
    values: dict[str, Any] = {name: _copy(getattr(trip, name)) for name in TRIP_FIELDS}
    values.update(rows_of(trip))
    return TripData(
        **values,
        source_text=trip.source_text,
        unconfirmed_fields=list(trip.unconfirmed_fields),
        field_evidence=dict(trip.field_evidence),
    )


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def initial_for(trip: Trip) -> dict[str, Any]:
    """Form initial data: {"trip": {...}, "<kind>": [row, ...]}, lists shown as comma-separated text."""
    data = trip_data_of(trip)
    return initial_from(data, version=trip.version, base=data)


def initial_from(data: TripData, *, version: int, base: TripData) -> dict[str, Any]:
    """Initial data showing ``data``, to be saved over ``version``, whose values were ``base``."""
    initial: dict[str, Any] = {
        "trip": trip_initial({name: getattr(data, name) for name in TRIP_FIELDS})
        | {"version": version, "base": merge.encode(merge.digests(base))}
    }
    for kind in PART_KINDS:
        rows = []
        for row in getattr(data, kind):
            shown = dict(row)
            for name in ("speakers", "counterparties"):
                if name in shown:
                    shown[name] = ", ".join(shown[name] or [])
            rows.append(shown)
        initial[kind] = rows
    return initial
