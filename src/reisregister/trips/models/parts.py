"""The structured rows inside a trip, mirroring the six questions of the reisverslag."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from reisregister.trips.models.provenance import Provenance


class TravellerCategory(models.TextChoices):
    EXECUTIVE = "bestuurder", _("executive office holder")
    # Any elected representative: raadslid, Statenlid, Kamerlid, Europarlementariër.
    COUNCIL = "raadslid", _("elected representative")
    CIVIL_SERVANT = "ambtenaar", _("civil servant")
    OTHER = "other", _("other")


class Traveller(Provenance):
    trip = models.ForeignKey("trips.Trip", on_delete=models.CASCADE, related_name="travellers")
    text = models.CharField(_("as stated"), max_length=300, blank=True)
    role = models.CharField(_("function"), max_length=200, blank=True)
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=TravellerCategory.choices,
        default=TravellerCategory.OTHER,
    )
    # Kept only for holders of public office (burgemeester, wethouder, raadslid): others are personal data.
    name = models.CharField(_("name (public office holders only)"), max_length=200, blank=True)

    class Meta(Provenance.Meta):
        verbose_name = _("traveller")
        verbose_name_plural = _("travellers")


class Destination(Provenance):
    trip = models.ForeignKey("trips.Trip", on_delete=models.CASCADE, related_name="destinations")
    city = models.CharField(_("city"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, db_index=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta(Provenance.Meta):
        verbose_name = _("destination")
        verbose_name_plural = _("destinations")


class Goal(Provenance):
    trip = models.ForeignKey("trips.Trip", on_delete=models.CASCADE, related_name="goals")
    label = models.CharField(_("label"), max_length=10, blank=True)
    text = models.TextField(_("goal"))

    class Meta(Provenance.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")


class ProgrammeItem(Provenance):
    trip = models.ForeignKey("trips.Trip", on_delete=models.CASCADE, related_name="programme")
    date = models.DateField(_("date"), null=True, blank=True)
    start_time = models.TimeField(_("start"), null=True, blank=True)
    end_time = models.TimeField(_("end"), null=True, blank=True)
    title = models.TextField(_("title"))
    speakers = models.JSONField(_("speakers"), default=list, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)

    class Meta(Provenance.Meta):
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["date", "start_time", "position", "pk"]


class Contact(Provenance):
    trip = models.ForeignKey("trips.Trip", on_delete=models.CASCADE, related_name="contacts")
    text = models.TextField(_("as stated"), blank=True)
    role = models.CharField(_("function"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    count = models.PositiveIntegerField(_("number of people"), null=True, blank=True)

    class Meta(Provenance.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")


class Achieved(models.TextChoices):
    UNKNOWN = "unknown", _("unknown")
    YES = "yes", _("yes")
    PARTLY = "partly", _("partly")
    NO = "no", _("no")


class Outcome(Provenance):
    trip = models.ForeignKey("trips.Trip", on_delete=models.CASCADE, related_name="outcomes")
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="outcomes"
    )
    text = models.TextField(_("outcome"))
    achieved = models.CharField(
        _("goal achieved"), max_length=10, choices=Achieved.choices, default=Achieved.UNKNOWN
    )

    class Meta(Provenance.Meta):
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")


class CostCategory(models.TextChoices):
    TRANSPORT = "transport", _("transport")
    ACCOMMODATION = "accommodation", _("accommodation")
    SUBSISTENCE = "subsistence", _("subsistence")
    FEES = "fees", _("fees")
    OTHER = "other", _("other")


class CostLine(Provenance):
    trip = models.ForeignKey("trips.Trip", on_delete=models.CASCADE, related_name="costs")
    category = models.CharField(
        _("category"), max_length=20, choices=CostCategory.choices, default=CostCategory.OTHER
    )
    estimated_amount = models.DecimalField(
        _("estimated amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    actual_amount = models.DecimalField(
        _("actual amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    payer = models.CharField(_("paid by"), max_length=200, blank=True)
    text = models.CharField(_("as stated"), max_length=300, blank=True)

    class Meta(Provenance.Meta):
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
