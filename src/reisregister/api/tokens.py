"""Issuing and checking integration tokens. The admin, the ``api_token`` command and the API's
authentication call these functions; nothing else touches a key.

A key is ``rr_`` followed by 43 random URL-safe characters (256 bits). It is returned once by ``issue`` and
never stored: the database holds its SHA-256 and its first characters.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reisregister.accounts.models import Membership, User
from reisregister.api.models import IntegrationToken, TokenRole
from reisregister.organisations.models import Organisation

KEY_PREFIX = "rr_"
_PREFIX_LENGTH = 10
# Writing "last used" on every request would turn each read into a write; once a minute says enough.
_TOUCH_AFTER = dt.timedelta(minutes=1)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue(
    organisation: Organisation, name: str, role: str = TokenRole.EDITOR
) -> tuple[IntegrationToken, str]:
    """A new token and its key (shown to the caller once), with its technical user and membership."""
    name = " ".join(name.split())
    if not name:
        raise ValueError(_("Give the token a name (which system uses it)."))
    if role not in TokenRole.values:
        raise ValueError(
            _("Unknown role %(role)s: use one of %(roles)s.")
            % {"role": role, "roles": ", ".join(TokenRole.values)}
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        user = User(
            username=f"api-{organisation.tooi_code}-{secrets.token_hex(4)}",
            # Audit events show the actor's full name: "Case system [API]" names the integration.
            first_name=name[:140], last_name="[API]",
        )  # fmt: skip
        user.set_unusable_password()
        user.save()
        token = IntegrationToken.objects.create(
            organisation=organisation, name=name, role=role, key_hash=hash_key(key),
            prefix=key[:_PREFIX_LENGTH], user=user,
        )  # fmt: skip
        sync(token)
    return token, key


def sync(token: IntegrationToken) -> None:
    """Bring the technical user in line with the token: its role, and active only while the token is."""
    user = token.user
    user.first_name = token.name[:140]
    user.is_active = token.active
    user.save(update_fields=["first_name", "is_active"])
    Membership.objects.update_or_create(
        user=user, organisation=token.organisation, defaults={"role": token.role}
    )
    Membership.objects.filter(user=user).exclude(organisation=token.organisation).delete()


def authenticate(key: str) -> IntegrationToken | None:
    """The active token with this key, or None."""
    if not key.startswith(KEY_PREFIX):
        return None
    token = (
        IntegrationToken.objects.select_related("user", "organisation")
        .filter(key_hash=hash_key(key), active=True, user__is_active=True)
        .first()
    )
    if token is not None:
        _touch(token)
    return token


def _touch(token: IntegrationToken) -> None:
    now = timezone.now()
    if token.last_used is None or now - token.last_used > _TOUCH_AFTER:
        IntegrationToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now


def deactivate(token: IntegrationToken) -> None:
    token.active = False
    token.save(update_fields=["active"])
    sync(token)
