"""The trip's own fields: title, period, purpose, event, transport, funding, cancellation and links."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reisregister.organisations.models import Organisation
from reisregister.trips.data import TRIP_FIELDS
from reisregister.trips.forms.rows import DATE
from reisregister.trips.models import Funding, TransportMode

_DAY_SEPARATORS = re.compile(r"[\s,;]+")
_DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


def parse_days(text: str) -> list[str]:
    """Travel days as ISO dates. 10-3-2025 is read the Dutch way; anything else is kept as typed, so the
    validation can say which day it could not read."""
    return [_iso_day(raw) for raw in _DAY_SEPARATORS.split(text.strip()) if raw]


def _iso_day(raw: str) -> str:
    match = _DUTCH_DATE.fullmatch(raw)
    if match is None:
        return raw
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return raw


class TripForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        error_messages={"required": _("Give the trip a title.")},
        help_text=_("For example: Work visit to Helsingborg on smart mobility."),
    )
    start_date = forms.DateField(label=_("First day"), required=False, widget=DATE)
    end_date = forms.DateField(label=_("Last day"), required=False, widget=DATE)
    travel_days = forms.CharField(
        label=_("Travel days"),
        required=False,
        help_text=_(
            "The days spent travelling, separated by commas, for example 2025-03-10, 2025-03-14."
        ),
    )
    purpose = forms.CharField(
        label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    event_name = forms.CharField(label=_("Event"), required=False, max_length=300)
    event_url = forms.URLField(
        label=_("Web address of the event"), required=False, max_length=500, assume_scheme="https"
    )
    transport_mode = forms.ChoiceField(
        label=_("Transport"), required=False, choices=TransportMode.choices
    )
    funding = forms.ChoiceField(label=_("Paid from"), required=False, choices=Funding.choices)
    funding_party = forms.CharField(
        label=_("Third party that paid"), required=False, max_length=300
    )
    cancelled = forms.BooleanField(label=_("The trip was cancelled"), required=False)
    cancellation_reason = forms.CharField(
        label=_("Reason for cancellation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Web addresses of reports, presentations or news about the trip, one per line."
        ),
    )
    # The version the editor started from: saving against a newer one is a conflict, not an overwrite.
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Digests of every field and section of that version, for a field-by-field merge (trips.merge).
    base = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation] | None = None,
        pending: list[str] | tuple[str, ...] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]  # an existing trip stays with its organisation
        else:
            self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
            if len(organisations) == 1:
                self.fields["organisation"].widget = forms.HiddenInput()
                self.fields["organisation"].initial = organisations[0].pk
        # One "confirmed" checkbox beside each value read from the document and not yet confirmed.
        self.pending = [name for name in pending if name in TRIP_FIELDS]
        for name in self.pending:
            label = gettext("%(field)s confirmed") % {"field": self.fields[name].label}
            self.fields[confirm_name(name)] = forms.BooleanField(label=label, required=False)

    def clean_travel_days(self) -> list[str]:
        return parse_days(self.cleaned_data.get("travel_days") or "")

    def clean_links(self) -> list[str]:
        links = [
            line.strip()
            for line in (self.cleaned_data.get("links") or "").splitlines()
            if line.strip()
        ]
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(
                    _("“%(link)s” is not a web address; start it with https://.") % {"link": link}
                ) from None
        return links

    def values(self) -> dict[str, Any]:
        """The trip's own fields as TripData wants them."""
        out = {name: self.cleaned_data.get(name) for name in TRIP_FIELDS if name in self.fields}
        for name in (
            "title",
            "purpose",
            "event_name",
            "event_url",
            "transport_mode",
            "funding",
            "funding_party",
            "cancellation_reason",
        ):
            out[name] = out.get(name) or ""
        out["cancelled"] = bool(out.get("cancelled"))
        return out

    def still_unconfirmed(self) -> list[str]:
        return [name for name in self.pending if not self.cleaned_data.get(confirm_name(name))]


def confirm_name(field: str) -> str:
    return f"confirm_{field}"


def trip_initial(values: dict[str, Any]) -> dict[str, Any]:
    """Form initial data from TripData-style values (lists become text)."""
    initial = dict(values)
    initial["travel_days"] = ", ".join(values.get("travel_days") or [])
    initial["links"] = "\n".join(values.get("links") or [])
    return initial
