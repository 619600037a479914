"""JSON as a stream of bytes: one array (``trips.json``) or one object per line (``trips.jsonl``), written in
chunks so that memory stays constant however many trips there are. Each record sits on its own line in both,
so the array is readable in a text editor and the lines can be cut apart with ``head`` or ``split``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

CHUNK_CHARACTERS = 64 * 1024
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def array(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    parts: list[str] = ["["]
    size = 1
    separator = "\n"
    for record in records:
        line = separator + _dumps(record)
        separator = ",\n"
        parts.append(line)
        size += len(line)
        if size >= CHUNK_CHARACTERS:
            yield "".join(parts).encode("utf-8")
            parts, size = [], 0
    parts.append("\n]\n")
    yield "".join(parts).encode("utf-8")


def lines(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    parts: list[str] = []
    size = 0
    for record in records:
        line = _dumps(record) + "\n"
        parts.append(line)
        size += len(line)
        if size >= CHUNK_CHARACTERS:
            yield "".join(parts).encode("utf-8")
            parts, size = [], 0
    if parts:
        yield "".join(parts).encode("utf-8")
