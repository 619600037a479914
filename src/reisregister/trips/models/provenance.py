"""Where an extracted value came from, and whether a person has confirmed it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Provenance(models.Model):
    """Abstract: a value read from the source document keeps its span (into the parser's normalised text) and
    page, and stays *unconfirmed* until an editor or reviewer confirms it. Values typed in by a person are
    confirmed from the start and have no span."""

    span_start = models.PositiveIntegerField(_("evidence start"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("evidence end"), null=True, blank=True)
    page = models.PositiveIntegerField(_("page"), null=True, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    @property
    def has_evidence(self) -> bool:
        return self.span_start is not None and self.span_end is not None
