"""One form per kind of row inside a trip's answers (goals, programme, contacts, ...).

Every row form carries the row's provenance in hidden fields (span, page) so an edit keeps the link to the
evidence, and a "confirmed" checkbox that the review screen shows and the report form keeps hidden: a
value typed in by a person is confirmed from the start.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reisparse.gazetteer import lookup_city
from reisregister.followups.models import FollowUpStatus
from reisregister.trips.data import Row
from reisregister.trips.models import Achieved, CostCategory, TravellerCategory
from reisregister.trips.places import country_code

PROVENANCE = ("span_start", "span_end", "page", "confirmed")
PUBLIC_OFFICE = frozenset({TravellerCategory.EXECUTIVE, TravellerCategory.COUNCIL})

# The form's datalists: place suggestions (filled by formset.js as one types) and all countries.
CITY = {"list": "place-suggestions", "autocomplete": "off", "data-place-input": ""}
COUNTRY = {"list": "country-list", "autocomplete": "off", "size": 12}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def split_list(text: str) -> list[str]:
    """ "Ann de Vries, the mayor of Gent" -> ["Ann de Vries", "the mayor of Gent"]."""
    return [part.strip() for part in text.split(",") if part.strip()]


def short_text(label: Any, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, **kwargs)


def long_text(label: Any, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}), **kwargs
    )


class RowForm(forms.Form):
    """The common part of every row: provenance and confirmation."""

    # Model field names, in the order the row's dict lists them (see trips.data.Row).
    FIELDS: ClassVar[tuple[str, ...]] = ()

    span_start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    span_end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    page = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    confirmed = forms.BooleanField(label=_("Confirmed"), required=False, initial=True)

    def __init__(self, *args: Any, review: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not review:
            self.fields["confirmed"].widget = forms.HiddenInput()

    def values(self) -> dict[str, Any]:
        """The row's own fields as model values; subclasses convert what the form holds as text."""
        return {name: self.cleaned_data.get(name) for name in self.FIELDS}

    def to_row(self) -> Row:
        row = self.values()
        for name in PROVENANCE:
            row[name] = self.cleaned_data.get(name)
        row["confirmed"] = bool(row["confirmed"])
        return row

    def require_one_of(self, *names: str) -> None:
        if any(name in self.errors for name in names):
            return  # that field's own message says what is wrong
        if not any(self.cleaned_data.get(name) not in (None, "") for name in names):
            labels = ", ".join(str(self.fields[name].label).lower() for name in names)
            raise ValidationError(_("Fill in at least one of: %(fields)s.") % {"fields": labels})


def _blank_to_str(row: dict[str, Any], *names: str) -> None:
    for name in names:
        if row.get(name) is None:
            row[name] = ""


class TravellerForm(RowForm):
    FIELDS = ("text", "role", "category", "name")

    text = forms.CharField(required=False, widget=forms.HiddenInput)
    role = short_text(_("Function"), max_length=200)
    category = forms.ChoiceField(
        label=_("Category"), choices=TravellerCategory.choices, initial=TravellerCategory.OTHER
    )
    name = short_text(
        _("Name"),
        max_length=200,
        help_text=_(
            "Only for holders of public office; leave empty for civil servants and others."
        ),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("name") and cleaned.get("category") not in PUBLIC_OFFICE:
            self.add_error(
                "name",
                _(
                    "Names are kept only for holders of public office; leave the name empty or change the category."
                ),
            )
        if not cleaned.get("DELETE"):
            self.require_one_of("role", "name")
        return cleaned


class DestinationForm(RowForm):
    FIELDS = ("city", "country", "lat", "lon")

    city = short_text(_("City"), max_length=200, widget=forms.TextInput(attrs=CITY))
    country = short_text(
        _("Country"),
        max_length=60,
        help_text=_("Name or two-letter code, for example Germany or DE."),
        widget=forms.TextInput(attrs=COUNTRY),
    )
    # Filled from the chosen suggestion; the gazetteer's coordinates win when it knows the city.
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def clean_country(self) -> str:
        return clean_country(self.cleaned_data.get("country") or "")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("DELETE"):
            self.require_one_of("city", "country")
        return cleaned

    def values(self) -> dict[str, Any]:
        row = super().values()
        _blank_to_str(row, "city", "country")
        place = lookup_city(row["city"]) if row["city"] else None
        if place is not None and row["country"] in ("", place.country):
            row.update(country=place.country, lat=place.lat, lon=place.lon)
        elif not row["city"]:
            row.update(lat=None, lon=None)
        return row


def clean_country(text: str) -> str:
    code = country_code(text)
    if code is None:
        raise ValidationError(
            _("“%(text)s” is not a country we know; use its name or two-letter code.")
            % {"text": text}
        )
    return code


class GoalForm(RowForm):
    FIELDS = ("label", "text")

    label = short_text(
        _("Label"), max_length=10, help_text=_("A, B, C… Left empty: the next free letter.")
    )
    text = long_text(_("Goal"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("DELETE") and not cleaned.get("text"):
            self.add_error("text", _("Describe the goal, or remove this row."))
        cleaned["label"] = (cleaned.get("label") or "").strip().upper()
        return cleaned


class ProgrammeForm(RowForm):
    FIELDS = ("date", "start_time", "end_time", "title", "speakers", "location")

    date = forms.DateField(label=_("Date"), required=False, widget=DATE)
    start_time = forms.TimeField(label=_("Start"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("End"), required=False, widget=TIME)
    title = short_text(_("What"), max_length=1000)
    speakers = short_text(_("Speakers"), help_text=_("Separate names with commas."))
    location = short_text(_("Location"), max_length=200)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("DELETE"):
            return cleaned
        if not cleaned.get("title"):
            self.add_error("title", _("Say what took place, or remove this row."))
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if isinstance(start, dt.time) and isinstance(end, dt.time) and end < start:
            self.add_error(
                "end_time",
                _("The end time %(end)s is before the start time %(start)s.")
                % {"end": end.strftime("%H:%M"), "start": start.strftime("%H:%M")},
            )
        return cleaned

    def values(self) -> dict[str, Any]:
        row = super().values()
        row["speakers"] = split_list(row["speakers"] or "")
        _blank_to_str(row, "title", "location")
        return row


class ContactForm(RowForm):
    FIELDS = ("text", "role", "organisation", "city", "country", "count")

    text = forms.CharField(required=False, widget=forms.HiddenInput)
    role = short_text(_("Function"), max_length=300)
    organisation = short_text(_("Organisation"), max_length=300)
    city = short_text(_("City"), max_length=200, widget=forms.TextInput(attrs=CITY))
    country = short_text(_("Country"), max_length=60, widget=forms.TextInput(attrs=COUNTRY))
    count = forms.IntegerField(label=_("Number of people"), required=False, min_value=1)

    def clean_country(self) -> str:
        return clean_country(self.cleaned_data.get("country") or "")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("DELETE"):
            self.require_one_of("role", "organisation")
        return cleaned

    def values(self) -> dict[str, Any]:
        row = super().values()
        _blank_to_str(row, "text", "role", "organisation", "city", "country")
        return row


class OutcomeForm(RowForm):
    FIELDS = ("goal_label", "text", "achieved")

    # Offered: the trip's goals. An outcome may name a goal that does not exist (yet); trips.validation
    # then explains which, rather than the select refusing it silently.
    goal_label = forms.CharField(label=_("For goal"), required=False, widget=forms.Select)
    text = long_text(_("Outcome"))
    achieved = forms.ChoiceField(
        label=_("Goal achieved"), choices=Achieved.choices, initial=Achieved.UNKNOWN
    )

    def __init__(
        self, *args: Any, goal_choices: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = list(goal_choices or [("", str(_("no particular goal")))])
        current = str(self["goal_label"].value() or "")
        if current and current not in dict(choices):
            choices.append((current, current))
        widget = self.fields["goal_label"].widget
        assert isinstance(widget, forms.Select)
        widget.choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("DELETE") and not cleaned.get("text"):
            self.add_error("text", _("Describe the outcome, or remove this row."))
        return cleaned


class FollowUpForm(RowForm):
    FIELDS = ("action", "counterparties", "owner", "due_date", "status")

    action = long_text(_("Agreement"))
    counterparties = short_text(
        _("With"), help_text=_("Separate organisations or people with commas.")
    )
    owner = short_text(_("Owner"), max_length=200)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)
    status = forms.ChoiceField(
        label=_("Status"), choices=FollowUpStatus.choices, initial=FollowUpStatus.OPEN
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("DELETE") and not cleaned.get("action"):
            self.add_error("action", _("Describe the agreement, or remove this row."))
        return cleaned

    def values(self) -> dict[str, Any]:
        row = super().values()
        row["counterparties"] = split_list(row["counterparties"] or "")
        _blank_to_str(row, "owner")
        return row


class CostForm(RowForm):
    FIELDS = ("category", "estimated_amount", "actual_amount", "currency", "payer", "text")

    category = forms.ChoiceField(
        label=_("Category"), choices=CostCategory.choices, initial=CostCategory.OTHER
    )
    estimated_amount = forms.DecimalField(
        label=_("Estimated"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    actual_amount = forms.DecimalField(
        label=_("Actual"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, min_length=3, initial="EUR")
    payer = short_text(_("Paid by"), max_length=200)
    text = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_currency(self) -> str:
        return str(self.cleaned_data.get("currency") or "EUR").upper()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("DELETE"):
            self.require_one_of("estimated_amount", "actual_amount")
        return cleaned

    def values(self) -> dict[str, Any]:
        row = super().values()
        _blank_to_str(row, "payer", "text")
        return row


ROW_FORMS: dict[str, type[RowForm]] = {
    "travellers": TravellerForm,
    "destinations": DestinationForm,
    "goals": GoalForm,
    "programme": ProgrammeForm,
    "contacts": ContactForm,
    "outcomes": OutcomeForm,
    "follow_ups": FollowUpForm,
    "costs": CostForm,
}
