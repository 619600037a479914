"""PostgreSQL: the generated ``search_text.search_vector`` with its GIN index (see migration 0002).

A query matches through either half of the vector: ``websearch_to_tsquery('dutch', q)`` over the text, or
the parsed query over the stemmed shadow. The second is what makes ``havens`` find ``haven``: the ``dutch``
configuration stems them to ``haven`` and ``hav``.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from reisregister.search.backends import Matches
from reisregister.search.filters import SQL, Filters, where
from reisregister.search.query import Query, to_tsquery

_TSQUERY = "(websearch_to_tsquery('dutch', %s) || to_tsquery('simple', %s))"
# A LEFT JOIN on a unique key that no condition uses is dropped by the planner: a query without filters on
# ``d`` reads only the text table.
_JOINED = "search_text x LEFT JOIN search_document d ON d.trip_id = x.document_id"


def _params(query: Query) -> list[Any]:
    return [query.text, to_tsquery(query)]


class PostgreSQLBackend:
    def matches(self, query: Query) -> Matches:
        return Matches(_JOINED, (f"x.search_vector @@ {_TSQUERY}", _params(query)), "x.document_id")

    def contains(self, query: Query, *, walk: bool = False) -> SQL:
        # PostgreSQL's planner keeps statistics and picks the way in itself: ``walk`` needs no hint.
        return (
            f"d.trip_id IN (SELECT document_id FROM search_text WHERE search_vector @@ {_TSQUERY})",
            _params(query),
        )

    def ranked(self, query: Query, filters: Filters, cap: int, *, common: bool) -> SQL:
        condition, params = where(filters, trip="x.document_id")
        # A common word: walk the trips newest first and test each, which finds ``cap`` matches soon. Any
        # other: collect the matches through the GIN index and sort them ("+ 0" keeps the planner off the
        # walk, which it may misjudge: for a word that matches nothing it would test every trip).
        order = "x.document_id DESC" if common else "x.document_id + 0 DESC"
        sql = (
            "SELECT x.document_id, ts_rank(x.search_vector, q.query)"
            f" FROM (SELECT {_TSQUERY} AS query) q,"
            f" LATERAL (SELECT x.document_id FROM {_JOINED}"
            f" WHERE x.search_vector @@ q.query AND {condition} ORDER BY {order} LIMIT %s) c"
            " JOIN search_text x ON x.document_id = c.document_id"
        )
        return sql, [*_params(query), *params, cap]

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            if (
                connection.in_atomic_block
            ):  # VACUUM cannot run in a transaction (tests, a caller's atomic)
                cursor.execute("ANALYZE search_document, search_text, search_facet")
            else:
                # Also marks the pages all-visible, which lets the facet look-ups read their index alone.
                cursor.execute("VACUUM ANALYZE search_document, search_text, search_facet")
