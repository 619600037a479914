"""Follow-up agreements (vervolgafspraken) made during a trip, tracked until done."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reisregister.trips.models.provenance import Provenance


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("open")
    PARTLY_DONE = "partly_done", _("partly done")
    DONE = "done", _("done")
    NOT_FULFILLED = "not_fulfilled", _("not fulfilled")


class FollowUp(Provenance):
    trip = models.ForeignKey("trips.Trip", on_delete=models.CASCADE, related_name="follow_ups")
    action = models.TextField(_("agreement"))
    counterparties = models.JSONField(_("counterparties"), default=list, blank=True)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )

    class Meta(Provenance.Meta):
        verbose_name = _("follow-up agreement")
        verbose_name_plural = _("follow-up agreements")


class FollowUpEvent(models.Model):
    """History of a follow-up: each status change with who, when and why."""

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="history")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
