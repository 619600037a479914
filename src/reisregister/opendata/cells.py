"""How one value is written into a CSV cell, the same way in every column.

- several values in one cell (travellers, destinations, ...) are joined with " | "; a "|" inside a value
  becomes "/", so the separator is never ambiguous;
- amounts with a dot as decimal separator and no thousands separator (``1200.00``);
- dates and times in ISO 8601 (``2024-06-12``, ``2024-06-20T08:00:00+00:00``); booleans ``true``/``false``;
- a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so a
  spreadsheet shows it as text instead of running it as a formula (CSV injection).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

SEPARATOR = " | "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def joined(values: Iterable[str]) -> str:
    return text(SEPARATOR.join(value.replace("|", "/") for value in values))


def amount(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def day(value: dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def moment(value: dt.datetime | None) -> str:
    return "" if value is None else value.astimezone(dt.UTC).isoformat()


def flag(value: bool) -> str:
    return "true" if value else "false"


def number(value: int | None) -> str:
    return "" if value is None else str(value)
