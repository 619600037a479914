"""Errors raised by the parser, each carrying the CLI exit code it maps to and a stable reason code.

Messages are one line and never name the file: the caller (CLI, importer) knows the file and prefixes it.
``reason`` says what went wrong in a form that does not change with the wording: a caller that shows its own
(translated) message maps the code, and falls back on the English message for a code it does not know.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2
    BAD_INPUT = 3
    OCR_UNAVAILABLE = 4


class Reason(StrEnum):
    """Why the input could not be read. The first five are the defaults of the error classes; a raise site
    that knows more passes one of the others (``raise UnreadableInput("...", reason=Reason.PDF_DAMAGED)``)."""

    UNSUPPORTED = "unsupported"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    OCR_UNAVAILABLE = "ocr_unavailable"
    CANNOT_READ_FILE = "cannot_read_file"
    TOO_MANY_PAGES = "too_many_pages"
    PDF_DAMAGED = "pdf_damaged"
    PDF_ENCRYPTED = "pdf_encrypted"
    DOCX_DAMAGED = "docx_damaged"
    DOCX_TOO_DEEP = "docx_too_deep"
    ZIP_BOMB = "zip_bomb"
    LEGACY_OFFICE = "legacy_office"
    IMAGE_DAMAGED = "image_damaged"
    OCR_FAILED = "ocr_failed"
    TEXT_ENCODING = "text_encoding"
    EMPTY = "empty"
    RTF = "rtf"


class ReisparseError(Exception):
    """Base class: the input could not be turned into a report."""

    exit_code: ExitCode = ExitCode.BAD_INPUT
    reason: str = "error"

    def __init__(self, *args: object, reason: str | None = None) -> None:
        super().__init__(*args)
        if reason is not None:
            self.reason = reason


class UnsupportedInput(ReisparseError):
    """The bytes are not a format we read (binary junk, an unknown container...)."""

    reason = Reason.UNSUPPORTED


class UnreadableInput(ReisparseError):
    """The format is known but the file is broken: truncated, encrypted, a zip bomb, too deep..."""

    reason = Reason.UNREADABLE


class InputTooLarge(UnreadableInput):
    """The input is over a configured size limit."""

    reason = Reason.TOO_LARGE


class ParseTimeout(UnreadableInput):
    """A step (usually OCR of one page) ran past its time limit."""

    reason = Reason.TIMEOUT


class OcrUnavailable(ReisparseError):
    """The document needs OCR but Tesseract (or its language data) is not installed."""

    exit_code = ExitCode.OCR_UNAVAILABLE
    reason = Reason.OCR_UNAVAILABLE
