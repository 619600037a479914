"""Who may do what: roles per organisation. Every view, command and API call asks here.

Keep this module small and stable; it is the accounts app's public surface.
"""

from __future__ import annotations

from django.db.models import QuerySet

from reisregister.accounts.models import Membership, Role, User
from reisregister.organisations.models import Organisation

_RANK = {Role.EDITOR: 1, Role.REVIEWER: 2, Role.ADMIN: 3}


def role_in(user: User, organisation: Organisation | int) -> Role | None:
    """The user's role in the organisation, or None. Superusers are admins everywhere."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    org_id = organisation if isinstance(organisation, int) else organisation.pk
    membership = Membership.objects.filter(user=user, organisation_id=org_id).only("role").first()
    return Role(membership.role) if membership else None


def has_role(user: User, organisation: Organisation | int, role: Role) -> bool:
    """Whether the user holds ``role`` or a stronger one in the organisation."""
    held = role_in(user, organisation)
    return held is not None and _RANK[held] >= _RANK[role]


def can_edit(user: User, organisation: Organisation | int) -> bool:
    return has_role(user, organisation, Role.EDITOR)


def can_review(user: User, organisation: Organisation | int) -> bool:
    return has_role(user, organisation, Role.REVIEWER)


def organisations_for(user: User, role: Role = Role.EDITOR) -> QuerySet[Organisation]:
    """Organisations in which the user holds at least ``role``."""
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    roles = [r for r, rank in _RANK.items() if rank >= _RANK[role]]
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=roles
    ).distinct()
