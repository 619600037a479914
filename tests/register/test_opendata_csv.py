"""/data/trips.csv: one row per published trip, every column documented on the dataset page."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse
from django.test import Client

from reisregister.accounts.models import User
from reisregister.opendata.columns import TRIP_COLUMNS
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from tests.register.publishing import Register, full_trip

PUBLIC_URL = "https://reisregister.example.nl"


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User, settings: object) -> Register:
    settings.PUBLIC_URL = PUBLIC_URL  # type: ignore[attr-defined]
    return Register(den_haag, alice, bob)


def _body(client: Client, url: str = "/data/trips.csv") -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


def _rows(client: Client) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_body(client).decode("utf-8-sig"))))


def test_every_column_of_a_full_trip_is_filled_in(register: Register, client: Client) -> None:
    trip_id = register.published("Werkbezoek Hamburg", **full_trip())
    published_at = publication.get_trip(trip_id).published_at
    assert published_at is not None
    [row] = _rows(client)
    assert row == {
        "id": str(trip_id),
        "url": f"{PUBLIC_URL}/trips/{trip_id}/",
        "title": "Werkbezoek Hamburg",
        "organisation": "Gemeente Den Haag",
        "organisation_code": "gm0518",
        "traveller_functions": "wethouder Haven | beleidsadviseur energie",
        "traveller_categories": "bestuurder | ambtenaar",
        "traveller_names": "J. Jansen | ",
        "start_date": "2024-06-12",
        "end_date": "2024-06-14",
        "days": "3",
        "destination_cities": "Hamburg | Rotterdam",
        "destination_countries": "DE | NL",
        "purpose": "Kennis opdoen over de energietransitie in havens en het delen van ervaringen.",
        "event": "Hamburg Hydrogen Week",
        "event_url": "https://example.org/hydrogen-week",
        "transport_mode": "train",
        "funding": "partly",
        "funding_party": "Havenbedrijf Hamburg",
        "cancelled": "false",
        "currency": "EUR",
        "cost_transport": "432.10",  # the actual amount
        "cost_accommodation": "1200.00",  # only an estimate is given
        "cost_subsistence": "",
        "cost_fees": "",
        "cost_other": "",
        "cost_total": "1632.10",
        "costs_include_estimates": "true",
        "payers": "gemeente | Havenbedrijf Hamburg",
        "goals": "2",
        "outcomes": "3",
        "follow_ups": "1",
        "redactions": "0",
        "published_at": published_at.astimezone(dt.UTC).isoformat(),
    }


def test_the_header_names_every_documented_column_in_order(
    register: Register, client: Client
) -> None:
    body = _body(client)
    assert body.startswith(b"\xef\xbb\xbfid,url,title,")  # the byte order mark, for Excel
    header = next(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert header == [column.name for column in TRIP_COLUMNS]


def test_one_row_per_published_trip_in_register_order(register: Register, client: Client) -> None:
    ids = [register.published(f"Reis {n}") for n in range(3)]
    assert [int(row["id"]) for row in _rows(client)] == ids


def test_amounts_in_two_currencies_are_never_added_up(register: Register, client: Client) -> None:
    register.published("Toronto", costs=[
        {"category": "transport", "actual_amount": Decimal("900.00"), "currency": "EUR"},
        {"category": "accommodation", "actual_amount": Decimal("600.50"), "currency": "CAD"},
        {"category": "transport", "actual_amount": Decimal("40.00"), "currency": "CAD"},
    ])  # fmt: skip
    [row] = _rows(client)
    assert row["currency"] == "EUR | CAD"
    assert row["cost_transport"] == "900.00 | 40.00"
    assert row["cost_accommodation"] == " | 600.50"
    assert row["cost_total"] == "900.00 | 640.50"
    assert row["costs_include_estimates"] == "false"


def test_a_trip_without_costs_has_empty_cost_cells(register: Register, client: Client) -> None:
    register.published("Zonder kosten")
    [row] = _rows(client)
    assert [row["currency"], row["cost_transport"], row["cost_total"], row["days"]] == [
        "",
        "",
        "",
        "",
    ]


def test_a_formula_is_written_as_text(register: Register, client: Client) -> None:
    register.published('=HYPERLINK("https://example.org")', purpose="-1+1", event_name="@SUM(A1)")
    [row] = _rows(client)
    assert row["title"].startswith("'=HYPERLINK")
    assert (row["purpose"], row["event"]) == ("'-1+1", "'@SUM(A1)")


def test_the_separator_inside_a_value_cannot_split_it(register: Register, client: Client) -> None:
    register.published("Pijp", travellers=[{"role": "adviseur | jurist", "category": "ambtenaar"}])
    [row] = _rows(client)
    assert row["traveller_functions"] == "adviseur / jurist"


def test_quotes_commas_and_newlines_survive_the_round_trip(
    register: Register, client: Client
) -> None:
    purpose = 'Eerste regel, met "aanhalingstekens".\nTweede regel; München, Gdańsk.'
    register.published("Tekst", purpose=purpose)
    [row] = _rows(client)
    assert row["purpose"] == purpose


def test_the_download_has_a_dated_file_name(register: Register, client: Client) -> None:
    register.published("Reis")
    response = client.get("/data/trips.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="reisregister-trips-20')
    assert response["Content-Disposition"].endswith('.csv"')
