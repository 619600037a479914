"""Representations of the publication boundary's view objects (``PublicTrip`` and friends, and the catalogue's
aggregates). Read-only: plain serializers over immutable objects, never over models, so nothing that is not
public can be reached from here. Every text was redacted before it got here."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from reisregister.api.fields import LocalTimeField
from reisregister.api.links import url

Serializer = serializers.Serializer[Any]


class OrganisationSerializer(Serializer):
    code = serializers.CharField(help_text=_("TOOI code, e.g. gm0518."))
    name = serializers.CharField()


class DestinationSerializer(Serializer):
    city = serializers.CharField()
    country = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code; empty when not stated."))
    country_name = serializers.CharField(help_text=_("In the language of the response."))


class TravellerSerializer(Serializer):
    role = serializers.CharField()
    category = serializers.CharField()
    category_label = serializers.CharField()
    name = serializers.CharField(help_text=_("Only for holders of public office; empty otherwise."))


class OutcomeSerializer(Serializer):
    text = serializers.CharField()
    achieved = serializers.CharField()
    achieved_label = serializers.CharField()


class GoalSerializer(Serializer):
    label = serializers.CharField()  # type: ignore[assignment]
    text = serializers.CharField()
    outcomes = OutcomeSerializer(many=True)


class ProgrammeItemSerializer(Serializer):
    date = serializers.DateField(allow_null=True)
    start_time = LocalTimeField(allow_null=True)
    end_time = LocalTimeField(allow_null=True)
    title = serializers.CharField()
    speakers = serializers.ListField(child=serializers.CharField())
    location = serializers.CharField()


class ProgrammeDaySerializer(Serializer):
    date = serializers.DateField(
        allow_null=True, help_text=_("Null: items whose date is not stated.")
    )
    items = ProgrammeItemSerializer(many=True)


class ContactSerializer(Serializer):
    role = serializers.CharField()
    organisation = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField()
    country_name = serializers.CharField()
    count = serializers.IntegerField(allow_null=True)


class FollowUpSerializer(Serializer):
    action = serializers.CharField()
    counterparties = serializers.ListField(child=serializers.CharField())
    owner = serializers.CharField()
    due_date = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    status_label = serializers.CharField()


class CostSerializer(Serializer):
    category = serializers.CharField()
    category_label = serializers.CharField()
    estimated = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    actual = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    payer = serializers.CharField()


class CostTotalSerializer(Serializer):
    currency = serializers.CharField()
    estimated = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    actual = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)


class DocumentSerializer(Serializer):
    file_name = serializers.CharField()
    media_type = serializers.CharField()
    type_label = serializers.CharField()
    pages = serializers.IntegerField(allow_null=True)


class RedactionSerializer(Serializer):
    """One line of the redaction log (lakoverzicht): never what was redacted."""

    number = serializers.IntegerField()
    ground = serializers.CharField(
        help_text=_("Woo ground, e.g. 5.1.2e; the text reads [5.1.2e] there.")
    )
    ground_label = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    places = serializers.ListField(child=serializers.CharField())
    place_labels = serializers.ListField(child=serializers.CharField())
    decided_at = serializers.DateTimeField(allow_null=True)


class _Linked(Serializer):
    url = serializers.SerializerMethodField(help_text=_("This trip in the API."))
    html_url = serializers.SerializerMethodField(
        help_text=_("The trip's page in the public register.")
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, trip: Any) -> str:
        return url("api:trip-detail", trip.id)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, trip: Any) -> str:
        return url("publication:trip-detail", trip.id)


class TripSummarySerializer(_Linked):
    id = serializers.IntegerField()
    title = serializers.CharField()
    organisation = OrganisationSerializer()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    destinations = DestinationSerializer(many=True)
    purpose = serializers.CharField()
    cancelled = serializers.BooleanField()
    published_at = serializers.DateTimeField(allow_null=True)


class TripHitSerializer(TripSummarySerializer):
    snippet_html = serializers.CharField(
        help_text=_(
            "With q: the matching passage, HTML-escaped, matches in <mark>; empty otherwise."
        )
    )

    def to_representation(self, instance: Any) -> dict[str, Any]:
        summary, snippet = instance  # a (PublicTripSummary, snippet) pair
        return {**TripSummarySerializer(summary).data, "snippet_html": snippet}


class TripSerializer(_Linked):
    id = serializers.IntegerField()
    title = serializers.CharField()
    organisation = OrganisationSerializer()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    days = serializers.IntegerField(
        allow_null=True, help_text=_("Calendar days, both ends included.")
    )
    travel_days = serializers.ListField(child=serializers.DateField())
    purpose = serializers.CharField()
    event_name = serializers.CharField()
    event_url = serializers.CharField(help_text=_("An http(s) address, or empty."))
    transport_mode = serializers.CharField()
    transport_label = serializers.CharField()
    funding = serializers.CharField()
    funding_label = serializers.CharField()
    funding_party = serializers.CharField()
    cancelled = serializers.BooleanField()
    cancellation_reason = serializers.CharField()
    links = serializers.ListField(child=serializers.CharField())
    travellers = TravellerSerializer(many=True)
    destinations = DestinationSerializer(many=True)
    goals = GoalSerializer(many=True)
    other_outcomes = OutcomeSerializer(many=True, help_text=_("Outcomes tied to no goal."))
    programme = ProgrammeDaySerializer(many=True)
    contacts = ContactSerializer(many=True)
    follow_ups = FollowUpSerializer(many=True)
    costs = CostSerializer(many=True)
    cost_totals = CostTotalSerializer(many=True)
    document = DocumentSerializer(allow_null=True, help_text=_("The source document, described."))
    published_at = serializers.DateTimeField(allow_null=True)
    redactions = RedactionSerializer(many=True, help_text=_("The redaction log (lakoverzicht)."))
    pdf_url = serializers.SerializerMethodField(help_text=_("The trip as a PDF (redacted)."))
    document_pdf_url = serializers.SerializerMethodField(
        help_text=_("The source document as a redacted PDF; null without a source document.")
    )
    diwoo_url = serializers.SerializerMethodField(help_text=_("DiWoo metadata (XML) of the trip."))

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf_url(self, trip: Any) -> str:
        return url("renditions:trip-pdf", trip.id)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_document_pdf_url(self, trip: Any) -> str | None:
        return url("renditions:document-pdf", trip.id) if trip.document is not None else None

    @extend_schema_field(OpenApiTypes.URI)
    def get_diwoo_url(self, trip: Any) -> str:
        return url("woo:diwoo", trip.id)


class TripFollowUpSerializer(Serializer):
    id = serializers.IntegerField()
    trip = serializers.SerializerMethodField()
    organisation = OrganisationSerializer()
    action = serializers.CharField(source="follow_up.action")
    counterparties = serializers.ListField(
        child=serializers.CharField(), source="follow_up.counterparties"
    )
    owner = serializers.CharField(source="follow_up.owner")
    due_date = serializers.DateField(source="follow_up.due_date", allow_null=True)
    status = serializers.CharField(source="follow_up.status")
    status_label = serializers.CharField(source="follow_up.status_label")

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "html_url": {"type": "string", "format": "uri"},
            },
            "required": ["id", "title", "url", "html_url"],
        }
    )
    def get_trip(self, item: Any) -> dict[str, object]:
        return {
            "id": item.trip_id,
            "title": item.trip_title,
            "url": url("api:trip-detail", item.trip_id),
            "html_url": url("publication:trip-detail", item.trip_id),
        }


class OrganisationCountSerializer(Serializer):
    code = serializers.CharField(source="organisation.code", help_text=_("TOOI code."))
    name = serializers.CharField(source="organisation.name")
    trips = serializers.IntegerField(help_text=_("Published trips."))
    trips_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_trips_url(self, item: Any) -> str:
        return url("api:trip-list", query={"organisation": item.organisation.code})


class PlaceCountSerializer(Serializer):
    city = serializers.CharField()
    country = serializers.CharField()
    country_name = serializers.CharField()
    trips = serializers.IntegerField(help_text=_("Published trips that went there."))
    trips_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_trips_url(self, item: Any) -> str:
        return url("api:trip-list", query={"country": item.country, "city": item.city})


# --------------------------------------------------------------------------- pages


class _Page(Serializer):
    count = serializers.IntegerField(help_text=_("Items on all pages together."))
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)


class TripPageSerializer(_Page):
    exact = serializers.BooleanField(
        help_text=_("False when a very common search word matched more trips than were counted.")
    )
    results = TripHitSerializer(many=True)


class FollowUpPageSerializer(_Page):
    results = TripFollowUpSerializer(many=True)


class OrganisationPageSerializer(_Page):
    results = OrganisationCountSerializer(many=True)


class PlacePageSerializer(_Page):
    results = PlaceCountSerializer(many=True)


class ProblemTypeSerializer(Serializer):
    type = serializers.CharField()
    status = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
