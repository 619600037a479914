"""Public bodies that travel: municipalities, provinces, ministries, parliament."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    PROVINCE = "province", _("province")
    WATER_BOARD = "water_board", _("water board")
    MINISTRY = "ministry", _("ministry")
    PARLIAMENT = "parliament", _("parliament")
    OTHER = "other", _("other")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    # TOOI identifier, e.g. gm0518 for Den Haag: how DiWoo and the Woo-index name a publisher.
    tooi_code = models.CharField(_("TOOI code"), max_length=20, unique=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.MUNICIPALITY,
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    home_city = models.CharField(_("home city"), max_length=100, blank=True)
    home_country = models.CharField(_("home country"), max_length=2, default="NL")
    home_lat = models.FloatField(_("latitude of the home city"), null=True, blank=True)
    home_lon = models.FloatField(_("longitude of the home city"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name
