"""Public PDF renditions of a published trip: ``/trips/<id>/report.pdf`` (the trip report) and
``/trips/<id>/document.pdf`` (the redacted rendition of its source document; the original is never served)."""

from __future__ import annotations

from django.urls import path

from reisregister.publication import rendition_views

app_name = "renditions"
urlpatterns = [
    path("trips/<int:pk>/report.pdf", rendition_views.trip_pdf, name="trip-pdf"),
    path("trips/<int:pk>/document.pdf", rendition_views.document_pdf, name="document-pdf"),
]
