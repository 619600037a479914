from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from reisregister.accounts.models import Membership, User


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 1
    autocomplete_fields = ("organisation",)


@admin.register(User)
class ReisregisterUserAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = (MembershipInline,)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "organisation", "role")
    list_filter = ("role", "organisation")
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("user", "organisation")
