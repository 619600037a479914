"""The public pages: home, the list with search, filters, sorting and pages, and the trip page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from reisregister.accounts.models import User
from reisregister.ingest.models import SourceDocument
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from reisregister.publication import views
from reisregister.search import service as search
from tests.register.publishing import Register, full_trip


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


@pytest.fixture
def english(client: Client) -> Client:
    """A visitor who chose English: the assertions below read English labels, dates and numbers."""
    client.cookies["django_language"] = "en"
    return client


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_the_urls_are_stable() -> None:
    assert reverse("publication:home") == "/"
    assert reverse("publication:trip-list") == "/trips/"
    assert reverse("publication:trip-detail", args=[42]) == "/trips/42/"


def test_home_shows_the_latest_trips_a_search_box_and_figures(
    client: Client, register: Register
) -> None:
    register.published("Havens van Hamburg", **full_trip())
    register.published(
        "Oud bezoek",
        start_date=dt.date(2019, 5, 1),
        destinations=[{"city": "Gent", "country": "BE"}],
    )
    html = client.get("/").content.decode()
    assert 'action="/trips/"' in html and 'name="q"' in html and '<label for="home-q">' in html
    assert "Havens van Hamburg" in html and "Oud bezoek" in html
    figures = text_of(html.split('class="figures"')[1].split("</ul>")[0])
    # 2 published trips; countries DE, NL, BE; 1 organisation; trips this year: none in the test data.
    assert re.findall(r"\d+", figures)[:4] == ["2", "3", "1", "0"]


def test_the_list_has_a_labelled_get_form_and_announces_the_count(
    english: Client, register: Register
) -> None:
    register.published("Havens van Hamburg", **full_trip())
    html = english.get("/trips/").content.decode()
    assert re.search(r'<form class="filter-form" method="get"', html)
    for name in ("q", "year", "organisation", "country", "city", "category", "transport", "sort"):
        field_id = re.search(
            rf'name="{name}"[^>]*id="([^"]+)"|id="([^"]+)"[^>]*name="{name}"', html
        )
        assert field_id, name
        assert f'<label for="{field_id.group(1) or field_id.group(2)}">' in html, name
    status = re.search(r'role="status">(.*?)</p>', html, re.S)
    assert status and "1 trip found" in text_of(status.group(1))


def test_the_filter_form_offers_only_values_of_published_trips(
    client: Client, register: Register
) -> None:
    register.published("Hamburg", **full_trip())
    register.draft(
        "Geheim", start_date=dt.date(2011, 1, 1), destinations=[{"city": "Oslo", "country": "NO"}]
    )
    html = client.get("/trips/").content.decode()
    assert '<option value="2024">2024</option>' in html
    assert "2011" not in html
    assert '<option value="DE">' in html and '<option value="NO">' not in html
    assert '<option value="gm0518">Gemeente Den Haag</option>' in html


def test_searching_shows_highlighted_snippets(english: Client, register: Register) -> None:
    register.published("Werkbezoek", purpose="Een bezoek aan de haven van Hamburg.")
    register.published("Cultuur", purpose="Musea en theaters.")
    html = english.get("/trips/", {"q": "havens"}).content.decode()
    assert "<mark>haven</mark>" in html
    assert "Werkbezoek" in html and "Cultuur" not in html
    assert "1 trip found for “havens”" in text_of(html)


def test_script_in_a_report_is_shown_as_text_everywhere(client: Client, register: Register) -> None:
    script = "<script>alert('x')</script>"
    trip_id = register.published(
        f"Haven {script}", purpose=f"haven {script}", goals=[{"label": "A", "text": script}],
        programme=[{"title": script, "speakers": [script]}], contacts=[{"role": script, "organisation": script}],
        follow_ups=[{"action": script, "counterparties": [script]}], destinations=[{"city": script}],
    )  # fmt: skip
    pages = [
        client.get("/"),
        client.get("/trips/"),
        client.get("/trips/", {"q": "haven"}),
        client.get("/trips/", {"q": script}),
        client.get(f"/trips/{trip_id}/"),
    ]
    for response in pages:
        html = response.content.decode()
        assert "<script>" not in html, response.request["PATH_INFO"]
        assert "&lt;script&gt;" in html


def test_filters_and_sorting_work_as_query_parameters(client: Client, register: Register) -> None:
    register.published("Hamburg", **full_trip())
    register.published(
        "Lyon",
        start_date=dt.date(2023, 3, 1),
        transport_mode="air",
        destinations=[{"city": "Lyon", "country": "FR"}],
    )
    assert titles(client, country="DE") == ["Hamburg"]
    assert titles(client, year="2023") == ["Lyon"]
    assert titles(client, city="Lyon") == ["Lyon"]
    assert titles(client, transport="train") == ["Hamburg"]
    assert titles(client, category="bestuurder") == ["Hamburg"]
    assert titles(client, organisation="gm0518", sort="date") == ["Lyon", "Hamburg"]
    assert titles(client, sort="title") == ["Hamburg", "Lyon"]
    assert titles(client, sort="-date") == ["Hamburg", "Lyon"]


def titles(client: Client, **params: str) -> list[str]:
    html = client.get("/trips/", params).content.decode()
    return re.findall(r'<h3 class="trip-card__title"><a href="/trips/\d+/">([^<]+)</a>', html)


@pytest.mark.parametrize(
    "params", [{"year": "abc"}, {"country": "XX"}, {"sort": "evil"}, {"page": "-3"}, {"page": "x"}]
)
def test_invalid_parameters_are_ignored(
    client: Client, register: Register, params: dict[str, str]
) -> None:
    register.published("Hamburg", **full_trip())
    response = client.get("/trips/", params)
    assert response.status_code == 200
    assert "Hamburg" in response.content.decode()


def test_a_very_common_word_gives_an_approximate_count(
    english: Client, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "COUNT_LIMIT", 2)
    for day in range(1, 4):
        register.published(f"Reis {day}", purpose="haven")
    html = english.get("/trips/", {"q": "haven"}).content.decode()
    assert "More than 2 trips found for “haven”" in text_of(html)


def test_results_come_in_pages(
    english: Client, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "PER_PAGE", 2)
    for day in range(1, 6):
        register.published(f"Reis {day}", start_date=dt.date(2024, 1, day))
    first = english.get("/trips/", {"q": "reis", "sort": "date"}).content.decode()
    assert titles_in(first) == ["Reis 1", "Reis 2"]
    assert "Page 1 of 3" in first and 'href="?q=reis&amp;sort=date&amp;page=2" rel="next"' in first
    second = english.get("/trips/", {"q": "reis", "sort": "date", "page": "2"}).content.decode()
    assert titles_in(second) == ["Reis 3", "Reis 4"]
    assert 'href="?q=reis&amp;sort=date" rel="prev"' in second
    beyond = english.get("/trips/", {"q": "reis", "sort": "date", "page": "99"}).content.decode()
    assert titles_in(beyond) == ["Reis 5"]


def titles_in(html: str) -> list[str]:
    return re.findall(r'<h3 class="trip-card__title"><a href="/trips/\d+/">([^<]+)</a>', html)


def test_the_trip_page_shows_every_section(english: Client, register: Register) -> None:
    trip_id = register.published("Havens en waterstof", **full_trip())
    html = english.get(f"/trips/{trip_id}/").content.decode()
    text = text_of(html)
    for expected in [
        "12 June 2024 – 14 June 2024 (3 days)",
        "12 June 2024, 14 June 2024",  # travel days
        "Hamburg (Germany), Rotterdam (Netherlands)",
        "Hamburg Hydrogen Week",
        "Havenbedrijf Hamburg",
        "J. Jansen, wethouder Haven",
        "beleidsadviseur energie",
        "Aankomst en briefing",
        "09:30–11:00 Ontvangst op het stadhuis Senator voor Economie Rathaus",
        "directeur duurzaamheid Hamburg Port Authority Hamburg,",
        "Leren hoe Hamburg walstroom voor schepen aanlegt.",
        "Inzicht in de kosten van walstroom.",
        "Contact gelegd met een Deense kennisinstelling.",
        "Werkbezoek van Hamburg aan Den Haag organiseren",
        "afdeling Economie",
        "EUR 432.10",
        "EUR 1,650.00",  # total estimated
        "Partly by a third party: Havenbedrijf Hamburg",
        "Train",
    ]:
        assert expected in text, expected
    assert html.count("<caption>") >= 2  # the programme: one timetable per day
    assert 'href="https://example.org/hydrogen-week"' in html
    assert 'href="https://example.org/verslag"' in html
    assert "javascript:" not in html


def test_the_programme_is_a_timetable_per_day_in_time_order(
    english: Client, register: Register
) -> None:
    trip_id = register.published("Havens en waterstof", **full_trip())
    html = english.get(f"/trips/{trip_id}/").content.decode()
    tables = html.split('<table class="timetable">')[1:]
    captions = [
        text_of(caption)
        for table in tables
        for caption in re.findall(r"<caption>(.*?)</caption>", table, re.S)
    ]
    assert captions == ["Wednesday 12 June 2024", "Thursday 13 June 2024"]
    assert tables[1].index("Ontvangst op het stadhuis") < tables[1].index("Rondvaart")


def test_goals_sit_beside_their_outcomes_with_the_achieved_status(
    english: Client, register: Register
) -> None:
    trip_id = register.published("Havens en waterstof", **full_trip())
    html = english.get(f"/trips/{trip_id}/").content.decode()
    rows = re.findall(
        r"<tr>\s*<th scope=\"row\">(.*?)</th>\s*<td>(.*?)</td>",
        html.split('class="goals"')[1],
        re.S,
    )
    goal, outcome = rows[1]
    assert "gezamenlijke waterstofketen" in goal
    assert "Intentieverklaring opgesteld." in outcome
    assert "(goal achieved: partly)" in outcome


def test_the_source_document_is_named_but_not_offered(
    english: Client, register: Register, den_haag: Organisation
) -> None:
    trip_id = register.published("Havens", **full_trip())
    document = SourceDocument.objects.create(
        organisation=den_haag, file="sources/x", original_filename="reisverslag-hamburg.pdf", sha256="0" * 64,
        media_type="application/pdf", size=1000, pages=4,
    )  # fmt: skip
    from reisregister.trips.models import Trip

    Trip.objects.filter(pk=trip_id).update(
        source_document=document, source_text="GEHEIME BRONTEKST"
    )
    # The update bypasses trips.service: refresh the public copy as the services do, and drop the page
    # fragments keyed on the audit trail's newest event.
    publication.refresh(trip_id)
    cache.clear()
    html = english.get(f"/trips/{trip_id}/").content.decode()
    assert (
        "This entry was made from the document reisverslag-hamburg.pdf (PDF). It has 4 pages."
        in text_of(html)
    )
    assert "GEHEIME BRONTEKST" not in html
    assert "/media/" not in html and "sources/x" not in html


def test_a_cancelled_trip_says_so(client: Client, register: Register) -> None:
    trip_id = register.published(
        "Afgelast", cancelled=True, cancellation_reason="Staking op het vliegveld"
    )
    html = client.get(f"/trips/{trip_id}/").content.decode()
    assert 'class="notice notice--cancelled"' in html and "Staking op het vliegveld" in html
    listing = client.get("/trips/").content.decode()
    assert "badge--cancelled" in listing


def test_country_names_and_dates_follow_the_language(client: Client, register: Register) -> None:
    trip_id = register.published("Havens", **full_trip())
    dutch = client.get(f"/trips/{trip_id}/").content.decode()
    assert "Hamburg (Duitsland)" in dutch and "12 juni 2024" in dutch
    client.cookies["django_language"] = "en"
    english = client.get(f"/trips/{trip_id}/").content.decode()
    assert "Hamburg (Germany)" in english and "12 June 2024" in english
