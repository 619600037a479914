from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TripsConfig(AppConfig):
    name = "reisregister.trips"
    label = "trips"
    verbose_name = _("trips".capitalize())
