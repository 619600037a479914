"""The public list's filter form: a GET form whose fields are the query parameters of ``/trips/``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from reisregister.publication.objects import FilterOptions, TransportMode, TravellerCategory
from reisregister.search.service import Filters
from reisregister.trips import places

_ANY = ("", _("Any"))
SORT_CHOICES = (
    ("", _("Best match, or newest first")),
    ("relevance", _("Best match")),
    ("-date", _("Newest first")),
    ("date", _("Oldest first")),
    ("title", _("Title")),
    ("organisation", _("Organisation")),
)


@dataclass(frozen=True, slots=True)
class Criteria:
    q: str
    filters: Filters
    sort: str


def _readable(data: QueryDict, options: FilterOptions) -> QueryDict:
    """The query with a country given by name or in lower case ("Duitsland", "de") turned into its code."""
    raw = (data.get("country") or "").strip()
    codes = {choice.value for choice in options.countries}
    if not raw or raw in codes:
        return data
    code = places.country_code(raw)  # as the report form reads a country field
    if code not in codes:
        return data
    readable = data.copy()
    readable["country"] = code
    return readable


class TripFilterForm(forms.Form):
    # No max_length: a longer query is cut off by the search, not refused (that would show every trip).
    q = forms.CharField(
        label=_("Search words"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": 200}),
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    city = forms.CharField(label=_("City"), required=False, max_length=200)
    category = forms.ChoiceField(
        label=_("Travellers"), required=False, choices=[_ANY, *TravellerCategory.choices]
    )
    transport = forms.ChoiceField(
        label=_("Transport"),
        required=False,
        choices=[_ANY, *((value, label) for value, label in TransportMode.choices if value)],
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, data: QueryDict | None = None, *, options: FilterOptions) -> None:
        super().__init__(_readable(data, options) if data is not None else None)
        self._offer("year", ((str(year), str(year)) for year in options.years))
        self._offer("organisation", ((o.value, o.label) for o in options.organisations))
        self._offer("country", ((c.value, c.label) for c in options.countries))

    def ignored(self) -> list[tuple[str, str]]:
        """(label, value) of each filter in the address that could not be used (a hand-made or old link):
        the page says so instead of silently showing every trip."""
        self.is_valid()
        return [
            (str(self.fields[name].label), str(self.data.get(name, "")))
            for name in self.errors
            if name in self.fields
        ]

    def _offer(self, name: str, choices: Iterable[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [_ANY, *choices]

    def criteria(self) -> Criteria:
        """What to search for. A value that is not valid (a hand-made URL) is ignored, not an error."""
        self.is_valid()
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        filters = Filters(
            year=data.get("year"),
            organisation=data.get("organisation") or "",
            country=data.get("country") or "",
            city=(data.get("city") or "").strip(),
            category=data.get("category") or "",
            transport=data.get("transport") or "",
        )
        return Criteria(
            q=(data.get("q") or "").strip(), filters=filters, sort=data.get("sort") or ""
        )
