"""Conditional GET for the public endpoints: an ETag made of the register's cache version (it changes with
every audit event: publication, withdrawal, redaction), the request's path and query and the language of the
response; Last-Modified is the time of the newest audit event. A request whose If-None-Match names the ETag
(or, without If-None-Match, whose If-Modified-Since is not older than the last change) gets 304 and no body.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language
from rest_framework.request import Request
from rest_framework.response import Response

from reisregister.publication import service as publication

_View = TypeVar("_View")


def etag_for(request: Request) -> str:
    basis = "\n".join((publication.cache_version(), request.get_full_path(), get_language() or ""))
    return '"' + hashlib.sha256(basis.encode()).hexdigest()[:32] + '"'


def is_fresh(request: Request, etag: str, changed: dt.datetime | None) -> bool:
    """Whether the client's copy is still current (RFC 9110 13.2.2: If-None-Match wins over the date)."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or etag in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
    return since is not None and changed is not None and int(changed.timestamp()) <= since


def stamp(response: Response, etag: str, changed: dt.datetime | None) -> Response:
    response["ETag"] = etag
    if changed is not None:
        response["Last-Modified"] = http_date(changed.timestamp())
    # Caches may keep a copy but must ask again each time; the ETag makes asking cheap.
    response["Cache-Control"] = "no-cache"
    return response


def conditional(
    handler: Callable[..., Response],
) -> Callable[..., Response]:
    """Wrap a view's ``get``: 304 when the client's copy is current, ETag and Last-Modified on a 200."""

    @wraps(handler)
    def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
        etag, changed = etag_for(request), publication.last_change()
        if is_fresh(request, etag, changed):
            return stamp(Response(status=304), etag, changed)
        response = handler(view, request, *args, **kwargs)
        return stamp(response, etag, changed) if response.status_code == 200 else response

    return wrapper
