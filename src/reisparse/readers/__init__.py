"""Readers turn the bytes of one document into ``Extracted`` text, whatever the format.

The format is sniffed from the content, never from the file name. Each reader module imports its
heavy libraries (PDFium, Pillow, zipfile) only when it runs, so importing this package stays cheap.
"""

from __future__ import annotations

from reisparse import sniff as media
from reisparse.document import Extracted
from reisparse.errors import InputTooLarge, Reason
from reisparse.limits import Limits


def read(data: bytes, *, limits: Limits | None = None) -> Extracted:
    """Check the size limit, sniff the format and read the text with the matching reader."""
    limits = limits if limits is not None else Limits.from_env()
    if len(data) > limits.max_bytes:
        raise InputTooLarge(
            f"input is {len(data)} bytes, more than the limit of {limits.max_bytes}",
            reason=Reason.TOO_LARGE,
        )
    extracted = _dispatch(media.sniff(data), data, limits)
    chars = sum(len(page) for page in extracted.pages)
    if chars > limits.max_text_chars:
        raise InputTooLarge(
            f"document has {chars} characters of text, "
            f"more than the limit of {limits.max_text_chars}",
            reason=Reason.TOO_LARGE,
        )
    return extracted


def _dispatch(media_type: str, data: bytes, limits: Limits) -> Extracted:
    if media_type == media.PDF:
        from reisparse.readers.pdf import read_pdf

        return read_pdf(data, limits=limits)
    if media_type == media.DOCX:
        from reisparse.readers.docx import read_docx

        return read_docx(data, limits=limits)
    if media_type == media.HTML:
        from reisparse.readers.html import read_html

        return read_html(data, limits=limits)
    if media_type == media.MARKDOWN:
        from reisparse.readers.markdown import read_markdown

        return read_markdown(data, limits=limits)
    if media_type in {media.PNG, media.JPEG, media.TIFF}:
        from reisparse.readers.image import read_image

        return read_image(data, limits=limits, media_type=media_type)
    from reisparse.readers.text import read_text

    return read_text(data, limits=limits)
