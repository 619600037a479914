"""The filters and sort orders of the public list, as SQL conditions on ``search_document d``.

Every condition starts with the trip being published, checked against the trips table itself: an index that
lags behind (a sync that failed after a withdrawal) still cannot show or count anything else. The check is
phrased as "not one of the unpublished trips", a short list, because probing it costs far less than looking
up every indexed trip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reisregister.search.analysis import fold
from reisregister.search.models import FacetKind
from reisregister.trips.models import Status, Trip

SQL = tuple[str, list[Any]]
_UNPUBLISHED = [status.value for status in Status if status != Status.PUBLISHED]
_PUBLISHED_ONLY = f"{{trip}} NOT IN (SELECT id FROM {Trip._meta.db_table} WHERE status IN ({', '.join(['%s'] * len(_UNPUBLISHED))}))"
_FACET = "{walk}{trip} IN (SELECT document_id FROM search_facet WHERE kind = %s AND value = %s)"
# A condition written as ``+d.trip_id IN (…)`` when a query walks a sort index: the unary plus changes nothing
# but keeps SQLite's planner from starting at the list instead (collecting and sorting thousands of rows to
# show twenty). Which way is faster depends on how many rows match, which the service knows by then.
WALK = "+"


@dataclass(frozen=True, slots=True)
class Filters:
    year: int | None = None
    organisation: str = ""  # TOOI code, e.g. gm0518
    country: str = ""  # ISO 3166-1 alpha-2
    city: str = ""
    category: str = ""  # traveller category, e.g. raadslid
    transport: str = ""  # transport mode, e.g. train


RELEVANCE = "relevance"
# Sort orders by name; "-date" (newest first) is the default without a query, relevance with one.
ORDERINGS = {
    "-date": "d.sort_date DESC, d.trip_id DESC",
    "date": "d.sort_date ASC, d.trip_id ASC",
    "title": "d.title_key ASC, d.trip_id DESC",
    "organisation": "d.organisation_name ASC, d.sort_date DESC, d.trip_id DESC",
}
NEWEST_FIRST = "d.trip_id DESC"
SORTS = (RELEVANCE, *ORDERINGS)


def sort_or_default(sort: str, *, has_query: bool) -> str:
    if sort in ORDERINGS or (sort == RELEVANCE and has_query):
        return sort
    return RELEVANCE if has_query else "-date"


def where(filters: Filters, *, walk: bool = False, trip: str = "d.trip_id") -> SQL:
    """The conditions of the filters on ``search_document d``. ``trip`` names the trip id column to test
    (a backend may have it without reading ``d``); ``walk`` when the query walks a sort index (see ``WALK``)."""
    conditions = [_PUBLISHED_ONLY.format(trip=trip)]
    params: list[Any] = [*_UNPUBLISHED]
    if filters.year is not None:
        conditions.append("d.year = %s")
        params.append(filters.year)
    if filters.organisation:
        conditions.append("d.organisation_code = %s")
        params.append(filters.organisation.strip().lower())
    if filters.transport:
        conditions.append("d.transport_mode = %s")
        params.append(filters.transport)
    facets = (
        (FacetKind.COUNTRY, filters.country.strip().upper()),
        (FacetKind.CITY, fold(filters.city)),
        (FacetKind.CATEGORY, filters.category),
    )
    for kind, value in facets:
        if value:
            conditions.append(_FACET.format(walk=WALK if walk else "", trip=trip))
            params += [kind.value, value]
    return " AND ".join(conditions), params


def both(*parts: SQL) -> SQL:
    """Conditions joined with AND."""
    return " AND ".join(f"({sql})" for sql, _ in parts), [
        param for _, params in parts for param in params
    ]
