"""GET /api/v1/trips/ and /api/v1/trips/{id}/: published trips only, redacted, with the web list's filters and
search, paginated."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import TestCase
from rest_framework.test import APIClient

from reisregister.search import service as search
from tests.api.conftest import problem
from tests.register.publishing import Register, full_trip


def _index(*trip_ids: int) -> None:
    for trip_id in trip_ids:
        search.sync_trip(trip_id)


@pytest.mark.parametrize("state", ["draft", "submitted", "withdrawn"])
def test_an_unpublished_trip_is_not_found(register: Register, api: APIClient, state: str) -> None:
    trip_id = getattr(register, state)("Niet openbaar")

    response = api.get(f"/api/v1/trips/{trip_id}/")

    assert response.status_code == 404
    assert "Niet openbaar" not in response.content.decode()
    assert problem(response)["instance"] == f"/api/v1/trips/{trip_id}/"


def test_the_list_holds_published_trips_only(register: Register, api: APIClient) -> None:
    published = register.published("Openbaar")
    register.draft("Concept")
    register.submitted("Ingediend")
    register.withdrawn("Ingetrokken")

    body = api.get("/api/v1/trips/").json()

    assert body["count"] == 1
    assert [trip["id"] for trip in body["results"]] == [published]


def test_a_trip_has_every_public_section(register: Register, api: APIClient) -> None:
    trip_id = register.published("Havens", **full_trip())

    trip = api.get(f"/api/v1/trips/{trip_id}/").json()

    assert trip["title"] == "Havens"
    assert trip["organisation"] == {"code": "gm0518", "name": "Gemeente Den Haag"}
    assert trip["url"] == f"http://127.0.0.1:8000/api/v1/trips/{trip_id}/"
    assert trip["html_url"] == f"http://127.0.0.1:8000/trips/{trip_id}/"
    assert trip["pdf_url"] == f"http://127.0.0.1:8000/trips/{trip_id}/report.pdf"
    assert trip["diwoo_url"] == f"http://127.0.0.1:8000/trips/{trip_id}/diwoo.xml"
    assert trip["document_pdf_url"] is None  # typed into the form: no source document
    assert [d["city"] for d in trip["destinations"]] == ["Hamburg", "Rotterdam"]
    assert trip["travel_days"] == ["2024-06-12", "2024-06-14"]
    assert trip["links"] == ["https://example.org/verslag"]
    assert [g["label"] for g in trip["goals"]] == ["A", "B"]
    assert trip["programme"][1]["items"][0]["start_time"] == "09:30:00"
    assert trip["cost_totals"] == [{"currency": "EUR", "estimated": "1650.00", "actual": "432.10"}]
    assert trip["follow_ups"][0]["status"] == "partly_done"
    assert trip["redactions"] == []
    assert "source_text" not in trip and "version" not in trip and "status" not in trip


def test_a_redacted_passage_appears_in_no_response(register: Register, api: APIClient) -> None:
    trip_id = register.published(
        "Bezoek met Jansen", purpose="Jansen sprak over Havens",
        destinations=[{"city": "Jansendorp", "country": "NL"}],
        follow_ups=[{"action": "Jansen bellen", "counterparties": ["Jansen BV"], "owner": "Jansen"}],
        goals=[{"label": "A", "text": "Jansen leren kennen"}],
    )  # fmt: skip
    register.redact(trip_id, "Jansen")
    register.redact(trip_id, "Jansendorp")
    _index(trip_id)

    urls = [
        f"/api/v1/trips/{trip_id}/", "/api/v1/trips/", "/api/v1/trips/?q=havens",
        "/api/v1/trips/?q=jansen", "/api/v1/follow-ups/", "/api/v1/destinations/", "/api/v1/organisations/",
    ]  # fmt: skip
    for url in urls:
        response = api.get(url)
        assert response.status_code == 200, url
        assert "jansen" not in response.content.decode().lower(), url
    trip = api.get(f"/api/v1/trips/{trip_id}/").json()
    assert trip["purpose"] == "[5.1.2e] sprak over Havens"
    assert [(r["number"], r["ground"], r["kind"]) for r in trip["redactions"]] == [
        (1, "5.1.2e", "other"),
        (2, "5.1.2e", "other"),
    ]
    assert api.get("/api/v1/trips/?q=jansen").json()["count"] == 0


def test_filters_work_as_in_the_web_list(register: Register, api: APIClient) -> None:
    hamburg = register.published(
        "Hamburg", start_date=dt.date(2024, 6, 1), transport_mode="train",
        destinations=[{"city": "Hamburg", "country": "DE"}],
        travellers=[{"role": "wethouder", "category": "bestuurder", "name": "J. Jansen"}],
    )  # fmt: skip
    gent = register.published(
        "Gent", start_date=dt.date(2025, 3, 1), transport_mode="car",
        destinations=[{"city": "Gent", "country": "BE"}],
        travellers=[{"role": "adviseur", "category": "ambtenaar"}],
    )  # fmt: skip
    _index(hamburg, gent)

    def ids(query: str) -> list[int]:
        response = api.get(f"/api/v1/trips/?{query}")
        assert response.status_code == 200, response.content
        return [trip["id"] for trip in response.json()["results"]]

    assert ids("year=2024") == [hamburg]
    assert ids("country=be") == [gent]
    assert ids("city=hamburg") == [hamburg]
    assert ids("category=bestuurder") == [hamburg]
    assert ids("transport=car") == [gent]
    assert ids("organisation=gm0518") == [gent, hamburg]
    assert ids("organisation=gm0034") == []
    assert ids("ordering=date") == [hamburg, gent]
    assert ids("ordering=-date") == [gent, hamburg]
    assert ids("q=gent") == [gent]


def test_a_search_hit_carries_its_snippet(register: Register, api: APIClient) -> None:
    trip_id = register.published("Walstroom", purpose="Leren over walstroom in havens.")
    _index(trip_id)

    [hit] = api.get("/api/v1/trips/?q=walstroom").json()["results"]

    assert "<mark>" in hit["snippet_html"]


def test_pages_link_to_each_other(register: Register, api: APIClient) -> None:
    ids = [register.published(f"Reis {n}", start_date=dt.date(2024, 1, n)) for n in range(1, 6)]
    _index(*ids)

    first = api.get("/api/v1/trips/?page_size=2&year=2024").json()
    last = api.get("/api/v1/trips/?page_size=2&year=2024&page=3").json()

    assert first["count"] == 5
    assert [t["id"] for t in first["results"]] == [ids[4], ids[3]]
    assert first["previous"] is None
    assert first["next"] == "http://127.0.0.1:8000/api/v1/trips/?page_size=2&year=2024&page=2"
    assert [t["id"] for t in last["results"]] == [ids[0]]
    assert last["next"] is None
    assert last["previous"].endswith("page=2")


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("year=twenty", "year"),
        ("transport=rocket", "transport"),
        ("category=koning", "category"),
        ("ordering=random", "ordering"),
        ("page=0", "page"),
        ("page_size=1000", "page_size"),
        ("country=Germany", "country"),
        ("year=2024&year=2025", "year"),
    ],
)
def test_a_value_the_list_cannot_use_is_a_400_naming_the_parameter(
    db: None, api: APIClient, query: str, parameter: str
) -> None:
    response = api.get(f"/api/v1/trips/?{query}")

    assert response.status_code == 400
    body = problem(response)
    assert body["type"] == "http://127.0.0.1:8000/api/v1/problems/validation-error/"
    assert [error["parameter"] for error in body["errors"]] == [parameter]


def test_an_empty_parameter_means_no_filter(register: Register, api: APIClient) -> None:
    _index(register.published("Ergens"))

    assert api.get("/api/v1/trips/?country=&transport=&q=").json()["count"] == 1


def test_a_huge_id_is_simply_not_found(db: None, api: APIClient) -> None:
    assert api.get(f"/api/v1/trips/{2**70}/").status_code == 404


def test_labels_follow_the_requested_language(register: Register, api: APIClient) -> None:
    trip_id = register.published("Havens", **full_trip())

    english = api.get(f"/api/v1/trips/{trip_id}/", HTTP_ACCEPT_LANGUAGE="en").json()
    dutch = api.get(f"/api/v1/trips/{trip_id}/", HTTP_ACCEPT_LANGUAGE="nl").json()

    assert english["destinations"][0]["country_name"] == "Germany"
    assert dutch["destinations"][0]["country_name"] == "Duitsland"


def test_publishing_shows_up_at_once(register: Register, api: APIClient) -> None:
    assert api.get("/api/v1/trips/").json()["count"] == 0
    with TestCase.captureOnCommitCallbacks(execute=True):
        register.published("Nieuw")

    assert json.loads(api.get("/api/v1/trips/").content)["count"] == 1
