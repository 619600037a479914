"""The body of a draft: the fields of ``trips.data.TripData`` and its rows, checked the way the report form
checks them (lengths that fit the database, known codes, a name only for holders of public office), so that
``trips.service`` gets the same data from the API as from the form. Rows may carry their provenance (span,
page, confirmed) so that a trip read, changed and sent back keeps its evidence."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from reisparse.gazetteer import country_name, lookup_city
from reisregister.api.fields import LocalTimeField
from reisregister.api.write.store import TRANSITIONS
from reisregister.publication import catalogue

Serializer = serializers.Serializer[Any]
_VOCABULARY = catalogue.vocabulary()
_WEB = URLValidator(schemes=["http", "https"])
MAX_ROWS = 200
MAX_TEXT = 20_000
PUBLIC_OFFICE = ("bestuurder", "raadslid")


def _no_surrogates(value: str) -> None:
    # A lone surrogate (valid in JSON, not in UTF-8) cannot be stored.
    if any("\ud800" <= char <= "\udfff" for char in value):
        raise serializers.ValidationError(
            _("The text holds a character that is not valid Unicode.")
        )


def chars(max_length: int = MAX_TEXT, **kwargs: Any) -> serializers.CharField:
    kwargs.setdefault("required", False)
    if not kwargs["required"]:
        kwargs.setdefault("default", "")
    validators = [_no_surrogates, *kwargs.pop("validators", [])]
    return serializers.CharField(
        max_length=max_length, allow_blank=True, validators=validators, **kwargs
    )


def choice(choices: tuple[Any, ...], default: str, **kwargs: Any) -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=[c.value for c in choices], required=False, default=default, **kwargs
    )


def texts(max_length: int) -> serializers.ListField:
    return serializers.ListField(
        child=chars(max_length, required=True), required=False, default=list, max_length=MAX_ROWS
    )


def rows(serializer: type[Serializer]) -> Serializer:
    return serializer(many=True, required=False, default=list, max_length=MAX_ROWS)  # type: ignore[call-arg]


class CountryField(serializers.CharField):
    """An ISO 3166-1 alpha-2 code the gazetteer knows, or empty."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            required=False, default="", allow_blank=True, max_length=2, min_length=2, **kwargs
        )

    def to_internal_value(self, data: Any) -> str:
        code = str(super().to_internal_value(data)).upper()
        if code:
            try:
                country_name(code, "en")
            except KeyError:
                raise serializers.ValidationError(_("Not a country code we know.")) from None
        return code


class RowSerializer(Serializer):
    span_start = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=2**31 - 1
    )
    span_end = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=2**31 - 1
    )
    page = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=100_000
    )
    confirmed = serializers.BooleanField(required=False, default=True)

    def require_one_of(self, data: dict[str, Any], *names: str) -> None:
        if not any(data.get(name) not in (None, "") for name in names):
            raise serializers.ValidationError(
                _("Fill in at least one of: %(fields)s.") % {"fields": ", ".join(names)}
            )


class TravellerRowSerializer(RowSerializer):
    text = chars(300, help_text=_("As stated in the document."))
    role = chars(200)
    category = choice(_VOCABULARY.traveller_categories, "other")
    name = chars(200, help_text=_("Only for holders of public office (bestuurder, raadslid)."))

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("name") and attrs.get("category") not in PUBLIC_OFFICE:
            raise serializers.ValidationError(
                {"name": [_("Names are kept only for holders of public office.")]}
            )
        self.require_one_of(attrs, "role", "name")
        return attrs


class DestinationRowSerializer(RowSerializer):
    city = chars(200)
    country = CountryField()
    lat = serializers.FloatField(
        required=False, allow_null=True, default=None, min_value=-90, max_value=90
    )
    lon = serializers.FloatField(
        required=False, allow_null=True, default=None, min_value=-180, max_value=180
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        self.require_one_of(attrs, "city", "country")
        # As the form does: the gazetteer's coordinates (and country) for a city it knows.
        place = lookup_city(attrs["city"]) if attrs.get("city") else None
        if place is not None and attrs.get("country") in ("", place.country):
            attrs.update(country=place.country, lat=place.lat, lon=place.lon)
        return attrs


class GoalRowSerializer(RowSerializer):
    label = chars(10, help_text=_("A, B, C…: outcomes refer to a goal by its label."))  # type: ignore[assignment]
    text = chars()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs["label"] = attrs.get("label", "").strip().upper()
        if not attrs.get("text", "").strip():
            raise serializers.ValidationError({"text": [_("Describe the goal.")]})
        return attrs


class ProgrammeRowSerializer(RowSerializer):
    date = serializers.DateField(required=False, allow_null=True, default=None)
    start_time = LocalTimeField(required=False, allow_null=True, default=None)
    end_time = LocalTimeField(required=False, allow_null=True, default=None)
    title = chars(1000)
    speakers = texts(200)
    location = chars(200)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("title", "").strip():
            raise serializers.ValidationError({"title": [_("Say what took place.")]})
        start, end = attrs.get("start_time"), attrs.get("end_time")
        if start is not None and end is not None and end < start:
            raise serializers.ValidationError(
                {"end_time": [_("The end time is before the start time.")]}
            )
        return attrs


class ContactRowSerializer(RowSerializer):
    text = chars(MAX_TEXT, help_text=_("As stated in the document."))
    role = chars(300)
    organisation = chars(300)
    city = chars(200)
    country = CountryField()
    count = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=100_000
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        self.require_one_of(attrs, "role", "organisation")
        return attrs


class OutcomeRowSerializer(RowSerializer):
    goal_label = chars(10, help_text=_("The label of the goal this outcome belongs to, or empty."))
    text = chars()
    achieved = choice(_VOCABULARY.achieved, "unknown")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs["goal_label"] = attrs.get("goal_label", "").strip().upper()
        if not attrs.get("text", "").strip():
            raise serializers.ValidationError({"text": [_("Describe the outcome.")]})
        return attrs


class FollowUpRowSerializer(RowSerializer):
    action = chars()
    counterparties = texts(300)
    owner = chars(200)
    due_date = serializers.DateField(required=False, allow_null=True, default=None)
    status = choice(_VOCABULARY.follow_up_statuses, "open")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("action", "").strip():
            raise serializers.ValidationError({"action": [_("Describe the agreement.")]})
        return attrs


def _amount() -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=Decimal(0),
        required=False,
        allow_null=True,
        default=None,
    )


class CostRowSerializer(RowSerializer):
    category = choice(_VOCABULARY.cost_categories, "other")
    estimated_amount = _amount()
    actual_amount = _amount()
    currency = serializers.RegexField(
        r"^[A-Za-z]{3}$", required=False, default="EUR", help_text=_("ISO 4217, e.g. EUR.")
    )
    payer = chars(200)
    text = chars(300, help_text=_("As stated in the document."))

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs["currency"] = attrs.get("currency", "EUR").upper()
        self.require_one_of(attrs, "estimated_amount", "actual_amount")
        return attrs


class TripFieldsSerializer(Serializer):
    """The fields of TripData. ``title`` is required when a draft is created or replaced (PUT)."""

    title = serializers.CharField(max_length=300, validators=[_no_surrogates])
    purpose = chars()
    start_date = serializers.DateField(required=False, allow_null=True, default=None)
    end_date = serializers.DateField(required=False, allow_null=True, default=None)
    travel_days = serializers.ListField(
        child=serializers.DateField(), required=False, default=list, max_length=400
    )
    year_inferred = serializers.BooleanField(required=False, default=False)
    event_name = chars(300)
    event_url = chars(500, validators=[_WEB])
    transport_mode = choice(_VOCABULARY.transport_modes, "", allow_blank=True)
    funding = choice(_VOCABULARY.funding, "", allow_blank=True)
    funding_party = chars(300)
    cancelled = serializers.BooleanField(required=False, default=False)
    cancellation_reason = chars()
    links = serializers.ListField(
        child=serializers.CharField(max_length=500, validators=[_no_surrogates, _WEB]),
        required=False, default=list, max_length=MAX_ROWS,
    )  # fmt: skip
    travellers = rows(TravellerRowSerializer)
    destinations = rows(DestinationRowSerializer)
    goals = rows(GoalRowSerializer)
    programme = rows(ProgrammeRowSerializer)
    contacts = rows(ContactRowSerializer)
    outcomes = rows(OutcomeRowSerializer)
    follow_ups = rows(FollowUpRowSerializer)
    costs = rows(CostRowSerializer)


class DraftWriteSerializer(TripFieldsSerializer):
    version = serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1,
        help_text=_("The version you edited (or send it as If-Match). Needed to change a draft."),
    )  # fmt: skip


class DraftSerializer(TripFieldsSerializer):
    """A trip of the token's organisation, as the integration reads it."""

    id = serializers.IntegerField()
    url = serializers.URLField()
    status = serializers.CharField(help_text=_("draft, submitted, published or withdrawn."))
    version = serializers.IntegerField(help_text=_("Send it back when you change the trip."))
    organisation = serializers.DictField(child=serializers.CharField())
    unconfirmed_fields = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("Fields read from a document that nobody has confirmed yet."),
    )
    transitions = serializers.ListField(
        child=serializers.CharField(), help_text=_("The steps this token may take now.")
    )
    public_url = serializers.URLField(
        allow_null=True, help_text=_("Where the public sees it, once published.")
    )


class TransitionSerializer(Serializer):
    transition = serializers.ChoiceField(choices=list(TRANSITIONS))
    reason = chars(
        2000, help_text=_("Needed to return or withdraw a trip; recorded in its history.")
    )


class UploadSerializer(Serializer):
    file = serializers.FileField(
        allow_empty_file=False, help_text=_("PDF, DOCX, HTML, Markdown, text or a scan.")
    )


class ImportedTripSerializer(Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    title = serializers.CharField()
    status = serializers.CharField()


class ImportResultSerializer(Serializer):
    status = serializers.ChoiceField(choices=["imported", "duplicate"])
    message = serializers.CharField()
    warnings = serializers.ListField(child=serializers.CharField())
    trips = ImportedTripSerializer(many=True)
