"""The review screen: the source text with every extracted value marked, the fields beside it, confirmation."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import translation

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.trips import service
from reisregister.trips.data import TripData
from reisregister.trips.models import Trip
from reisregister.trips.views.evidence import Evidence, highlight, number
from tests.register.formpost import as_post, english_client, fields_of

SOURCE = (
    "Reisverslag werkbezoek Helsingborg\n"
    "Wat was het doel van de reis? Kennis opdoen over mobiliteitshubs <script>alert('x')</script>.\n"
    "A. Leren hoe hubs werken\n"
    "Wie heb je ontmoet? Policy Officer, Municipality of Helsingborg\n"
)


def _span(text: str) -> tuple[int, int]:
    start = SOURCE.index(text)
    return start, start + len(text)


def _evidence(text: str) -> dict[str, object]:
    start, end = _span(text)
    return {"span_start": start, "span_end": end, "confirmed": False}


@pytest.fixture
def imported(den_haag: Organisation, alice: User) -> Trip:
    """A trip as the importer leaves it: every value unconfirmed, with its span in the source text."""
    data = TripData(
        title="Reisverslag werkbezoek Helsingborg",
        purpose="Kennis opdoen over mobiliteitshubs <script>alert('x')</script>.",
        goals=[
            {"label": "A", "text": "Leren hoe hubs werken", **_evidence("Leren hoe hubs werken")}
        ],
        contacts=[
            {
                "text": "Policy Officer, Municipality of Helsingborg",
                "role": "Policy Officer",
                "organisation": "Municipality of Helsingborg",
                **_evidence("Policy Officer, Municipality of Helsingborg"),
            }
        ],
        source_text=SOURCE,
        unconfirmed_fields=["title", "purpose"],
        field_evidence={
            "title": list(_span("Reisverslag werkbezoek Helsingborg")),
            "purpose": list(
                _span("Kennis opdoen over mobiliteitshubs <script>alert('x')</script>.")
            ),
        },
    )
    return service.create_trip(den_haag, data, user=alice, action="imported", validate=False)


@pytest.fixture
def editor(alice: User) -> Client:
    return english_client(alice)


def _url(trip: Trip) -> str:
    return f"/werk/trips/{trip.pk}/review/"


def _marks(html: str) -> dict[str, str]:
    """id -> text inside, for the marks that carry an id (the first piece of each value)."""
    return dict(re.findall(r'<mark id="(ev-[^"]+)"[^>]*>([^<]*)', html))


def test_it_marks_every_extracted_value_at_its_span(editor: Client, imported: Trip) -> None:
    html = editor.get(_url(imported)).content.decode()
    marks = _marks(html)
    assert marks["ev-field-title"] == "Reisverslag werkbezoek Helsingborg"
    assert marks["ev-goals-0"] == "Leren hoe hubs werken"
    assert marks["ev-contacts-0"] == "Policy Officer, Municipality of Helsingborg"
    assert marks["ev-field-purpose"].startswith("Kennis opdoen")


def test_it_shows_report_text_as_text_and_never_as_markup(editor: Client, imported: Trip) -> None:
    html = editor.get(_url(imported)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_it_links_each_row_to_its_evidence_and_back(editor: Client, imported: Trip) -> None:
    html = editor.get(_url(imported)).content.decode()
    assert re.search(
        r'<fieldset class="row row--unconfirmed" id="row-goals-0" data-evidence="goals-0">', html
    )
    assert 'href="#ev-goals-0" data-show-evidence="goals-0"' in html
    assert 'href="#row-goals-0" data-evidence-back="goals-0"' in html
    assert 'href="#field-title" data-evidence-back="field-title"' in html


def test_it_numbers_evidence_in_reading_order_on_both_sides(editor: Client, imported: Trip) -> None:
    html = editor.get(_url(imported)).content.decode()
    assert re.search(r'data-evidence-back="field-title">\[1\]', html)
    assert re.search(r'data-show-evidence="goals-0">Show evidence \[3\]', html)


def test_it_marks_unconfirmed_values_with_words_not_only_colour(
    editor: Client, imported: Trip
) -> None:
    html = editor.get(_url(imported)).content.decode()
    assert html.count('<span class="badge badge--unconfirmed">unconfirmed</span>') == 4
    assert "4 values unconfirmed" in html
    assert "Goal 1 (unconfirmed)" in html


def test_it_confirms_one_row_and_one_field(editor: Client, imported: Trip, alice: User) -> None:
    fields = fields_of(editor.get(_url(imported)).content)
    assert "goals-0-confirmed" not in fields  # an unticked box
    response = editor.post(
        _url(imported), as_post(fields, {"goals-0-confirmed": "on", "confirm_title": "on"})
    )
    assert response.status_code == 302
    imported.refresh_from_db()
    assert imported.goals.get().confirmed
    assert not imported.contacts.get().confirmed
    assert imported.unconfirmed_fields == ["purpose"]
    assert imported.audit_events.filter(action="edited", actor=alice).exists()


def test_confirm_all_confirms_every_value_and_keeps_the_corrections(
    editor: Client, imported: Trip
) -> None:
    fields = fields_of(editor.get(_url(imported)).content)
    changes: dict[str, str | list[str]] = {
        "goals-0-text": "Leren hoe mobiliteitshubs werken",
        "action": "confirm_all",
    }
    response = editor.post(_url(imported), as_post(fields, changes))
    assert response.status_code == 302
    imported.refresh_from_db()
    goal = imported.goals.get()
    assert goal.text == "Leren hoe mobiliteitshubs werken"
    assert goal.confirmed and imported.contacts.get().confirmed
    assert imported.unconfirmed_fields == []
    assert list(imported.audit_events.values_list("action", flat=True)) == [
        "imported",
        "edited",
        "confirmed",
    ]


def test_a_corrected_row_keeps_its_evidence(editor: Client, imported: Trip) -> None:
    fields = fields_of(editor.get(_url(imported)).content)
    editor.post(_url(imported), as_post(fields, {"contacts-0-role": "Senior Policy Officer"}))
    contact = imported.contacts.get()
    assert contact.role == "Senior Policy Officer"
    assert (contact.span_start, contact.span_end) == _span(
        "Policy Officer, Municipality of Helsingborg"
    )
    assert not contact.confirmed


def test_the_editor_adds_and_removes_rows_on_the_review_screen(
    editor: Client, imported: Trip
) -> None:
    fields = fields_of(editor.get(_url(imported)).content)
    changes: dict[str, str | list[str]] = {
        "contacts-0-DELETE": "on",
        "goals-1-text": "Netwerken",
        "goals-1-confirmed": "on",
    }
    editor.post(_url(imported), as_post(fields, changes))
    assert not imported.contacts.exists()
    assert list(imported.goals.values_list("label", "text", "confirmed")) == [
        ("A", "Leren hoe hubs werken", False),
        ("B", "Netwerken", True),
    ]


def test_the_review_screen_says_which_document_is_shown(editor: Client, imported: Trip) -> None:
    html = editor.get(_url(imported)).content.decode()
    assert "The document" in html
    assert 'class="source-text" id="source-text" tabindex="0"' in html


def test_a_trip_typed_into_the_form_has_no_evidence_to_show(
    editor: Client, den_haag: Organisation, alice: User
) -> None:
    trip = service.create_trip(den_haag, TripData(title="Typed"), user=alice)
    html = editor.get(_url(trip)).content.decode()
    assert "<mark" not in html
    assert "unconfirmed</span>" not in html
    assert 'id="source-text"' not in html


def test_overlapping_spans_become_properly_nested_marks() -> None:
    text = "abcdefghij"
    items = number(
        [
            Evidence("outer", 0, 6, "row-outer", "Outer"),
            Evidence("cross", 4, 9, "row-cross", "Cross"),
        ],
        text,
    )
    with translation.override("en"):  # the labels' words are stripped below in English
        html = str(highlight(text, items))
    assert html.count("<mark") - html.count("</mark>") == 0
    assert re.sub(r"<[^>]+>|\[\d\]|Outer \(confirmed\)|Cross \(confirmed\)| ", "", html) == text
    # The crossing value is split in two pieces; only the first carries the id the links point at.
    assert html.count('<mark class="evidence" data-evidence="cross">') == 1
    assert html.count('id="ev-cross"') == 1


def test_spans_outside_the_text_are_ignored() -> None:
    items = number(
        [Evidence("far", 5, 500, None, "Far"), Evidence("ok", 0, 2, None, "Ok")], "abcdef"
    )
    assert [item.key for item in items] == ["ok"]
    assert str(highlight("abcdef", items)).startswith('<mark id="ev-ok"')


def test_values_with_the_same_span_list_their_numbers_in_order() -> None:
    text = "9 t/m 11 april 2024"
    items = number(
        [Evidence(key, 0, len(text), None, key) for key in ("start", "end", "days")], text
    )
    html = str(highlight(text, items))
    assert [int(n) for n in re.findall(r"\[(\d)\]", html)] == [1, 2, 3]


def test_it_warns_when_the_year_was_inferred(
    editor: Client, den_haag: Organisation, alice: User
) -> None:
    data = TripData(
        title="Tampere", year_inferred=True, source_text=SOURCE, unconfirmed_fields=["start_date"]
    )
    trip = service.create_trip(den_haag, data, user=alice, action="imported", validate=False)
    assert "it was inferred" in editor.get(_url(trip)).content.decode()


def test_the_review_screen_shows_what_the_parser_noticed_in_the_document(
    editor: Client, imported: Trip, den_haag: Organisation
) -> None:
    from reisregister.ingest.models import SourceDocument

    document = SourceDocument.objects.create(
        organisation=den_haag, file="sources/x", original_filename="verslag.pdf", sha256="1" * 64,
        media_type="application/pdf", size=10, warnings=["no period found", "OCR repaired 2 words"],
    )  # fmt: skip
    Trip.objects.filter(pk=imported.pk).update(source_document=document)
    html = editor.get(_url(imported)).content.decode()
    assert "2 notes from reading the document" in html
    assert '<li lang="en">no period found</li>' in html
    assert '<li lang="en">OCR repaired 2 words</li>' in html


def test_the_publish_button_says_how_many_values_are_unconfirmed(
    imported: Trip, alice: User, bob: User
) -> None:
    service.transition(imported.pk, "submit", user=alice)
    html = english_client(bob).get(_url(imported)).content.decode()
    assert re.search(r"\d+ values read from the document are not confirmed yet", html)
    service.confirm_all(imported.pk, user=bob, expected_version=imported.version + 1)
    html = english_client(bob).get(_url(imported)).content.decode()
    assert "not confirmed yet" not in html
