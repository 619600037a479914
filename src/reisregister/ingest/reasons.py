"""Why a document could not be imported, in the register's language.

reisparse raises errors with a one-line English message (for its CLI) and a stable ``reason`` code
(``reisparse.errors.Reason``). The register shows its own message for the code, translated; for a code it does
not know it falls back on the parser's English message, so a new reason is never hidden.

An error class's default code (``unsupported``, ``unreadable``, ...) gets a message that fits every error of
that class, since the raise site did not say more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from reisparse.errors import Reason, ReisparseError

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

MESSAGES: dict[str, StrPromise] = {
    Reason.UNSUPPORTED: _(
        "This is not a document the register can read. Use PDF, Word (DOCX), a web page (HTML), text, "
        "Markdown or a scan (TIFF, PNG, JPEG)."
    ),
    Reason.UNREADABLE: _(
        "The document cannot be read: it is damaged, protected with a password or in an old format such as "
        ".doc. Save it again as PDF or DOCX."
    ),
    Reason.TOO_LARGE: _("The document is too large to read."),
    Reason.TOO_MANY_PAGES: _("The document has too many pages to read."),
    Reason.TIMEOUT: _("Reading the document took too long and was stopped."),
    Reason.OCR_UNAVAILABLE: _(
        "The document is a scan, but text recognition (OCR) is not available on the server."
    ),
    Reason.OCR_FAILED: _("Text recognition (OCR) of the scan failed."),
    Reason.CANNOT_READ_FILE: _("The file cannot be read."),
    Reason.PDF_DAMAGED: _("The PDF is damaged or incomplete."),
    Reason.PDF_ENCRYPTED: _(
        "The PDF is protected with a password; remove the password and import it again."
    ),
    Reason.DOCX_DAMAGED: _("The Word document (DOCX) is damaged."),
    Reason.DOCX_TOO_DEEP: _("The Word document (DOCX) is nested too deeply to read."),
    Reason.ZIP_BOMB: _(
        "The Word document (DOCX) unpacks to far more data than a report holds and was refused."
    ),
    Reason.LEGACY_OFFICE: _(
        "This is an old Word file (.doc) or a Word document protected with a password; save it as DOCX "
        "or PDF without a password."
    ),
    Reason.IMAGE_DAMAGED: _("The image is damaged and cannot be read."),
    Reason.TEXT_ENCODING: _(
        "The text is in a character encoding that could not be recognised; save it as UTF-8."
    ),
    Reason.EMPTY: _("The file is empty."),
    Reason.RTF: _("RTF documents cannot be read; save it as DOCX or PDF."),
}


def describe(exc: ReisparseError) -> str:
    """The message for the error's reason in the active language, or the parser's own first line."""
    message = MESSAGES.get(exc.reason)
    if message is not None:
        return str(message)
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else exc.__class__.__name__


__all__ = ["MESSAGES", "describe"]
