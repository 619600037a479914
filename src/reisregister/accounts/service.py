"""Who may do what: roles per organisation. Every view, command and API call asks here. Admins of an
organisation manage its members through the functions at the end, which check that role themselves.

Keep this module small and stable; it is the accounts app's public surface.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from reisregister.accounts import invitations
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


# --------------------------------------------------------------------------- members of an organisation
#
# Admins of an organisation manage who works for it. Every function checks that the actor is an admin of the
# organisation and raises PermissionDenied otherwise; a broken rule is a ValidationError with a message for the
# screen. Changes are logged (logger "reisregister.accounts.members", level INFO): AuditEvent belongs to trips.

members_log = logging.getLogger("reisregister.accounts.members")


@dataclass(frozen=True)
class Invitation:
    """A new member without a password yet, and the one-time link with which they choose one."""

    membership: Membership
    link: str
    sent: bool  # whether the e-mail with the link went out


def can_manage_members(user: User, organisation: Organisation | int) -> bool:
    return has_role(user, organisation, Role.ADMIN)


def members(actor: User, organisation: Organisation) -> QuerySet[Membership]:
    """The organisation's memberships with their users, by user name."""
    _require_admin(actor, organisation)
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__username")
    )


def invitation_pending(user: User) -> bool:
    """Invited but never logged in: the account has no password yet."""
    return user.is_active and user.last_login is None and not user.has_usable_password()


def is_last_admin(membership: Membership) -> bool:
    """Whether this is the organisation's only admin membership (which cannot be removed or demoted)."""
    return (
        membership.role == Role.ADMIN
        and not Membership.objects.filter(
            organisation_id=membership.organisation_id, role=Role.ADMIN
        )
        .exclude(pk=membership.pk)
        .exists()
    )


def add_member(actor: User, organisation: Organisation, identifier: str, role: Role) -> Membership:
    """Give an existing user (found by user name or e-mail address) a role in the organisation."""
    _require_admin(actor, organisation)
    role = Role(role)
    user = _find_user(identifier)
    try:
        with transaction.atomic():
            membership = Membership.objects.create(user=user, organisation=organisation, role=role)
    except IntegrityError:
        raise ValidationError(
            _(
                "%(user)s is already a member of %(organisation)s. Change the role in the list instead."
            )
            % {"user": user.get_username(), "organisation": organisation},
            code="member",
        ) from None
    _log(actor, organisation, user, "added", new=role)
    return membership


def invite_member(
    actor: User,
    organisation: Organisation,
    *,
    username: str,
    email: str,
    role: Role,
    base_url: str,
    first_name: str = "",
    last_name: str = "",
) -> Invitation:
    """Create a user without a usable password, give them the role and e-mail them a link to choose one.
    ``base_url`` (scheme and host) starts the link. Errors name the field they belong to."""
    _require_admin(actor, organisation)
    role = Role(role)
    username, email = username.strip(), email.strip()
    taken = _(
        "This user name is taken. If it is the person you mean, add them as an existing user."
    )
    errors: dict[str, str] = {}
    if User.objects.filter(username__iexact=username).exists():
        errors["username"] = taken
    if email and User.objects.filter(email__iexact=email).exists():
        errors["email"] = _(
            "A user with this e-mail address exists already: add them as an existing user."
        )
    if not email:
        errors["email"] = _("Give an e-mail address: the invitation is sent there.")
    if errors:
        raise ValidationError(errors)
    user = User(
        username=username, email=email, first_name=first_name.strip(), last_name=last_name.strip()
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    try:
        with transaction.atomic():
            user.save()
            membership = Membership.objects.create(user=user, organisation=organisation, role=role)
    except IntegrityError:
        # Someone else took the user name between the check above and now.
        raise ValidationError({"username": taken}) from None
    _log(actor, organisation, user, "invited", new=role)
    # The e-mail goes out after the commit: no write lock is held while a mail server is slow.
    return _invite(actor, membership, base_url)


def resend_invitation(
    actor: User, organisation: Organisation, user_id: int, *, base_url: str
) -> Invitation:
    """A fresh link for a member who has not chosen a password yet (an earlier link may have expired).
    Never for an account in use: that would let one organisation's admin take over another's user."""
    _require_admin(actor, organisation)
    membership = _membership(organisation, user_id)
    if not invitation_pending(membership.user):
        raise ValidationError(
            _("%(user)s has a password already; there is no invitation to send again.")
            % {"user": membership.user.get_username()},
            code="not_pending",
        )
    _log(actor, organisation, membership.user, "invited again", old=membership.role)
    return _invite(actor, membership, base_url)


@transaction.atomic
def change_role(actor: User, organisation: Organisation, user_id: int, role: Role) -> Membership:
    """Give a member another role. The last admin cannot be demoted. Membership.DoesNotExist for a user who is
    not a member."""
    _require_admin(actor, organisation)
    role = Role(role)
    membership = _membership(organisation, user_id, lock=True)
    old = Role(membership.role)
    if old == role:
        return membership
    if old == Role.ADMIN:
        _keep_an_admin(organisation, membership)
    membership.role = role
    membership.save(update_fields=["role"])
    _log(actor, organisation, membership.user, "role changed", old=old, new=role)
    return membership


@transaction.atomic
def remove_member(actor: User, organisation: Organisation, user_id: int) -> User:
    """Take the user's role in the organisation away (the account itself stays: it may serve elsewhere).
    The last admin cannot be removed. Membership.DoesNotExist for a user who is not a member."""
    _require_admin(actor, organisation)
    membership = _membership(organisation, user_id, lock=True)
    old = Role(membership.role)
    if old == Role.ADMIN:
        _keep_an_admin(organisation, membership)
    membership.delete()
    _log(actor, organisation, membership.user, "removed", old=old)
    return membership.user


def _require_admin(actor: User, organisation: Organisation) -> None:
    if not can_manage_members(actor, organisation):
        raise PermissionDenied(
            _("Only an administrator of %(organisation)s can manage its members.")
            % {"organisation": organisation}
        )


def _find_user(identifier: str) -> User:
    identifier = identifier.strip()
    if not identifier:
        raise ValidationError(_("Give a user name or an e-mail address."), code="required")
    # User names are unique as typed; a match that differs only in case counts when it is the only one.
    found = list(User.objects.filter(username=identifier)[:1]) or list(
        User.objects.filter(username__iexact=identifier)[:2]
    )
    if not found and "@" in identifier:
        found = list(User.objects.filter(email__iexact=identifier)[:2])
        if len(found) > 1:
            raise ValidationError(
                _("More than one user has this e-mail address. Give the user name instead."),
                code="ambiguous",
            )
    if len(found) != 1:
        raise ValidationError(
            _(
                "No user has this user name or e-mail address. To add someone who has no account yet, "
                "invite them."
            ),
            code="unknown",
        )
    return found[0]


def _membership(organisation: Organisation, user_id: int, *, lock: bool = False) -> Membership:
    rows = Membership.objects.select_related("user")
    if lock:
        rows = rows.select_for_update()
    membership = rows.get(organisation=organisation, user_id=user_id)
    # Known already: the messages and the invitation e-mail need no query for it.
    membership.organisation = organisation
    return membership


def _keep_an_admin(organisation: Organisation, leaving: Membership) -> None:
    # Lock the organisation's admin rows, so two admins demoting each other at once cannot both succeed.
    admins = list(
        Membership.objects.select_for_update()
        .filter(organisation=organisation, role=Role.ADMIN)
        .values_list("pk", flat=True)
    )
    if admins == [leaving.pk]:
        raise ValidationError(
            _(
                "%(user)s is the last administrator of %(organisation)s. Make another member an "
                "administrator first."
            )
            % {"user": leaving.user.get_username(), "organisation": organisation},
            code="last_admin",
        )


def _invite(actor: User, membership: Membership, base_url: str) -> Invitation:
    link = invitations.set_password_link(membership.user, base_url)
    sent = invitations.send(
        membership.user, membership.organisation, Role(membership.role), link, invited_by=actor
    )
    return Invitation(membership=membership, link=link, sent=sent)


def _log(
    actor: User,
    organisation: Organisation,
    user: User,
    change: str,
    *,
    old: str | None = None,
    new: str | None = None,
) -> None:
    members_log.info(
        "%s: %s %s in %s (role %s -> %s)",
        actor.get_username(),
        change,
        user.get_username(),
        organisation.tooi_code,
        old or "-",
        new or "-",
    )
