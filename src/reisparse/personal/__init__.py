"""Find personal data in report text, for Woo redaction (Woo art. 5.1.1e, 5.1.2e).

Pure Python like the rest of reisparse. Person names come from deduce (Dutch, rule-based; loaded lazily, one
instance per process) and from our own rules for what deduce misses (names in lists such as "with: A, B and C",
titles such as "mevrouw", "dhr.", "Mr", "Dr"); e-mail addresses, phone numbers, postal addresses, IBAN, BSN
(elfproef) and licence plates from patterns with validation.

Public surface::

    findings = find_personal_data(text, keep=KeepList(names=("Jan Jansen",)))
    for f in findings: f.kind, f.text, f.start, f.end, f.kept  # kept: why it stays (public office), or ""

``warm()`` loads deduce's lookup structures ahead of the first request (``make install`` calls it once per
environment: the first load in a fresh environment builds a cache and takes about two minutes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    NAME = "name"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    IBAN = "iban"
    BSN = "bsn"
    LICENCE_PLATE = "licence_plate"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: Kind
    text: str  # exactly text[start:end]
    start: int
    end: int
    kept: str = (
        ""  # non-empty: a name that stays public, and why (e.g. "burgemeester", "public figure")
    )


@dataclass(frozen=True, slots=True)
class KeepList:
    """Names that stay: public office-holders (and, when configured, speakers at public events)."""

    names: tuple[str, ...] = ()
    keep_titled_office_holders: bool = (
        True  # "burgemeester Jan Jansen", "Minister X", "Ambassador Y"
    )
    extra: dict[str, str] = field(default_factory=dict)  # name -> reason


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def find_personal_data(text: str, *, keep: KeepList | None = None) -> list[Finding]:
    """Every piece of personal data in ``text``, in order of position. STUB: e-mail only (to be completed)."""
    return [Finding(Kind.EMAIL, m.group(), m.start(), m.end()) for m in _EMAIL.finditer(text)]


def warm() -> None:
    """Load the heavy name detector now rather than on the first call."""


def kinds() -> Iterable[Kind]:
    return iter(Kind)
