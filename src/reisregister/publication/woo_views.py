"""What the Woo-index harvests: DiWoo metadata per published trip, the sitemaps that list them, robots.txt.

Thin: trips come through ``publication.service`` and ``publication.woo_catalogue`` (published trips only,
redacted), the XML from ``publication.diwoo``. Every answer carries Last-Modified and honours
If-Modified-Since, so a harvester that comes back finds out with a 304 whether anything changed. The DiWoo
records and the sitemap index are cached per register state; a sitemap page (up to 50,000 records, tens of
megabytes) is streamed instead. See docs/woo.md.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.urls import get_script_prefix, reverse
from django.views.decorators.http import condition, require_safe

from reisregister.publication import diwoo, woo_catalogue
from reisregister.publication import service as publication

XML = "application/xml; charset=utf-8"
# The sitemap protocol allows 50,000 URLs and 50 MB per file. A URL with its DiWoo record takes about 2.5 KB,
# so 50,000 would make some 128 MB: 10,000 keep a page near 25 MB (docs/woo.md).
MAX_PAGE_SIZE = 50_000
DEFAULT_PAGE_SIZE = 10_000
# Behind login, or machinery: nothing a search engine or the Woo-index should follow.
_PRIVATE_PATHS = ("werk/", "accounts/", "admin/", "i18n/")


def page_size() -> int:
    size = int(getattr(settings, "WOO_SITEMAP_PAGE_SIZE", DEFAULT_PAGE_SIZE))
    return min(max(size, 1), MAX_PAGE_SIZE)


def _plan() -> tuple[woo_catalogue.SitemapPage, ...]:
    size = page_size()
    return publication.cached("woo-plan", str(size), lambda: woo_catalogue.pages(size))


def _page(number: int) -> woo_catalogue.SitemapPage | None:
    return next((page for page in _plan() if page.number == number), None)


# --------------------------------------------------------------------------- DiWoo per trip


def _trip_modified(request: HttpRequest, pk: int) -> dt.datetime | None:
    return publication.cached("woo-modified", str(pk), lambda: woo_catalogue.modified(pk))


@require_safe
@condition(last_modified_func=_trip_modified)
def trip_diwoo(request: HttpRequest, pk: int) -> HttpResponse:
    if _trip_modified(request, pk) is None:  # not published (or without a publication time)
        raise Http404
    try:
        trip = publication.get_trip(pk)
    except publication.TripNotFound as exc:
        raise Http404 from exc
    key = f"{pk}:{diwoo.absolute('')}"
    body = publication.cached("woo-diwoo", key, lambda: diwoo.document_xml(trip))
    return HttpResponse(body, content_type=XML)


# --------------------------------------------------------------------------- sitemaps


def _index_modified(request: HttpRequest) -> dt.datetime | None:
    return max((page.lastmod for page in _plan()), default=None)


@require_safe
@condition(last_modified_func=_index_modified)
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """Every sitemap page; empty (but well-formed) while nothing is published."""

    def build() -> bytes:
        return diwoo.sitemap_index(
            (diwoo.absolute(reverse("woo:sitemap", args=[page.number])), page.lastmod)
            for page in _plan()
        )

    body = publication.cached("woo-index", f"{page_size()}:{diwoo.absolute('')}", build)
    return HttpResponse(body, content_type=XML)


def _page_modified(request: HttpRequest, page: int) -> dt.datetime | None:
    found = _page(page)
    return None if found is None else found.lastmod


@require_safe
@condition(last_modified_func=_page_modified)
def sitemap(request: HttpRequest, page: int) -> HttpResponseBase:
    found = _page(page)
    if found is None:
        raise Http404
    records = ((entry.trip, entry.lastmod) for entry in woo_catalogue.entries(found))
    return StreamingHttpResponse(diwoo.sitemap_chunks(records), content_type=XML)


# --------------------------------------------------------------------------- robots.txt


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    prefix = get_script_prefix()
    lines = ["User-agent: *", *(f"Disallow: {prefix}{path}" for path in _PRIVATE_PATHS), ""]
    lines.append(f"Sitemap: {diwoo.absolute(reverse('woo:sitemap-index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
