"""CSV as a stream of bytes: a header row, then one row per item, written in chunks so that memory stays
constant however many trips there are.

UTF-8 *with* a byte order mark: Excel, which many readers of this data open it with, reads a CSV without one
as the local code page and garbles every accented name (München, Gdańsk). Tools for programmers skip the mark
(pandas, R) or do with ``encoding="utf-8-sig"`` (Python's csv module); docs/opendata.md says so. Lines end
in CRLF and fields are quoted where needed, as RFC 4180 asks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import TypeVar

from reisregister.opendata.columns import Column

BOM = "\ufeff"
CHUNK_CHARACTERS = 64 * 1024  # big enough to keep the number of writes to the socket low
_T = TypeVar("_T")


def stream(columns: tuple[Column[_T], ...], items: Iterable[_T]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(BOM)
    writer.writerow([column.name for column in columns])
    for item in items:
        writer.writerow([column.value(item) for column in columns])
        if buffer.tell() >= CHUNK_CHARACTERS:
            yield _take(buffer)
    yield _take(buffer)


def _take(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return data
