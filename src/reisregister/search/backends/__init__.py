"""The two full-text engines behind ``search.service``: SQLite FTS5 and PostgreSQL full-text search.

A backend only says how to match a parsed query; filtering, sorting, counting and paging are the service's
and the same for both. ``current()`` picks the backend of the database in use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from reisregister.search.filters import SQL, Filters
from reisregister.search.query import Query


@dataclass(frozen=True, slots=True)
class Matches:
    """How to walk the matches of a query: FROM ``tables`` (which make ``search_document d`` available)
    WHERE ``condition``; ``trip`` is the trip id column to test the other conditions on."""

    tables: str
    condition: SQL
    trip: str


class Backend(Protocol):
    def matches(self, query: Query) -> Matches:
        """The matches of a query, for counting."""

    def contains(self, query: Query, *, walk: bool = False) -> SQL:
        """A condition on ``search_document d`` alone: for queries that read ``d`` in a sort order
        (``walk``: along a sort index, see ``filters.WALK``)."""

    def ranked(self, query: Query, filters: Filters, cap: int, *, common: bool) -> SQL:
        """A SELECT of ``(trip_id, score)`` for at most ``cap`` matches that also pass the filters, taken
        newest first and scored, higher is better. Ranking only these keeps common words fast. ``common``:
        the query matches more than ``COUNT_LIMIT`` trips."""

    def optimise(self) -> None:
        """Tidy the index after a rebuild."""


def current() -> Backend:
    from reisregister.search.backends import postgresql, sqlite

    if connection.vendor == "sqlite":
        return sqlite.SQLiteBackend()
    if connection.vendor == "postgresql":
        return postgresql.PostgreSQLBackend()
    raise ImproperlyConfigured(
        f"full-text search supports SQLite and PostgreSQL, not {connection.vendor}"
    )
