"""The PDF renditions: the published trip report and the redacted rendition of its source document."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pypdfium2
import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from reisregister.accounts.models import User
from reisregister.ingest.models import SourceDocument
from reisregister.ingest.service import ImportStatus, import_document
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from reisregister.publication.renditions import document, report
from reisregister.redaction.apply import Redactor
from tests.register.publishing import Register, full_trip
from tests.support.builders import make_docx, make_paged_text_pdf

# The corpus report of a trip to Tampere, written by us; it names a wethouder (a public office holder).
TAMPERE = """HOELANG DUURDE DE REIS?

9 t/m 11 april 2024 (waarvan 9 en 11 april reisdagen)

WAT WAS HET DOEL VAN DE REIS?

De gemeente Den Haag is door de gemeente Tampere uitgenodigd voor een werkbezoek over de aanleg van een
nieuwe tramlijn. Projectleider Bram Smits vertegenwoordigde Den Haag.

WIE HEB JE ONTMOET? (BENOEM DE FUNCTIEOMSCHRIJVING)

- Projectdirecteur tramlijn, gemeente Tampere

WELKE LOCATIES ZIJN BEZOCHT?

Tampere (Finland): het stadhuis en het tramdepot.

ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?

Ja:

- Twee medewerkers van het tramproject komen in het najaar naar Den Haag.
"""
AUTHOR = "Jan Geheim"
SOFTWARE = "Microsoft Office Word Geheimversie 16.0000"


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


@pytest.fixture
def english(client: Client) -> Client:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _get(client: Client, name: str, pk: int) -> bytes:
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return response.content


def _text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        # Lines a paragraph wraps are joined again, so a phrase can be looked for whole.
        pages = (page.get_textpage().get_text_range() for page in pdf)
        return re.sub(r"\s*\r?\n\s*", " ", "\n".join(pages))
    finally:
        pdf.close()


def _metadata(data: bytes) -> dict[str, str]:
    pdf = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        return {key: value for key, value in pdf.get_metadata_dict().items() if value}
    finally:
        pdf.close()


def _docx_with_properties(text: str) -> bytes:
    """A Word document whose file properties name an author, an editor, the software and a revision."""
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator>{AUTHOR}</dc:creator><cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy>"
        "<cp:revision>17</cp:revision><dc:title>Concept reisverslag Tampere</dc:title></cp:coreProperties>"
    )
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{SOFTWARE}</Application><Company>Geheim Adviesbureau</Company></Properties>"
    )
    package = "http://schemas.openxmlformats.org"
    extra = {
        "docProps/core.xml": (f"{package}/package/2006/relationships/metadata/core-properties", core,
                              "application/vnd.openxmlformats-package.core-properties+xml"),
        "docProps/app.xml": (f"{package}/officeDocument/2006/relationships/extended-properties", app,
                             "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    }  # fmt: skip
    source = zipfile.ZipFile(io.BytesIO(make_docx(text)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            content = source.read(name).decode()
            if name == "[Content_Types].xml":
                overrides = "".join(
                    f'<Override PartName="/{part}" ContentType="{kind}"/>'
                    for part, (_rel, _xml, kind) in extra.items()
                )
                content = content.replace("</Types>", overrides + "</Types>")
            elif name == "_rels/.rels":
                links = "".join(
                    f'<Relationship Id="rIdP{n}" Type="{rel}" Target="{part}"/>'
                    for n, (part, (rel, _xml, _kind)) in enumerate(extra.items())
                )
                content = content.replace("</Relationships>", links + "</Relationships>")
            archive.writestr(name, content)
        for part, (_rel, xml, _kind) in extra.items():
            archive.writestr(part, xml)
    return buffer.getvalue()


@pytest.fixture
def imported(den_haag: Organisation, alice: User, bob: User) -> int:
    """A DOCX report with revealing file properties, imported and published as a migration would."""
    data = _docx_with_properties(TAMPERE)
    assert AUTHOR.encode() in zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")
    result = import_document(
        data, filename="verslag-tampere.docx", organisation=den_haag, user=alice, publish_as=bob
    )
    assert result.status == ImportStatus.IMPORTED, result.message
    return result.trips[0].pk


def test_the_report_holds_the_title_and_every_section(register: Register, english: Client) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())

    text = _text(_get(english, "renditions:trip-pdf", trip_id))

    for expected in (
        "Werkbezoek Hamburg", "Gemeente Den Haag", "12 June 2024 – 14 June 2024 (3 days)",
        "Hamburg (Germany), Rotterdam (Netherlands)", "Hamburg Hydrogen Week",
        "Kennis opdoen over de energietransitie", "J. Jansen", "wethouder Haven",
        "Thursday 13 June 2024", "09:30–11:00", "Ontvangst op het stadhuis", "Senator voor Economie",
        "directeur duurzaamheid", "Hamburg Port Authority",
        "A. Leren hoe Hamburg walstroom voor schepen aanlegt.", "Inzicht in de kosten van walstroom.",
        "Contact gelegd met een Deense kennisinstelling.", "Werkbezoek van Hamburg aan Den Haag organiseren",
        "1 December 2024", "Partly done", "EUR 432.10", "EUR 1,650.00", "https://example.org/verslag",
        "Redaction log", "Nothing was redacted.",
    ):  # fmt: skip
        assert expected in text, expected
    assert "javascript" not in text


def test_a_redacted_passage_is_a_black_box_with_its_ground_and_is_not_in_the_pdf(
    register: Register, english: Client
) -> None:
    trip_id = register.published(
        "Bezoek met Jansen", **full_trip(purpose="Jansen sprak over havens."),
    )  # fmt: skip
    register.redact(trip_id, "Jansen")
    register.redact(trip_id, "Hamburg Port Authority", ground="5.1.2a")

    data = _get(english, "renditions:trip-pdf", trip_id)
    text = _text(data)

    assert "jansen" not in text.lower() and "port authority" not in text.lower()
    assert "Bezoek met [5.1.2e]" in text and "[5.1.2a]" in text
    log = text[text.index("Redaction log") :]
    assert "5.1.2e respect for privacy" in log
    assert "5.1.2a relations with other states and international organisations" in log
    assert "title, purpose, travellers" in log
    assert _is_black(data, "[5.1.2e]")


def _is_black(data: bytes, mark: str) -> bool:
    """Whether the box padding on both sides of the first ``mark`` is painted black."""
    pdf = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        start = textpage.get_text_range().index(mark)
        scale = 3
        image = page.render(scale=scale, grayscale=True).to_pil()
        height = page.get_height()
        darkness = []
        for index in (start, start + len(mark) - 1):  # the brackets: black on black
            left, bottom, right, top = textpage.get_charbox(index)
            x, y = (left + right) / 2 * scale, (height - (bottom + top) / 2) * scale
            darkness.append(image.getpixel((int(x), int(y))))
        return all(value < 40 for value in darkness)
    finally:
        pdf.close()


def test_a_redaction_after_publication_reaches_a_pdf_served_before(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Bezoek met Jansen", **full_trip())
    assert "Jansen" in _text(_get(client, "renditions:trip-pdf", trip_id))

    register.redact(trip_id, "Jansen")

    assert "Jansen" not in _text(_get(client, "renditions:trip-pdf", trip_id))


@pytest.mark.parametrize("state", ["draft", "submitted", "withdrawn"])
@pytest.mark.parametrize("name", ["renditions:trip-pdf", "renditions:document-pdf"])
def test_an_unpublished_trip_has_no_pdf(
    register: Register, client: Client, state: str, name: str
) -> None:
    trip_id = getattr(register, state)("Niet openbaar", **full_trip())
    assert client.get(reverse(name, args=[trip_id])).status_code == 404


def test_a_trip_without_a_document_has_no_document_rendition(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Via het formulier", **full_trip())
    assert client.get(reverse("renditions:document-pdf", args=[trip_id])).status_code == 404
    assert client.get(reverse("renditions:trip-pdf", args=[trip_id + 1])).status_code == 404


def test_markup_in_a_report_is_printed_as_text(register: Register, client: Client) -> None:
    hostile = '<script>alert("x")</script> & <b>vet</b> <a href="javascript:x">klik</a> <br/>'
    trip_id = register.published(
        hostile, **full_trip(purpose=hostile, cancelled=True, cancellation_reason=hostile)
    )

    text = _text(_get(client, "renditions:trip-pdf", trip_id))

    assert text.count(hostile.strip()) == 3


def test_names_in_any_latin_script_survive(register: Register, client: Client) -> None:
    names = "Łódź, Škoda, Đorđević, Ørsted, Győr, Kraków, Ærø, İzmir, Ñuñoa"
    trip_id = register.published(f"Bezoek aan {names}", **full_trip(purpose=names))

    text = _text(_get(client, "renditions:trip-pdf", trip_id))

    assert f"Bezoek aan {names}" in text
    assert text.count(names) == 2


def test_the_pdf_carries_only_the_metadata_the_register_sets(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Werkbezoek Łódź", **full_trip())
    published_at = publication.get_trip(trip_id).published_at
    assert published_at is not None

    data = _get(client, "renditions:trip-pdf", trip_id)

    stamp = published_at.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    assert _metadata(data) == {
        "Title": "Werkbezoek Łódź", "Creator": "Reisregister", "Producer": "Reisregister",
        "CreationDate": stamp, "ModDate": stamp,
    }  # fmt: skip
    assert b"/Author" not in data and b"/Metadata" not in data  # no author, no XMP


def test_nothing_of_the_uploaded_file_reaches_its_rendition(imported: int, client: Client) -> None:
    for name in ("renditions:document-pdf", "renditions:trip-pdf"):
        data = _get(client, name, imported)
        text = _text(data)
        assert "tramdepot" in text if name == "renditions:document-pdf" else "Tampere" in text
        for secret in (AUTHOR, SOFTWARE, "Geheim Adviesbureau", "Concept reisverslag"):
            assert secret.encode() not in data and secret not in text, (name, secret)
        metadata = _metadata(data)
        assert set(metadata) == {"Title", "Creator", "Producer", "CreationDate", "ModDate"}
        assert metadata["Creator"] == metadata["Producer"] == "Reisregister"
        assert not data.startswith(b"PK")  # the original file is never served


def test_the_document_rendition_is_the_redacted_text_and_says_what_it_is(
    imported: int, register: Register, english: Client
) -> None:
    register.redact(imported, "Bram Smits")

    text = _text(_get(english, "renditions:document-pdf", imported))

    assert text.startswith("Redacted rendition, not the original document")
    assert text.count("Redacted rendition, not the original document") == text.count("page ")
    assert "verslag-tampere.docx" in text and "Word (DOCX)" in text
    assert "Projectleider [5.1.2e] vertegenwoordigde Den Haag." in text
    assert "bram" not in text.lower() and "smits" not in text.lower()
    assert "Twee medewerkers van het tramproject komen in het najaar naar Den Haag." in text
    log = text[text.index("Redaction log") :]
    assert "5.1.2e respect for privacy" in log and "source document" in log


def test_the_same_trip_gives_the_same_bytes(register: Register, imported: int) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    register.redact(trip_id, "Jansen")

    first = report.render(publication.get_trip(trip_id)).data
    cache.clear()
    assert report.render(publication.get_trip(trip_id)).data == first
    source = publication.get_source(imported)
    assert document.render(source).data == document.render(source).data


def test_a_client_with_the_current_pdf_gets_not_modified(
    register: Register, english: Client
) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    url = reverse("renditions:trip-pdf", args=[trip_id])

    response = english.get(url)

    assert response["Content-Disposition"] == f'inline; filename="trip-report-{trip_id}.pdf"'
    assert response["ETag"] and response["Last-Modified"]
    assert english.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert english.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    assert english.head(url).status_code == 200
    assert english.post(url).status_code == 405


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "Het Resilience team was uitgenodigd om als spreker de gemeente te vertegenwoordigen\n"
            "tijdens een conferentie.",
            "Het Resilience team was uitgenodigd om als spreker de gemeente te vertegenwoordigen "
            "tijdens een conferentie.",
        ),
        (
            "De doelen van de reis waren het delen van kennis en het leggen van contacten:\n"
            "A) Kennis delen met andere Europese beleidsmakers en uitvoerorganisaties over\n"
            "participatie;\nB) Den Haag vertegenwoordigen.",
            "De doelen van de reis waren het delen van kennis en het leggen van contacten:\n"
            "A) Kennis delen met andere Europese beleidsmakers en uitvoerorganisaties over "
            "participatie;\nB) Den Haag vertegenwoordigen.",
        ),
        ("HOELANG DUURDE DE REIS?\n14 t/m 17 juni", "HOELANG DUURDE DE REIS?\n14 t/m 17 juni"),
        (
            "Tijd | Onderdeel | Locatie met een lange omschrijving van de plek waar het was\n"
            "09:00 | Ontvangst | Stadhuis",
            "Tijd | Onderdeel | Locatie met een lange omschrijving van de plek waar het was\n"
            "09:00 | Ontvangst | Stadhuis",
        ),
    ],
    ids=["wrapped-sentence", "list-items", "short-lines", "table"],
)
def test_the_document_text_is_reflowed_where_the_original_wrapped_it(
    block: str, expected: str
) -> None:
    assert document.reflow(block) == expected


def test_starting_the_register_does_not_load_reportlab() -> None:
    import subprocess
    import sys

    script = (
        "import sys, django; django.setup(); from django.urls import resolve; "
        "resolve('/trips/1/report.pdf'); resolve('/trips/1/document.pdf'); "
        "print('reportlab' in sys.modules)"
    )
    env = {"DJANGO_SETTINGS_MODULE": "reisregister.settings", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "False"


def test_a_text_longer_than_a_page_flows_over_pages(register: Register, english: Client) -> None:
    long_goal = "Kennis delen over walstroom en waterstof. " * 400 + "x" * 3000
    goals = [{"label": "A", "text": long_goal}, {"label": "B", "text": "Kort."}]
    trip_id = register.published("Lang verslag", **full_trip(goals=goals, purpose=long_goal))

    data = _get(english, "renditions:trip-pdf", trip_id)

    pdf = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        assert len(pdf) > 4
    finally:
        pdf.close()
    # Nothing is lost where a paragraph or a table row breaks over a page (the footer comes in between).
    text = re.sub(r" ?Reisregister · \S+ page \d+ ?", " ", _text(data))
    assert text.count("Kennis delen over walstroom en waterstof.") == 800


# A report over two pages whose first page ends half-way a name: "Bram" on page 1, "Smits" on page 2.
PAGE_ONE = """HOELANG DUURDE DE REIS?

9 t/m 11 april 2024 (waarvan 9 en 11 april reisdagen)

WAT WAS HET DOEL VAN DE REIS?

De gemeente Den Haag is door de gemeente Tampere uitgenodigd voor een werkbezoek over de aanleg van een
nieuwe tramlijn. Den Haag werd vertegenwoordigd door projectleider Bram"""
PAGE_TWO = """Smits en een beleidsmedewerker.

WELKE LOCATIES ZIJN BEZOCHT?

Tampere (Finland): het stadhuis en het tramdepot.

ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?

Ja:

- Twee medewerkers van het tramproject komen in het najaar naar Den Haag.
"""


@pytest.fixture
def two_pages(register: Register) -> int:
    """The two-page PDF, imported as a draft and published with every suggested redaction turned down."""
    data = make_paged_text_pdf([PAGE_ONE, PAGE_TWO])
    result = import_document(
        data,
        filename="verslag-tampere.pdf",
        organisation=register.organisation,
        user=register.editor,
    )
    assert result.status == ImportStatus.IMPORTED, result.message
    trip_id: int = result.trips[0].pk
    register.step(trip_id, "submit", register.editor)
    register.keep_everything(trip_id)
    register.step(trip_id, "publish", register.reviewer)
    return trip_id


def test_the_document_rendition_keeps_the_pages_of_a_paged_source(
    two_pages: int, english: Client
) -> None:
    first, second = publication.get_source(two_pages).pages

    assert "WAT WAS HET DOEL VAN DE REIS?" in first and "projectleider Bram" in first
    assert "Tampere (Finland)" not in first and "tramproject" not in first
    assert second.startswith("Smits en een beleidsmedewerker.")
    assert "Tampere (Finland): het stadhuis en het tramdepot." in second
    assert "WAT WAS" not in second and "Pagina" not in first + second
    text = _text(_get(english, "renditions:document-pdf", two_pages))
    assert text.count("Page 1") == text.count("Page 2") == 1
    assert text.index("WAT WAS HET DOEL") < text.index("Page 2") < text.index("Tampere (Finland)")


def test_a_name_redacted_across_a_page_break_is_in_no_page(
    two_pages: int, register: Register, english: Client
) -> None:
    register.redact(two_pages, "Bram Smits")

    pages = publication.get_source(two_pages).pages

    assert len(pages) == 2
    for page in pages:
        assert "bram" not in page.lower() and "smits" not in page.lower()
    # The page break moved to the end of the name: its mark ends page 1, once.
    assert "".join(pages).count("[5.1.2e]") == 1
    assert pages[0].endswith("door projectleider [5.1.2e]")
    assert pages[1].startswith(" en een beleidsmedewerker.")
    text = _text(_get(english, "renditions:document-pdf", two_pages))
    assert "bram" not in text.lower() and "smits" not in text.lower()
    assert "projectleider [5.1.2e]" in text and "Page 2" in text


def test_an_import_from_before_page_starts_is_one_page(two_pages: int) -> None:
    source = SourceDocument.objects.get(trips=two_pages)
    source.parser_output = [
        {key: value for key, value in report.items() if key != "page_starts"}
        for report in source.parser_output
    ]
    source.save(update_fields=["parser_output"])

    (page,) = publication.get_source(two_pages).pages

    assert "WAT WAS HET DOEL" in page and "Tampere (Finland)" in page


@pytest.mark.parametrize("term", ["Bram Smits", "Smits", "tram", "a"])
def test_redacting_in_pieces_is_redacting_the_whole(term: str) -> None:
    text = "De projectleider Bram\n\nSmits sprak over de tramlijn; Smits, tram en Bram Smits."
    redactor = Redactor.of([(term, "5.1.2e")])
    whole = redactor.apply(text)
    for cut in range(len(text) + 1):
        for second in (cut, cut + 7, len(text)):
            pieces = redactor.apply_split(text, [cut, second])
            assert len(pieces) == 3 and "".join(pieces) == whole, (cut, second)
            assert all(piece.count("[") == piece.count("]") for piece in pieces), (cut, second)
    assert Redactor().apply_split(text, [5]) == (text[:5], text[5:])
