"""Errors raised by the parser, each carrying the CLI exit code it maps to.

Messages are one line and never name the file: the caller (CLI, importer) knows the file and prefixes it.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2
    BAD_INPUT = 3
    OCR_UNAVAILABLE = 4


class ReisparseError(Exception):
    """Base class: the input could not be turned into a report."""

    exit_code: ExitCode = ExitCode.BAD_INPUT


class UnsupportedInput(ReisparseError):
    """The bytes are not a format we read (binary junk, an unknown container...)."""


class UnreadableInput(ReisparseError):
    """The format is known but the file is broken: truncated, encrypted, a zip bomb, too deep..."""


class InputTooLarge(UnreadableInput):
    """The input is over a configured size limit."""


class ParseTimeout(UnreadableInput):
    """A step (usually OCR of one page) ran past its time limit."""


class OcrUnavailable(ReisparseError):
    """The document needs OCR but Tesseract (or its language data) is not installed."""

    exit_code = ExitCode.OCR_UNAVAILABLE
