from __future__ import annotations

from django.contrib import admin

from reisregister.organisations.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "tooi_code", "kind", "home_city")
    list_filter = ("kind",)
    search_fields = ("name", "tooi_code", "slug")
    prepopulated_fields = {"slug": ("name",)}
