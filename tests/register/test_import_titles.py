"""Titles made for imported reports that state none: places by their name in the register's language."""

from __future__ import annotations

from typing import Any

from reisregister.accounts.models import User
from reisregister.ingest.mapping import generated_title
from reisregister.ingest.service import ImportStatus, import_document
from reisregister.organisations.models import Organisation

UNTITLED_REPORT_TO_LISBON = """\
HOELANG DUURDE DE REIS?

14 t/m 16 juni 2022

WAT WAS HET DOEL VAN DE REIS?

Wethouder Havens Sanne de Wit bracht een werkbezoek aan Lissabon om te leren hoe de haven van de
stad walstroom voor cruiseschepen heeft aangelegd.
"""


def _report(*cities: tuple[str, str], start: str = "2024-03-04") -> dict[str, Any]:
    return {
        "destinations": [{"city": city, "country": country} for city, country in cities],
        "period": {"start": start},
    }


def test_an_imported_dutch_report_without_a_title_is_titled_with_the_dutch_place_name(
    den_haag: Organisation, alice: User
) -> None:
    result = import_document(
        UNTITLED_REPORT_TO_LISBON.encode(),
        filename="verslag.txt",
        organisation=den_haag,
        user=alice,
    )

    assert result.status == ImportStatus.IMPORTED, result.message
    [trip] = result.trips
    assert trip.title == "Werkbezoek Lissabon, juni 2022"
    # Only the title is in Dutch: the destination keeps the gazetteer's name, as typed ones do.
    assert [(d.city, d.country) for d in trip.destinations.all()] == [("Lisbon", "PT")]


def test_the_title_names_every_place_in_dutch_and_keeps_names_without_a_dutch_form() -> None:
    report = _report(("Cologne", "DE"), ("Aachen", "DE"), ("Tampere", "FI"))

    assert generated_title(report) == "Werkbezoek Keulen, Aken en Tampere, maart 2024"


def test_two_destinations_with_the_same_dutch_name_are_named_once() -> None:
    report = _report(("Brussels", "BE"), ("Brussels", "BE"), start="")

    assert generated_title(report) == "Werkbezoek Brussel"


def test_an_english_register_keeps_the_english_place_names(settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"

    assert generated_title(_report(("Lisbon", "PT"))) == "Working visit Lisbon, March 2024"
