"""Full-text search over published trips. One module hides the backend: SQLite FTS5 or PostgreSQL.

(Filled in by the search work; the signatures are the contract the rest of the project uses.)
"""

from __future__ import annotations


def sync_trip(trip_id: int) -> None:
    """Bring the index entry of one trip in line with its state: indexed when published, absent otherwise."""
