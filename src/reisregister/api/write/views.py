"""The write endpoints for integrations: upload a document, create and edit a draft, move a trip through the
workflow. Each acts as the token's technical user, within the token's organisation (another organisation's
trip is a 404, as if it did not exist), through the same services as the web screens: ``ingest.service`` and
``trips.service``, which check the role, validate and write the audit trail."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from reisregister.api.authentication import token_of
from reisregister.api.links import url
from reisregister.api.models import IntegrationToken
from reisregister.api.problems import (
    DocumentTooLarge,
    EditConflict,
    InvalidParameters,
    TransitionRefused,
    UnreadableDocument,
)
from reisregister.api.schema import problems
from reisregister.api.write import store
from reisregister.api.write.body import represent, to_trip_data
from reisregister.api.write.serializers import (
    DraftSerializer,
    DraftWriteSerializer,
    ImportResultSerializer,
    TransitionSerializer,
    TripFieldsSerializer,
    UploadSerializer,
)
from reisregister.ingest import service as ingest
from reisregister.trips import service as trips

TAGS = ["integrations"]
_IF_MATCH = re.compile(r'^(?:W/)?"?(?:draft-\d+-)?v?(\d{1,9})"?$')
ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The trip's id.")
IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description="The ETag of the draft you edited (instead of `version` in the body).",
)  # fmt: skip


class IsIntegration(BasePermission):
    def has_permission(self, request: Request, view: APIView) -> bool:
        return token_of(request) is not None


class WriteView(APIView):
    permission_classes = [IsIntegration]
    parser_classes = [JSONParser]

    def token(self) -> IntegrationToken:
        token = token_of(self.request)
        assert token is not None, "IsIntegration lets only requests with a token through"
        return token

    def draft(self, pk: int) -> store.Draft:
        found = store.load(pk, self.token())
        if found is None:
            raise NotFound(_("Your organisation has no trip with id %(id)s.") % {"id": pk})
        return found

    def show(self, draft: store.Draft, code: int = 200) -> Response:
        response = Response(DraftSerializer(represent(draft)).data, status=code)
        response["ETag"] = f'"draft-{draft.id}-v{draft.version}"'
        if code == status.HTTP_201_CREATED:
            response["Location"] = url("api:draft-detail", draft.id)
        return response


class DocumentUpload(WriteView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="documents_create", tags=TAGS, summary="Upload a trip report: it becomes draft trips",
        request={"multipart/form-data": UploadSerializer},
        responses={
            201: OpenApiResponse(ImportResultSerializer, description="Imported: the new drafts."),
            200: OpenApiResponse(ImportResultSerializer, description="Imported before: its trips."),
            **problems(400, 403, 413, 415, 422),
        },
    )  # fmt: skip
    def post(self, request: Request) -> Response:
        form = UploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        upload = form.validated_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise DocumentTooLarge(
                _("The file is larger than %(limit)s.")
                % {"limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
            )
        token = self.token()
        result = ingest.import_document(
            upload.read(),
            filename=upload.name or "",
            organisation=token.organisation,
            user=token.user,
        )
        if not result.ok:
            raise UnreadableDocument(result.message)
        body = {
            "status": str(result.status),
            "message": result.message or _("Imported."),
            "warnings": [str(w) for w in result.warnings],
            "trips": [
                {
                    "id": t.pk,
                    "url": url("api:draft-detail", t.pk),
                    "title": t.title,
                    "status": t.status,
                }
                for t in result.trips
            ],
        }
        imported = result.status == ingest.ImportStatus.IMPORTED
        return Response(body, status=status.HTTP_201_CREATED if imported else status.HTTP_200_OK)


class DraftCreate(WriteView):
    @extend_schema(
        operation_id="drafts_create", tags=TAGS, summary="Create a draft trip from its fields",
        request=TripFieldsSerializer, responses={201: DraftSerializer, **problems(400, 403, 415)},
    )  # fmt: skip
    def post(self, request: Request) -> Response:
        body = TripFieldsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        token = self.token()
        trip = trips.create_trip(
            token.organisation, to_trip_data(body.validated_data), user=token.user
        )
        return self.show(self.draft(trip.pk), status.HTTP_201_CREATED)


class DraftDetail(WriteView):
    @extend_schema(
        operation_id="drafts_retrieve", tags=TAGS, summary="A trip of your organisation, in any state",
        parameters=[ID], responses={200: DraftSerializer, **problems(404)},
    )  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        return self.show(self.draft(pk))

    @extend_schema(
        operation_id="drafts_update", tags=TAGS, summary="Replace a draft's fields and rows",
        parameters=[ID, IF_MATCH], request=DraftWriteSerializer,
        responses={200: DraftSerializer, **problems(400, 403, 404, 409, 415)},
    )  # fmt: skip
    def put(self, request: Request, pk: int) -> Response:
        draft = self.draft(pk)
        return self._save(draft, _body(request))

    @extend_schema(
        operation_id="drafts_partial_update", tags=TAGS,
        summary="Change some fields of a draft; a row list given replaces that list",
        parameters=[ID, IF_MATCH], request=DraftWriteSerializer,
        responses={200: DraftSerializer, **problems(400, 403, 404, 409, 415)},
    )  # fmt: skip
    def patch(self, request: Request, pk: int) -> Response:
        draft = self.draft(pk)
        current = TripFieldsSerializer(represent(draft)).data
        return self._save(draft, {**current, **_body(request)}, given=set(_body(request)))

    def _save(
        self, draft: store.Draft, data: dict[str, Any], given: set[str] | None = None
    ) -> Response:
        body = DraftWriteSerializer(data=data)
        body.is_valid(raise_exception=True)
        expected = _expected_version(self.request, body.validated_data.get("version"))
        trip_data = to_trip_data(body.validated_data, base=draft, given=given)
        try:
            trips.save_trip(draft.id, trip_data, user=self.token().user, expected_version=expected)
        except trips.ConflictError as exc:
            raise EditConflict(str(exc), current_version=exc.current_version) from None
        return self.show(self.draft(draft.id))


class DraftTransition(WriteView):
    @extend_schema(
        operation_id="drafts_transition", tags=TAGS,
        summary="Move a trip along the workflow: submit, return, publish, withdraw, republish, reopen",
        parameters=[ID], request=TransitionSerializer,
        responses={200: DraftSerializer, **problems(400, 403, 404, 409, 415)},
    )  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        draft = self.draft(pk)
        step = TransitionSerializer(data=request.data)
        step.is_valid(raise_exception=True)
        name, reason = step.validated_data["transition"], step.validated_data["reason"]
        try:
            trips.transition(draft.id, name, user=self.token().user, reason=reason)
        except trips.TransitionError as exc:
            raise TransitionRefused(str(exc)) from None
        return self.show(self.draft(draft.id))


def _body(request: Request) -> dict[str, Any]:
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field_errors": [_("Send a JSON object.")]})
    return dict(request.data)


def _expected_version(request: Request, version: int | None) -> int:
    """The version the client edited: ``version`` in the body, else the If-Match header."""
    if version is not None:
        return version
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise ValidationError(
            {
                "version": [
                    _("Give the version you edited: “version” in the body or an If-Match header.")
                ]
            }
        )
    match = _IF_MATCH.match(header)
    if match is None:
        raise InvalidParameters({"If-Match": [_("Send the ETag of the draft as you read it.")]})
    return int(match.group(1))
