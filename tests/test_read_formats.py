"""Every supported format reads into the same ``Extracted`` shape (OCR formats: see test_ocr.py)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest

import reisparse
from reisparse.document import Extracted
from reisparse.limits import Limits
from reisparse.readers import read
from reisparse.readers.html import MAX_COLUMN_SPAN
from reisparse.sniff import DOCX, HTML, JPEG, MARKDOWN, PDF, PNG, TEXT, TIFF, sniff
from tests.support.builders import (
    Cell,
    docx_table,
    html_table,
    make_docx,
    make_image,
    make_text_pdf,
)

DUTCH = "Reële kosten: één reis naar Genève.\nCoördinatie met café ‘De Kroon’ – € 25,50."
# Latin-1 has no curly quotes, dash or euro sign.
DUTCH_LATIN1 = "Reële kosten: één reis naar Genève.\nCoördinatie met café 'De Kroon' - EUR 25,50."
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def read_default(data: bytes) -> Extracted:
    return read(data, limits=Limits())


# --- plain text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "data"),
    [
        (DUTCH, DUTCH.encode("utf-8")),
        (DUTCH, b"\xef\xbb\xbf" + DUTCH.encode("utf-8")),
        (DUTCH, DUTCH.encode("utf-16")),  # with BOM, little endian here
        (DUTCH, b"\xfe\xff" + DUTCH.encode("utf-16-be")),
        (DUTCH, b"\xff\xfe" + DUTCH.encode("utf-16-le")),
        (DUTCH, DUTCH.encode("cp1252")),
        (DUTCH_LATIN1, DUTCH_LATIN1.encode("latin-1")),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be-bom", "utf-16-le-bom", "cp1252", "latin-1"],
)
def test_it_reads_text_with_dutch_diacritics_in_any_common_encoding(text: str, data: bytes) -> None:
    extracted = read_default(data)

    assert extracted.media_type == TEXT
    assert extracted.pages == (text,)
    assert not extracted.paged
    assert not extracted.ocr


def test_it_reads_a_short_cp1252_word_that_an_encoding_detector_would_get_wrong() -> None:
    assert read_default("Genève".encode("cp1252")).pages == ("Genève",)


def test_it_keeps_a_non_latin_script_that_is_not_utf8() -> None:
    russian = "Командировка в Стокгольм: цели поездки и программа визита делегации."

    assert read_default(russian.encode("cp1251")).pages == (russian,)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_it_normalises_line_endings_to_newline(newline: str) -> None:
    lines = ["WAT WAS HET DOEL VAN DE REIS?", "", "Kennis delen."]

    extracted = read_default(newline.join(lines).encode("utf-8"))

    assert extracted.pages == ("\n".join(lines),)


# --- Markdown --------------------------------------------------------------------------------

MARKDOWN_REPORT = """# Reisverslag Helsingborg

Het **Resilience team** reisde naar de [H22 City Expo](https://www.h22cityexpo.se/).

## Doelen

* Kennis __delen__
+ Netwerken
1. Eerste dag
2. Tweede dag

| Dag | Tijd |
|-----|------|
| woensdag | 9:00 |
"""


def test_it_reads_markdown_headings_without_hashes_and_lists_them() -> None:
    extracted = read_default(MARKDOWN_REPORT.encode("utf-8"))

    assert extracted.media_type == MARKDOWN
    assert extracted.headings == {"Reisverslag Helsingborg", "Doelen"}
    blocks = extracted.pages[0].split("\n\n")
    assert blocks[0] == "Reisverslag Helsingborg"
    assert blocks[2] == "Doelen"


def test_it_turns_markdown_links_into_text_with_the_url_and_drops_emphasis() -> None:
    text = read_default(MARKDOWN_REPORT.encode("utf-8")).pages[0]

    assert "Het Resilience team reisde naar de H22 City Expo (https://www.h22cityexpo.se/)." in text
    assert "*" not in text
    assert "__" not in text


def test_it_keeps_markdown_list_items_and_table_rows_on_their_own_lines() -> None:
    text = read_default(MARKDOWN_REPORT.encode("utf-8")).pages[0]

    assert "- Kennis delen\n- Netwerken\n1. Eerste dag\n2. Tweede dag" in text
    assert "Dag | Tijd\nwoensdag | 9:00" in text


def test_it_reads_text_with_a_stray_asterisk_as_plain_text_not_markdown() -> None:
    text = "Kosten: 2 * 3 nachten hotel.\n\n- taxi\n- trein\n"

    assert sniff(text.encode("utf-8")) == TEXT


# --- HTML ------------------------------------------------------------------------------------

HTML_REPORT = """<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>Niet zichtbaar</title>
<style>p { color: red }</style><script>document.write("<p>nee</p>")</script></head>
<body><!-- een commentaar -->
<header><nav><a href="/">Home</a></nav></header>
<main><article>
<h1>Reisverslag  Genève</h1>
<section><div><p>Eerste alinea &amp; meer,<br>met een regelbreuk.</p>
<div>Buiten <div>binnen</div> weer buiten</div></div></section>
<h2>Doelen</h2>
<ul><li>Kennis <b>delen</b></li><li>Netwerk<ul><li>Europa</li></ul></li></ul>
<ol start="2"><li>tweede</li><li>derde</li></ol>
<table><tr><th>Dag</th><th>Tijd</th></tr><tr><td>woensdag</td><td><p>9:00</p></td></tr></table>
<template><p>sjabloon</p></template><noscript>geen javascript</noscript>
<p>Kosten &euro;&nbsp;25 in caf&eacute;</p>
</article></main></body></html>"""


def test_it_reads_the_visible_text_of_nested_html_as_paragraphs() -> None:
    extracted = read_default(HTML_REPORT.encode("cp1252"))

    assert extracted.media_type == HTML
    assert extracted.pages[0].split("\n\n") == [
        "Reisverslag Genève",
        "Eerste alinea & meer,\nmet een regelbreuk.",
        "Buiten",
        "binnen",
        "weer buiten",
        "Doelen",
        "- Kennis delen\n- Netwerk\n- Europa",
        "2. tweede\n3. derde",
        "Dag | Tijd\nwoensdag | 9:00",
        "Kosten € 25 in café",
    ]


def test_it_leaves_out_page_chrome_such_as_menus_sidebars_and_footers() -> None:
    page = (
        b"<body><header><a>Logo</a></header><nav>Menu</nav><main><article><header><h1>Titel</h1></header>"
        b"<p>Verslag</p></article></main><aside>Nieuws</aside><footer>Colofon</footer></body>"
    )

    assert read_default(page).pages == ("Titel\n\nVerslag",)


def test_it_lists_html_headings() -> None:
    assert read_default(HTML_REPORT.encode("cp1252")).headings == {"Reisverslag Genève", "Doelen"}


def test_it_ends_an_unclosed_html_head_where_the_body_starts() -> None:
    page = b"<html><head><title>weg</title><body><p>zichtbaar</p></body></html>"

    assert read_default(page).pages == ("zichtbaar",)


# --- DOCX ------------------------------------------------------------------------------------

DOCX_REPORT = """WAT WAS HET DOEL VAN DE REIS?

Kennis delen met andere Europese steden.
Een tweede alinea.

- Helsingborg
- Pontevedra

Dag | Tijd | Onderwerp
woensdag | 9:00 | Opening

Wie heb je ontmoet?

De vice-burgemeester."""


def test_it_reads_headings_from_a_docx_with_the_dutch_style_kop_1() -> None:
    extracted = read_default(make_docx(DOCX_REPORT))

    assert extracted.media_type == DOCX
    assert extracted.headings == {"WAT WAS HET DOEL VAN DE REIS?", "Wie heb je ontmoet?"}


def test_it_reads_docx_paragraphs_lists_and_tables_in_the_extracted_convention() -> None:
    text = read_default(make_docx(DOCX_REPORT)).pages[0]

    assert text.split("\n\n") == [
        "WAT WAS HET DOEL VAN DE REIS?",
        "Kennis delen met andere Europese steden.",
        "Een tweede alinea.",
        "- Helsingborg\n- Pontevedra",
        "Dag | Tijd | Onderwerp\nwoensdag | 9:00 | Opening",
        "Wie heb je ontmoet?",
        "De vice-burgemeester.",
    ]


def replace_parts(docx: bytes, parts: dict[str, str]) -> bytes:
    """``docx`` with some of its zip members replaced."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            content = parts[name].encode("utf-8") if name in parts else source.read(name)
            target.writestr(name, content)
    return buffer.getvalue()


def docx_with_body(body: str, **parts: str) -> bytes:
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    files = {"word/document.xml": document}
    files.update({f"word/{name}.xml": xml for name, xml in parts.items()})
    return replace_parts(make_docx("x"), files)


@pytest.mark.parametrize(
    ("style_id", "style_name"),
    [
        ("Kop1", "heading 1"),  # Dutch Word: Dutch id, English built-in name
        ("Style12", "Kop 2"),
        ("Heading3", "heading 3"),
        ("Style7", "Titel"),
        ("Title", "Title"),
    ],
)
def test_it_reads_a_docx_heading_by_style_id_or_style_name(style_id: str, style_name: str) -> None:
    styles = (
        f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="{style_id}">'
        f'<w:name w:val="{style_name}"/></w:style></w:styles>'
    )
    body = (
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r><w:t>Programma</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>9:00 Opening</w:t></w:r></w:p>"
    )

    extracted = read_default(docx_with_body(body, styles=styles))

    assert extracted.headings == {"Programma"}
    assert extracted.pages == ("Programma\n\n9:00 Opening",)


def numbering(fmt: str, level_text: str) -> str:
    return (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="4">'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{level_text}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num></w:numbering>'
    )


@pytest.mark.parametrize(
    ("fmt", "level_text", "labels"),
    [
        ("upperLetter", "%1)", ["A)", "B)", "C)"]),
        ("decimal", "%1.", ["1.", "2.", "3."]),
        ("lowerRoman", "(%1)", ["(i)", "(ii)", "(iii)"]),
        ("bullet", "•", ["-", "-", "-"]),
    ],
)
def test_it_labels_docx_list_items_as_word_numbers_them(
    fmt: str, level_text: str, labels: list[str]
) -> None:
    goals = ["Kennis delen", "Den Haag representeren", "Contacten opdoen"]
    body = "".join(
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{goal}</w:t></w:r></w:p>"
        for goal in goals
    )

    text = read_default(docx_with_body(body, numbering=numbering(fmt, level_text))).pages[0]

    assert text == "\n".join(f"{label} {goal}" for label, goal in zip(labels, goals, strict=True))


def test_it_keeps_docx_tabs_and_line_breaks_and_skips_deleted_text_and_field_codes() -> None:
    body = (
        "<w:p><w:r><w:t>9:00</w:t><w:tab/><w:t>Opening</w:t><w:br/><w:t>door de burgemeester</w:t>"
        "</w:r><w:del><w:r><w:delText>geschrapt</w:delText></w:r></w:del>"
        "<w:r><w:instrText>HYPERLINK x</w:instrText></w:r></w:p>"
    )

    assert read_default(docx_with_body(body)).pages == ("9:00\tOpening\ndoor de burgemeester",)


def test_it_reads_a_docx_text_box_once_although_word_stores_it_twice() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent><w:p><w:r><w:t>In een kader</w:t></w:r></w:p></w:txbxContent>"
    body = (
        f'<w:p xmlns:mc="{mc}"><w:r><w:t>Voor het kader</w:t></w:r><w:r><mc:AlternateContent>'
        f"<mc:Choice>{box}</mc:Choice><mc:Fallback>{box}</mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )

    assert read_default(docx_with_body(body)).pages == ("Voor het kader\n\nIn een kader",)


# --- tables: an empty cell keeps the later columns in place ----------------------------------

Rows = Sequence[Sequence[Cell]]


def read_html_table(rows: Rows) -> str:
    return read_default(f"<html><body>{html_table(rows)}</body></html>".encode()).pages[0]


def read_docx_table(rows: Rows) -> str:
    return read_default(docx_with_body(docx_table(rows))).pages[0]


TABLE_READERS = pytest.mark.parametrize(
    "read_table", [read_html_table, read_docx_table], ids=["html", "docx"]
)


@TABLE_READERS
def test_an_empty_cell_keeps_the_later_columns_in_place(read_table: Callable[[Rows], str]) -> None:
    rows = [
        ["Tijd", "Eind", "Onderdeel", "Sprekers"],
        ["14:00", "", "Ontvangst stadhuis", "wethouder X"],
    ]

    assert read_table(rows) == (
        "Tijd | Eind | Onderdeel | Sprekers\n14:00 |  | Ontvangst stadhuis | wethouder X"
    )


@TABLE_READERS
def test_an_empty_first_cell_is_a_dash_as_a_line_cannot_start_with_an_empty_field(
    read_table: Callable[[Rows], str],
) -> None:
    assert read_table([["", "", "Lunch", "wethouder X"]]) == "— |  | Lunch | wethouder X"


@TABLE_READERS
def test_empty_cells_at_the_end_of_a_row_and_rows_of_empty_cells_are_left_out(
    read_table: Callable[[Rows], str],
) -> None:
    rows = [["Tijd", "Onderdeel", "Sprekers"], ["", "", ""], ["09:00", "Opening", ""]]

    assert read_table(rows) == "Tijd | Onderdeel | Sprekers\n09:00 | Opening"


@TABLE_READERS
def test_a_cell_spanning_columns_is_followed_by_empty_fields_not_by_copies_of_its_text(
    read_table: Callable[[Rows], str],
) -> None:
    rows: Rows = [["Tijd", "Eind", "Kosten"], [("Lunch", 2), "€ 25"], [("Dag 2", 3)]]

    assert read_table(rows) == "Tijd | Eind | Kosten\nLunch |  | € 25\nDag 2"


@TABLE_READERS
def test_a_column_span_is_capped_so_that_a_page_cannot_multiply_itself_with_empty_fields(
    read_table: Callable[[Rows], str],
) -> None:
    text = read_table([[("breed", 5000), "daarna"]])

    assert text == " | ".join(["breed", *[""] * (MAX_COLUMN_SPAN - 1), "daarna"])


def test_an_html_cell_ends_where_the_next_one_starts_and_blank_cells_are_empty() -> None:
    page = b"<table><tr><td>14:00<td>&nbsp;<td>\n <br> </td><td>Lunch</table>"

    assert read_default(page).pages == ("14:00 |  |  | Lunch",)


def test_grid_columns_left_free_before_a_docx_row_are_empty_fields() -> None:
    body = docx_table([["11:00", "Panel"]], grid_before=1)

    assert read_default(docx_with_body(body)).pages == ("— | 11:00 | Panel",)


def _nl_report(table: str) -> str:
    return (
        "<h2>WAT WAS HET DOEL VAN DE REIS?</h2>"
        "<p>Kennis delen over warmtenetten op het congres in Aarhus op 4 juni 2024.</p>"
        f"<p>Programma:</p>{table}"
        "<h2>WIE HEB JE ONTMOET?</h2><p>De directeur van het warmtebedrijf van Aarhus.</p>"
    )


PROGRAMME_ROWS = [
    ["Tijd", "Eind", "Onderdeel", "Sprekers"],
    ["09:00", "", "Opening van het congres", "met: burgemeester van Aarhus"],
    ["", "", "Koffie met de delegaties", ""],
    ["14:00", "", "Excursie naar de haven", ""],
]


def programme_docx() -> bytes:
    rows = "\n".join(" | ".join(row) for row in PROGRAMME_ROWS)
    return make_docx(
        "WAT WAS HET DOEL VAN DE REIS?\n\n"
        "Kennis delen over warmtenetten op het congres in Aarhus op 4 juni 2024.\n\n"
        f"Programma:\n\n{rows}\n\n"
        "WIE HEB JE ONTMOET?\n\nDe directeur van het warmtebedrijf van Aarhus."
    )


@pytest.mark.parametrize(
    "make",
    [lambda: _nl_report(html_table(PROGRAMME_ROWS)).encode(), programme_docx],
    ids=["html", "docx"],
)
def test_a_programme_table_with_empty_time_and_speakers_cells_gives_one_item_per_row(
    make: Callable[[], bytes],
) -> None:
    (report,) = reisparse.parse(make(), today=date(2026, 11, 28))

    assert [(p.start, p.end, p.title, p.speakers) for p in report.programme] == [
        ("09:00", None, "Opening van het congres", ("burgemeester van Aarhus",)),
        (None, None, "Koffie met de delegaties", ()),
        ("14:00", None, "Excursie naar de haven", ()),
    ]


def test_a_register_row_with_an_empty_first_cell_keeps_its_values_in_their_columns() -> None:
    rows = [
        ["Bestuurder", "Bestemming", "Doel", "Datum", "Kosten", "Betaald door", "Status"],
        ["Daan Hofstede", "Dublin", "Datacenters", "14 t/m 16 mei 2024", "€ 1.234,56", "stad", ""],
        ["", "Bordeaux", "Congres", "4 t/m 6 juni 2024", "", "uitnodigende partij", ""],
        ["Esra Kaya", "Graz", "Kennisbezoek", "3 april 2024", "€ 500", "", "Geannuleerd"],
    ]
    page = f"<html><body><h1>Dienstreizen</h1>{html_table(rows)}</body></html>"

    first, second, third = reisparse.parse(page.encode(), today=date(2026, 11, 28))

    assert [c.amount for c in first.costs] == [1234.56]
    assert (second.travellers, second.title) == ((), "Congres (Bordeaux)")
    assert [d.city for d in second.destinations] == ["Bordeaux"]
    assert (second.period.start, second.funding) == ("2024-06-04", "uitnodigende partij")
    assert (third.funding, third.cancelled) == (None, True)


# --- PDF -------------------------------------------------------------------------------------


def numbered_lines(count: int) -> list[str]:
    return [f"Regel {number:03d} van het reisverslag over Helsingborg." for number in range(count)]


def test_it_reads_a_text_pdf_page_by_page_keeping_the_page_count() -> None:
    lines = numbered_lines(150)

    extracted = read_default(make_text_pdf("\n".join(lines)))

    assert extracted.media_type == PDF
    assert extracted.paged
    assert not extracted.ocr
    assert len(extracted.pages) == 3
    found = [line for page in extracted.pages for line in page.split("\n") if line in lines]
    assert found == lines
    for number, page in enumerate(extracted.pages, start=1):
        assert page.startswith("Gemeente — Reisverslag\n")
        assert page.endswith(f"\nPagina {number}")


def test_it_keeps_pdf_paragraphs_apart_with_a_blank_line() -> None:
    text = "WAT WAS HET DOEL VAN DE REIS?\n\nKennis delen.\nEn contacten leggen.\n\nSlot."

    page = read_default(make_text_pdf(text)).pages[0]

    assert page.split("\n\n") == [
        "Gemeente — Reisverslag",
        "WAT WAS HET DOEL VAN DE REIS?",
        "Kennis delen.\nEn contacten leggen.",
        "Slot.",
        "Pagina 1",
    ]


def test_it_reads_winansi_characters_from_a_pdf_and_the_builder_replaces_the_rest() -> None:
    page = read_default(make_text_pdf("Reële kosten in Genève’s café Ω")).pages[0]

    assert "Reële kosten in Genève’s café ?" in page


# --- sniffing by content ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "media_type"),
    [
        (lambda: make_text_pdf("Reisverslag"), PDF),
        (lambda: b"garbage before the header\n" + make_text_pdf("Reisverslag"), PDF),
        (lambda: make_docx("Reisverslag"), DOCX),
        (lambda: HTML_REPORT.encode("cp1252"), HTML),
        (lambda: b"<p>Reisverslag</p><p>Helsingborg</p>", HTML),
        (lambda: MARKDOWN_REPORT.encode("utf-8"), MARKDOWN),
        (lambda: DUTCH.encode("utf-16"), TEXT),
        (lambda: make_image("Reisverslag"), PNG),
        (lambda: make_image("Reisverslag", fmt="JPEG"), JPEG),
        (lambda: make_image("Reisverslag", fmt="TIFF"), TIFF),
    ],
    ids=[
        "pdf",
        "pdf-late-header",
        "docx",
        "html",
        "html-fragment",
        "md",
        "text",
        "png",
        "jpeg",
        "tiff",
    ],
)
def test_it_sniffs_the_media_type_from_the_content(
    make: Callable[[], bytes], media_type: str
) -> None:
    assert sniff(make()) == media_type


@pytest.mark.parametrize(
    ("name", "make", "media_type"),
    [
        ("verslag.txt", lambda: make_text_pdf("Reisverslag Helsingborg"), PDF),
        ("verslag.pdf", lambda: make_docx("Reisverslag Helsingborg"), DOCX),
        ("verslag.docx", lambda: b"Reisverslag Helsingborg", TEXT),
        ("verslag.html", lambda: b"# Reisverslag Helsingborg\n\nTekst.", MARKDOWN),
    ],
)
def test_it_reads_a_file_with_the_wrong_extension_by_its_content(
    tmp_path: Path, name: str, make: Callable[[], bytes], media_type: str
) -> None:
    path = tmp_path / name
    path.write_bytes(make())

    extracted = read_default(path.read_bytes())

    assert extracted.media_type == media_type
    assert "Reisverslag Helsingborg" in extracted.pages[0]
