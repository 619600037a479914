"""Build test documents in memory (DOCX, text PDF, scanned PDF, images): no binary fixtures.

Every builder takes text in the convention of ``reisparse.document.Extracted``: paragraphs separated
by a blank line, list items starting with ``- ``, table rows as cells joined by `` | ``.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from PIL import Image

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_HEADING_MAX_CHARS = 80
_BULLET_NUM_ID = "1"

_OOXML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_CONTENT_TYPES = (
    f"{_XML_DECLARATION}"
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(
        f'<Override PartName="/word/{part}.xml" ContentType="{_OOXML}.{kind}+xml"/>'
        for part, kind in (
            ("document", "document.main"),
            ("styles", "styles"),
            ("numbering", "numbering"),
        )
    )
    + "</Types>"
)


def _relationships(*targets: tuple[str, str]) -> str:
    links = "".join(
        f'<Relationship Id="rId{number}" Type="{_RELS}/{kind}" Target="{target}"/>'
        for number, (kind, target) in enumerate(targets, start=1)
    )
    return (
        f"{_XML_DECLARATION}"
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{links}</Relationships>"
    )


_ROOT_RELS = _relationships(("officeDocument", "word/document.xml"))
_DOCUMENT_RELS = _relationships(("styles", "styles.xml"), ("numbering", "numbering.xml"))

# Dutch Word names its built-in heading style "Kop 1" with style id "Kop1".
_STYLES = f"""{_XML_DECLARATION}
<w:styles xmlns:w="{_W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="Kop 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="table" w:styleId="Tabelraster"><w:name w:val="Table Grid"/></w:style>
</w:styles>"""

_NUMBERING = f"""{_XML_DECLARATION}
<w:numbering xmlns:w="{_W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>
<w:num w:numId="{_BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

_TABLE_CELL = " | "
_HEADER = "Gemeente — Reisverslag"
_A4_WIDTH, _A4_HEIGHT = 595.2756, 841.8898
_MARGIN = 56.0
_FONT_SIZE = 10.0
_LEADING = 13.0


def make_docx(text: str) -> bytes:
    """A minimal Word document; short all-caps or question paragraphs get Dutch style "Kop 1"."""
    body = "".join(_docx_block(block) for block in _paragraphs(text))
    document = (
        f"{_XML_DECLARATION}"
        f'<w:document xmlns:w="{_W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": document,
        "word/styles.xml": _STYLES,
        "word/numbering.xml": _NUMBERING,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()


def _paragraphs(text: str) -> list[str]:
    return [block.strip("\n") for block in re.split(r"\n\s*\n", text) if block.strip()]


def _is_heading(block: str) -> bool:
    if "\n" in block or len(block) > _HEADING_MAX_CHARS:
        return False
    letters = [char for char in block if char.isalpha()]
    return block.rstrip().endswith("?") or (bool(letters) and all(c.isupper() for c in letters))


def _docx_block(block: str) -> str:
    if _is_heading(block):
        return _docx_paragraph(block, '<w:pStyle w:val="Kop1"/>')
    xml: list[str] = []
    rows: list[str] = []
    for line in block.split("\n"):
        if _TABLE_CELL in line:
            rows.append(line)
            continue
        if rows:
            xml.append(_docx_table(rows))
            rows = []
        if line.startswith("- "):
            numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{_BULLET_NUM_ID}"/></w:numPr>'
            xml.append(_docx_paragraph(line[2:], f'<w:pStyle w:val="Lijstalinea"/>{numbering}'))
        else:
            xml.append(_docx_paragraph(line, ""))
    if rows:
        xml.append(_docx_table(rows))
    return "".join(xml)


def _docx_paragraph(text: str, properties: str) -> str:
    # Tabs are their own element in WordprocessingML; keep them so readers can be tested on them.
    runs = "<w:tab/>".join(
        f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in text.split("\t")
    )
    return f"<w:p><w:pPr>{properties}</w:pPr><w:r>{runs}</w:r></w:p>"


def _docx_table(rows: list[str]) -> str:
    xml_rows = "".join(
        "<w:tr>"
        + "".join(f"<w:tc>{_docx_paragraph(cell.strip(), '')}</w:tc>" for cell in row.split("|"))
        + "</w:tr>"
        for row in rows
    )
    return f'<w:tbl><w:tblPr><w:tblStyle w:val="Tabelraster"/></w:tblPr>{xml_rows}</w:tbl>'


# A table cell: its text ("" for an empty cell), or its text and the number of columns it spans.
Cell = str | tuple[str, int]


def _cell(cell: Cell) -> tuple[str, int]:
    return (cell, 1) if isinstance(cell, str) else cell


def html_table(rows: Sequence[Sequence[Cell]]) -> str:
    """An HTML ``<table>`` of ``<td>`` cells; ``(text, n)`` is a cell with ``colspan="n"``."""

    def td(cell: Cell) -> str:
        text, span = _cell(cell)
        colspan = f' colspan="{span}"' if span != 1 else ""
        return f"<td{colspan}>{escape(text)}</td>"

    return "<table>" + "".join(f"<tr>{''.join(map(td, row))}</tr>" for row in rows) + "</table>"


def docx_table(rows: Sequence[Sequence[Cell]], *, grid_before: int = 0) -> str:
    """A ``<w:tbl>`` for a document body; ``(text, n)`` is a cell merged across n grid columns
    (``w:gridSpan``), ``grid_before`` grid columns are left free before each row (``w:gridBefore``).
    """

    def tc(cell: Cell) -> str:
        text, span = _cell(cell)
        properties = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span != 1 else ""
        return f"<w:tc>{properties}{_docx_paragraph(text, '')}</w:tc>"

    before = f'<w:trPr><w:gridBefore w:val="{grid_before}"/></w:trPr>' if grid_before else ""
    xml_rows = "".join(f"<w:tr>{before}{''.join(map(tc, row))}</w:tr>" for row in rows)
    return f'<w:tbl><w:tblPr><w:tblStyle w:val="Tabelraster"/></w:tblPr>{xml_rows}</w:tbl>'


def make_text_pdf(text: str) -> bytes:
    """A born-digital A4 PDF with a repeated header and a "Pagina N" footer on every page."""
    return _render_pdf(text, furniture=True)


def make_paged_text_pdf(pages: Sequence[str]) -> bytes:
    """Like ``make_text_pdf``, with each of ``pages`` on a page of its own (each must fit on one page)."""
    from reportlab.lib.utils import simpleSplit

    room = int((_A4_HEIGHT - 2 * _MARGIN - 4 * _LEADING) // _LEADING) + 1  # lines on a page
    width = _A4_WIDTH - 2 * _MARGIN
    filled: list[str] = []
    for number, page in enumerate(pages, start=1):
        lines = [
            line
            for source_line in page.split("\n")
            for line in simpleSplit(source_line, "Helvetica", _FONT_SIZE, width) or [""]
        ]
        assert len(lines) <= room, f"page {number} has {len(lines)} lines, {room} fit"
        filled.extend(lines + [""] * (room - len(lines) if number < len(pages) else 0))
    return _render_pdf("\n".join(filled), furniture=True)


def _render_pdf(text: str, *, furniture: bool) -> bytes:
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    # The standard Helvetica font is WinAnsi-encoded: anything outside cp1252 would be garbage.
    safe = text.encode("cp1252", errors="replace").decode("cp1252")
    width = _A4_WIDTH - 2 * _MARGIN
    lines: list[str] = []
    for source_line in safe.split("\n"):
        wrapped = simpleSplit(source_line, "Helvetica", _FONT_SIZE, width)
        lines.extend(wrapped or [""])
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(_A4_WIDTH, _A4_HEIGHT), invariant=1)
    top = _A4_HEIGHT - _MARGIN - (2 * _LEADING if furniture else 0)
    bottom = _MARGIN + (2 * _LEADING if furniture else 0)
    page_lines = max(1, int((top - bottom) // _LEADING) + 1)
    pages = [lines[start : start + page_lines] for start in range(0, len(lines), page_lines)]
    for number, page in enumerate(pages or [[]], start=1):
        canvas.setFont("Helvetica", _FONT_SIZE)
        if furniture:
            canvas.drawString(_MARGIN, _A4_HEIGHT - _MARGIN, _HEADER)
        for index, line in enumerate(page):
            canvas.drawString(_MARGIN, top - index * _LEADING, line)
        # Drawn last, as word processors do, so it also comes last in the text layer.
        if furniture:
            canvas.drawString(_MARGIN, _MARGIN, f"Pagina {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def make_scanned_pdf(text: str, *, dpi: int = 200) -> bytes:
    """The pages of ``make_text_pdf(text)`` as grayscale images in a PDF without a text layer."""
    import time

    images = [_add_noise(image) for image in _render_pages(make_text_pdf(text), dpi)]
    buffer = io.BytesIO()
    fixed = time.gmtime(1_704_067_200)  # 2024-01-01: fixed dates keep the bytes deterministic
    images[0].save(
        buffer,
        "PDF",
        save_all=True,
        append_images=images[1:],
        resolution=float(dpi),
        creationDate=fixed,
        modDate=fixed,
    )
    return buffer.getvalue()


def make_image(text: str, *, fmt: str = "PNG") -> bytes:
    """The first page of ``text`` at 200 dpi, without header or footer (so "" is a blank page)."""
    image = _render_pages(_render_pdf(text, furniture=False), 200)[0]
    buffer = io.BytesIO()
    image.save(buffer, fmt, dpi=(200, 200))
    return buffer.getvalue()


def _render_pages(pdf: bytes, dpi: int) -> list[Image.Image]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [
            page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in document
        ]
    finally:
        document.close()


def _add_noise(image: Image.Image) -> Image.Image:
    """Sprinkle a fixed pattern of grey specks over the page, like dust on a scanner glass."""
    from PIL import Image as PilImage
    from PIL import ImageChops

    tile_size = 256
    rng = random.Random(20240101)
    # About 1 pixel in 200 gets a dark speck; the rest stays as it is.
    specks = bytes(90 if rng.random() < 0.005 else 0 for _ in range(tile_size * tile_size))
    tile = PilImage.frombytes("L", (tile_size, tile_size), specks)
    noise = PilImage.new("L", image.size)
    for left in range(0, image.width, tile_size):
        for top in range(0, image.height, tile_size):
            noise.paste(tile, (left, top))
    return ImageChops.subtract(image, noise)
