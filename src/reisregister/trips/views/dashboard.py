"""The work area's start page: the trips of the user's organisations, grouped by status, with actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reisregister.accounts import service as accounts
from reisregister.accounts.models import User
from reisregister.trips import workflow
from reisregister.trips.models import Status, Trip
from reisregister.trips.views.access import login_required, trips_for, user_of

PER_GROUP = 10
PER_PAGE = 50


@dataclass
class Group:
    status: str
    label: str
    count: int
    trips: list[Any] = field(default_factory=list)


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    trips = trips_for(user).order_by("-updated_at", "-pk")
    counts = dict(
        trips.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    allowed = _transition_rules(user)
    only = request.GET.get("status")
    context: dict[str, Any] = {
        "can_create": accounts.organisations_for(user).exists(),
        "organisations": accounts.organisations_for(user),
    }
    if only in Status.values:
        page = Paginator(trips.filter(status=only), PER_PAGE).get_page(request.GET.get("page"))
        group = Group(
            only, str(Status(only).label), counts.get(only, 0), _with_actions(page, allowed)
        )
        context.update(groups=[group], page=page, only=only)
    else:
        groups = []
        for status in Status:
            listed = trips.filter(status=status)[:PER_GROUP]
            groups.append(
                Group(
                    status.value,
                    str(status.label),
                    counts.get(status.value, 0),
                    _with_actions(listed, allowed),
                )
            )
        context.update(groups=groups, page=None, only=None, per_group=PER_GROUP)
    return render(request, "trips/dashboard.html", context)


def _transition_rules(user: User) -> dict[tuple[int, str], bool]:
    """(organisation, role) -> allowed, asked once per organisation rather than once per trip."""
    rules = {}
    for organisation in accounts.organisations_for(user):
        for step in workflow.TRANSITIONS:
            key = (organisation.pk, step.role.value)
            if key not in rules:
                rules[key] = accounts.has_role(user, organisation, step.role)
    return rules


def _with_actions(trips: Any, allowed: dict[tuple[int, str], bool]) -> list[Any]:
    listed: list[Trip] = list(trips)
    for trip in listed:
        trip.actions = [  # type: ignore[attr-defined]
            step
            for step in workflow.available(trip.status)
            if allowed.get((trip.organisation_id, step.role.value), False)
        ]
    return listed
