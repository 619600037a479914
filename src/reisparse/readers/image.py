"""Images (PNG, JPEG, TIFF): OCR of every frame; the frames of a TIFF are its pages."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from reisparse.document import Extracted
from reisparse.errors import InputTooLarge, Reason, UnreadableInput
from reisparse.limits import Limits
from reisparse.readers.ocr import ocr_image
from reisparse.sniff import TIFF

if TYPE_CHECKING:
    from PIL import Image

_VISIBLE = re.compile(r"\S")
_NO_TEXT_WARNING = "no text found"


def read_image(data: bytes, *, limits: Limits, media_type: str) -> Extracted:
    """The OCR text of each frame; a TIFF is paged, a PNG or JPEG is one flowing page."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadableInput(
            f"damaged or unreadable image ({type(exc).__name__})", reason=Reason.IMAGE_DAMAGED
        ) from None
    with image:
        frames = getattr(image, "n_frames", 1)
        if frames > limits.max_pages:
            raise InputTooLarge(
                f"image has {frames} pages, more than the limit of {limits.max_pages}",
                reason=Reason.TOO_MANY_PAGES,
            )
        pages = tuple(_ocr_frame(image, index, limits) for index in range(frames))
    warnings = () if any(_VISIBLE.search(page) for page in pages) else (_NO_TEXT_WARNING,)
    return Extracted(
        pages=pages, media_type=media_type, ocr=True, paged=media_type == TIFF, warnings=warnings
    )


def _ocr_frame(image: Image.Image, index: int, limits: Limits) -> str:
    from PIL import Image

    try:
        image.seek(index)
        image.load()
    except (OSError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise UnreadableInput(
            f"damaged image: page {index + 1} cannot be decoded ({type(exc).__name__})",
            reason=Reason.IMAGE_DAMAGED,
        ) from None
    return ocr_image(image, limits=limits, dpi=_dpi(image.info.get("dpi")))


def _dpi(value: object) -> int | None:
    if isinstance(value, tuple) and value and isinstance(value[0], int | float):
        return round(value[0])
    return None
