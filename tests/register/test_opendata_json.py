"""/data/trips.json and /data/trips.jsonl: the full record of every published trip, valid against its schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from jsonschema import Draft202012Validator

from reisregister.accounts.models import User
from reisregister.opendata.schema import schema
from reisregister.organisations.models import Organisation
from tests.register.publishing import Register, full_trip

PUBLIC_URL = "https://reisregister.example.nl"


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User, settings: object) -> Register:
    settings.PUBLIC_URL = PUBLIC_URL  # type: ignore[attr-defined]
    return Register(den_haag, alice, bob)


def _body(client: Client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


def _records(client: Client) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(_body(client, "/data/trips.json"))
    return records


def test_the_records_validate_against_the_schema(register: Register, client: Client) -> None:
    register.published("Volledig", **full_trip())
    register.published("Leeg")
    register.published("Geannuleerd", cancelled=True, cancellation_reason="Staking")
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    records = _records(client)
    assert len(records) == 3
    for record in records:
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(record)
        ]
        assert errors == [], record["title"]


def test_a_full_trip_is_exported_whole(register: Register, client: Client) -> None:
    trip_id = register.published("Volledig", **full_trip())
    [record] = _records(client)
    assert record["schema"] == "reisregister.trip/1"
    assert (record["id"], record["url"]) == (trip_id, f"{PUBLIC_URL}/trips/{trip_id}/")
    assert record["organisation"] == {"name": "Gemeente Den Haag", "code": "gm0518"}
    assert (record["start_date"], record["end_date"], record["days"]) == (
        "2024-06-12",
        "2024-06-14",
        3,
    )
    assert record["travel_days"] == ["2024-06-12", "2024-06-14"]
    assert record["links"] == [
        "https://example.org/verslag"
    ]  # the javascript: address is not public
    assert record["travellers"][0] == {
        "role": "wethouder Haven",
        "category": "bestuurder",
        "name": "J. Jansen",
    }
    assert record["destinations"] == [
        {"city": "Hamburg", "country": "DE"},
        {"city": "Rotterdam", "country": "NL"},
    ]
    assert record["goals"][1] == {
        "label": "B",
        "text": "Afspraken maken over een gezamenlijke waterstofketen.",
        "outcomes": [{"text": "Intentieverklaring opgesteld.", "achieved": "partly"}],
    }
    assert record["other_outcomes"] == [
        {"text": "Contact gelegd met een Deense kennisinstelling.", "achieved": "unknown"}
    ]
    assert [(i["date"], i["start_time"], i["end_time"]) for i in record["programme"]] == [
        ("2024-06-12", "15:00", None),
        ("2024-06-13", "09:30", "11:00"),
        ("2024-06-13", "14:00", "16:00"),
    ]
    assert record["programme"][1]["speakers"] == ["Senator voor Economie"]
    assert record["contacts"] == [
        {
            "role": "directeur duurzaamheid",
            "organisation": "Hamburg Port Authority",
            "city": "Hamburg",
            "country": "DE",
            "count": 3,
        }
    ]
    assert record["follow_ups"] == [
        {
            "action": "Werkbezoek van Hamburg aan Den Haag organiseren",
            "counterparties": ["Hamburg Port Authority"],
            "owner": "afdeling Economie",
            "due_date": "2024-12-01",
            "status": "partly_done",
        }
    ]
    assert record["costs"][0] == {
        "category": "transport",
        "estimated": 450.0,
        "actual": 432.1,
        "currency": "EUR",
        "payer": "gemeente",
    }
    assert record["cost_totals"] == [{"currency": "EUR", "estimated": 1650.0, "actual": 432.1}]
    assert (record["transport_mode"], record["funding"], record["cancelled"]) == (
        "train",
        "partly",
        False,
    )
    assert record["document"] is None
    assert record["published_at"].endswith("+00:00")
    assert record["redactions"] == []  # fmt: skip


def test_json_lines_hold_the_same_records_one_per_line(register: Register, client: Client) -> None:
    register.published("Een", **full_trip())
    register.published("Twee")
    lines = _body(client, "/data/trips.jsonl").decode().splitlines()
    assert [json.loads(line) for line in lines] == _records(client)


def test_an_empty_register_is_an_empty_array(db: None, client: Client) -> None:
    assert _records(client) == []
    assert _body(client, "/data/trips.jsonl") == b""


def test_many_trips_stream_in_several_chunks(register: Register, client: Client) -> None:
    long_purpose = "Een lang verslag over waterstof en havens. " * 800  # ~35 kB per record
    for n in range(4):
        register.published(f"Reis {n}", purpose=long_purpose)
    response = client.get("/data/trips.json")
    chunks = list(response.streaming_content)  # type: ignore[attr-defined]
    assert len(chunks) > 1
    assert [r["title"] for r in json.loads(b"".join(chunks))] == [f"Reis {n}" for n in range(4)]
