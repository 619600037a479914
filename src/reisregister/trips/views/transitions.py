"""Workflow buttons: submit, return, publish, withdraw, republish, reopen. Each goes through
``trips.service.transition``, which checks the role and writes the audit event."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from reisregister.accounts import service as accounts
from reisregister.trips import service, workflow
from reisregister.trips.views.access import login_required, trip_for, user_of

DONE = {
    "submit": gettext_lazy("The trip was submitted for review."),
    "return": gettext_lazy("The trip was returned to the editor."),
    "publish": gettext_lazy("The trip is published."),
    "withdraw": gettext_lazy("The trip was withdrawn from the public register."),
    "republish": gettext_lazy("The trip is published again."),
    "reopen": gettext_lazy("The trip is a draft again."),
}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Give a reason.")},
        help_text=gettext_lazy("Recorded in the trip's history."),
    )

    def __init__(self, *args: object, needs_reason: bool = False, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["reason"].required = needs_reason
        if not needs_reason:
            self.fields["reason"].label = gettext_lazy("Note (optional)")


@login_required
@require_http_methods(["GET", "POST"])
def transition(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """GET asks for confirmation (and a reason where needed); POST makes the transition."""
    trip = trip_for(request, pk)
    step = workflow.BY_NAME.get(name)
    if step is None:
        raise Http404(_("No such transition."))
    user = user_of(request)
    if step.source == trip.status and not accounts.has_role(user, trip.organisation_id, step.role):
        raise PermissionDenied(_("Your role does not allow this."))
    form = ReasonForm(
        request.POST if request.method == "POST" else None, needs_reason=step.needs_reason
    )
    back = _next_url(request, reverse("trips:review", args=[trip.pk]))
    if request.method == "POST" and form.is_valid():
        try:
            service.transition(trip.pk, name, user=user, reason=form.cleaned_data["reason"])
        except service.TransitionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, str(DONE.get(name, _("Done."))))
            return redirect(back)
    context = {
        "trip": trip,
        "step": step,
        "form": form,
        "next": back,
        "applies": trip.status == step.source,
    }
    return render(
        request, "trips/transition.html", context, status=400 if request.method == "POST" else 200
    )


def _next_url(request: HttpRequest, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, {request.get_host()}, request.is_secure()
    ):
        return candidate
    return default
