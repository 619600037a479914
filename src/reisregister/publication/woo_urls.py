"""Addresses the Woo-index harvests. The sitemap names follow its convention (docs/woo.md):
``/sitemapindex-diwoo-infocat<NNN>.xml`` lists ``/sitemap-diwoo-infocat<NNN>-<page>.xml``, where NNN is the
information category of trip reports; ``/robots.txt`` names the index. ``/trips/<id>/diwoo.xml`` is the DiWoo
record of one published trip."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from reisregister.publication import woo_views
from reisregister.publication.diwoo_lists import INFORMATION_CATEGORY_NUMBER as NNN

app_name = "woo"
urlpatterns: list[URLPattern | URLResolver] = [
    path("trips/<int:pk>/diwoo.xml", woo_views.trip_diwoo, name="diwoo"),
    path(f"sitemapindex-diwoo-infocat{NNN}.xml", woo_views.sitemap_index, name="sitemap-index"),
    path(f"sitemap-diwoo-infocat{NNN}-<int:page>.xml", woo_views.sitemap, name="sitemap"),
    path("robots.txt", woo_views.robots, name="robots"),
]
