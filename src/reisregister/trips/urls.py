"""The work area for editors and reviewers, mounted at /werk/. URL names are a contract other apps use."""

from __future__ import annotations

from django.urls import URLPattern, path

from reisregister.trips import views

app_name = "trips"
urlpatterns: list[URLPattern] = [
    path("", views.dashboard, name="dashboard"),
    path("trips/new/", views.new_trip, name="new"),
    path("trips/<int:pk>/edit/", views.edit_trip, name="edit"),
    path("trips/<int:pk>/review/", views.review_trip, name="review"),
    path("trips/<int:pk>/transition/<slug:name>/", views.transition, name="transition"),
    path("trips/<int:pk>/history/", views.history, name="history"),
    path("trips/<int:pk>/source/", views.source, name="source"),
    path("places/", views.places, name="places"),
]
