"""What the OpenAPI schema says beyond what drf-spectacular sees in the views: the problem details of every
error, the token scheme, and the headers of conditional requests."""

from __future__ import annotations

from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from reisregister.api.problems import MEDIA_TYPE, PROBLEM_TYPES

# Every operation can answer these: a key that is not known (401), JSON not acceptable (406), the rate
# limit (429), and an unexpected error (500).
COMMON = (401, 406, 429, 500)


class ProblemErrorSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField(help_text=_("What is wrong with the value."))
    pointer = serializers.CharField(
        required=False,
        help_text=_("JSON pointer to the value in the request body, e.g. #/goals/0/text."),
    )
    parameter = serializers.CharField(required=False, help_text=_("The query parameter."))


class ProblemSerializer(serializers.Serializer[Any]):
    """An RFC 9457 problem detail."""

    type = serializers.CharField(help_text=_("URI of the problem type; GET it for a description."))
    title = serializers.CharField(help_text=_("Short summary of the problem type."))
    status = serializers.IntegerField(help_text=_("The HTTP status code."))
    detail = serializers.CharField(help_text=_("What went wrong in this case."))
    instance = serializers.CharField(help_text=_("The path of the request."))
    errors = ProblemErrorSerializer(  # type: ignore[assignment]
        many=True, required=False, help_text=_("Validation errors: one per value.")
    )
    current_version = serializers.IntegerField(
        required=False, help_text=_("Edit conflict: the trip's version now.")
    )


def problems(*codes: int) -> dict[tuple[int, str], OpenApiResponse]:
    """Documented problem responses for these status codes and the common ones."""
    # Lazy: the views are imported in whatever language a request has; the schema is made in English.
    titles: dict[int, list[Any]] = {}
    for kind in PROBLEM_TYPES.values():
        titles.setdefault(kind.status, []).append(kind.title)
    return {
        (code, MEDIA_TYPE): OpenApiResponse(
            ProblemSerializer,
            description=format_lazy(
                " / ".join(["{}"] * len(titles.get(code, []))), *titles.get(code, [])
            ),
        )
        for code in sorted({*codes, *COMMON})
    }


NOT_MODIFIED = {
    304: OpenApiResponse(description="Not modified: the copy named by If-None-Match is current.")
}

CONDITIONAL_HEADERS = [
    OpenApiParameter(
        "If-None-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
        description="An ETag of an earlier response: 304 when the register has not changed since.",
    ),
    OpenApiParameter(
        "If-Modified-Since", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
        description="An HTTP date: 304 when the register has not changed since (ignored with If-None-Match).",
    ),
    OpenApiParameter(
        "ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 304],
        description="Changes whenever the register changes (and with the query and the language).",
    ),
    OpenApiParameter(
        "Last-Modified", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 304],
        description="When the register last changed.",
    ),
]  # fmt: skip


class IntegrationTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "reisregister.api.authentication.IntegrationTokenAuthentication"
    name = "integrationToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An integration token of one organisation: `Authorization: Bearer <key>` "
            "(`Token <key>` works too). Issue one with `reisregister api_token`.",
        }
