"""/data/follow-ups.csv: one row per follow-up agreement of a published trip."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.http import StreamingHttpResponse
from django.test import Client

from reisregister.accounts.models import User
from reisregister.opendata.columns import FOLLOW_UP_COLUMNS
from reisregister.organisations.models import Organisation
from tests.register.publishing import Register, full_trip

PUBLIC_URL = "https://reisregister.example.nl"


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User, settings: object) -> Register:
    settings.PUBLIC_URL = PUBLIC_URL  # type: ignore[attr-defined]
    return Register(den_haag, alice, bob)


def _rows(client: Client) -> list[dict[str, str]]:
    response = client.get("/data/follow-ups.csv")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].startswith(
        'attachment; filename="reisregister-follow-ups-'
    )
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(body))
    assert reader.fieldnames == [column.name for column in FOLLOW_UP_COLUMNS]
    return list(reader)


def test_every_column_of_an_agreement_is_filled_in(register: Register, client: Client) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    assert _rows(client) == [{
        "trip_id": str(trip_id),
        "trip_url": f"{PUBLIC_URL}/trips/{trip_id}/",
        "trip_title": "Werkbezoek Hamburg",
        "organisation": "Gemeente Den Haag",
        "organisation_code": "gm0518",
        "number": "1",
        "counterparties": "Hamburg Port Authority",
        "action": "Werkbezoek van Hamburg aan Den Haag organiseren",
        "owner": "afdeling Economie",
        "due_date": "2024-12-01",
        "status": "partly_done",
    }]  # fmt: skip


def test_each_agreement_is_a_row_in_the_order_of_the_report(
    register: Register, client: Client
) -> None:
    first = register.published("Een", follow_ups=[
        {"action": "Bellen", "counterparties": ["Stad Gent", "Universiteit Gent"]},
        {"action": "Mailen", "due_date": dt.date(2025, 1, 31), "status": "done"},
    ])  # fmt: skip
    register.published("Zonder afspraken")
    rows = _rows(client)
    assert [(r["trip_id"], r["number"], r["action"]) for r in rows] == [
        (str(first), "1", "Bellen"),
        (str(first), "2", "Mailen"),
    ]
    assert rows[0]["counterparties"] == "Stad Gent | Universiteit Gent"
    assert (rows[0]["due_date"], rows[0]["status"]) == ("", "open")
    assert (rows[1]["due_date"], rows[1]["status"]) == ("2025-01-31", "done")


def test_without_agreements_the_file_is_just_the_header(db: None, client: Client) -> None:
    assert _rows(client) == []
