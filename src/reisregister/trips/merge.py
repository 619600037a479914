"""Three-way merge of two edits of one trip, field by field and section by section.

The form carries a digest of every field and section as it was when the editor opened it (``base``). When the
save meets a newer version (someone else saved meanwhile), each field is decided on its own:

- changed only by the other person: their value is kept;
- changed only by this editor: this editor's value is kept;
- changed by both to different values: a real conflict, which the editor resolves (the form shows it).

So two people who correct different parts of a report never undo each other's work, and nobody's change is
dropped without being shown. A section of rows (the programme, the contacts…) counts as one value: merging
inside a list of rows would guess at which row is which.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder

from reisregister.trips.data import PART_KINDS, TRIP_FIELDS, TripData

MERGED = TRIP_FIELDS + PART_KINDS


def digests(data: TripData) -> dict[str, str]:
    """A short digest of every field and section, to compare versions without carrying their values."""
    return {name: _digest(getattr(data, name)) for name in MERGED}


def encode(values: dict[str, str]) -> str:
    return json.dumps(values, sort_keys=True, separators=(",", ":"))


def decode(raw: str) -> dict[str, str]:
    """The form's ``base`` field; empty when missing or unreadable (then every difference is a conflict)."""
    try:
        found = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {k: v for k, v in found.items() if isinstance(v, str)} if isinstance(found, dict) else {}


@dataclass(frozen=True)
class Merge:
    data: TripData
    theirs: tuple[str, ...]  # names whose value was taken from the other person's version
    both: tuple[str, ...]  # names both changed differently: this editor's value is in ``data``

    @property
    def clean(self) -> bool:
        return not self.both


def merge(base: dict[str, str], yours: TripData, theirs: TripData) -> Merge:
    taken, both = [], []
    values = {}
    for name in MERGED:
        mine, other = getattr(yours, name), getattr(theirs, name)
        if _digest(mine) == _digest(other):
            continue
        original = base.get(name)
        if original == _digest(mine):  # this editor left it alone: the other change stays
            values[name] = other
            taken.append(name)
        elif original != _digest(other):  # both moved away from the original, differently
            both.append(name)
    # Provenance travels with the values it describes: an unconfirmed mark of a field taken from the other
    # version is theirs; evidence spans belong to the document, which no edit changes.
    unconfirmed = [n for n in yours.unconfirmed_fields if n not in taken] + [
        n for n in theirs.unconfirmed_fields if n in taken
    ]
    merged = dataclasses.replace(yours, **values, unconfirmed_fields=unconfirmed)
    return Merge(merged, tuple(taken), tuple(both))


def _digest(value: object) -> str:
    text = json.dumps(value, default=_plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _plain(value: object) -> object:
    # 12.5 typed into the form equals 12.50 read from the database: compare amounts by value, not by text.
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return _ENCODER.default(value)


_ENCODER = DjangoJSONEncoder()
