"""The original document behind a trip (editors and reviewers of its organisation only) and place
suggestions for the form."""

from __future__ import annotations

from pathlib import PurePath

from django.http import FileResponse, Http404, HttpRequest, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from reisregister.trips import places as place_suggestions
from reisregister.trips.views.access import login_required, trip_for


@login_required
@require_GET
def source(request: HttpRequest, pk: int) -> FileResponse:
    trip = trip_for(request, pk)
    document = trip.source_document
    if document is None or not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    filename = PurePath(document.original_filename or f"trip-{trip.pk}").name
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=document.media_type or None
    )
    # The original may hold personal data that the register leaves out: never cache it anywhere shared.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
@cache_control(private=True, max_age=3600)
def places(request: HttpRequest) -> JsonResponse:
    query = request.GET.get("q", "")[:100]
    return JsonResponse({"query": query, "results": place_suggestions.suggestions(query)})
