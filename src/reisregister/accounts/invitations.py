"""The set-password link of an invitation and the e-mail that carries it.

The link is Django's password-reset link (``default_token_generator``): it holds no secret of its own, works
until the password is set or the user logs in (both change what the token was made from) and expires after
``PASSWORD_RESET_TIMEOUT`` (three days by default). Only ``accounts.service`` calls this module; it checks who
may invite whom.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from reisregister.accounts.models import Role, User
from reisregister.organisations.models import Organisation

logger = logging.getLogger(__name__)


def set_password_link(user: User, base_url: str) -> str:
    """An absolute link to the page where ``user`` chooses a password. ``base_url``: scheme and host."""
    path = reverse(
        "accounts:set-password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return base_url.rstrip("/") + path


def valid_days() -> int:
    """For how many days a link works, as the invitation and the members screen say it (at least one)."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def send(user: User, organisation: Organisation, role: Role, link: str, invited_by: User) -> bool:
    """E-mail the link to the user. False when the mail server refused it (the error is logged): the admin
    then hands the link over another way."""
    context = {
        "user": user,
        "organisation": organisation,
        "role": role.label,
        "link": link,
        "invited_by": invited_by.get_full_name() or invited_by.get_username(),
        "valid_days": valid_days(),
    }
    subject = " ".join(render_to_string("accounts/email/invitation_subject.txt", context).split())
    body = render_to_string("accounts/email/invitation.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:
        # SMTP errors come in many types (socket, smtplib, backend-specific): none may cost the admin the link.
        logger.exception("the invitation for user %s could not be sent", user.pk)
        return False
    return True
