"""Report templates are data: TOML files in ``reisparse/templates/`` and in any folder named by the
``REISPARSE_TEMPLATE_DIRS`` environment variable (``os.pathsep``-separated) or passed to ``parse``.

A municipality with its own report form adds a file; no code changes. See CONTRIBUTING.md, "Add a report template".
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from reisparse.errors import UnsupportedInput

BUILTIN_DIR = Path(__file__).parent / "templates"

# Section keys the extractors know. A template maps its own headings onto these.
SECTION_KEYS = ("duration", "purpose", "locations", "contacts", "outcomes", "follow_ups")
# Field keys a register template can map labels onto.
REGISTER_FIELDS = (
    "title",
    "travellers",
    "destination",
    "purpose",
    "dates",
    "costs",
    "payer",
    "transport",
    "status",
)


class TemplateError(UnsupportedInput):
    """A template file is malformed. Raised at load time, naming the file."""


@dataclass(frozen=True, slots=True)
class SectionSpec:
    key: str
    headings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    language: Literal["nl", "en"]
    kind: Literal["report", "register"]
    description: str
    sections: tuple[SectionSpec, ...] = ()
    min_sections: int = 3
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()
    min_fields: int = 3
    min_records: int = 2
    path: str = ""


def _require(cond: bool, path: Path, message: str) -> None:
    if not cond:
        raise TemplateError(f"template {path.name}: {message}")


def _str_list(value: object) -> tuple[str, ...] | None:
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(value)
    return None


def _load_sections(raw: object, path: Path) -> tuple[SectionSpec, ...]:
    _require(isinstance(raw, list) and bool(raw), path, "a report template needs [[sections]]")
    assert isinstance(raw, list)
    specs = []
    for entry in raw:
        _require(isinstance(entry, dict), path, "each [[sections]] entry must be a table")
        key, headings = entry.get("key"), _str_list(entry.get("headings"))
        _require(
            key in SECTION_KEYS, path, f"unknown section key {key!r}; use one of {SECTION_KEYS}"
        )
        _require(headings is not None, path, f"section {key!r} needs a non-empty list of headings")
        assert headings is not None and isinstance(key, str)
        specs.append(SectionSpec(key, headings))
    return tuple(specs)


def _load_fields(raw: object, path: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    _require(
        isinstance(raw, dict) and bool(raw), path, "a register template needs a [fields] table"
    )
    assert isinstance(raw, dict)
    fields = []
    for key, labels in raw.items():
        _require(
            key in REGISTER_FIELDS, path, f"unknown field {key!r}; use one of {REGISTER_FIELDS}"
        )
        parsed = _str_list(labels)
        _require(parsed is not None, path, f"field {key!r} needs a non-empty list of labels")
        assert parsed is not None
        fields.append((key, parsed))
    return tuple(fields)


def load_template(path: Path) -> Template:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"template {path.name}: {exc}") from exc
    kind = raw.get("kind", "report")
    _require(isinstance(raw.get("id"), str) and bool(raw["id"]), path, "needs an id")
    _require(raw.get("language") in ("nl", "en"), path, 'language must be "nl" or "en"')
    _require(kind in ("report", "register"), path, 'kind must be "report" or "register"')
    return Template(
        id=raw["id"],
        language=raw["language"],
        kind=kind,
        description=str(raw.get("description", "")),
        sections=_load_sections(raw.get("sections"), path) if kind == "report" else (),
        min_sections=int(raw.get("min_sections", 3)),
        fields=_load_fields(raw.get("fields"), path) if kind == "register" else (),
        min_fields=int(raw.get("min_fields", 3)),
        min_records=int(raw.get("min_records", 2)),
        path=str(path),
    )


def _env_dirs() -> tuple[str, ...]:
    raw = os.environ.get("REISPARSE_TEMPLATE_DIRS", "")
    return tuple(p for p in raw.split(os.pathsep) if p)


@lru_cache(maxsize=16)
def _load_dirs(dirs: tuple[str, ...]) -> tuple[Template, ...]:
    found: dict[str, Template] = {}
    for directory in dirs:
        for path in sorted(Path(directory).glob("*.toml")):
            template = load_template(path)
            # A later folder may override a built-in template with the same id.
            found[template.id] = template
    return tuple(found.values())


def load_templates(extra_dirs: Iterable[str | os.PathLike[str]] = ()) -> tuple[Template, ...]:
    """Built-in templates, then those from ``REISPARSE_TEMPLATE_DIRS``, then ``extra_dirs``."""
    dirs = (str(BUILTIN_DIR), *_env_dirs(), *(str(d) for d in extra_dirs))
    return _load_dirs(dirs)
