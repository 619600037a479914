"""Which trips a signed-in user may see in the work area, and which transitions they may make.

Trips of organisations the user does not belong to are a 404, not a 403: the work area does not confirm
that another organisation's trip exists. The service functions check roles again when something is written.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from reisregister.accounts import service as accounts
from reisregister.accounts.models import User
from reisregister.trips import workflow
from reisregister.trips.models import Trip

__all__ = ["login_required", "transitions_for", "trip_for", "trips_for", "user_of"]


def user_of(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User), "work views are behind login_required"
    return user


def trips_for(user: User) -> QuerySet[Trip]:
    """Every trip of the organisations in which the user has a role."""
    return Trip.objects.filter(organisation__in=accounts.organisations_for(user)).select_related(
        "organisation"
    )


def trip_for(request: HttpRequest, pk: int) -> Trip:
    return get_object_or_404(trips_for(user_of(request)).select_related("source_document"), pk=pk)


def transitions_for(user: User, trip: Trip) -> list[workflow.Transition]:
    """The transitions from the trip's status that this user's role allows."""
    return [
        step
        for step in workflow.available(trip.status)
        if accounts.has_role(user, trip.organisation_id, step.role)
    ]
