"""Open data under /data/: the dataset page, the downloads, the feed and the schema. The addresses are stable:
people bookmark them and scripts fetch them."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from reisregister.opendata import views

app_name = "opendata"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dataset, name="dataset"),
    path("trips.csv", views.trips_csv, name="trips-csv"),
    path("trips.json", views.trips_json, name="trips-json"),
    path("trips.jsonl", views.trips_jsonl, name="trips-jsonl"),
    path("trips.schema.json", views.trips_schema, name="schema"),
    path("follow-ups.csv", views.follow_ups_csv, name="follow-ups-csv"),
    path("feed.atom", views.atom_feed, name="feed"),
]
