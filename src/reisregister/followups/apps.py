from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupsConfig(AppConfig):
    name = "reisregister.followups"
    label = "followups"
    verbose_name = _("followups".capitalize())
