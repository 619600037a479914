"""URL layout. Public: / (home), /trips/ (list and search), /trips/<id>/ (a published trip).
Behind login: /werk/ (editors and reviewers; /werk/organisatie/ for the administrators of an organisation),
/accounts/, /admin/.

Uploaded source documents are never served as static media: the original stays internal.
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("reisregister.accounts.urls")),
    path("werk/import/", include("reisregister.ingest.urls")),
    path("werk/organisatie/", include("reisregister.accounts.member_urls")),
    path("werk/", include("reisregister.trips.urls")),
    path("werk/lakken/", include("reisregister.redaction.urls")),
    path("api/v1/", include("reisregister.api.urls")),
    path("data/", include("reisregister.opendata.urls")),
    path("", include("reisregister.publication.woo_urls")),
    path("", include("reisregister.publication.rendition_urls")),
    path("", include("reisregister.publication.urls")),
]
