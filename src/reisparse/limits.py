"""Resource limits that keep hostile or broken input from hanging or exhausting the process."""

from __future__ import annotations

import os
from dataclasses import dataclass

MB = 1024 * 1024


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from exc


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits for one parse. Defaults come from ``REISPARSE_*`` environment variables (see docs/configuration.md)."""

    max_bytes: int = 50 * MB
    max_pages: int = 500
    # Uncompressed size of all DOCX parts together: guards against zip bombs.
    max_unpacked_bytes: int = 200 * MB
    # Characters of extracted text we are willing to process.
    max_text_chars: int = 5_000_000
    ocr_page_timeout: float = 120.0
    ocr_languages: str = "nld+eng"
    ocr_dpi: int = 300

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_bytes=_env_int("REISPARSE_MAX_BYTES", 50 * MB),
            max_pages=_env_int("REISPARSE_MAX_PAGES", 500),
            ocr_page_timeout=float(_env_int("REISPARSE_OCR_PAGE_TIMEOUT", 120)),
            ocr_languages=os.environ.get("REISPARSE_OCR_LANGUAGES", "nld+eng"),
        )
