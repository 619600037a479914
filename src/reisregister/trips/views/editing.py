"""The report form (new and edit) and the review screen. Both save through ``trips.service``.

A save that loses a race (someone else saved first) is merged field by field (``trips.merge``): edits of
different fields are both saved; a field both changed is shown in the form, named, before anything is
overwritten.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reisregister.accounts import service as accounts
from reisregister.accounts.models import User
from reisregister.ingest import service as ingest
from reisregister.redaction import service as redaction
from reisregister.redaction.models import Decision
from reisregister.trips import merge, places, service, workflow
from reisregister.trips.data import TripData
from reisregister.trips.forms import TripEditor
from reisregister.trips.forms.editor import initial_from, trip_data_of
from reisregister.trips.forms.trip import TripForm
from reisregister.trips.models import Trip
from reisregister.trips.views import page
from reisregister.trips.views.access import login_required, transitions_for, trip_for, user_of


@login_required
@require_http_methods(["GET", "POST"])
def new_trip(request: HttpRequest) -> HttpResponse:
    organisations = accounts.organisations_for(user_of(request))
    if not organisations.exists():
        raise PermissionDenied(_("You are not an editor of any organisation."))
    if request.method == "POST":
        editor = TripEditor(request.POST, organisations=organisations, extra=2)
        if editor.is_valid():
            saved = _save_new(request, editor)
            if saved is not None:
                return saved
    else:
        editor = TripEditor(organisations=organisations, extra=2)
    return _render(request, editor, mode="new")


def _save_new(request: HttpRequest, editor: TripEditor) -> HttpResponse | None:
    user = user_of(request)
    try:
        trip = service.create_trip(editor.organisation(), editor.trip_data(), user=user)
    except ValidationError as exc:
        editor.add_errors(exc.message_dict)
        return None
    messages.success(request, _("The trip was saved as a draft."))
    if request.POST.get("action") == "submit":
        _submit(request, trip)
    return redirect("trips:edit", pk=trip.pk)


@login_required
@require_http_methods(["GET", "POST"])
def edit_trip(request: HttpRequest, pk: int) -> HttpResponse:
    return _existing(request, pk, mode="edit")


@login_required
@require_http_methods(["GET", "POST"])
def review_trip(request: HttpRequest, pk: int) -> HttpResponse:
    return _existing(request, pk, mode="review")


def _existing(request: HttpRequest, pk: int, *, mode: str) -> HttpResponse:
    trip = trip_for(request, pk)
    review = mode == "review"
    if request.method != "POST":
        return _render(request, TripEditor(trip=trip, review=review), mode=mode, trip=trip)
    editor = TripEditor(request.POST, trip=trip, review=review)
    if not editor.is_valid():
        return _render(request, editor, mode=mode, trip=trip)
    try:
        return _save_existing(request, editor, trip, mode)
    except ValidationError as exc:
        editor.add_errors(exc.message_dict)
        return _render(request, editor, mode=mode, trip=trip)
    except service.ConflictError as exc:
        return _conflict(request, editor, pk, exc.current_version, mode)
    except PermissionDenied as exc:
        # A trip that was published meanwhile: say so, and keep what the user typed on the page.
        messages.error(request, str(exc))
        return _render(request, editor, mode=mode, trip=trip, status=403)


def _save_existing(request: HttpRequest, editor: TripEditor, trip: Trip, mode: str) -> HttpResponse:
    user = user_of(request)
    version = editor.trip_form.cleaned_data.get("version")
    expected = version if isinstance(version, int) else -1
    action = request.POST.get("action", "save")
    if editor.changed():
        trip = service.save_trip(trip.pk, editor.trip_data(), user=user, expected_version=expected)
        expected = trip.version
        messages.success(request, _("Your changes were saved."))
    elif action == "save":
        messages.info(request, _("Nothing had changed, so nothing was saved."))
    if action == "confirm_all":
        trip = service.confirm_all(trip.pk, user=user, expected_version=expected)
        messages.success(request, _("All values of this trip are now confirmed."))
    elif action == "submit":
        _submit(request, trip)
    return redirect(f"trips:{mode}", pk=trip.pk)


def _submit(request: HttpRequest, trip: Trip) -> None:
    try:
        service.transition(trip.pk, "submit", user=user_of(request))
    except (service.TransitionError, PermissionDenied) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The trip was submitted for review."))


def _conflict(
    request: HttpRequest, editor: TripEditor, pk: int, current_version: int, mode: str
) -> HttpResponse:
    """Someone saved a newer version meanwhile. Merge field by field (``trips.merge``): when the two edits
    touched different fields, save both and say so; when both changed a field, show the form with the merge
    (this editor's value in those fields) and name them, so saving again is a choice made knowingly."""
    trip = trip_for(request, pk)
    theirs = trip_data_of(trip)
    result = merge.merge(merge.decode(editor.trip_form.cleaned_data.get("base") or ""),
                         editor.trip_data(), theirs)  # fmt: skip
    # Only a plain save goes through on its own: submitting or confirming is about values the person has seen.
    if result.clean and request.POST.get("action", "save") == "save":
        saved = _save_merged(request, trip, result, theirs, version=current_version, mode=mode)
        if saved is not None:
            return saved
    labels = [_merged_label(name) for name in result.both]
    start = initial_from(result.data, version=trip.version, base=theirs)
    conflict = {
        "version": trip.version,
        "url": reverse(f"trips:{mode}", args=[pk]),
        "both": labels or [_merged_label(name) for name in merge.MERGED if name in result.theirs],
        "theirs": [_merged_label(name) for name in result.theirs],
    }
    fresh = TripEditor(trip=trip, review=mode == "review", start=start)
    return _render(request, fresh, mode=mode, trip=trip, status=409, conflict=conflict)


def _save_merged(
    request: HttpRequest,
    trip: Trip,
    result: merge.Merge,
    theirs: TripData,
    *,
    version: int,
    mode: str,
) -> HttpResponse | None:
    """Save a merge without overlaps; None when it cannot be saved as it is (the form then shows it)."""
    if result.data == theirs:
        messages.info(
            request,
            _("Someone else saved this trip meanwhile with the same values: nothing to save."),
        )
        return redirect(f"trips:{mode}", pk=trip.pk)
    try:
        saved = service.save_trip(
            trip.pk, result.data, user=user_of(request), expected_version=version
        )
    except (ValidationError, service.ConflictError):
        return None  # e.g. their end date before your start date: the editor decides
    names = ", ".join(_merged_label(name) for name in result.theirs)
    messages.success(
        request,
        _("Your changes were saved. Someone else saved this trip while you were editing; their changes "
          "to %(fields)s were kept.") % {"fields": names}
        if names
        else _("Your changes were saved."),
    )  # fmt: skip
    return redirect(f"trips:{mode}", pk=saved.pk)


def _merged_label(name: str) -> str:
    """The form's label of a field, or the title of a section of rows."""
    if name in page.KINDS:
        return str(page.KINDS[name][0])
    field = TripForm.base_fields.get(name)
    return str(field.label) if field is not None and field.label else name


def _render(
    request: HttpRequest,
    editor: TripEditor,
    *,
    mode: str,
    trip: Trip | None = None,
    status: int = 200,
    conflict: dict[str, Any] | None = None,
) -> HttpResponse:
    source_text = trip.source_text if trip is not None and mode == "review" else ""
    context = page.build(editor, source_text=source_text)
    editable = trip is None or trip.status in workflow.EDITABLE
    transitions = transitions_for(user_of(request), trip) if trip is not None else []
    can_submit = trip is None or any(step.name == "submit" for step in transitions)
    if editable:
        # The form has its own "save and submit": a separate submit button would drop unsaved edits.
        transitions = [step for step in transitions if step.name != "submit"]
    context.update(
        mode=mode,
        trip=trip,
        review=mode == "review",
        source_text=source_text,
        editable=editable,
        conflict=conflict,
        unconfirmed=page.unconfirmed_count(context),
        transitions=transitions,
        can_submit=can_submit,
        countries=places.country_choices(),
        has_source=trip is not None and trip.source_document_id is not None,
        # What the parser noticed (a year it had to infer, OCR repairs, what it could not find): the reviewer
        # should know before trusting the values.
        document_notes=(
            ingest.notes(trip.source_document.warnings or [])
            if source_text and trip is not None and trip.source_document is not None
            else []
        ),
        extra_errors=editor.trip_form.non_field_errors(),
        **(_redaction_state(user_of(request), trip, review=mode == "review") if trip else {}),
    )
    return render(request, "trips/trip_form.html", context, status=status)


def _redaction_state(user: User, trip: Trip, *, review: bool) -> dict[str, int]:
    """What the page says about redaction: suggestions waiting (beside the publish button) and passages
    redacted. A reviewer's review screen runs the detector first: it is the last look before publishing."""
    if review and accounts.can_review(user, trip.organisation_id):
        redaction.scan(trip)
    return {
        "redaction_pending": redaction.pending_count(trip),
        "redaction_accepted": redaction.redactions(trip).filter(decision=Decision.ACCEPTED).count(),
    }
