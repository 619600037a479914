from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "reisregister.opendata"
    label = "opendata"
    verbose_name = _("open data")
