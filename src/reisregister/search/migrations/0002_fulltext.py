"""Full-text structures for the database in use (see search/models.py).

SQLite: an FTS5 table whose content is ``search_text`` (external content: the text is stored once), over
the stemmed shadow columns, kept in step by triggers. PostgreSQL: a generated ``tsvector`` column with a GIN
index, combining the ``dutch`` configuration over the text with the stemmed shadow (``simple``: already
stemmed), kept in the row. Each operation runs only on its own database.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE_FORWARDS = (
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        stems_title, stems_body, content='search_text', content_rowid='document_id'
    )
    """,
    """
    CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
        INSERT INTO search_fts(rowid, stems_title, stems_body)
        VALUES (new.document_id, new.stems_title, new.stems_body);
    END
    """,
    """
    CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
        INSERT INTO search_fts(search_fts, rowid, stems_title, stems_body)
        VALUES ('delete', old.document_id, old.stems_title, old.stems_body);
    END
    """,
    """
    CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN
        INSERT INTO search_fts(search_fts, rowid, stems_title, stems_body)
        VALUES ('delete', old.document_id, old.stems_title, old.stems_body);
        INSERT INTO search_fts(rowid, stems_title, stems_body)
        VALUES (new.document_id, new.stems_title, new.stems_body);
    END
    """,
)
SQLITE_BACKWARDS = (
    "DROP TRIGGER IF EXISTS search_text_au",
    "DROP TRIGGER IF EXISTS search_text_ad",
    "DROP TRIGGER IF EXISTS search_text_ai",
    "DROP TABLE IF EXISTS search_fts",
)

POSTGRESQL_FORWARDS = (
    """
    ALTER TABLE search_text ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch'::regconfig, title), 'A')
        || setweight(to_tsvector('simple'::regconfig, stems_title), 'A')
        || setweight(to_tsvector('dutch'::regconfig, body), 'D')
        || setweight(to_tsvector('simple'::regconfig, stems_body), 'D')
    ) STORED
    """,
    # Keep the vector in the table row (compressed) rather than out of line: a phrase or a ranking reads
    # it for every candidate, and a fetch from the TOAST table per row tripled those times at 100,000 trips.
    "ALTER TABLE search_text ALTER COLUMN search_vector SET STORAGE MAIN",
    "CREATE INDEX search_text_vector ON search_text USING gin (search_vector)",
)
POSTGRESQL_BACKWARDS = (
    "DROP INDEX IF EXISTS search_text_vector",
    "ALTER TABLE search_text DROP COLUMN IF EXISTS search_vector",
)


class RunSQLOn(migrations.RunSQL):
    """RunSQL that only runs on one database vendor (``sqlite`` or ``postgresql``)."""

    def __init__(self, vendor: str, sql: tuple[str, ...], reverse_sql: tuple[str, ...]) -> None:
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (
            self.__class__.__name__,
            [],
            {"vendor": self.vendor, "sql": self.sql, "reverse_sql": self.reverse_sql},
        )

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = (("search", "0001_initial"),)

    operations = (
        RunSQLOn("sqlite", SQLITE_FORWARDS, SQLITE_BACKWARDS),
        RunSQLOn("postgresql", POSTGRESQL_FORWARDS, POSTGRESQL_BACKWARDS),
    )
