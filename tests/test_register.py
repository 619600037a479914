"""Register pages: one source that lists several trips gives one report per trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import reisparse
from reisparse.context import Context
from reisparse.document import Extracted
from reisparse.model import Report
from reisparse.normalise import normalise
from reisparse.register import read_register
from reisparse.templates import load_templates
from tests.support.builders import make_docx

TODAY = date(2026, 11, 28)
CORPUS = Path(__file__).parent / "corpus"
REGISTER_TEMPLATES = {"nl-reisregister", "en-travel-register"}

DUTCH_BLOCKS = """Gemeente Utrecht

Overzicht dienstreizen college 2023

Werkbezoek Kopenhagen
Bestemming: Kopenhagen, Denemarken
Doel: Kennismaken met de fietsinfrastructuur van de stad
Datum: 3 t/m 5 oktober 2023
Kosten: vlucht € 450, hotel € 600
Betaald door: gemeente
Reiziger: wethouder Mobiliteit
Vervoer: vliegtuig

Smart City Expo
Bestemming: Barcelona, Spanje
Doel: Bezoek aan het Smart City Expo World Congress
Datum: 7 t/m 9 november 2023
Kosten: € 1.234,56
Betaald door: uitnodigende partij
Reiziger: burgemeester Sharon Dijksma
Vervoer: trein
Meer informatie: https://www.smartcityexpo.com/

Stedennetwerk Eurocities
Bestemming: Brussel, België
Doel: Vergadering van het Eurocities-netwerk
Datum: 14 december 2023
Kosten: ca. € 250
Betaald door: gemeente
Reiziger: wethouder Economie en Werk; twee beleidsmedewerkers
Vervoer: trein

Havenbezoek Hamburg
Bestemming: Hamburg, Duitsland
Doel: Kennisuitwisseling over walstroom
Datum: 20 en 21 september 2023
Kosten: geen
Betaald door: n.v.t.
Reiziger: wethouder Klimaat
Status: geannuleerd vanwege een stemming in de gemeenteraad

Vragen over dit overzicht? Mail de afdeling Communicatie.
"""

DUTCH_TABLE = """Gemeente Arnhem

Dienstreizen 2024

Reiziger | Bestemming | Doel | Datum | Kosten | Betaald door
burgemeester | Parijs, Frankrijk | OESO-conferentie over steden | 4 t/m 6 maart | € 980,- | gemeente
wethouder Cultuur | Wenen, Oostenrijk | Bezoek aan de Wiener Festwochen | 17 mei | € 640 | stad
wethouder Wonen | Berlijn, Duitsland | Werkbezoek over woningbouw | 2 en 3 juli | € 410,50 | stad
"""

ENGLISH_BLOCKS = """City of Eindhoven: register of official trips 2024

Trip: Smart mobility mission
Destination: Munich, Germany
Purpose: Meet the city's mobility department
Dates: 12-14 March 2024
Costs: flight EUR 320, hotel EUR 410
Paid by: municipality
Traveller: alderman Mobility

Trip: Design week
Destination: Milan, Italy
Purpose: Present the Dutch Design Week programme
Dates: 8-10 April 2024
Costs: EUR 1,150.00
Paid by: third party
Traveller: mayor Jeroen Dijsselbloem
"""

ENGLISH_TABLE = """Register of official trips 2023

Traveller | Destination | Purpose | Dates | Costs | Paid by
Mayor | Oslo, Norway | Nordic cities summit | 5-7 June 2023 | NOK 12.000 | host city
Alderman Economy | Lisbon, Portugal | Web Summit | 13-16 November 2023 | € 1,420.00 | municipality
"""

PROSE_REPORT = """Reisverslag werkbezoek Kopenhagen

Doel: kennis opdoen over fietsbeleid in een Europese hoofdstad.

Op 3 oktober 2023 reisden de wethouder en twee medewerkers met de trein naar Kopenhagen. Daar
bezochten we het fietsprogramma van de gemeente en spraken we met de verkeersafdeling. De kosten
bedroegen € 1.200 en werden door de gemeente betaald.
"""

ONE_TRIP_OF_FIELDS = """Verslag dienstreis

Bestemming: Kopenhagen, Denemarken
Doel: Kennismaken met de fietsinfrastructuur van de stad
Datum: 3 t/m 5 oktober 2023
Kosten: € 1.050

De reis verliep voorspoedig.
"""


def _parse(source: str | bytes) -> list[Report]:
    return reisparse.parse(source, today=TODAY)


def _context(text: str) -> Context:
    normalised = normalise(Extracted(pages=(text,), media_type="text/plain"))
    return Context(normalised=normalised, language="nl", today=TODAY, links=())


@pytest.mark.parametrize(
    ("source", "trips"),
    [(DUTCH_BLOCKS, 4), (DUTCH_TABLE, 3), (ENGLISH_BLOCKS, 2), (ENGLISH_TABLE, 2)],
)
def test_it_gives_one_report_per_trip_numbered_from_zero(source: str, trips: int) -> None:
    reports = _parse(source)
    assert len(reports) == trips
    assert [r.source.trip_index for r in reports] == list(range(trips))


@pytest.mark.parametrize(
    ("source", "template"),
    [
        (DUTCH_BLOCKS, "nl-reisregister"),
        (DUTCH_TABLE, "nl-reisregister"),
        (ENGLISH_BLOCKS, "en-travel-register"),
        (ENGLISH_TABLE, "en-travel-register"),
    ],
)
def test_it_reads_a_register_with_the_template_in_its_language(source: str, template: str) -> None:
    assert {r.template for r in _parse(source)} == {template}


def test_it_reads_every_field_of_a_block_of_labelled_fields() -> None:
    first = _parse(DUTCH_BLOCKS)[0]
    assert first.title == "Werkbezoek Kopenhagen"
    assert first.purpose == "Kennismaken met de fietsinfrastructuur van de stad"
    assert [(d.city, d.country) for d in first.destinations] == [("Copenhagen", "DK")]
    assert (first.period.start, first.period.end) == ("2023-10-03", "2023-10-05")
    assert [(c.amount, c.category, c.payer) for c in first.costs] == [
        (450.0, "transport", "gemeente"),
        (600.0, "accommodation", "gemeente"),
    ]
    assert (first.funding, first.transport, first.cancelled) == ("gemeente", "vliegtuig", False)
    assert first.organisation == "Gemeente Utrecht"
    assert first.sections == ()


def test_a_trip_keeps_only_the_links_in_its_own_block() -> None:
    reports = _parse(DUTCH_BLOCKS)
    assert [r.links for r in reports] == [(), ("https://www.smartcityexpo.com/",), (), ()]


def test_an_unknown_label_ends_the_field_before_it() -> None:
    assert _parse(DUTCH_BLOCKS)[1].transport == "trein"


def test_a_cancelled_trip_is_listed_with_its_reason() -> None:
    reports = _parse(DUTCH_BLOCKS)
    assert [r.cancelled for r in reports] == [False, False, False, True]
    cancelled = reports[3]
    assert cancelled.cancellation_reason == "een stemming in de gemeenteraad"
    assert (cancelled.costs, cancelled.funding) == ((), None)
    assert (cancelled.period.start, cancelled.period.end) == ("2023-09-20", "2023-09-21")


def test_prose_after_the_last_trip_is_not_part_of_it() -> None:
    last = _parse(DUTCH_BLOCKS)[3]
    assert "Communicatie" not in (last.cancellation_reason or "")
    assert last.title == "Havenbezoek Hamburg"


def test_cost_lines_point_into_the_page_text() -> None:
    for report in _parse(DUTCH_BLOCKS):
        for line in report.costs:
            start, end = line.span
            assert " ".join(report.text[start:end].split()) == line.text


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ("wethouder Economie", [(None, "wethouder Economie")]),
        ("burgemeester Sharon Dijksma", [("Sharon Dijksma", "burgemeester")]),
        ("burgemeester Halsema", [("Halsema", "burgemeester")]),
        ("Jan de Vries (wethouder)", [("Jan de Vries", "wethouder")]),
        ("mevrouw Jansen", [("Jansen", None)]),
        (
            "wethouder Economie en Werk; twee beleidsmedewerkers",
            [(None, "wethouder Economie en Werk"), (None, "beleidsmedewerkers")],
        ),
        ("burgemeester en wethouder Wonen", [(None, "burgemeester"), (None, "wethouder Wonen")]),
    ],
)
def test_a_traveller_is_named_only_when_the_register_gives_a_name(
    stated: str, expected: list[tuple[str | None, str | None]]
) -> None:
    page = DUTCH_BLOCKS.replace("Reiziger: wethouder Mobiliteit", f"Reiziger: {stated}")
    first = _parse(page)[0]
    assert [(t.name, t.role) for t in first.travellers] == expected


def test_a_table_row_without_a_year_takes_the_year_of_the_page() -> None:
    reports = _parse(DUTCH_TABLE)
    assert [(r.period.start, r.period.end) for r in reports] == [
        ("2024-03-04", "2024-03-06"),
        ("2024-05-17", "2024-05-17"),
        ("2024-07-02", "2024-07-03"),
    ]
    assert all(r.period.year_inferred for r in reports)


def test_a_table_row_is_titled_by_its_purpose_and_destination() -> None:
    first = _parse(DUTCH_TABLE)[0]
    assert first.title == "OESO-conferentie over steden (Parijs, Frankrijk)"
    assert [(d.city, d.country) for d in first.destinations] == [("Paris", "FR")]
    assert [(c.amount, c.currency) for c in first.costs] == [(980.0, "EUR")]
    assert [(t.name, t.role) for t in first.travellers] == [(None, "burgemeester")]


def test_it_reads_an_english_register_in_blocks() -> None:
    first, second = _parse(ENGLISH_BLOCKS)
    assert first.title == "Smart mobility mission"
    assert [(d.city, d.country) for d in first.destinations] == [("Munich", "DE")]
    assert [(c.amount, c.category) for c in first.costs] == [
        (320.0, "transport"),
        (410.0, "accommodation"),
    ]
    assert [(t.name, t.role) for t in first.travellers] == [(None, "alderman Mobility")]
    assert [(t.name, t.role) for t in second.travellers] == [("Jeroen Dijsselbloem", "mayor")]
    assert (second.period.start, second.period.end) == ("2024-04-08", "2024-04-10")
    assert second.funding == "third party"


def test_it_reads_an_english_register_table_with_foreign_currencies() -> None:
    first, second = _parse(ENGLISH_TABLE)
    assert [(c.amount, c.currency) for c in first.costs] == [(12000.0, "NOK")]
    assert [(c.amount, c.currency) for c in second.costs] == [(1420.0, "EUR")]
    assert [(d.city, d.country) for d in second.destinations] == [("Lisbon", "PT")]


def test_an_html_table_row_with_an_empty_cell_keeps_its_values_in_their_columns() -> None:
    # The reader keeps the empty costs cell of the second row as an empty field.
    rows = [
        ("Daan Hofstede", "Dublin", "Datacenters", "14 t/m 16 mei 2024", "&euro; 1.234,56", "stad"),
        ("Esra Kaya", "Bordeaux", "Congres", "4 t/m 6 juni 2024", "", "uitnodigende partij"),
    ]
    header = "".join(f"<th>{h}</th>" for h in ("Bestuurder", "Bestemming", "Doel", "Datum"))
    header += "<th>Kosten</th><th>Betaald door</th>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = f"<html><body><h1>Dienstreizen</h1><table><tr>{header}</tr>{body}</table></body></html>"
    first, second = _parse(page.encode("utf-8"))
    assert first.source.media_type == "text/html"
    assert [c.amount for c in first.costs] == [1234.56]
    assert (second.costs, second.funding) == ((), "uitnodigende partij")
    assert not any("cells" in w for w in second.warnings)


def test_it_reads_a_register_table_in_a_docx() -> None:
    reports = _parse(make_docx(ENGLISH_TABLE))
    assert [r.source.trip_index for r in reports] == [0, 1]
    assert [r.destinations[0].city for r in reports] == ["Oslo", "Lisbon"]


def test_a_new_trip_starts_where_the_first_label_comes_again() -> None:
    page = (
        "Bestemming: Oslo, Noorwegen\nDatum: 1 juni 2023\nDoel: Havenbezoek\n"
        "Bestemming: Bergen, Noorwegen\nDatum: 3 juni 2023\nDoel: Visserijoverleg\n"
    )
    drafts = read_register(_context(page), load_templates())
    assert [d.purpose for d in drafts] == ["Havenbezoek", "Visserijoverleg"]
    assert [d.period.start for d in drafts] == ["2023-06-01", "2023-06-03"]


def test_a_value_may_stand_on_the_line_below_its_label() -> None:
    page = (
        "Bestemming:\nOslo, Noorwegen\n\nDatum:\n1 juni 2023\n\nDoel:\nHavenbezoek\n\n"
        "Bestemming:\nBergen, Noorwegen\n\nDatum:\n3 juni 2023\n\nDoel:\nVisserijoverleg\n"
    )
    drafts = read_register(_context(page), load_templates())
    assert [d.purpose for d in drafts] == ["Havenbezoek", "Visserijoverleg"]
    assert [d.destinations[0].city for d in drafts] == ["Oslo", "Bergen"]


HTML_HEADED_BLOCKS = """<html><body><h1>Dienstreizen 2023</h1>
<h2>Werkbezoek Kopenhagen</h2>
<p>Bestemming: Kopenhagen</p><p>Doel: Fietsbeleid</p><p>Datum: 3 oktober 2023</p>
<h2>Congres Wenen</h2>
<p>Bestemming: Wenen</p><p>Doel: Smart cities</p><p>Datum: 9 november 2023</p>
</body></html>"""

HTML_DEFINITION_LISTS = """<html><body><h1>Dienstreizen 2023</h1>
<h2>Werkbezoek Kopenhagen</h2>
<dl><dt>Bestemming</dt><dd>Kopenhagen</dd><dt>Doel</dt><dd>Fietsbeleid</dd>
<dt>Datum</dt><dd>3 oktober 2023</dd></dl>
<h2>Congres Wenen</h2>
<dl><dt>Bestemming</dt><dd>Wenen</dd><dt>Doel</dt><dd>Smart cities</dd>
<dt>Datum</dt><dd>9 november 2023</dd></dl>
</body></html>"""

MARKDOWN_LIST = """# Dienstreizen 2023

## Werkbezoek Kopenhagen

- **Bestemming:** Kopenhagen
- **Doel:** Fietsbeleid
- **Datum:** 3 oktober 2023

## Congres Wenen

- **Bestemming:** Wenen
- **Doel:** Smart cities
- **Datum:** 9 november 2023
"""


@pytest.mark.parametrize(
    ("source", "filename"),
    [
        (HTML_HEADED_BLOCKS, None),
        (HTML_DEFINITION_LISTS, None),
        (MARKDOWN_LIST, "dienstreizen.md"),
    ],
)
def test_it_reads_trips_under_their_own_headings_in_html_and_markdown(
    source: str, filename: str | None
) -> None:
    reports = reisparse.parse(source.encode("utf-8"), filename=filename, today=TODAY)
    assert [r.title for r in reports] == ["Werkbezoek Kopenhagen", "Congres Wenen"]
    assert [r.purpose for r in reports] == ["Fietsbeleid", "Smart cities"]
    # A destination field names a place, so a bare "Wenen" is Vienna.
    assert [r.destinations[0].city for r in reports] == ["Copenhagen", "Vienna"]
    assert [r.period.start for r in reports] == ["2023-10-03", "2023-11-09"]


@pytest.mark.parametrize("text", [PROSE_REPORT, ONE_TRIP_OF_FIELDS])
def test_a_report_with_a_few_labelled_lines_is_not_a_register(text: str) -> None:
    assert read_register(_context(text), load_templates()) == []
    (report,) = _parse(text)
    assert report.template not in REGISTER_TEMPLATES


@pytest.mark.parametrize("case", ["nl-reisverslag-clean", "en-trip-report", "cancelled-trip"])
def test_a_trip_report_of_the_corpus_is_not_read_as_a_register(case: str) -> None:
    text = (CORPUS / case / "source.txt").read_text(encoding="utf-8")
    assert read_register(_context(text), load_templates()) == []
