from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedactionConfig(AppConfig):
    name = "reisregister.redaction"
    label = "redaction"
    verbose_name = _("redaction")
