"""Fields that reports state in prose rather than in a register table: the title after a letterhead, how the
delegation travelled, who paid, why a trip was cancelled; and a text with no trip in it gives no report."""

from __future__ import annotations

from datetime import date

import pytest

import reisparse
from reisparse.extract import prose
from reisparse.extract.journey import find_funding, find_transport
from reisparse.extract.status import find_cancellation
from reisparse.extract.title import is_letterhead
from reisparse.model import Report

TODAY = date(2026, 11, 28)


def _report(text: str, organisation: str | None = None) -> Report:
    (report,) = reisparse.parse(text, today=TODAY, organisation=organisation)
    return report


def _six_questions(head: str, purpose: str, duration: str = "3 t/m 5 juni 2024") -> str:
    """A report on the Dutch six-question template, with ``head`` above the first question."""
    return (
        f"{head}HOELANG DUURDE DE REIS?\n\n{duration}\n\nWAT WAS HET DOEL VAN DE REIS?\n\n{purpose}\n\n"
        "WELKE LOCATIES ZIJN BEZOCHT?\n\nKopenhagen (Denemarken): het stadhuis.\n\n"
        "WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?\n\nInzicht in klimaatadaptatie.\n\n"
        "ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?\n\nNee.\n"
    )


PURPOSE = "Wethouder Klimaat Sanne de Wit bracht een werkbezoek aan Kopenhagen om te leren over wateropvang."


# --- titles ---------------------------------------------------------------------------------------


def test_a_letterhead_is_not_a_title() -> None:
    report = _report(
        _six_questions("Gemeente Den Haag\nReisverslag werkbezoek Kopenhagen\n\n", PURPOSE)
    )
    assert report.template == "nl-reisverslag"
    assert report.title == "Reisverslag werkbezoek Kopenhagen"


def test_a_letterhead_above_a_bare_document_type_leaves_the_title_to_the_register() -> None:
    assert _report(_six_questions("Gemeente Almere\nReisverslag\n\n", PURPOSE)).title is None


def test_the_organisation_the_caller_names_is_a_letterhead_too() -> None:
    text = _six_questions("Metropoolregio Rotterdam Den Haag\nWerkbezoek Kopenhagen\n\n", PURPOSE)
    report = _report(text, organisation="Metropoolregio Rotterdam Den Haag")
    assert report.title == "Werkbezoek Kopenhagen"


def test_a_letterhead_is_no_title_of_a_prose_report_either() -> None:
    report = _report(
        "Gemeente Utrecht\n\nOp 12 juni 2024 bracht wethouder Tom Peeters een bezoek aan Gent om "
        "te leren over de circulatieplannen.\n"
    )
    assert report.template == "generic"
    assert report.title is None


@pytest.mark.parametrize(
    "line",
    [
        "Gemeente Den Haag",
        "Tweede Kamer der Staten-Generaal",
        "House of Representatives of the Netherlands",
        "Provincie Noord-Holland",
        "Ministerie van Buitenlandse Zaken",
        "Waterschap Aa en Maas",
        "*Gemeente Almere, gemeenteraad*",
        "Vaste commissie voor Economische Zaken",
    ],
)
def test_a_line_naming_only_a_public_body_is_a_letterhead(line: str) -> None:
    assert is_letterhead(line)


@pytest.mark.parametrize(
    "line",
    [
        "Gemeente Utrecht - Reisverslag Barcelona maart 2024",
        "Reisverslag werkbezoek Kopenhagen",
        "Raadsleden bezoeken Gent",
        "Gemeente Utrecht in Barcelona",
        "Wethouder El Idrissi naar Lyon voor circulaire textielketen",
    ],
)
def test_a_line_about_the_trip_is_no_letterhead(line: str) -> None:
    assert not is_letterhead(line)


# --- transport ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("De reis ging per trein en werd betaald uit het eigen budget.", "per trein"),
        ("We reisden met het vliegtuig naar Oslo.", "met het vliegtuig"),
        ("De delegatie reisde per nachttrein.", "per nachttrein"),
        ("The delegation travelled by air; flights were compensated.", "by air"),
        (
            "De heenreis ging per trein, de terugreis met het vliegtuig.",
            "per trein; met het vliegtuig",
        ),
        ("De delegatie vloog naar Lissabon.", "vliegtuig"),
    ],
)
def test_transport_is_read_from_a_sentence_about_the_journey(sentence: str, stated: str) -> None:
    report = _report(_six_questions("", f"{PURPOSE} {sentence}"))
    assert report.transport == stated


def test_transport_points_at_the_words_that_state_it() -> None:
    text = "Verslag\n\nHet werkbezoek vond plaats op 4 juni 2024. De reis ging per trein (ICE).\n"
    found = find_transport(prose.sentences(text))
    assert found is not None
    assert text[found.span[0] : found.span[1]] == found.value == "per trein"


def test_a_journey_both_ways_is_read_next_to_its_dates() -> None:
    report = _report(
        _six_questions("", PURPOSE, duration="14 t/m 16 november 2024 (heen en terug met de trein)")
    )
    assert report.transport == "met de trein"


@pytest.mark.parametrize(
    "sentence",
    [
        "De delegatie heeft het nieuwe treinstation bezocht.",
        "Na de lunch ging de groep met de bus naar de haven.",
        "Op dinsdag 4 juni reisde de delegatie per trein naar Aarhus.",
        "Een alternatieve reis per trein bleek niet op tijd te regelen.",
        "De trein is in Denemarken het snelste vervoermiddel.",
        "De tijd vloog voorbij.",
    ],
)
def test_a_station_visit_is_no_transport_mode(sentence: str) -> None:
    report = _report(_six_questions("", f"{PURPOSE} {sentence}"))
    assert report.transport is None


# --- funding --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("De reis werd betaald uit het eigen budget.", "eigen budget"),
        (
            "De reis ging per trein en werd betaald uit het eigen budget van het programma.",
            "eigen budget",
        ),
        ("De kosten waren voor eigen rekening.", "eigen budget"),
        (
            "De kosten kwamen ten laste van het budget voor internationale betrekkingen.",
            "eigen budget",
        ),
        ("De kosten werden gedragen door de gastheer.", "gastheer"),
        ("De kosten werden gedragen door de Europese Commissie.", "Europese Commissie"),
        ("De reis werd door de gastheer betaald.", "gastheer"),
        (
            "De reis werd deels vergoed door de Europese Commissie.",
            "deels door Europese Commissie",
        ),
        (
            "De deelnamekosten werden betaald door Eurocities; reis en verblijf uit het eigen budget.",
            "deels door Eurocities",
        ),
        (
            "De vlucht werd gedeeltelijk betaald door het Expo-paviljoen; de overige kosten kwamen uit "
            "het budget voor citymarketing.",
            "deels door Expo-paviljoen",
        ),
    ],
)
def test_funding_is_read_from_a_sentence_about_who_paid(sentence: str, stated: str) -> None:
    report = _report(_six_questions("", f"{PURPOSE} {sentence}"))
    assert report.funding == stated


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("The trip was paid by the European Commission.", "European Commission"),
        (
            "The trip was partly paid by the Hague Business Agency.",
            "partly by Hague Business Agency",
        ),
        ("Travel costs were covered by the host.", "host"),
    ],
)
def test_funding_in_english_is_read_too(sentence: str, stated: str) -> None:
    report = _report(
        "Readout: visit to Oslo\n\nMayor Anna de Wit of Eindhoven visited Oslo from 3 to 5 May 2024. "
        f"{sentence}\n"
    )
    assert report.funding == stated


def test_the_visit_covered_by_the_press_is_no_funding() -> None:
    report = _report(
        "Readout: visit to Oslo\n\nMayor Anna de Wit of Eindhoven visited Oslo from 3 to 5 May 2024. "
        "The visit was covered by the local press.\n"
    )
    assert report.funding is None


def test_funding_points_at_the_payer() -> None:
    text = "Het bezoek was op 4 juni 2024. De kosten werden gedragen door de Europese Commissie.\n"
    found = find_funding(prose.sentences(text), text)
    assert found is not None
    assert text[found.span[0] : found.span[1]] == "Europese Commissie"


@pytest.mark.parametrize(
    "sentence",
    [
        "Er zijn geen kosten gemaakt: de vliegtickets zijn door de luchtvaartmaatschappij vergoed.",
        "De vlucht werd gecompenseerd.",
        "Het nieuwe stadion werd betaald door de provincie.",
        "De kosten van de vervolgstudie worden gedragen door de provincie.",
        "De kosten kwamen uit het budget van de Europese Commissie.",
    ],
)
def test_paying_for_something_else_is_no_funding(sentence: str) -> None:
    report = _report(_six_questions("", f"{PURPOSE} {sentence}"))
    assert report.funding is None


# --- cancellation ---------------------------------------------------------------------------------


def test_a_cancelled_trip_keeps_its_reason() -> None:
    report = _report(
        _six_questions(
            "",
            "Wethouder Cultuur Femke Zwart zou deelnemen aan een conferentie in Lissabon. De reis is\n"
            "geannuleerd: de wethouder moest in verband met de behandeling van de\n"
            "cultuurnota in de gemeenteraad aanwezig blijven. De treinreis is kosteloos geannuleerd.",
        )
    )
    assert report.cancelled is True
    assert report.cancellation_reason == (
        "de wethouder moest in verband met de behandeling van de cultuurnota in de gemeenteraad "
        "aanwezig blijven"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("De reis werd afgelast i.v.m. de verkiezingen. Daarna niets.", "de verkiezingen"),
        ("De reis is afgelast. De reden was dat de minister ziek werd.", "de minister ziek werd"),
        (
            "The trip was cancelled: the mayor had to attend a council vote.",
            "the mayor had to attend a council vote",
        ),
        (
            "De reis is geannuleerd vanwege een staking van de\nFranse luchtverkeersleiding; een reis per trein "
            "lukte niet.",
            "een staking van de Franse luchtverkeersleiding",
        ),
        ("Status: geannuleerd wegens een stemming\nKosten: geen", "een stemming"),
        ("Het werkbezoek werd geannuleerd.", None),
    ],
)
def test_a_reason_is_read_after_a_colon_a_cause_or_in_the_next_sentence(
    text: str, reason: str | None
) -> None:
    assert find_cancellation(text) == (True, reason)


# --- no trip --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["hello world just a note", "Hallo.", "Verslag\n\n- a\n- b\n", "We met with:\n- x\n", "((("],
)
def test_a_note_without_a_trip_gives_no_report(text: str) -> None:
    assert reisparse.parse(text, today=TODAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "Werkbezoek Gent.",  # a travel word
        "Notitie\n\nOverleg op 12 juni 2024 over de begroting.\n",  # a date
        "Notes\n\nWe went to Tallinn to see the port.\n",  # a destination
        "Vervolg\n\n- Gent stuurt de plannen.\n",  # a section
    ],
)
def test_a_short_text_with_a_trace_of_a_trip_still_gives_a_report(text: str) -> None:
    assert len(reisparse.parse(text, today=TODAY)) == 1
