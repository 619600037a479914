"""Integration tokens in the admin: issue one (the key is shown once), change its name or role, switch it off."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from reisregister.api import tokens
from reisregister.api.models import IntegrationToken


@admin.register(IntegrationToken)
class IntegrationTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "organisation", "role", "prefix", "active", "created", "last_used")
    list_filter = ("organisation", "role", "active")
    search_fields = ("name", "prefix")
    readonly_fields = ("prefix", "user", "created", "last_used")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # The organisation is fixed once issued: the technical user's membership and audit trail belong to it.
        return (*self.readonly_fields, "organisation") if obj is not None else self.readonly_fields

    def save_model(
        self, request: HttpRequest, obj: IntegrationToken, form: Any, change: bool
    ) -> None:
        if change:
            obj.save()
            tokens.sync(obj)
            return
        token, key = tokens.issue(obj.organisation, obj.name, obj.role)
        obj.pk, obj.user, obj.prefix = token.pk, token.user, token.prefix
        messages.warning(
            request,
            _("The key of %(name)s is shown only now; store it in the integration: %(key)s")
            % {"name": token.name, "key": key},
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Switch a token off instead: its technical user is the actor of audit events.
        return False
