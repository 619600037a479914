"""Integration tokens: write access to the API for one system of one organisation.

Only a hash of the key is stored (the key is shown once, when it is made); each token acts through its own
technical user, a member of the token's organisation with the token's role (see docs/decisions/0005).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TokenRole(models.TextChoices):
    # The same values as accounts.Role: the technical user gets a Membership with this role.
    EDITOR = "editor", _("editor")
    REVIEWER = "reviewer", _("reviewer")


class IntegrationToken(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="integration_tokens",
        verbose_name=_("organisation"),
    )  # fmt: skip
    name = models.CharField(
        _("name"), max_length=150, help_text=_("Which system uses this token, e.g. “case system”.")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=TokenRole.choices, default=TokenRole.EDITOR
    )
    # SHA-256 of the key: keys are long random strings, so a fast hash cannot be reversed by guessing.
    key_hash = models.CharField(_("hash of the key"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        _("start of the key"), max_length=12, editable=False,
        help_text=_("The first characters of the key, to recognise it; the rest is not stored."),
    )  # fmt: skip
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="integration_token",
        editable=False, verbose_name=_("technical user"),
    )  # fmt: skip
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["organisation", "name"]
        verbose_name = _("integration token")
        verbose_name_plural = _("integration tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
