"""Upload of documents by editors: each file becomes one or more draft trips (thin views over the service)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reisregister.accounts import service as accounts
from reisregister.accounts.models import Role, User
from reisregister.ingest.forms import UploadForm
from reisregister.ingest.service import ImportResult, ImportStatus, import_document, notes
from reisregister.organisations.models import Organisation

logger = logging.getLogger(__name__)

# The last upload's results, for the page after the redirect (so a reload does not upload again).
_SESSION_KEY = "ingest_results"


def _editor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    if not accounts.organisations_for(user, Role.EDITOR).exists():
        raise PermissionDenied(_("Only editors can import documents."))
    return user


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    user = _editor(request)
    organisations = accounts.organisations_for(user, Role.EDITOR)
    form = UploadForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        results = [_import(f, organisation, user) for f in form.cleaned_data["documents"]]
        request.session[_SESSION_KEY] = [_summary(r) for r in results]
        return redirect("ingest:results")
    context = {"form": form, "max_bytes": settings.UPLOAD_MAX_BYTES}
    return render(request, "ingest/upload.html", context)


@login_required
@require_http_methods(["GET"])
def results(request: HttpRequest) -> HttpResponse:
    _editor(request)
    summaries: list[dict[str, Any]] | None = request.session.get(_SESSION_KEY)
    if summaries is None:
        return redirect("ingest:upload")
    counts = {
        status.value: sum(s["status"] == status for s in summaries) for status in ImportStatus
    }
    shown = [{**summary, "notes": notes(summary.get("warnings") or [])} for summary in summaries]
    return render(request, "ingest/results.html", {"results": shown, "counts": counts})


def _import(upload: UploadedFile, organisation: Organisation, user: User) -> ImportResult:
    name = upload.name or "upload"
    try:
        data = b"".join(upload.chunks())
        return import_document(data, filename=name, organisation=organisation, user=user)
    except PermissionDenied:
        raise
    except Exception:
        # One broken file must not cost the editor the rest of the batch; the log has the details.
        logger.exception("import of %s failed", name)
        return ImportResult(
            name, ImportStatus.FAILED, message=_("An unexpected error occurred; nothing was saved.")
        )


def _summary(result: ImportResult) -> dict[str, Any]:
    return {
        "filename": result.filename,
        "status": str(result.status),
        "message": result.message,
        "warnings": list(result.warnings),
        "trips": [
            {"pk": t.pk, "title": t.title, "status": str(t.get_status_display())}
            for t in result.trips
        ],
    }
