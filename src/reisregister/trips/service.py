"""The trips app's public surface: create, edit and move trips through the workflow.

Views, the importer, the API and commands call these functions and nothing below them. Each write runs in one
transaction and writes its AuditEvent in that same transaction; permission checks happen here, not in views.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reisregister.accounts import service as accounts
from reisregister.accounts.models import User
from reisregister.followups.models import FollowUp
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from reisregister.redaction import service as redaction
from reisregister.trips import validation, workflow
from reisregister.trips.data import PART_KINDS, TRIP_FIELDS, TripData
from reisregister.trips.models import (
    AuditEvent,
    Contact,
    CostLine,
    Destination,
    Goal,
    Outcome,
    ProgrammeItem,
    Status,
    Traveller,
    Trip,
)
from reisregister.trips.snapshot import from_data as snapshot_of_data
from reisregister.trips.snapshot import snapshot

PART_MODELS: dict[str, type[models.Model]] = {
    "travellers": Traveller,
    "destinations": Destination,
    "goals": Goal,
    "programme": ProgrammeItem,
    "contacts": Contact,
    "outcomes": Outcome,
    "follow_ups": FollowUp,
    "costs": CostLine,
}


class ConflictError(Exception):
    """Someone else saved the trip after this edit started. Nothing was written."""

    def __init__(self, current_version: int) -> None:
        super().__init__(_("This trip was changed by someone else while you were editing it."))
        self.current_version = current_version


class TransitionError(Exception):
    """The transition does not apply to the trip's current status, or lacks a reason."""


def record(trip: Trip | None, action: str, *, user: User | None, before: Any = None, after: Any = None,
           note: str = "") -> AuditEvent:  # fmt: skip
    """Write one audit event. Call inside the transaction that makes the change."""
    return AuditEvent.objects.create(
        trip=trip, actor=user if user and user.is_authenticated else None,
        action=action, before=before, after=after, note=note,
    )  # fmt: skip


def _write_parts(trip: Trip, data: TripData, *, new: bool = False) -> None:
    if (
        not new
    ):  # a brand-new trip has no rows to replace; skipping eight DELETEs matters for bulk import
        for kind in PART_KINDS:
            PART_MODELS[kind].objects.filter(trip=trip).delete()  # type: ignore[attr-defined]
    # One INSERT for all goals; both databases return the new keys, which outcomes need.
    created = Goal.objects.bulk_create(
        [Goal(trip=trip, position=position, **row) for position, row in enumerate(data.goals)]
    )
    goals: dict[str, Goal] = {goal.label: goal for goal in created if goal.label}
    for kind in PART_KINDS:
        if kind == "goals":
            continue
        model = PART_MODELS[kind]
        rows = []
        for position, row in enumerate(getattr(data, kind)):
            values = dict(row)
            if kind == "outcomes":
                values["goal"] = goals.get(values.pop("goal_label", "") or "")
            rows.append(model(trip=trip, position=position, **values))
        model.objects.bulk_create(rows)  # type: ignore[attr-defined]


def _apply_fields(trip: Trip, data: TripData) -> None:
    for name in TRIP_FIELDS:
        setattr(trip, name, getattr(data, name))
    trip.unconfirmed_fields = list(data.unconfirmed_fields)
    trip.field_evidence = dict(data.field_evidence)
    if data.source_text:
        trip.source_text = data.source_text


def create_trip(
    organisation: Organisation, data: TripData, *, user: User | None, action: str = "created",
    source_document: Any = None, source_trip_index: int = 0, check_permission: bool = True,
    validate: bool = True,
) -> Trip:  # fmt: skip
    """A new draft trip with all its rows. ``check_permission=False`` is for trusted callers (the importer
    run by an administrator from the command line). The importer passes ``validate=False``: a document may
    contradict itself, and the review screen is where a person resolves that, not the import."""
    if check_permission and (user is None or not accounts.can_edit(user, organisation)):
        raise PermissionDenied(_("You may not add trips for %(org)s.") % {"org": organisation})
    if validate:
        validation.validate(data)
    with transaction.atomic():
        trip = Trip(organisation=organisation, created_by=user if user and user.is_authenticated else None,
                    source_document=source_document, source_trip_index=source_trip_index)  # fmt: skip
        _apply_fields(trip, data)
        trip.save()
        _write_parts(trip, data, new=True)
        record(trip, action, user=user, after=snapshot_of_data(data))
    return trip


def save_trip(trip_id: int, data: TripData, *, user: User, expected_version: int) -> Trip:
    """Replace a trip's fields and rows. Raises ConflictError when the trip moved on since
    ``expected_version``, ValidationError for inconsistent data, PermissionDenied for the wrong user or a trip
    that is no longer editable."""
    validation.validate(data)
    with transaction.atomic():
        trip = Trip.objects.select_for_update().get(pk=trip_id)
        if not accounts.can_edit(user, trip.organisation_id):
            raise PermissionDenied(_("You may not edit this trip."))
        if trip.status not in workflow.EDITABLE:
            raise PermissionDenied(
                _("A published or withdrawn trip cannot be edited; reopen it first.")
            )
        if trip.version != expected_version:
            raise ConflictError(trip.version)
        before = snapshot(trip)
        _apply_fields(trip, data)
        trip.version += 1
        trip.save()
        _write_parts(trip, data)
        record(trip, "edited", user=user, before=before, after=snapshot(trip))
    return trip


def transition(
    trip_id: int, name: str, *, user: User | None, reason: str = "", check_permission: bool = True
) -> Trip:
    """Move a trip along the workflow table; writes the AuditEvent in the same transaction."""
    step = workflow.BY_NAME.get(name)
    if step is None:
        raise TransitionError(_("Unknown transition: %(name)s") % {"name": name})
    if step.target == Status.PUBLISHED:
        # Run the detector outside the transition's transaction: when publication is refused because
        # suggestions wait, the new suggestions must stay for the reviewer (a rollback would drop them).
        scanned = Trip.objects.filter(pk=trip_id).first()
        if scanned is not None:
            redaction.scan(scanned)
    with transaction.atomic():
        trip = Trip.objects.select_for_update().get(pk=trip_id)
        if check_permission and (
            user is None or not accounts.has_role(user, trip.organisation_id, step.role)
        ):
            raise PermissionDenied(
                _("You may not take the step “%(step)s” for this trip.") % {"step": step.label}
            )
        if trip.status != step.source:
            raise TransitionError(
                _("The step “%(step)s” does not apply to a trip with status “%(status)s”.")
                % {"step": step.label, "status": trip.get_status_display()}
            )
        if step.needs_reason and not reason.strip():
            raise TransitionError(_("Give a reason."))
        if step.target == Status.PUBLISHED:
            try:
                redaction.ensure_publishable(trip)
            except redaction.RedactionsPending as pending:
                raise TransitionError(str(pending)) from pending
        before = {"status": trip.status}
        trip.status = step.target
        if step.name in ("publish", "republish"):
            trip.published_at = timezone.now()
            trip.withdrawn_reason = ""
        elif step.name == "withdraw":
            trip.withdrawn_reason = reason
        trip.version += 1
        trip.save()
        record(
            trip, step.name, user=user, before=before, after={"status": trip.status}, note=reason
        )
        publication.refresh(trip.pk)  # the public copy commits (or goes) with the status
        transaction.on_commit(lambda: _after_transition(trip.pk))
    return trip


def _after_transition(trip_id: int) -> None:
    # The search index holds published trips only; keep it in step after every transition.
    from reisregister.search import service as search

    search.sync_trip(trip_id)


def history(trip: Trip) -> models.QuerySet[AuditEvent]:
    return trip.audit_events.select_related("actor").order_by("at", "pk")


def confirm_all(trip_id: int, *, user: User, expected_version: int) -> Trip:
    """Mark every extracted value of the trip as confirmed by this user."""
    with transaction.atomic():
        trip = Trip.objects.select_for_update().get(pk=trip_id)
        if not accounts.can_edit(user, trip.organisation_id):
            raise PermissionDenied(_("You may not edit this trip."))
        if trip.version != expected_version:
            raise ConflictError(trip.version)
        for model in PART_MODELS.values():
            model.objects.filter(trip=trip, confirmed=False).update(confirmed=True)  # type: ignore[attr-defined]
        trip.unconfirmed_fields = []
        trip.version += 1
        trip.save()
        record(trip, "confirmed", user=user)
    return trip


__all__ = [
    "ConflictError",
    "Status",
    "TransitionError",
    "TripData",
    "ValidationError",
    "confirm_all",
    "create_trip",
    "history",
    "record",
    "save_trip",
    "transition",
]
