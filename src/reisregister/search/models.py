"""The search index: per published trip, the values to filter and sort on, and the public text to search.

Rows are written only by ``search.service`` from the publication service's view objects, so the index never
holds anything that is not public. Two tables, so that filtering and sorting read narrow rows:

- ``search_document``: one row per trip with the filter and sort columns (and ``search_facet`` for values a
  trip has several of);
- ``search_text``: the title and body and their stemmed shadows. The full-text structures index it; the
  ``0002_fulltext`` migration creates them for the database in use:
  SQLite: ``search_fts``, an FTS5 table over ``stems_title``/``stems_body`` with ``search_text`` as its
  external content, kept in step by triggers; PostgreSQL: ``search_text.search_vector``, a generated
  ``tsvector`` column with a GIN index.

A later migration that alters ``search_text`` must keep those intact: on SQLite Django rebuilds an altered
table, which drops its triggers (recreate them, then run ``reisregister reindex``).
"""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    trip = models.OneToOneField(
        "trips.Trip", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title_key = models.CharField(max_length=300)
    organisation_code = models.CharField(max_length=20)
    organisation_name = models.CharField(max_length=200)
    # The start date, or date.min when the report gives none: one non-null key sorts the same everywhere
    # (SQLite and PostgreSQL disagree on where NULLs go) and can use its index in both directions.
    sort_date = models.DateField()
    year = models.PositiveIntegerField(null=True)
    transport_mode = models.CharField(max_length=20, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "search_document"
        # Each sort order has an index that holds the trip id too, so a page is read from the index alone.
        indexes = (
            models.Index(fields=["sort_date", "trip"], name="search_doc_date"),
            models.Index(fields=["title_key", "-trip"], name="search_doc_title"),
            models.Index(
                fields=["organisation_name", "-sort_date", "-trip"],
                name="search_doc_organisation_name",
            ),
            # The filter columns by trip: a search checks the filters of each match from the index alone.
            models.Index(
                fields=["trip", "year", "organisation_code", "transport_mode", "sort_date"],
                name="search_doc_filters",
            ),
            models.Index(fields=["year"], name="search_doc_year"),
            models.Index(fields=["organisation_code"], name="search_doc_organisation"),
        )


class SearchText(models.Model):
    document = models.OneToOneField(
        SearchDocument, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    title = models.TextField()
    # The public text, one section per line: what snippets are cut from.
    body = models.TextField()
    # The stemmed shadows of title and body (see search.analysis): what the full-text engines index.
    stems_title = models.TextField()
    stems_body = models.TextField()

    class Meta:
        db_table = "search_text"


class FacetKind(models.TextChoices):
    COUNTRY = "country"
    CITY = "city"
    CATEGORY = "category"


class SearchFacet(models.Model):
    """A value a trip has several of (destination countries and cities, traveller categories)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=20, choices=FacetKind.choices)
    value = models.CharField(max_length=200)

    class Meta:
        db_table = "search_facet"
        indexes = (models.Index(fields=["kind", "value", "document"], name="search_facet_lookup"),)
