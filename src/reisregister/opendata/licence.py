"""The licence of the open data, from ``settings.DATA_LICENCE`` (an SPDX identifier): CC0-1.0 by default, or
CC-BY-4.0. Any other identifier is shown as given, linked to its SPDX page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings


@dataclass(frozen=True, slots=True)
class Licence:
    identifier: str  # SPDX
    name: str
    url: str
    attribution: bool  # whether re-users must name the source


_KNOWN = {
    "CC0-1.0": Licence(
        "CC0-1.0", "CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/", False
    ),
    "CC-BY-4.0": Licence(
        "CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", True
    ),
}


def licence() -> Licence:
    identifier = str(getattr(settings, "DATA_LICENCE", "CC0-1.0") or "CC0-1.0").strip()
    known = _KNOWN.get(identifier)
    if known is not None:
        return known
    return Licence(
        identifier, identifier, f"https://spdx.org/licenses/{quote(identifier)}.html", True
    )
