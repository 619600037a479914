"""Redactions of a trip: suggested by the detector or added by hand, decided by a reviewer, each with a Woo ground.

A redaction hides a *term* (a name, an address, a sentence), everywhere it occurs in the trip's public output:
hiding one occurrence of a name and leaving the next would leak it. ``term`` stays internal; the public
redaction log (the "lakoverzicht") shows the ground, where it occurred, who decided and when, never the text.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reisregister.redaction.marks import Ground


class Kind(models.TextChoices):
    NAME = "name", _("name")
    EMAIL = "email", _("e-mail address")
    PHONE = "phone", _("phone number")
    ADDRESS = "address", _("postal address")
    IBAN = "iban", _("bank account (IBAN)")
    BSN = "bsn", _("citizen service number (BSN)")
    LICENCE_PLATE = "licence_plate", _("licence plate")
    OTHER = "other", _("other passage")


class Decision(models.TextChoices):
    SUGGESTED = "suggested", _("suggested")
    ACCEPTED = "accepted", _("redacted")
    REJECTED = "rejected", _("not redacted")


class Origin(models.TextChoices):
    DETECTED = "detected", _("detected")
    MANUAL = "manual", _("added by hand")


# The ground a suggestion gets unless the reviewer picks another one.
DEFAULT_GROUND = {Kind.BSN: Ground.IDENTIFICATION_NUMBERS}


class Redaction(models.Model):
    trip = models.ForeignKey(
        "trips.Trip", on_delete=models.CASCADE, related_name="redactions", verbose_name=_("trip")
    )
    term = models.CharField(_("passage"), max_length=2000)
    # Case- and space-folded term: one row per passage per trip.
    key = models.CharField(max_length=2000, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    ground = models.CharField(
        _("Woo ground"), max_length=10, choices=Ground.choices, default=Ground.PRIVACY
    )
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.SUGGESTED,
        db_index=True,
    )  # fmt: skip
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices)
    # Where it was first found: "source" (the document text) or a field path; offsets into that text.
    field = models.CharField(_("found in"), max_length=100, blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    # The sections of the trip the passage occurs in (kept up to date on every decision and at publication):
    # the public redaction log says where a redaction is without saying what it hides.
    places = models.JSONField(_("occurs in"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("redaction")
        verbose_name_plural = _("redactions")
        constraints = [
            models.UniqueConstraint(fields=["trip", "key"], name="redaction_unique_term_per_trip")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.ground}, {self.get_decision_display()})"


class Scan(models.Model):
    """The detector's last run over a trip: rerun only when the trip's text changed."""

    trip = models.OneToOneField(
        "trips.Trip", on_delete=models.CASCADE, related_name="redaction_scan"
    )
    digest = models.CharField(max_length=64)
    scanned_at = models.DateTimeField(auto_now=True)


class PublicFigure(models.Model):
    """A person whose name stays in public output: an office-holder (burgemeester, wethouder, raadslid,
    minister, ambassador) or a speaker at a public event. Without an organisation the entry holds for all."""

    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(_("function"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, null=True, blank=True,
        related_name="public_figures", verbose_name=_("organisation"),
    )  # fmt: skip
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("public figure")
        verbose_name_plural = _("public figures")

    def __str__(self) -> str:
        return f"{self.name} ({self.function})" if self.function else self.name
