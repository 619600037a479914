"""The public, read-only endpoints: published trips (with the web list's filters and search), follow-up
agreements, organisations and destinations. Everything is read through the publication boundary
(``publication.service`` and ``publication.catalogue``) and the search service, so only published, redacted
data can come out; anything else is a 404, as on the web pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from reisregister.api.conditional import conditional
from reisregister.api.links import with_params
from reisregister.api.problems import PROBLEM_TYPES, type_uri
from reisregister.api.public import params
from reisregister.api.public.serializers import (
    FollowUpPageSerializer,
    OrganisationCountSerializer,
    OrganisationPageSerializer,
    PlaceCountSerializer,
    PlacePageSerializer,
    ProblemTypeSerializer,
    TripFollowUpSerializer,
    TripHitSerializer,
    TripPageSerializer,
    TripSerializer,
)
from reisregister.api.schema import CONDITIONAL_HEADERS, NOT_MODIFIED, problems
from reisregister.publication import catalogue
from reisregister.publication import service as publication
from reisregister.search import service as search
from reisregister.search.filters import Filters

# Ids are 64-bit in the database: a larger number cannot be a trip (and must not reach the driver).
MAX_ID = 2**63 - 1
TAGS = ["published register"]
ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The trip's id.",
)  # fmt: skip


class PublicView(APIView):
    permission_classes = [AllowAny]


class TripList(PublicView):
    @extend_schema(
        operation_id="trips_list", tags=TAGS, summary="Published trips: list, filter and search",
        parameters=[params.TripParams, *CONDITIONAL_HEADERS],
        responses={200: TripPageSerializer, **NOT_MODIFIED, **problems(400)},
    )  # fmt: skip
    @conditional
    def get(self, request: Request) -> Response:
        p = params.read(params.TripParams, request.query_params)
        filters = Filters(
            year=p.get("year"), organisation=p["organisation"], country=p["country"],
            city=p["city"].strip(), category=p["category"], transport=p["transport"],
        )  # fmt: skip
        page, size = p["page"], p["page_size"]
        key = repr((p["q"], filters, p["ordering"], page, size))
        found = publication.cached("api-search", key, lambda: search.search(
            p["q"], filters=filters, sort=p["ordering"], offset=(page - 1) * size, limit=size,
        ))  # fmt: skip
        by_id = {trip.id: trip for trip in publication.summaries([h.trip_id for h in found.hits])}
        rows = [
            (by_id[hit.trip_id], hit.snippet_html) for hit in found.hits if hit.trip_id in by_id
        ]
        return Response(
            {
                **_links(request, page, size, found.total),
                "count": found.total,
                "exact": found.exact,
                "results": TripHitSerializer(rows, many=True).data,
            }
        )


class TripDetail(PublicView):
    @extend_schema(
        operation_id="trips_retrieve", tags=TAGS, summary="One published trip, redacted, with its redaction log",
        parameters=[ID, *CONDITIONAL_HEADERS], responses={200: TripSerializer, **NOT_MODIFIED, **problems(404)},
    )  # fmt: skip
    @conditional
    def get(self, request: Request, pk: int) -> Response:
        try:
            if not 0 < pk <= MAX_ID:
                raise publication.TripNotFound(pk)
            trip = publication.get_trip(pk)
        except publication.TripNotFound:
            raise NotFound(_("There is no published trip with id %(id)s.") % {"id": pk}) from None
        return Response(TripSerializer(trip).data)


class FollowUpList(PublicView):
    @extend_schema(
        operation_id="follow_ups_list", tags=TAGS, summary="Follow-up agreements of published trips",
        description="Ordered by id; continue with the `next` link (keyset pagination: `after` is the last id seen).",
        parameters=[params.FollowUpParams, *CONDITIONAL_HEADERS],
        responses={200: FollowUpPageSerializer, **NOT_MODIFIED, **problems(400)},
    )  # fmt: skip
    @conditional
    def get(self, request: Request) -> Response:
        p = params.read(params.FollowUpParams, request.query_params)
        found = catalogue.follow_ups(
            status=p["status"],
            organisation=p["organisation"],
            after=p["after"],
            limit=p["page_size"],
        )
        following = found.next_after is not None
        return Response(
            {
                "count": found.total,
                "next": with_params(request.path, request.query_params, after=found.next_after)
                if following
                else None,
                "previous": None,
                "results": TripFollowUpSerializer(found.items, many=True).data,
            }
        )


class OrganisationList(PublicView):
    @extend_schema(
        operation_id="organisations_list", tags=TAGS, summary="Organisations with published trips",
        parameters=[params.PageParams, *CONDITIONAL_HEADERS],
        responses={200: OrganisationPageSerializer, **NOT_MODIFIED, **problems(400)},
    )  # fmt: skip
    @conditional
    def get(self, request: Request) -> Response:
        p = params.read(params.PageParams, request.query_params)
        items = catalogue.organisations()
        return Response(_page(request, p, items, OrganisationCountSerializer))


class DestinationList(PublicView):
    @extend_schema(
        operation_id="destinations_list", tags=TAGS, summary="Places published trips went to, with counts",
        parameters=[params.PlaceParams, *CONDITIONAL_HEADERS],
        responses={200: PlacePageSerializer, **NOT_MODIFIED, **problems(400)},
    )  # fmt: skip
    @conditional
    def get(self, request: Request) -> Response:
        p = params.read(params.PlaceParams, request.query_params)
        items = catalogue.destinations(p["country"])
        return Response(_page(request, p, items, PlaceCountSerializer))


class ProblemTypeDetail(PublicView):
    @extend_schema(
        operation_id="problems_retrieve", tags=["problems"], summary="What a problem type means",
        responses={200: ProblemTypeSerializer, **problems(404)},
    )  # fmt: skip
    def get(self, request: Request, slug: str) -> Response:
        kind = PROBLEM_TYPES.get(slug)
        if kind is None:
            raise NotFound(_("There is no such problem type."))
        return Response(
            {"type": type_uri(kind.slug), "status": kind.status, "title": str(kind.title),
             "description": str(kind.description)}
        )  # fmt: skip


class NoSuchEndpoint(APIView):
    """Any other address under /api/v1/: a 404 problem rather than the HTML page."""

    permission_classes = [AllowAny]
    throttle_classes: list[Any] = []
    schema = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        path = request.path
        hint = "" if path.endswith("/") else " " + _("Addresses of the API end in a slash.")
        raise NotFound(_("The API has no resource at this address.") + hint)

    post = put = patch = delete = head = options = get


def _links(request: Request, page: int, size: int, total: int) -> dict[str, str | None]:
    return {
        "next": with_params(request.path, request.query_params, page=page + 1)
        if page * size < total
        else None,
        "previous": with_params(request.path, request.query_params, page=page - 1)
        if page > 1
        else None,
    }


def _page(
    request: Request, p: dict[str, Any], items: Sequence[Any], serializer: type[Any]
) -> dict[str, Any]:
    page, size = p["page"], p["page_size"]
    shown = items[(page - 1) * size : page * size]
    return {
        "count": len(items),
        **_links(request, page, size, len(items)),
        "results": serializer(shown, many=True).data,
    }
