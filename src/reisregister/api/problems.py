"""Errors as RFC 9457 problem details (``application/problem+json``): every error the API returns, from a
validation error to an unexpected exception, has ``type``, ``title``, ``status``, ``detail`` and
``instance``; a validation error adds ``errors``, one entry per value with a JSON pointer into the body (or the
name of the query parameter).

``handle`` is REST framework's EXCEPTION_HANDLER. It also translates Django's ValidationError (what
``trips.service`` raises for inconsistent data) and PermissionDenied (a role that does not allow a step), so the
views stay thin. An unexpected exception is logged with its traceback and answered with a 500 problem
that says nothing about it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

logger = logging.getLogger("reisregister.api")
MEDIA_TYPE = "application/problem+json"


@dataclass(frozen=True, slots=True)
class ProblemType:
    slug: str
    status: int
    title: Any  # a lazy translation
    description: Any


PROBLEM_TYPES = {
    p.slug: p
    for p in (
        ProblemType(
            "validation-error",
            400,
            _("Invalid request"),
            _("A value in the body or the query is not valid; “errors” says which and why."),
        ),
        ProblemType(
            "malformed-request",
            400,
            _("Malformed request"),
            _("The body could not be read (for example JSON with a syntax error)."),
        ),
        ProblemType(
            "not-authenticated",
            401,
            _("Authentication required"),
            _(
                "Send an integration token: “Authorization: Bearer <key>”. A key that is unknown or "
                "switched off is refused the same way."
            ),
        ),
        ProblemType(
            "forbidden",
            403,
            _("Not allowed"),
            _(
                "The token's role does not allow this (for example an editor's token that publishes)."
            ),
        ),
        ProblemType(
            "not-found",
            404,
            _("Not found"),
            _(
                "There is no such resource, or it is not public (drafts and withdrawn trips), or it "
                "belongs to another organisation than the token's."
            ),
        ),
        ProblemType(
            "method-not-allowed",
            405,
            _("Method not allowed"),
            _("This resource does not support the method; the Allow header lists those it does."),
        ),
        ProblemType(
            "not-acceptable",
            406,
            _("Not acceptable"),
            _("The API answers in JSON only; ask for application/json."),
        ),
        ProblemType(
            "edit-conflict",
            409,
            _("Edit conflict"),
            _(
                "The trip was changed after the version you edited. Nothing was saved: fetch the "
                "trip again, apply your change to it and send it with the new version."
            ),
        ),
        ProblemType(
            "transition-refused",
            409,
            _("Transition refused"),
            _(
                "The trip's state does not allow this step now (for example publishing while "
                "redaction suggestions wait for a decision)."
            ),
        ),
        ProblemType(
            "document-too-large",
            413,
            _("Document too large"),
            _("The uploaded file is larger than the register accepts."),
        ),
        ProblemType(
            "unsupported-media-type",
            415,
            _("Unsupported media type"),
            _("Send JSON (application/json), or multipart/form-data for a document upload."),
        ),
        ProblemType(
            "unreadable-document",
            422,
            _("Unreadable document"),
            _("The uploaded document could not be read, or no trip was found in it."),
        ),
        ProblemType(
            "too-many-requests",
            429,
            _("Too many requests"),
            _("The rate limit was reached; try again after the number of seconds in Retry-After."),
        ),
        ProblemType(
            "server-error",
            500,
            _("Internal error"),
            _("Something went wrong on the server. It was logged; nothing was changed."),
        ),
    )
}
_BY_STATUS = {
    400: "validation-error",
    401: "not-authenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "edit-conflict",
    413: "document-too-large",
    415: "unsupported-media-type",
    422: "unreadable-document",
    429: "too-many-requests",
}


def type_uri(slug: str) -> str:
    return f"{settings.PUBLIC_URL}/api/v1/problems/{slug}/"


# --------------------------------------------------------------------------- the API's own errors


class Problem(exceptions.APIException):
    """An error with a problem type of its own; ``detail`` says what happened in this case."""

    problem = "server-error"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.extra = extra


class EditConflict(Problem):
    status_code = status.HTTP_409_CONFLICT
    problem = "edit-conflict"


class TransitionRefused(Problem):
    status_code = status.HTTP_409_CONFLICT
    problem = "transition-refused"


class DocumentTooLarge(Problem):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    problem = "document-too-large"


class UnreadableDocument(Problem):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    problem = "unreadable-document"


class InvalidParameters(exceptions.ValidationError):
    """A validation error in the query string: errors name the parameter, not a place in the body."""


# --------------------------------------------------------------------------- the handler


def handle(exc: Exception, context: dict[str, Any]) -> Response:
    exc = _translate(exc)
    response = exception_handler(exc, context)
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    if response is None:
        logger.exception("Unexpected error in the API at %s", instance, exc_info=exc)
        set_rollback()
        response = Response(status=500)
        return _problem(response, PROBLEM_TYPES["server-error"], "", instance)
    slug = getattr(exc, "problem", None) or _by_exception(exc, response.status_code)
    kind = PROBLEM_TYPES.get(slug) or ProblemType("", response.status_code, "", "")
    errors = list(_errors(exc)) if isinstance(exc, exceptions.ValidationError) else None
    detail = _detail(exc, errors)
    return _problem(
        response, kind, detail, instance, errors=errors, extra=getattr(exc, "extra", {})
    )


def _translate(exc: Exception) -> Exception:
    """Django's exceptions as REST framework's."""
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(
            _message_dict(exc) if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    return exc


def _message_dict(exc: DjangoValidationError) -> dict[str, list[str]]:
    # trips.validation names the trip as a whole "__all__"; JSON pointers have no such field.
    return {
        ("non_field_errors" if key == "__all__" else key): value
        for key, value in exc.message_dict.items()
    }


def _by_exception(exc: Exception, status_code: int) -> str:
    if isinstance(exc, exceptions.ParseError):
        return "malformed-request"
    return _BY_STATUS.get(status_code, "")


def _detail(exc: Exception, errors: list[dict[str, str]] | None) -> str:
    if errors is not None:
        if len(errors) == 1:
            return errors[0]["detail"]
        return ngettext(
            "%(count)d value is not valid; see errors.",
            "%(count)d values are not valid; see errors.",
            len(errors),
        ) % {"count": len(errors)}
    detail = getattr(exc, "detail", "")
    return str(detail) if isinstance(detail, str) else ""


def _errors(exc: exceptions.ValidationError) -> Iterator[dict[str, str]]:
    in_query = isinstance(exc, InvalidParameters)
    for path, message in _flatten(exc.detail, ()):
        if in_query:
            yield {"detail": message, "parameter": path[0] if path else ""}
        else:
            yield {"detail": message, "pointer": _pointer(path)}


def _flatten(detail: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(detail, dict):
        for key, value in detail.items():
            inner = path if key in ("non_field_errors", "__all__") else (*path, str(key))
            yield from _flatten(value, inner)
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, (dict, list)):
                yield from _flatten(value, (*path, str(index)))
            else:
                yield from _flatten(value, path)
    elif detail:
        yield path, str(detail)


def _pointer(path: tuple[str, ...]) -> str:
    escaped = (part.replace("~", "~0").replace("/", "~1") for part in path)
    return "#/" + "/".join(escaped) if path else "#"


def _problem(
    response: Response, kind: ProblemType, detail: str, instance: str, *,
    errors: list[dict[str, str]] | None = None, extra: dict[str, Any] | None = None,
) -> Response:  # fmt: skip
    body: dict[str, Any] = {
        "type": type_uri(kind.slug) if kind.slug else "about:blank",
        "title": str(kind.title) if kind.title else _status_phrase(response.status_code),
        "status": response.status_code,
        "detail": detail or str(kind.description),
        "instance": instance,
    }
    if errors is not None:
        body["errors"] = errors
    body.update(extra or {})
    response.data = body
    response.content_type = MEDIA_TYPE
    return response


def _status_phrase(code: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return str(code)
