"""What every extractor may know about the document being parsed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from reisparse import gazetteer
from reisparse.normalise import Normalised


@dataclass(slots=True)
class Context:
    normalised: Normalised
    language: Literal["nl", "en"] | None
    today: date
    links: tuple[str, ...]
    organisation: str | None = None
    # Headings the reader saw as such (HTML h1-h6, DOCX heading styles, Markdown #).
    headings: frozenset[str] = frozenset()
    home: gazetteer.Place | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.normalised.text
