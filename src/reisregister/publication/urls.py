"""Public URLs. They are stable: ``/`` home, ``/trips/`` the list (search and filters as query parameters),
``/trips/<id>/`` one published trip."""

from __future__ import annotations

from django.urls import path

from reisregister.publication import views

app_name = "publication"
urlpatterns = [
    path("", views.home, name="home"),
    path("trips/", views.trip_list, name="trip-list"),
    path("trips/<int:pk>/", views.trip_detail, name="trip-detail"),
]
