"""The public value types of ``reisparse.personal`` (re-exported by the package)."""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span a detector proposes; the resolver keeps the longest of overlapping candidates."""

    kind: Kind
    start: int
    end: int
    kept: str = ""
    strength: int = 0  # breaks ties between equally long candidates: the better evidence wins
