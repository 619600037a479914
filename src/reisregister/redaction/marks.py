"""The Woo grounds for redaction and how a redacted passage reads in public output.

Every public output replaces a redacted passage by its mark, the ground in square brackets: ``[5.1.2e]``,
the way Dutch bodies stamp the ground on a blacked-out box. HTML pages and PDF renditions draw the mark as a
black box with the ground in it (``MARK_RE`` finds marks in already redacted text); data exports keep the
plain mark, which the dataset page documents.
"""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class Ground(models.TextChoices):
    """Grounds of the Wet open overheid (Woo) for withholding information, art. 5.1 and 5.2."""

    UNITY_OF_CROWN = "5.1.1a", _("5.1.1a unity of the Crown")
    STATE_SECURITY = "5.1.1b", _("5.1.1b security of the State")
    CONFIDENTIAL_BUSINESS = "5.1.1c", _("5.1.1c business data given in confidence")
    SPECIAL_PERSONAL_DATA = "5.1.1d", _("5.1.1d special categories of personal data")
    IDENTIFICATION_NUMBERS = "5.1.1e", _("5.1.1e identification numbers (such as the BSN)")
    INTERNATIONAL_RELATIONS = (
        "5.1.2a",
        _("5.1.2a relations with other states and international organisations"),
    )
    ECONOMIC_INTERESTS = "5.1.2b", _("5.1.2b economic or financial interests of the State")
    CRIME_PREVENTION = "5.1.2c", _("5.1.2c prevention and prosecution of criminal offences")
    INSPECTION = "5.1.2d", _("5.1.2d inspection, control and supervision")
    PRIVACY = "5.1.2e", _("5.1.2e respect for privacy")
    COMPETITION = "5.1.2f", _("5.1.2f competition-sensitive business data")
    ENVIRONMENT = "5.1.2g", _("5.1.2g protection of the environment")
    SAFETY = "5.1.2h", _("5.1.2h security of persons and companies")
    FUNCTIONING_OF_STATE = "5.1.2i", _("5.1.2i proper functioning of the State")
    PERSONAL_POLICY_VIEWS = "5.2", _("5.2 personal policy views in internal consultation")


MARK_RE = re.compile(r"\[(5\.1\.[12][a-i]|5\.2)\]")


def mark(ground: str) -> str:
    """What replaces a redacted passage in public output."""
    return f"[{ground}]"
