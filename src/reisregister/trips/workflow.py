"""The publication workflow as an explicit transition table.

    draft ──submit──▶ submitted ──publish──▶ published ──withdraw──▶ withdrawn
      ▲                 │                        ▲                      │
      └────return───────┘                        └──────republish───────┤
      ▲                                                                 │
      └──────────────────────────reopen─────────────────────────────────┘

Only reviewers publish, withdraw, republish and return; editors submit and reopen. Every transition writes an
AuditEvent in the same transaction (see ``trips.service.transition``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from reisregister.accounts.models import Role
from reisregister.trips.models import Status

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True, slots=True)
class Transition:
    name: str
    source: Status
    target: Status
    role: Role
    label: StrPromise
    needs_reason: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition("submit", Status.DRAFT, Status.SUBMITTED, Role.EDITOR, _("Submit for review")),
    Transition(
        "return",
        Status.SUBMITTED,
        Status.DRAFT,
        Role.REVIEWER,
        _("Return to the editor"),
        needs_reason=True,
    ),
    Transition("publish", Status.SUBMITTED, Status.PUBLISHED, Role.REVIEWER, _("Publish")),
    Transition(
        "withdraw",
        Status.PUBLISHED,
        Status.WITHDRAWN,
        Role.REVIEWER,
        _("Withdraw"),
        needs_reason=True,
    ),
    Transition("republish", Status.WITHDRAWN, Status.PUBLISHED, Role.REVIEWER, _("Publish again")),
    Transition("reopen", Status.WITHDRAWN, Status.DRAFT, Role.EDITOR, _("Reopen as draft")),
)
BY_NAME = {t.name: t for t in TRANSITIONS}

# Trips can be edited only before publication; a published trip is withdrawn and reopened to change it.
EDITABLE = frozenset({Status.DRAFT, Status.SUBMITTED})


def available(status: str) -> tuple[Transition, ...]:
    return tuple(t for t in TRANSITIONS if t.source == status)
