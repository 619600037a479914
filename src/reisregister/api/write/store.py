"""Reading the trips an integration works on: the one place in ``api.write`` that reads below
``trips.service`` (the service has no read functions yet). It returns a trip of the token's organisation as
the ``TripData`` that would save it unchanged, with its workflow state; writes go through ``trips.service``.
"""

from __future__ import annotations

from dataclasses import dataclass

from reisregister.accounts import service as accounts
from reisregister.accounts.models import Role, User
from reisregister.api.models import IntegrationToken
from reisregister.trips import workflow
from reisregister.trips.data import TripData
from reisregister.trips.forms.editor import trip_data_of
from reisregister.trips.models import Trip

TRANSITIONS = tuple(step.name for step in workflow.TRANSITIONS)
MAX_ID = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Draft:
    """A trip as the integration sees it: its data, and where it stands in the workflow."""

    id: int
    status: str
    version: int
    organisation_code: str
    organisation_name: str
    data: TripData
    unconfirmed_fields: tuple[str, ...]
    transitions: tuple[str, ...]  # the steps the token's role may take from here


def load(trip_id: int, token: IntegrationToken) -> Draft | None:
    """The trip if it belongs to the token's organisation; None for any other (or none at all)."""
    if not 0 < trip_id <= MAX_ID:
        return None
    trip = (
        Trip.objects.select_related("organisation")
        .filter(pk=trip_id, organisation_id=token.organisation_id)
        .first()
    )
    return None if trip is None else _draft(trip, token.user)


def _draft(trip: Trip, user: User) -> Draft:
    return Draft(
        id=trip.pk, status=trip.status, version=trip.version,
        organisation_code=trip.organisation.tooi_code, organisation_name=trip.organisation.name,
        data=trip_data_of(trip), unconfirmed_fields=tuple(trip.unconfirmed_fields or ()),
        transitions=tuple(
            step.name for step in workflow.available(trip.status)
            if accounts.has_role(user, trip.organisation_id, Role(step.role))
        ),
    )  # fmt: skip


def is_editable(status: str) -> bool:
    return status in workflow.EDITABLE
