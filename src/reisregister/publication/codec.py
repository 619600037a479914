"""The public view objects as JSON and back, for the frozen copies of published trips (``snapshots``).

JSON, not pickle: the stored copy can be read (and checked) by anyone with database access, and loading it can
never run code. The converters are derived from the dataclasses' own type hints, so a new field needs no change
here; ``FORMAT`` changes with the shape of ``PublicTrip`` and marks every stored copy outdated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

from reisregister.publication.objects import PublicTrip

# Bump when ``publication.service`` builds a different PublicTrip from the same rows (a redaction rule, a
# derived value): stored copies made by the old code are then rebuilt when first read. Changes in the *shape*
# of the objects are noticed without this (see ``_shape``).
BUILD = 1

_Convert = Callable[[Any], Any]


def encode(value: Any) -> Any:
    """A JSON-ready structure: dataclasses become objects, tuples lists, dates/times ISO text, amounts text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def decode_trip(data: dict[str, Any]) -> PublicTrip:
    trip: PublicTrip = _converter(PublicTrip)(data)
    return trip


@cache
def _converter(hint: Any) -> _Convert:
    """A function from JSON to the type ``hint`` (built once per type: decoding is on every trip page)."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_converter(hint)
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])  # tuple[X, ...]
        return lambda value: tuple(item(v) for v in value)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"only X | None unions are supported, not {hint}")
        convert = _converter(inner[0])
        return lambda value: None if value is None else convert(value)
    scalar = _SCALARS.get(hint)
    if scalar is None:
        raise TypeError(f"no JSON converter for {hint!r}")
    return scalar


def _same(value: Any) -> Any:
    return value


_SCALARS: dict[Any, _Convert] = {
    dt.datetime: dt.datetime.fromisoformat,
    dt.date: dt.date.fromisoformat,
    dt.time: dt.time.fromisoformat,
    Decimal: Decimal,
    str: _same,
    int: _same,
    bool: _same,
}


def _dataclass_converter(cls: type[Any]) -> _Convert:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls)]

    def convert(value: dict[str, Any]) -> Any:
        # A missing key falls back to the field's default; without one, the constructor says which is missing.
        return cls(**{name: conv(value[name]) for name, conv in fields if name in value})

    return convert


def _shape(hint: Any) -> str:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        inner = ",".join(f"{f.name}:{_shape(hints[f.name])}" for f in dataclasses.fields(hint))
        return f"{hint.__name__}({inner})"
    args = typing.get_args(hint)
    if args:
        return f"{typing.get_origin(hint)}[{','.join(_shape(a) for a in args)}]"
    return getattr(hint, "__name__", repr(hint))


FORMAT = f"{BUILD}.{hashlib.sha256(_shape(PublicTrip).encode()).hexdigest()[:12]}"
