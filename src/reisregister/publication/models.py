"""The frozen public copy of each published trip (see ``publication.snapshots``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedTrip(models.Model):
    """What the public sees of one published trip, built once (redactions applied) and read by every public
    output. Written in the same transaction as the publication or redaction that changes it, so a reader never
    sees a copy older than the trip's committed state; a trip that is not published has none that is read."""

    trip = models.OneToOneField(
        "trips.Trip", primary_key=True, on_delete=models.CASCADE, related_name="public_copy"
    )
    format = models.CharField(_("format"), max_length=40)
    data = models.JSONField(_("public view"))
    built_at = models.DateTimeField(_("built at"), auto_now=True)

    class Meta:
        verbose_name = _("published trip (public copy)")
        verbose_name_plural = _("published trips (public copies)")

    def __str__(self) -> str:
        return f"{self.trip_id} ({self.format})"
