"""Redaction in the admin: the list of public figures is kept here; redactions are read-only.

A decision on a redaction must write an audit event and move the public cache and the search index on, which
only ``redaction.service`` does; the admin shows the decisions and who made them, and changes none.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from reisregister.redaction.models import PublicFigure, Redaction


@admin.register(PublicFigure)
class PublicFigureAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Office-holders and public speakers whose names stay in public output (the detector skips them)."""

    list_display = ("name", "function", "organisation", "active")
    list_filter = ("active", "organisation")
    search_fields = ("name", "function")
    list_editable = ("active",)


@admin.register(Redaction)
class RedactionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("trip", "kind", "ground", "decision", "origin", "decided_by", "decided_at")
    list_filter = ("decision", "ground", "kind", "origin", "trip__organisation")
    search_fields = ("trip__title",)
    date_hierarchy = "created_at"
    list_select_related = ("trip", "decided_by")
    readonly_fields = (
        "trip", "term", "kind", "ground", "decision", "origin", "field", "start", "end", "places",
        "created_at", "created_by", "decided_at", "decided_by",
    )  # fmt: skip
    exclude = ("key",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
