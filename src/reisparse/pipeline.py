"""From bytes to reports: read, normalise, choose a template, extract.

One source gives one report, except a register page, which gives one report per trip listed.
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from pathlib import Path

from reisparse import readers
from reisparse.context import Context
from reisparse.draft import Draft
from reisparse.errors import InputTooLarge, Reason, UnreadableInput
from reisparse.extract.dates import find_dates
from reisparse.extract.language import detect_language
from reisparse.extract.links import unique_links
from reisparse.extract.parties import find_organisation, home_city
from reisparse.generic import read_generic
from reisparse.limits import Limits
from reisparse.model import Report, Source
from reisparse.normalise import Normalised, normalise
from reisparse.register import read_register
from reisparse.sectioning import choose_template
from reisparse.templated import read_templated
from reisparse.templates import load_templates

SourceLike = bytes | str | os.PathLike[str]


def _load(source: SourceLike, filename: str | None, limits: Limits) -> tuple[bytes, str | None]:
    if isinstance(source, bytes):
        return source, filename
    if isinstance(source, str):
        # A str is report text; pass a pathlib.Path to read a file.
        return source.encode("utf-8"), filename
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise InputTooLarge(
                f"file is {size:,} bytes, over the limit of {limits.max_bytes:,}",
                reason=Reason.TOO_LARGE,
            )
        return path.read_bytes(), filename or path.name
    except OSError as exc:
        raise UnreadableInput(
            f"cannot read file: {exc.strerror or exc}", reason=Reason.CANNOT_READ_FILE
        ) from exc


def _context(
    normalised: Normalised, today: date, organisation: str | None, headings: frozenset[str]
) -> Context:
    text = normalised.text
    org = organisation or find_organisation(text)
    return Context(
        normalised=normalised,
        language=detect_language(text),
        today=today,
        links=unique_links(text),
        organisation=org,
        home=home_city(org),
        headings=headings,
    )


# A word for travelling: without one, a date, a destination or a section, a text is no trip report.
_TRAVEL_WORD = re.compile(
    r"\b(?:\w*reis(?:de|den)?|\w*reizen|gereisd|\w*bezoek\w*|bezocht(?:en)?|trips?|visit\w*|"
    r"delegati\w*|conferen\w*|congres\w*|missie\w*|missions?|travel\w*|journey\w*|excursie\w*|"
    r"summit\w*|readout)\b",
    re.I,
)


def _names_a_trip(draft: Draft, text: str) -> bool:
    """Whether a free-prose text is about a trip at all ("hello world, just a note" is not)."""
    return bool(
        draft.period.start
        or draft.period.text
        or draft.destinations
        or draft.sections
        or _TRAVEL_WORD.search(text)
        or find_dates(text)
    )


def _drafts(ctx: Context, template_dirs: tuple[str, ...]) -> list[Draft]:
    templates = load_templates(template_dirs)
    chosen = choose_template(ctx.text, templates)
    if chosen:
        return [read_templated(ctx, *chosen)]
    trips = read_register(ctx, templates)
    if trips:
        return trips
    generic = read_generic(ctx)
    return [generic] if _names_a_trip(generic, ctx.text) else []


def parse(
    source: SourceLike,
    *,
    filename: str | None = None,
    today: date | None = None,
    organisation: str | None = None,
    limits: Limits | None = None,
    template_dirs: tuple[str, ...] = (),
) -> list[Report]:
    """Parse one document into its trips (usually one).

    ``source`` is the file's bytes, a ``pathlib.Path``, or report text as ``str``. ``today`` anchors year
    inference (defaults to the current date); ``organisation`` names the travelling body when the caller knows it.
    Raises a ``reisparse.errors.ReisparseError`` subclass with a one-line message for input it cannot read.
    """
    limits = limits or Limits.from_env()
    data, filename = _load(source, filename, limits)
    extracted = readers.read(data, limits=limits)
    normalised = normalise(extracted)
    if len(normalised.text) > limits.max_text_chars:
        raise InputTooLarge(
            f"text of {len(normalised.text):,} characters is over the limit",
            reason=Reason.TOO_LARGE,
        )
    ctx = _context(normalised, today or date.today(), organisation, extracted.headings)
    ctx.warnings.extend(extracted.warnings)
    ctx.warnings.extend(normalised.warnings)
    if not normalised.text.strip():
        ctx.warnings.append("no text found in the document")
    drafts = _drafts(ctx, template_dirs)
    sha = hashlib.sha256(data).hexdigest()
    reports = []
    for index, draft in enumerate(drafts):
        source_meta = Source(
            filename=filename,
            sha256=sha,
            media_type=extracted.media_type,
            pages=len(extracted.pages) if extracted.paged else None,
            ocr=extracted.ocr,
            language=ctx.language,
            trip_index=index,
        )
        draft.warnings[:0] = ctx.warnings
        reports.append(draft.to_report(source_meta, normalised))
    return reports
