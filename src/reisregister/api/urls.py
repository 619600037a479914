"""/api/v1/: the public, read-only register and the integrations' write endpoints; the OpenAPI schema at
/api/v1/schema/ (docs/api.md)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path, re_path

from reisregister.api.public import views as public
from reisregister.api.schema_view import SchemaView
from reisregister.api.write import views as write

app_name = "api"
urlpatterns: list[URLPattern | URLResolver] = [
    path("trips/", public.TripList.as_view(), name="trip-list"),
    path("trips/<int:pk>/", public.TripDetail.as_view(), name="trip-detail"),
    path("follow-ups/", public.FollowUpList.as_view(), name="follow-up-list"),
    path("organisations/", public.OrganisationList.as_view(), name="organisation-list"),
    path("destinations/", public.DestinationList.as_view(), name="destination-list"),
    path("problems/<slug:slug>/", public.ProblemTypeDetail.as_view(), name="problem-type"),
    path("documents/", write.DocumentUpload.as_view(), name="document-upload"),
    path("drafts/", write.DraftCreate.as_view(), name="draft-list"),
    path("drafts/<int:pk>/", write.DraftDetail.as_view(), name="draft-detail"),
    path("drafts/<int:pk>/transitions/", write.DraftTransition.as_view(), name="draft-transitions"),
    path("schema/", SchemaView.as_view(), name="schema"),
    # Last: any other address under /api/v1/ is a 404 problem, not the HTML error page.
    re_path(r"^[\s\S]*$", public.NoSuchEndpoint.as_view(), name="no-such-endpoint"),
]
