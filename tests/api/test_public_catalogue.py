"""GET /api/v1/follow-ups/, /organisations/ and /destinations/: aggregates of published trips only."""

from __future__ import annotations

import datetime as dt

from rest_framework.test import APIClient

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from tests.api.conftest import problem
from tests.register.publishing import Register


def _follow_up(action: str, status: str = "open") -> dict[str, object]:
    return {"action": action, "status": status, "due_date": dt.date(2025, 1, 1)}


def test_follow_ups_of_published_trips_only(register: Register, api: APIClient) -> None:
    trip_id = register.published("Openbaar", follow_ups=[_follow_up("Terugbezoek plannen")])
    register.draft("Concept", follow_ups=[_follow_up("Geheim plan")])
    register.withdrawn("Ingetrokken", follow_ups=[_follow_up("Oud plan")])

    body = api.get("/api/v1/follow-ups/").json()

    assert body["count"] == 1
    [item] = body["results"]
    assert item["action"] == "Terugbezoek plannen"
    assert item["trip"]["id"] == trip_id
    assert item["trip"]["title"] == "Openbaar"
    assert item["trip"]["url"] == f"http://127.0.0.1:8000/api/v1/trips/{trip_id}/"
    assert item["organisation"]["code"] == "gm0518"
    assert item["due_date"] == "2025-01-01"


def test_follow_ups_filter_by_status_and_organisation(
    register: Register, api: APIClient, almere: Organisation, charlie: User, bob: User
) -> None:
    register.published(
        "Den Haag", follow_ups=[_follow_up("Open punt"), _follow_up("Klaar", "done")]
    )
    Register(almere, charlie, bob_in(almere, bob)).published(
        "Almere", follow_ups=[_follow_up("Almeers punt")]
    )

    def actions(query: str) -> list[str]:
        return [
            item["action"] for item in api.get(f"/api/v1/follow-ups/?{query}").json()["results"]
        ]

    assert actions("status=done") == ["Klaar"]
    assert actions("organisation=gm0034") == ["Almeers punt"]
    assert actions("organisation=gm0518&status=open") == ["Open punt"]


def bob_in(organisation: Organisation, bob: User) -> User:
    """bob, made a reviewer of ``organisation`` too (a reviewer must publish Almere's trip)."""
    from reisregister.accounts.models import Membership, Role

    Membership.objects.create(user=bob, organisation=organisation, role=Role.REVIEWER)
    return bob


def test_follow_ups_continue_after_the_last_id_seen(register: Register, api: APIClient) -> None:
    register.published("Reis", follow_ups=[_follow_up(f"Punt {n}") for n in range(5)])

    first = api.get("/api/v1/follow-ups/?page_size=2").json()
    second = api.get(first["next"].removeprefix("http://127.0.0.1:8000")).json()
    rest = api.get(second["next"].removeprefix("http://127.0.0.1:8000")).json()

    assert first["count"] == 5
    assert [i["action"] for i in first["results"] + second["results"] + rest["results"]] == [
        f"Punt {n}" for n in range(5)
    ]
    assert rest["next"] is None


def test_organisations_count_their_published_trips(
    register: Register, api: APIClient, almere: Organisation
) -> None:
    register.published("Een")
    register.published("Twee")
    register.draft("Concept")

    body = api.get("/api/v1/organisations/").json()

    assert body["count"] == 1
    assert body["results"] == [
        {
            "code": "gm0518",
            "name": "Gemeente Den Haag",
            "trips": 2,
            "trips_url": "http://127.0.0.1:8000/api/v1/trips/?organisation=gm0518",
        }
    ]


def test_destinations_count_trips_per_place(register: Register, api: APIClient) -> None:
    register.published("Een", destinations=[{"city": "Gent", "country": "BE"}])
    register.published(
        "Twee",
        destinations=[{"city": "Gent", "country": "BE"}, {"city": "Hamburg", "country": "DE"}],
    )
    register.draft("Concept", destinations=[{"city": "Parijs", "country": "FR"}])

    body = api.get("/api/v1/destinations/").json()

    assert [(p["city"], p["country"], p["trips"]) for p in body["results"]] == [
        ("Gent", "BE", 2),
        ("Hamburg", "DE", 1),
    ]
    assert [p["city"] for p in api.get("/api/v1/destinations/?country=de").json()["results"]] == [
        "Hamburg"
    ]


def test_a_redacted_city_is_counted_under_its_mark(register: Register, api: APIClient) -> None:
    register.published("Een", destinations=[{"city": "Gent", "country": "BE"}])
    secret = register.published("Twee", destinations=[{"city": "Gent", "country": "BE"}])
    register.redact(secret, "Gent", ground="5.1.2a")

    places = api.get("/api/v1/destinations/").json()["results"]

    assert sorted((p["city"], p["trips"]) for p in places) == [("Gent", 1), ("[5.1.2a]", 1)]


def test_a_bad_status_is_a_400(db: None, api: APIClient) -> None:
    response = api.get("/api/v1/follow-ups/?status=someday")

    assert response.status_code == 400
    assert problem(response)["errors"][0]["parameter"] == "status"
