"""The look of the renditions: one font family, paragraph styles, table styles and page geometry.

The standard PDF fonts (Helvetica) and reportlab's bundled Bitstream Vera cannot write every name a trip report
holds (Łódź, Győr: Vera lacks ź, ő, ű). DejaVu Sans ships in ``fonts/`` beside this module (licence in
``fonts/LICENSE.txt``), so a fresh machine needs no system font; reportlab embeds the subset a PDF uses.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import TableStyle

FONT = "ReisregisterSans"
FONT_BOLD = "ReisregisterSans-Bold"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_FONT_DIR = Path(__file__).resolve().parent / "fonts"

PAGE_SIZE = A4
MARGIN = 20 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#b3b3b3")
SHADE = colors.HexColor("#f0f0f0")


@functools.cache
def register_fonts() -> None:
    """Register the font family with reportlab once per process (registration is global)."""
    for name, file_name in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(_FONT_DIR / file_name)))
    # <b> in paragraph markup picks the bold face; there is no italic face, so italics stay upright.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    meta: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    notice: ParagraphStyle
    source: ParagraphStyle


@functools.cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=14, textColor=INK, spaceAfter=4
    )
    return Styles(
        title=_derive(body, "title", fontName=FONT_BOLD, fontSize=18, leading=23, spaceAfter=4),
        meta=_derive(body, "meta", fontSize=9, leading=12, textColor=MUTED, spaceAfter=10),
        heading=_derive(
            body,
            "heading",
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=12,
            spaceAfter=5,
        ),
        subheading=_derive(
            body, "subheading", fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=6
        ),
        body=body,
        cell=_derive(body, "cell", fontSize=9, leading=12, spaceAfter=0),
        cell_head=_derive(
            body, "cell_head", fontName=FONT_BOLD, fontSize=9, leading=12, spaceAfter=0
        ),
        notice=_derive(
            body,
            "notice",
            borderColor=INK,
            borderWidth=0.8,
            borderPadding=6,
            backColor=SHADE,
            spaceBefore=6,
            spaceAfter=12,
        ),
        source=_derive(body, "source", fontSize=9.5, leading=13, spaceAfter=6),
    )


def _derive(parent: ParagraphStyle, name: str, **changes: Any) -> ParagraphStyle:
    return ParagraphStyle(name, parent=parent, **changes)


def table_style(*, header: bool = True) -> TableStyle:
    """Ruled rows, a shaded header row; cells hold paragraphs, so the grid only sets spacing and lines."""
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]
    return TableStyle(commands)
