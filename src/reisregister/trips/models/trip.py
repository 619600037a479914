"""The trip: one official journey, its workflow state and its facts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    PUBLISHED = "published", _("published")
    WITHDRAWN = "withdrawn", _("withdrawn")


class TransportMode(models.TextChoices):
    UNKNOWN = "", _("unknown")
    AIR = "air", _("air")
    TRAIN = "train", _("train")
    CAR = "car", _("car")
    BUS = "bus", _("bus")
    BOAT = "boat", _("boat")
    MIXED = "mixed", _("mixed")
    OTHER = "other", _("other")


class Funding(models.TextChoices):
    UNKNOWN = "", _("unknown")
    OWN = "own", _("own budget")
    THIRD_PARTY = "third_party", _("third party")
    PARTLY = "partly", _("partly by a third party")


class Trip(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="trips",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    purpose = models.TextField(_("purpose"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True, db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    travel_days = models.JSONField(_("travel days"), default=list, blank=True)
    year_inferred = models.BooleanField(_("year inferred"), default=False)
    event_name = models.CharField(_("event"), max_length=300, blank=True)
    event_url = models.URLField(_("event web address"), max_length=500, blank=True)
    transport_mode = models.CharField(
        _("transport mode"), max_length=20, choices=TransportMode.choices, blank=True, default=""
    )
    funding = models.CharField(
        _("funding"), max_length=20, choices=Funding.choices, blank=True, default=""
    )
    funding_party = models.CharField(_("paid by (third party)"), max_length=300, blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    cancellation_reason = models.TextField(_("reason for cancellation"), blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    source_document = models.ForeignKey(
        "ingest.SourceDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="trips",
        verbose_name=_("source document"),
    )  # fmt: skip
    # Which trip of a source that lists several (register pages): 0-based.
    source_trip_index = models.PositiveIntegerField(default=0)
    # Source text the spans point into (the parser's normalised text); empty for trips typed into the form.
    source_text = models.TextField(_("source text"), blank=True)
    unconfirmed_fields = models.JSONField(
        _("unconfirmed fields"), default=list, blank=True,
        help_text=_("Names of trip fields that came from the document and have not been confirmed yet."),
    )  # fmt: skip
    field_evidence = models.JSONField(
        _("evidence of trip fields"), default=dict, blank=True,
        help_text=_("Per trip field, the span [start, end] in the source text it came from."),
    )  # fmt: skip
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    # Optimistic locking: a save must name the version it started from (two people editing one trip).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("created by"),
    )  # fmt: skip

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("trip")
        verbose_name_plural = _("trips")
        indexes = [models.Index(fields=["status", "-published_at"], name="trip_status_published")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED
