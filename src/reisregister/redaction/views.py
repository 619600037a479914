"""The redaction screen (/werk/lakken/): a trip's texts with every passage marked, and the reviewer's decisions.

Opening it runs the detector (cheap when the trip's text did not change since the last run). Reviewers of the
trip's organisation decide; its editors see the same screen read-only; anyone else gets a 404, as in the rest of the work area. Every write goes
through ``redaction.service`` (which checks the role again and writes the audit event) and ends in a redirect;
a refusal becomes one message on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from reisregister.accounts import service as accounts
from reisregister.redaction import highlight, service
from reisregister.redaction.forms import BulkDecisionForm, DecisionForm, ManualRedactionForm
from reisregister.redaction.models import Decision, Origin, Redaction
from reisregister.redaction.texts import SECTIONS, section_of, trip_texts
from reisregister.trips.models import Trip
from reisregister.trips.views.access import login_required, transitions_for, user_of

_DOCUMENT = "document.text"


@dataclass
class RowView:
    """One passage in the list, with what the template cannot compute itself."""

    row: Redaction
    number: int
    occurrences: int
    places: list[str]
    form: DecisionForm
    state_class: str

    @property
    def detected(self) -> bool:
        return self.row.origin == Origin.DETECTED


@login_required
@require_GET
def trip_redactions(request: HttpRequest, pk: int) -> HttpResponse:
    trip = _trip(request, pk)
    service.scan(trip)
    return _render(request, trip, ManualRedactionForm())


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Redact or keep one passage, or change the ground of a redaction (``pk``: the redaction)."""
    row = get_object_or_404(Redaction.objects.select_related("trip"), pk=pk)
    _check_member(request, row.trip)
    try:
        data = _cleaned(DecisionForm(request.POST))
        service.decide(pk, decision=data["decision"], ground=data["ground"], user=user_of(request))
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, _one_line(exc))
    else:
        messages.success(request, _DECIDED[data["decision"]] % {"number": _number(row)})
    return _back(row.trip, row.pk)


@login_required
@require_POST
def decide_all(request: HttpRequest, pk: int) -> HttpResponse:
    """Redact (or keep) every suggestion that still waits, each with the ground it proposes."""
    trip = _trip(request, pk)
    try:
        decision = _cleaned(BulkDecisionForm(request.POST))["decision"]
        count = service.decide_all_pending(trip.pk, decision=decision, user=user_of(request))
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, _one_line(exc))
    else:
        messages.success(request, _bulk_message(decision, count))
    return _back(trip)


@login_required
@require_POST
def add(request: HttpRequest, pk: int) -> HttpResponse:
    """Redact a passage by hand. An invalid passage shows the form again with what was typed."""
    trip = _trip(request, pk)
    form = ManualRedactionForm(request.POST)
    if form.is_valid():
        try:
            row = service.add_manual(
                trip.pk, term=form.cleaned_data["term"], ground=form.cleaned_data["ground"],
                user=user_of(request),
            )  # fmt: skip
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return _back(trip)
        except ValidationError as exc:
            form.add_error("term", exc.messages[0])
        else:
            messages.success(request, _DECIDED[Decision.ACCEPTED] % {"number": _number(row)})
            return _back(trip, row.pk)
    service.scan(trip)
    return _render(request, trip, form, status=400)


# --------------------------------------------------------------------------- helpers

_DECIDED = {
    Decision.ACCEPTED: gettext_lazy("Passage %(number)d is redacted."),
    Decision.REJECTED: gettext_lazy("Passage %(number)d stays in the text."),
}


def _trip(request: HttpRequest, pk: int) -> Trip:
    trip = get_object_or_404(Trip.objects.select_related("organisation", "source_document"), pk=pk)
    _check_member(request, trip)
    return trip


def _check_member(request: HttpRequest, trip: Trip) -> None:
    if not accounts.can_edit(user_of(request), trip.organisation_id):
        # As everywhere in the work area: a trip of another organisation does not exist for this user.
        raise Http404(_("No such trip."))


def _cleaned(form: Form) -> dict[str, Any]:
    """The form's data, or a ValidationError with its first message (hand-made POSTs only get here)."""
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        raise ValidationError(errors[0] if errors else _("The form was not filled in correctly."))
    return form.cleaned_data


def _one_line(exc: PermissionDenied | ValidationError) -> str:
    return exc.messages[0] if isinstance(exc, ValidationError) else str(exc)


def _back(trip: Trip, row_id: int | None = None) -> HttpResponseRedirect:
    url = reverse("redaction:trip", args=[trip.pk])
    return redirect(f"{url}#redaction-{row_id}" if row_id else url)


def _number(row: Redaction) -> int:
    # Numbers follow creation order, so a passage keeps its number while decisions change.
    return Redaction.objects.filter(trip_id=row.trip_id, pk__lte=row.pk).count()


def _bulk_message(decision: str, count: int) -> str:
    if decision == Decision.ACCEPTED:
        text = ngettext("%(count)d passage redacted.", "%(count)d passages redacted.", count)
    else:
        text = ngettext("%(count)d passage kept.", "%(count)d passages kept.", count)
    return text % {"count": count}


# --------------------------------------------------------------------------- the screen


def _render(
    request: HttpRequest, trip: Trip, manual: ManualRedactionForm, *, status: int = 200
) -> HttpResponse:
    user = user_of(request)
    rows = list(service.redactions(trip))
    numbers = {row.pk: number for number, row in enumerate(rows, start=1)}
    marked = [(path, text, highlight.hits(text, rows)) for path, text in trip_texts(trip) if text]
    views = _row_views(rows, numbers, marked)
    pending = [view for view in views if view.row.decision == Decision.SUGGESTED]
    context = {
        "trip": trip,
        "reviewer": accounts.can_review(user, trip.organisation_id),
        "pending": pending,
        "accepted": [view for view in views if view.row.decision == Decision.ACCEPTED],
        "rejected": [view for view in views if view.row.decision == Decision.REJECTED],
        "redaction_pending": len(pending),
        "document_html": _document_html(marked, numbers),
        "field_texts": _field_texts(marked, numbers),
        "manual": manual,
        "transitions": transitions_for(user, trip),
    }
    return render(request, "redaction/trip.html", context, status=status)


_Marked = list[tuple[str, str, list[highlight.Hit]]]


def _row_views(rows: list[Redaction], numbers: dict[int, int], marked: _Marked) -> list[RowView]:
    counts: dict[int, int] = {}
    sections: dict[int, set[str]] = {}
    for path, _text, hits in marked:
        for hit in hits:
            counts[hit.row.pk] = counts.get(hit.row.pk, 0) + 1
            sections.setdefault(hit.row.pk, set()).add(section_of(path))
    return [
        _row_view(row, numbers[row.pk], counts.get(row.pk, 0), sections.get(row.pk, set()))
        for row in rows
    ]


def _row_view(row: Redaction, number: int, occurrences: int, sections: set[str]) -> RowView:
    return RowView(
        row=row,
        number=number,
        occurrences=occurrences,
        # Where it occurs now, in page order (the row's own record of places is kept for redacted rows only).
        places=[str(label) for key, label in SECTIONS.items() if key in sections],
        form=DecisionForm(initial={"ground": row.ground}, row_id=row.pk),
        state_class=highlight.STATE_CLASSES[Decision(row.decision)],
    )


def _document_html(marked: _Marked, numbers: dict[int, int]) -> str:
    for path, text, hits in marked:
        if path == _DOCUMENT:
            return highlight.render(text, hits, numbers)
    return ""


def _field_texts(marked: _Marked, numbers: dict[int, int]) -> list[tuple[str, list[str]]]:
    """The texts of the register's fields, grouped by section in page order, each with its marks."""
    grouped: dict[str, list[str]] = {}
    for path, text, hits in marked:
        if path != _DOCUMENT:
            grouped.setdefault(section_of(path), []).append(highlight.render(text, hits, numbers))
    return [(str(label), grouped[key]) for key, label in SECTIONS.items() if key in grouped]
