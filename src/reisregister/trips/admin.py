"""Trips in the admin are read-only: every change goes through ``trips.service`` so that it is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from reisregister.trips.models import AuditEvent, Trip


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditEventInline(_ReadOnly, admin.TabularInline):  # type: ignore[type-arg]
    model = AuditEvent
    fields = ("at", "action", "actor", "note")
    readonly_fields = fields
    extra = 0


@admin.register(Trip)
class TripAdmin(_ReadOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "organisation", "status", "start_date", "updated_at")
    list_filter = ("status", "organisation", "transport_mode", "funding")
    search_fields = ("title", "purpose")
    date_hierarchy = "start_date"
    inlines = (AuditEventInline,)


@admin.register(AuditEvent)
class AuditEventAdmin(_ReadOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("at", "action", "trip", "actor")
    list_filter = ("action",)
    search_fields = ("trip__title", "actor__username")
    date_hierarchy = "at"
