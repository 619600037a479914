"""reisparse: turn trip reports (reisverslagen) into structured, traceable data.

Public API::

    reports = reisparse.parse(Path("verslag.pdf"))
    reports[0].to_dict()   # the JSON contract reisparse.report/1

Pure Python: this package never imports Django (an import-linter contract enforces it).
"""

from __future__ import annotations

from reisparse.errors import (
    ExitCode,
    InputTooLarge,
    OcrUnavailable,
    ParseTimeout,
    ReisparseError,
    UnreadableInput,
    UnsupportedInput,
)
from reisparse.limits import Limits
from reisparse.model import SCHEMA_ID, Report, json_schema
from reisparse.pipeline import parse

__all__ = [
    "SCHEMA_ID",
    "ExitCode",
    "InputTooLarge",
    "Limits",
    "OcrUnavailable",
    "ParseTimeout",
    "ReisparseError",
    "Report",
    "UnreadableInput",
    "UnsupportedInput",
    "json_schema",
    "parse",
]
__version__ = "0.1.0"
