"""Source documents in the admin, read-only: they are written by the importer only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from reisregister.ingest.models import SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("__str__", "organisation", "media_type", "size", "pages", "ocr", "uploaded_at")
    list_filter = ("organisation", "media_type", "ocr")
    search_fields = ("original_filename", "sha256")
    date_hierarchy = "uploaded_at"
    # The file itself is not linked: originals stay internal (they are not served as media).
    exclude = ("file",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
