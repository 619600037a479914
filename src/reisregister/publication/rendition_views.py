"""Serve the PDF renditions of published trips; anything else (a draft, a withdrawn trip, a trip without a
document) is a 404, as on the trip page.

The bytes are cached per trip, language and register state (``publication.cached``), and carry an ETag and
Last-Modified, so a client that has the current version gets a 304. reportlab is imported on the first request,
not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import content_disposition_header, http_date, quote_etag
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from reisregister.publication import service as publication

if TYPE_CHECKING:
    from reisregister.publication.renditions.pdf import Rendition


@require_safe
def trip_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    def render() -> Rendition:
        from reisregister.publication.renditions import report

        return report.render(publication.get_trip(pk))

    return _serve(request, _cached("pdf-report", pk, render))


@require_safe
def document_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    def render() -> Rendition:
        from reisregister.publication.renditions import document

        return document.render(publication.get_source(pk))

    return _serve(request, _cached("pdf-document", pk, render))


def _cached(namespace: str, pk: int, render: Callable[[], Rendition]) -> Rendition:
    # Labels and dates follow the request's language, so each language has its own bytes.
    try:
        return publication.cached(namespace, f"{pk}:{get_language()}", render)
    except publication.TripNotFound as exc:
        raise Http404 from exc


def _serve(request: HttpRequest, rendition: Rendition) -> HttpResponseBase:
    etag = quote_etag(rendition.etag)
    # Whole seconds: HTTP dates have no fractions, and If-Modified-Since compares with them.
    last_modified = int(rendition.last_modified.timestamp()) if rendition.last_modified else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    response = not_modified or HttpResponse(rendition.data, content_type="application/pdf")
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    # The language comes from the header or the language cookie: a shared cache must keep them apart.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    disposition = content_disposition_header(False, rendition.file_name)
    if not_modified is None and disposition:
        response["Content-Disposition"] = disposition
    return response
