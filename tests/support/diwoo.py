"""The DiWoo 0.9.8 schema, compiled offline, for the tests that validate our XML against it.

The XSDs are not part of the project: they live in the shared folder next to the repository
(``../shared/diwoo``, see its README), or wherever ``REISREGISTER_DIWOO_XSD_DIR`` points. The schema imports the
Nationaal Archief's MDTO schema from a remote address; a stub stands in for it, so the schema compiles without a
network. Where the folder is missing the tests skip with the reason, except in CI (``CI=true``), where they fail:
a CI run must not pass without having validated anything.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[2]
ENV_VAR = "REISREGISTER_DIWOO_XSD_DIR"
# Source file in the shared folder -> the name the schema's include (and the README) expects.
FILES = {
    "diwoo-metadata-0.9.8.xsd": "diwoo-metadata.xsd",
    "diwoo-metadata-lijsten-0.9.8.xsd": "diwoo-metadata-lijsten.xsd",
    "mdto-stub.xsd": "mdto-stub.xsd",
}
MDTO_REMOTE = "https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"
DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"


def xsd_dir() -> Path:
    configured = os.environ.get(ENV_VAR)
    return Path(configured) if configured else REPO.parent / "shared" / "diwoo"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must validate against the DiWoo schema)", pytrace=False)
    pytest.skip(reason)


@functools.cache
def _compile(folder: Path) -> Any:
    with tempfile.TemporaryDirectory(prefix="diwoo-xsd-") as tmp:
        for source, name in FILES.items():
            shutil.copyfile(folder / source, Path(tmp) / name)
        main = Path(tmp) / "diwoo-metadata.xsd"
        text = main.read_text(encoding="utf-8")
        if MDTO_REMOTE not in text:
            raise AssertionError(f"the MDTO import in {folder} no longer points at {MDTO_REMOTE}")
        main.write_text(text.replace(MDTO_REMOTE, "mdto-stub.xsd"), encoding="utf-8")
        return etree.XMLSchema(etree.parse(str(main)))


def schema() -> Any:
    """The compiled DiWoo schema (once per test session); skips, or fails in CI, without the XSD folder."""
    folder = xsd_dir()
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        _unavailable(
            f"DiWoo XSDs not found in {folder} (missing {', '.join(missing)}); set {ENV_VAR}"
        )
    return _compile(folder)


def assert_valid(element: Any) -> None:
    """Fail with the schema's own messages when ``element`` (an lxml element) is not valid DiWoo."""
    compiled = schema()
    if not compiled.validate(element):
        messages = [f"line {e.line}: {e.message}" for e in compiled.error_log]
        raise AssertionError("not valid DiWoo 0.9.8:\n" + "\n".join(messages))
