"""OCR through the ``tesseract`` program, one page at a time, each with its own time limit."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reisparse.errors import OcrUnavailable, ParseTimeout, Reason, UnreadableInput
from reisparse.limits import Limits

if TYPE_CHECKING:
    from PIL import Image

_INSTALL_HINT = "install the Debian package tesseract-ocr"
_POINTS_PER_INCH = 72
# Tesseract guesses 70 dpi for an image without a resolution and then misjudges text size.
_MIN_DPI = 70


def ocr_image_file(path: Path, *, limits: Limits) -> str:
    """The text Tesseract reads in the image at ``path`` (its resolution comes from the file)."""
    return _run_tesseract(path, limits=limits, dpi=None)


def ocr_image(image: Image.Image, *, limits: Limits, dpi: int | None) -> str:
    """OCR one Pillow image, handed to Tesseract as an uncompressed grayscale PGM."""
    grey = _flatten(image)
    with tempfile.TemporaryDirectory(prefix="reisparse-ocr-") as directory:
        path = Path(directory) / "page.pgm"
        # PNM is written and read without compression: PNG-encoding a noisy scan takes far longer
        # than the OCR itself.
        grey.save(path, "PPM")
        return _run_tesseract(path, limits=limits, dpi=dpi)


def ocr_pdf_page(page: Any, *, limits: Limits) -> str:
    """Render one pypdfium2 page at ``limits.ocr_dpi`` and OCR it."""
    check_tesseract(limits)
    bitmap = page.render(scale=limits.ocr_dpi / _POINTS_PER_INCH, grayscale=True)
    image = bitmap.to_pil()
    return ocr_image(image, limits=limits, dpi=limits.ocr_dpi)


def check_tesseract(limits: Limits) -> str:
    """The path of the tesseract program; OcrUnavailable when it or a language is missing."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise OcrUnavailable(
            f"this document needs OCR but tesseract is not installed: {_INSTALL_HINT} "
            "(and tesseract-ocr-nld for Dutch)",
            reason=Reason.OCR_UNAVAILABLE,
        )
    installed = _installed_languages(binary)
    for language in limits.ocr_languages.split("+"):
        if language and language not in installed:
            raise OcrUnavailable(
                f"tesseract has no language data for '{language}': "
                f"install the Debian package tesseract-ocr-{language}",
                reason=Reason.OCR_UNAVAILABLE,
            )
    return binary


@functools.lru_cache(maxsize=4)
def _installed_languages(binary: str) -> frozenset[str]:
    try:
        done = subprocess.run(
            [binary, "--list-langs"], capture_output=True, timeout=30, check=False, env=_env()
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    # The first line is a header ("List of available languages in ...").
    lines = done.stdout.decode("utf-8", errors="replace").splitlines()[1:]
    return frozenset(line.strip() for line in lines if line.strip())


def _env() -> dict[str, str]:
    # Tesseract's OpenMP threads fight each other on a small machine (1.9 s/page with one thread,
    # 7.9 s with two on two cores); parallelise by process instead.
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _run_tesseract(path: Path, *, limits: Limits, dpi: int | None) -> str:
    binary = check_tesseract(limits)
    command = [binary, str(path), "stdout", "-l", limits.ocr_languages]
    if dpi is not None and dpi >= _MIN_DPI:
        command += ["--dpi", str(dpi)]
    try:
        # subprocess.run kills the child when the timeout expires.
        done = subprocess.run(
            command, capture_output=True, timeout=limits.ocr_page_timeout, check=False, env=_env()
        )
    except subprocess.TimeoutExpired:
        raise ParseTimeout(
            f"OCR of one page took longer than {limits.ocr_page_timeout:g} s and was stopped",
            reason=Reason.TIMEOUT,
        ) from None
    except OSError as exc:
        raise OcrUnavailable(
            f"tesseract could not be started ({exc.strerror}): {_INSTALL_HINT}",
            reason=Reason.OCR_UNAVAILABLE,
        ) from None
    if done.returncode != 0:
        raise UnreadableInput(f"OCR failed: {_first_line(done.stderr)}", reason=Reason.OCR_FAILED)
    # Tesseract ends every page with a form feed.
    return done.stdout.decode("utf-8", errors="replace").replace("\f", "").strip()


def _first_line(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", errors="replace").splitlines()]
    useful = [line for line in lines if line and not line.startswith("Warning")]
    return useful[0] if useful else "tesseract exited with an error"


def _flatten(image: Image.Image) -> Image.Image:
    """Grayscale, with transparency composited onto white (transparent pixels are often black)."""
    if image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info:
        from PIL import Image as PilImage

        rgba = image.convert("RGBA")
        background = PilImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        background.alpha_composite(rgba)
        image = background
    return image if image.mode == "L" else image.convert("L")
