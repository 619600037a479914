"""SQLite: FTS5 over the stemmed shadow columns (``search_fts``, see migration 0002)."""

from __future__ import annotations

from django.db import connection

from reisregister.search.backends import Matches
from reisregister.search.filters import SQL, WALK, Filters, where
from reisregister.search.query import Query, to_fts5

# bm25 weights of the indexed columns (stems_title, stems_body): a word in the title counts four times.
_WEIGHTS = "4.0, 1.0"
# CROSS JOIN fixes the join order in SQLite: walk the full-text index, look up each match's document.
_JOINED = "search_fts f CROSS JOIN search_document d ON d.trip_id = f.rowid"


class SQLiteBackend:
    def matches(self, query: Query) -> Matches:
        return Matches(_JOINED, ("search_fts MATCH %s", [to_fts5(query)]), "d.trip_id")

    def contains(self, query: Query, *, walk: bool = False) -> SQL:
        membership = "d.trip_id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"
        return (WALK if walk else "") + membership, [to_fts5(query)]

    def ranked(self, query: Query, filters: Filters, cap: int, *, common: bool) -> SQL:
        # FTS5 walks only the matches, newest trip first (rowid DESC), and computes bm25 for the ones that
        # pass the filters until ``cap`` are found: fast for common and rare words alike.
        condition, params = where(filters)
        sql = (
            f"SELECT f.rowid, -bm25(search_fts, {_WEIGHTS}) FROM {_JOINED}"
            f" WHERE search_fts MATCH %s AND {condition} ORDER BY f.rowid DESC LIMIT %s"
        )
        return sql, [to_fts5(query), *params, cap]

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            # Statistics for the planner (SQLite keeps none until asked).
            cursor.execute("ANALYZE search_document")
            cursor.execute("ANALYZE search_facet")
