"""The public register: home, the list with search and filters, and the trip page.

Thin: trips are read through ``publication.service`` (published trips only) and found through
``search.service``. Anything that is not a published trip is a 404, whatever its status (a withdrawn trip
included: the issue asks that nothing else be reachable publicly, and a 410 would confirm it once existed).
"""

from __future__ import annotations

import math

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_safe

from reisregister.publication import service as publication
from reisregister.publication.forms import Criteria, TripFilterForm
from reisregister.search import service as search

PER_PAGE = 20
LATEST = 6
# Past this page there is nothing useful to show; it also bounds OFFSET for the database.
MAX_PAGE = 5000


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "figures": publication.headline_figures(),
        "latest": publication.latest(LATEST),
        "cache_version": publication.cache_version(),
    }
    return render(request, "publication/home.html", context)


@require_safe
def trip_list(request: HttpRequest) -> HttpResponse:
    form = TripFilterForm(request.GET, options=publication.filter_options())
    criteria = form.criteria()
    page = _page_number(request.GET.get("page"))
    result = _search(criteria, page)
    last_page = max(1, math.ceil(result.total / PER_PAGE))
    if page > last_page:
        page = last_page
        result = _search(criteria, page)
    by_id = {trip.id: trip for trip in publication.summaries([hit.trip_id for hit in result.hits])}
    rows = [(by_id[hit.trip_id], hit.snippet_html) for hit in result.hits if hit.trip_id in by_id]
    context = {
        "form": form,
        "q": criteria.q,
        "rows": rows,
        "total": result.total,
        "exact": result.exact,
        "first_number": (page - 1) * PER_PAGE + 1,
        "last_number": (page - 1) * PER_PAGE + len(rows),
        "filtered": any(value for key, value in request.GET.items() if key not in ("page", "sort")),
        "ignored": form.ignored(),
        "cache_version": publication.cache_version(),
        **_pagination(request.GET, page, last_page),
    }
    return render(request, "publication/trip_list.html", context)


@require_safe
def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        trip = publication.get_trip(pk)
    except publication.TripNotFound as exc:
        raise Http404 from exc
    context = {"trip": trip, "cache_version": publication.cache_version()}
    return render(request, "publication/trip_detail.html", context)


def _search(criteria: Criteria, page: int) -> search.SearchPage:
    # Popular list pages (the first page, a country, a year) are asked for again and again between changes.
    key = repr((criteria.q, criteria.filters, criteria.sort, page))
    return publication.cached("search", key, lambda: search.search(
        criteria.q,
        filters=criteria.filters,
        sort=criteria.sort,
        offset=(page - 1) * PER_PAGE,
        limit=PER_PAGE,
    ))  # fmt: skip


def _pagination(params: QueryDict, page: int, last_page: int) -> dict[str, object]:
    return {
        "page": page,
        "last_page": last_page,
        "previous_url": _page_url(params, page - 1) if page > 1 else "",
        "next_url": _page_url(params, page + 1) if page < last_page else "",
    }


def _page_number(raw: str | None) -> int:
    try:
        return min(max(int(raw or 1), 1), MAX_PAGE)
    except ValueError:
        return 1


def _page_url(params: QueryDict, page: int) -> str:
    """The current query with another page; empty parameters left out to keep URLs short."""
    query = QueryDict(mutable=True)
    for key, values in params.lists():
        kept = [value for value in values if value]
        if kept and key != "page":
            query.setlist(key, kept)
    if page > 1:
        query["page"] = str(page)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
