"""The public pages draw each redaction mark as a black box with its ground, after escaping the report's text,
and the trip page carries the redaction log (lakoverzicht) and links to its renditions and data."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from reisregister.accounts.models import User
from reisregister.ingest.models import SourceDocument
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from reisregister.publication.templatetags.redaction_marks import redaction_marks
from reisregister.trips.models import Trip
from tests.register.publishing import Register, full_trip


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _render(value: object) -> str:
    return Template("{% load redaction_marks %}{{ value|redaction_marks }}").render(
        Context({"value": value})
    )


def test_the_filter_escapes_script_in_the_text() -> None:
    html = _render("<script>alert('x')</script> [5.1.2e]")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_it_wraps_each_mark_in_a_box_that_shows_the_ground() -> None:
    with translation.override("en"):
        html = _render("Met [5.1.2e] en [5.1.2a] gesproken.")
    assert html.count('<span class="redacted"') == 2
    assert '<span aria-hidden="true">5.1.2e</span>' in html
    assert '<span class="visually-hidden">redacted on the ground of 5.1.2a</span>' in html
    assert 'title="5.1.2e respect for privacy"' in html  # the full ground, for a pointer
    assert html.startswith("Met <span") and html.endswith("</span></span> gesproken.")


@pytest.mark.parametrize("text", ["[5.1.3e]", "[5.1.2z]", "[1.2e]", "5.1.2e", "[ 5.1.2e ]"])
def test_brackets_that_are_no_woo_ground_stay_text(text: str) -> None:
    assert 'class="redacted"' not in _render(text)


def test_a_mark_in_already_safe_html_is_wrapped_without_escaping_the_html_twice() -> None:
    snippet = mark_safe("…de <mark>haven</mark> met [5.1.2e] &amp; co…")
    html = str(redaction_marks(snippet))
    assert "<mark>haven</mark>" in html and "&amp; co" in html and "&amp;amp;" not in html
    assert 'class="redacted"' in html


def test_text_with_a_mark_and_markup_cannot_break_out_of_the_box() -> None:
    html = _render('[5.1.2e]"><img src=x onerror=alert(1)>')
    assert "<img" not in html
    assert "&lt;img" in html


# --------------------------------------------------------------------------- the public pages


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


@pytest.fixture
def english(client: Client) -> Client:
    client.cookies["django_language"] = "en"
    return client


def _redacted_trip(register: Register) -> int:
    trip_id = register.published(
        "Havenbezoek met Kelderman", **full_trip(
            purpose="Rondleiding door Kelderman <b>vet</b>.\n\nDaarna overleg over Groenland.",
            goals=[{"label": "A", "text": "Kelderman spreken over Groenland."},
                   {"label": "B", "text": "Afspraken maken."}],
            programme=[{"title": "Lunch", "speakers": ["Kelderman", "Senator"], "location": "Rathaus"}],
        ),
    )  # fmt: skip
    register.redact(trip_id, "Kelderman")
    register.redact(trip_id, "over Groenland", ground="5.1.2a")
    return trip_id


def test_the_trip_page_draws_every_redaction_as_a_box_and_never_shows_the_passage(
    english: Client, register: Register
) -> None:
    trip_id = _redacted_trip(register)
    html = english.get(f"/trips/{trip_id}/").content.decode()
    assert "Kelderman" not in html and "Groenland" not in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html  # the report's own text stays escaped around the boxes
    title = re.search(r'<h1 id="trip-title">(.*?)</h1>', html, re.S)
    assert title and '<span aria-hidden="true">5.1.2e</span>' in title.group(1)
    boxes = re.findall(r'<span class="redacted" title="([^"]+)">', html)
    assert "5.1.2a relations with other states and international organisations" in boxes
    # title, purpose twice, the goal twice, the speaker: every occurrence is a box
    assert len(boxes) >= 6


def test_the_redaction_log_lists_ground_kind_sections_and_date_but_no_text(
    english: Client, register: Register
) -> None:
    trip_id = _redacted_trip(register)
    html = english.get(f"/trips/{trip_id}/").content.decode()
    section = html.split('id="redactions-heading"')[1].split("</section>")[0]
    rows = [
        text_of(row) for row in re.findall(r"<tr>(.*?)</tr>", section.split("<tbody>")[1], re.S)
    ]
    today = timezone.localdate().strftime("%-d %B %Y")
    assert rows == [
        f"1 5.1.2e respect for privacy Other passage Title, purpose, goals, programme {today}",
        f"2 5.1.2a relations with other states and international organisations Other passage Purpose, goals {today}",
    ]
    assert "2 passages of this report were redacted" in text_of(section)
    assert "decided by a reviewer of Gemeente Den Haag" in text_of(section)
    assert "bob" not in section


def test_a_trip_without_redactions_says_so(english: Client, register: Register) -> None:
    trip_id = register.published("Havenbezoek", **full_trip())
    html = english.get(f"/trips/{trip_id}/").content.decode()
    assert "Nothing in this report was redacted." in html
    assert 'class="redacted"' not in html


def test_cards_on_the_home_page_and_the_list_draw_the_boxes_too(
    english: Client, register: Register
) -> None:
    trip_id = _redacted_trip(register)
    for url in ("/", "/trips/", "/trips/?q=rondleiding"):
        html = english.get(url).content.decode()
        card = html.split(f'href="/trips/{trip_id}/"')[1].split("</li>")[0]
        assert '<span class="redacted"' in card, url
        assert "Kelderman" not in html, url


def test_the_trip_page_links_to_its_renditions_metadata_and_data(
    english: Client, register: Register, den_haag: Organisation
) -> None:
    trip_id = register.published("Havenbezoek", **full_trip())
    html = english.get(f"/trips/{trip_id}/").content.decode()
    links = html.split('id="downloads-heading"')[1].split("</section>")[0]
    assert f'href="{reverse("renditions:trip-pdf", args=[trip_id])}"' in links
    assert f'href="{reverse("woo:diwoo", args=[trip_id])}"' in links
    assert f'href="/api/v1/trips/{trip_id}/"' in links
    assert f'href="{reverse("opendata:dataset")}"' in links
    assert "document.pdf" not in links  # a trip typed into the form has no document

    document = SourceDocument.objects.create(
        organisation=den_haag, file="sources/x", original_filename="verslag.pdf", sha256="0" * 64,
        media_type="application/pdf", size=1000, pages=2,
    )  # fmt: skip
    Trip.objects.filter(pk=trip_id).update(source_document=document)
    # The update bypasses trips.service: refresh the public copy as the services do, and drop the page
    # fragments keyed on the audit trail's newest event.
    publication.refresh(trip_id)
    cache.clear()
    html = english.get(f"/trips/{trip_id}/").content.decode()
    assert f'href="{reverse("renditions:document-pdf", args=[trip_id])}"' in html
