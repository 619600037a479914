from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "reisregister.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        # drf-spectacular finds the token scheme through its extension registry, filled on import.
        from reisregister.api import schema  # noqa: F401
