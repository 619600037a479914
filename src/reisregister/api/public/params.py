"""The query parameters of the public endpoints. Unlike the web list (which ignores a hand-made value), the
API refuses a value it cannot use with a 400 problem naming the parameter: a client with a typo should learn
of it rather than silently get every trip."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from reisregister.api.problems import InvalidParameters
from reisregister.publication import catalogue
from reisregister.search.service import SORTS

MAX_PAGE = 5000  # as the web list: bounds OFFSET for the database
MAX_PAGE_SIZE = 100
_VOCABULARY = catalogue.vocabulary()
# Empty is allowed (and means "any"), as the web list's form sends it; the patterns say so for the schema.
_TOOI = r"^[A-Za-z0-9]{0,20}$"
_COUNTRY = r"^(?:[A-Za-z]{2})?$"


def _codes(choices: tuple[Any, ...]) -> list[str]:
    return [choice.value for choice in choices]


class PageParams(serializers.Serializer[Any]):
    page = serializers.IntegerField(
        required=False, default=1, min_value=1, max_value=MAX_PAGE, help_text=_("From 1.")
    )
    page_size = serializers.IntegerField(
        required=False, default=20, min_value=1, max_value=MAX_PAGE_SIZE
    )


class TripParams(PageParams):
    q = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=200, trim_whitespace=True,
        help_text=_("Search words (Dutch and English stemming); \"quoted phrase\", -excluded, OR."),
    )  # fmt: skip
    year = serializers.IntegerField(
        required=False, min_value=1900, max_value=2999, help_text=_("The year the trip began.")
    )
    organisation = serializers.RegexField(
        _TOOI, required=False, default="", allow_blank=True, help_text=_("TOOI code, e.g. gm0518.")
    )
    country = serializers.RegexField(
        _COUNTRY, required=False, default="", allow_blank=True,
        help_text=_("ISO 3166-1 alpha-2 code, e.g. DE."),
    )  # fmt: skip
    city = serializers.CharField(required=False, default="", allow_blank=True, max_length=200)
    category = serializers.ChoiceField(
        choices=_codes(_VOCABULARY.traveller_categories), required=False, default="", allow_blank=True,
        help_text=_("A trip with at least one traveller of this category."),
    )  # fmt: skip
    transport = serializers.ChoiceField(
        choices=_codes(_VOCABULARY.transport_modes), required=False, default="", allow_blank=True
    )
    ordering = serializers.ChoiceField(
        choices=list(SORTS), required=False, default="", allow_blank=True,
        help_text=_("Default: relevance with q, newest first (-date) without."),
    )  # fmt: skip


class FollowUpParams(serializers.Serializer[Any]):
    status = serializers.ChoiceField(
        choices=_codes(_VOCABULARY.follow_up_statuses), required=False, default="", allow_blank=True
    )
    organisation = serializers.RegexField(
        _TOOI, required=False, default="", allow_blank=True, help_text=_("TOOI code, e.g. gm0518.")
    )
    after = serializers.IntegerField(
        required=False, default=0, min_value=0, max_value=2**62,
        help_text=_("Continue after this follow-up id (the next link sets it)."),
    )  # fmt: skip
    page_size = serializers.IntegerField(
        required=False, default=50, min_value=1, max_value=catalogue.MAX_PAGE_SIZE
    )


class PlaceParams(PageParams):
    country = serializers.RegexField(
        _COUNTRY, required=False, default="", allow_blank=True,
        help_text=_("ISO 3166-1 alpha-2 code, e.g. DE."),
    )  # fmt: skip


def read(params: type[serializers.Serializer[Any]], query: QueryDict) -> dict[str, Any]:
    """The validated parameters, or a 400 problem. A parameter given twice is refused rather than guessed."""
    repeated = [key for key, values in query.lists() if len(values) > 1 and key in params().fields]
    if repeated:
        raise InvalidParameters({key: [_("Give this parameter once.")] for key in repeated})
    serializer = params(data={key: query.get(key) for key in query})
    if not serializer.is_valid():
        raise InvalidParameters(serializer.errors)
    return dict(serializer.validated_data)
