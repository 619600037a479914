"""What the parser noticed, shown to editors in the language of the page; unknown sentences marked English."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from reisregister.accounts.models import User
from reisregister.ingest.service import Note, notes
from reisregister.organisations.models import Organisation
from reisregister.trips.models import Trip
from tests.register.formpost import english_client

WARNINGS = [
    "year 2024 inferred from weekdays (Wednesday 5 June, Thursday 6 June): the only year in 2016..2027 that fits",
    'repaired OCR diacritic: "potentiéle" -> "potentiële" at 512',
    'removed 3 page numbers: "Pagina 1 van 3" to "Pagina 3 van 3"',
    "no year in the document (the weekdays named fit no single year)",
    "something the register has not seen before",
]


def test_known_warnings_are_translated_and_dates_named_in_dutch() -> None:
    with translation.override("nl"):
        shown = notes(WARNINGS)
    assert shown[0] == Note(
        "Jaar 2024 afgeleid uit de weekdagen in het document (woensdag 5 juni, donderdag 6 juni).",
        "",
    )
    assert shown[1] == Note("Tekstherkenning hersteld: “potentiéle” werd “potentiële”.", "")
    assert shown[2].text.startswith("3 paginanummers weggelaten")
    assert shown[3].text == (
        "Het document noemt geen jaar (de weekdagen die het noemt passen bij geen enkel jaar)."
    )


def test_an_unknown_warning_is_shown_as_written_and_marked_english() -> None:
    with translation.override("nl"):
        assert notes(WARNINGS)[-1] == Note("something the register has not seen before", "en")


def test_in_english_the_notes_read_as_sentences() -> None:
    with translation.override("en"):
        assert notes(WARNINGS[:1])[0].text == (
            "Year 2024 inferred from the weekdays in the document (Wednesday 5 June, Thursday 6 June)."
        )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_review_screen_marks_an_untranslated_note_as_english(
    alice: User, den_haag: Organisation, language: str
) -> None:
    from reisregister.ingest.models import SourceDocument
    from reisregister.trips import service
    from reisregister.trips.data import TripData

    trip = service.create_trip(
        den_haag, TripData(title="Tampere", source_text="Reisverslag Tampere"), user=alice,
        action="imported", validate=False,
    )  # fmt: skip
    document = SourceDocument.objects.create(
        organisation=den_haag, file="sources/x", original_filename="x.pdf", sha256="2" * 64,
        media_type="application/pdf", size=10, warnings=WARNINGS[-1:],
    )  # fmt: skip
    Trip.objects.filter(pk=trip.pk).update(source_document=document)
    client: Client = english_client(alice)
    client.cookies["django_language"] = language
    html = client.get(f"/werk/trips/{trip.pk}/review/").content.decode()
    assert '<li lang="en">something the register has not seen before</li>' in html
