from __future__ import annotations

from django.urls import path

from reisregister.ingest import views

app_name = "ingest"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("results/", views.results, name="results"),
]
