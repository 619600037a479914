"""The redaction screen in the work area, mounted at /werk/lakken/. URL names are a contract other apps use."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from reisregister.redaction import views

app_name = "redaction"
urlpatterns: list[URLPattern | URLResolver] = [
    path("trips/<int:pk>/", views.trip_redactions, name="trip"),
    path("trips/<int:pk>/all/", views.decide_all, name="decide-all"),
    path("trips/<int:pk>/add/", views.add, name="add"),
    path("<int:pk>/decide/", views.decide, name="decide"),
]
