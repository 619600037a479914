"""Helpers shared by the test suite: document builders (``builders``) and tool requirements."""

from __future__ import annotations

import os
import shutil

import pytest

# Debian packages that provide the external programs some tests need.
_PACKAGES = {
    "tesseract": "tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng",
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
    "chromium": "chromium",
}


def require_tool(name: str) -> None:
    """Skip the calling test when program ``name`` is missing, but fail in CI (``CI=true``),
    where a missing tool means a broken setup rather than a developer's bare machine."""
    if shutil.which(name) is not None:
        return
    reason = f"{name} is not installed (apt-get install {_PACKAGES.get(name, name)})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must provide it", pytrace=False)
    pytest.skip(reason)
