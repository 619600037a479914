"""Full-text search over published trips: the search module's public surface.

One module hides the engine (SQLite FTS5 by default, PostgreSQL full-text search when ``DATABASE_URL`` points
at PostgreSQL; see ``backends``). The index is made from the publication service's view objects, so it only
ever holds public data, and every query also checks the trip's status, so a lagging index cannot leak.

- ``sync_trip(trip_id)``: index a published trip, drop any other (``trips.service.transition`` calls it);
- ``remove(trip_id)``; ``rebuild()`` (``reisregister reindex``);
- ``search(q, filters=..., sort=..., offset=..., limit=...)``: one page of trip ids with highlighted snippets.

Common words are the slow case (a word in every report matches every trip): only the newest
``RANK_CANDIDATES`` matches are ranked, later pages continue with the older matches newest first, and counting
stops at ``COUNT_LIMIT``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from reisregister.publication import service as publication
from reisregister.publication.objects import PublicTrip
from reisregister.search import backends
from reisregister.search.document import IndexEntry, entry_for
from reisregister.search.filters import (
    NEWEST_FIRST,
    ORDERINGS,
    RELEVANCE,
    SORTS,
    SQL,
    Filters,
    both,
    sort_or_default,
    where,
)
from reisregister.search.models import SearchDocument, SearchFacet, SearchText
from reisregister.search.query import Query, parse
from reisregister.search.snippets import snippet

RANK_CANDIDATES = 1000
COUNT_LIMIT = 10_000
# With more matches than this, a page in a sort order is read by walking the sort index and testing each
# document; with fewer, the matches are collected and sorted.
WALK_ABOVE = 1_000
_BATCH = 500
_DOCUMENT_FIELDS = [f.name for f in SearchDocument._meta.concrete_fields if not f.primary_key]
_TEXT_FIELDS = [f.name for f in SearchText._meta.concrete_fields if not f.primary_key]


class Hit(NamedTuple):
    trip_id: int
    snippet_html: str  # escaped text with <mark> around matches; empty without a query


@dataclass(frozen=True, slots=True)
class SearchPage:
    total: int
    hits: tuple[Hit, ...]
    exact: bool = True  # False: there are more than ``total`` (= COUNT_LIMIT) matches


# --------------------------------------------------------------------------- keeping the index


def sync_trip(trip_id: int) -> None:
    """Bring the index entry of one trip in line with its state: indexed when published, absent otherwise."""
    try:
        trip = publication.get_trip(trip_id)
    except publication.TripNotFound:
        remove(trip_id)
        return
    entry = entry_for(trip)
    with transaction.atomic():
        SearchDocument.objects.update_or_create(trip_id=trip_id, defaults=entry.document_columns())
        SearchText.objects.update_or_create(document_id=trip_id, defaults=entry.text_columns())
        SearchFacet.objects.filter(document_id=trip_id).delete()
        SearchFacet.objects.bulk_create(_facets(entry))


def remove(trip_id: int) -> None:
    SearchDocument.objects.filter(trip_id=trip_id).delete()


def rebuild() -> int:
    """Index every published trip again; returns how many. Batches commit one by one: searches keep
    finding everything meanwhile and editors are not held up. Entries not renewed (trips no longer
    published) go at the end."""
    started = timezone.now()
    count = 0
    for batch in _batches(publication.iter_published(batch_size=_BATCH)):
        with transaction.atomic():
            _upsert(batch)
        count += len(batch)
    SearchDocument.objects.filter(indexed_at__lt=started).delete()
    backends.current().optimise()
    return count


def _batches(trips: Iterator[PublicTrip]) -> Iterator[list[IndexEntry]]:
    batch: list[IndexEntry] = []
    for trip in trips:
        batch.append(entry_for(trip))
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _upsert(entries: list[IndexEntry]) -> None:
    documents = [SearchDocument(trip_id=e.trip_id, **e.document_columns()) for e in entries]
    texts = [SearchText(document_id=e.trip_id, **e.text_columns()) for e in entries]
    SearchDocument.objects.bulk_create(
        documents, update_conflicts=True, unique_fields=["trip"], update_fields=_DOCUMENT_FIELDS
    )
    SearchText.objects.bulk_create(
        texts, update_conflicts=True, unique_fields=["document"], update_fields=_TEXT_FIELDS
    )
    SearchFacet.objects.filter(document_id__in=[e.trip_id for e in entries]).delete()
    SearchFacet.objects.bulk_create(facet for entry in entries for facet in _facets(entry))


def _facets(entry: IndexEntry) -> list[SearchFacet]:
    return [
        SearchFacet(document_id=entry.trip_id, kind=kind, value=value)
        for kind, value in sorted(entry.facets)
    ]


# --------------------------------------------------------------------------- searching


def search(
    q: str, *, filters: Filters | None = None, sort: str = "", offset: int = 0, limit: int = 20
) -> SearchPage:
    """One page of published trips matching ``q`` (all of them when empty) and the filters.

    ``sort`` is one of ``SORTS``: relevance (the default with a query), ``-date`` (the default without),
    ``date``, ``title`` or ``organisation``. With a query, counting stops at ``COUNT_LIMIT``
    (``SearchPage.exact`` says whether it did).
    """
    query = parse(q)
    sort = sort_or_default(sort, has_query=bool(query))
    offset, limit = max(offset, 0), max(limit, 0)
    filters = filters or Filters()
    backend = backends.current()
    total, exact = _count(backend, query, filters)
    if total == 0:
        ids = []
    elif sort == RELEVANCE:
        ids = _ranked(backend, query, filters, offset, limit, common=not exact)
    else:
        condition = _condition(backend, query, filters, walk=total > WALK_ABOVE)
        ids = _ordered(condition, ORDERINGS[sort], offset, limit)
    return SearchPage(total, _hits(ids, query), exact)


def _condition(backend: backends.Backend, query: Query, filters: Filters, *, walk: bool) -> SQL:
    filtered = where(filters, walk=walk)
    return both(filtered, backend.contains(query, walk=walk)) if query else filtered


def _count(backend: backends.Backend, query: Query, filters: Filters) -> tuple[int, bool]:
    if not query:
        condition, params = where(filters)
        return _fetch_int(f"SELECT count(*) FROM search_document d WHERE {condition}", params), True
    # Walking every match of a word that is in nearly every report is the slow part: stop counting early.
    matches = backend.matches(query)
    condition, params = both(matches.condition, where(filters, trip=matches.trip))
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {matches.tables} WHERE {condition} LIMIT %s) m"
    found = _fetch_int(sql, [*params, COUNT_LIMIT + 1])
    return min(found, COUNT_LIMIT), found <= COUNT_LIMIT


def _ordered(condition: SQL, order: str, offset: int, limit: int) -> list[int]:
    if limit == 0:
        return []
    sql = f"SELECT d.trip_id FROM search_document d WHERE {condition[0]} ORDER BY {order} LIMIT %s OFFSET %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*condition[1], limit, offset])
        return [int(row[0]) for row in cursor.fetchall()]


def _ranked(
    backend: backends.Backend,
    query: Query,
    filters: Filters,
    offset: int,
    limit: int,
    *,
    common: bool,
) -> list[int]:
    sql, params = backend.ranked(query, filters, RANK_CANDIDATES, common=common)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [(int(trip_id), float(score)) for trip_id, score in cursor.fetchall()]
    ranked = [trip_id for trip_id, _ in sorted(rows, key=lambda row: (-row[1], -row[0]))]
    ids = ranked[offset : offset + limit]
    if len(rows) == RANK_CANDIDATES and offset + limit > RANK_CANDIDATES:
        # The candidates were the newest matches: the older ones follow, newest first.
        start = max(offset, RANK_CANDIDATES)
        older = _condition(backend, query, filters, walk=True)
        ids += _ordered(older, NEWEST_FIRST, start, offset + limit - start)
    return ids


def _fetch_int(sql: str, params: list[Any]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def _hits(ids: list[int], query: Query) -> tuple[Hit, ...]:
    if not query:
        return tuple(Hit(trip_id, "") for trip_id in ids)
    bodies = dict(SearchText.objects.filter(document_id__in=ids).values_list("document_id", "body"))
    wanted = query.positive_stems
    return tuple(Hit(trip_id, snippet(bodies.get(trip_id, ""), wanted)) for trip_id in ids)


__all__ = [
    "COUNT_LIMIT",
    "RANK_CANDIDATES",
    "SORTS",
    "Filters",
    "Hit",
    "SearchPage",
    "rebuild",
    "remove",
    "search",
    "sync_trip",
]
