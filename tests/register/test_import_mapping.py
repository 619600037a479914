"""ingest.mapping: how a parsed report becomes trip data, provenance and privacy included."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reisregister.accounts.models import User
from reisregister.ingest.mapping import funding, to_trip_data, transport_mode, traveller_category
from reisregister.ingest.service import import_document
from reisregister.organisations.models import Organisation
from reisregister.trips.models import Funding, TransportMode, TravellerCategory, Trip

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _report(case: str, index: int = 0) -> dict[str, Any]:
    """The parser's golden output for a corpus case (made with a fixed parse date)."""
    loaded = json.loads((CORPUS / case / "expected.json").read_text(encoding="utf-8"))
    reports: list[dict[str, Any]] = loaded if isinstance(loaded, list) else [loaded]
    return reports[index]


def _imported(case: str, organisation: Organisation, user: User) -> list[Trip]:
    data = next((CORPUS / case).glob("source.*")).read_bytes()
    return import_document(data, filename=f"{case}.txt", organisation=organisation, user=user).trips


@pytest.mark.parametrize(
    ("role", "category"),
    [
        ("Burgemeester", TravellerCategory.EXECUTIVE),
        ("wethouder Wonen", TravellerCategory.EXECUTIVE),
        ("gedeputeerde Economie", TravellerCategory.EXECUTIVE),
        ("minister van Buitenlandse Zaken", TravellerCategory.EXECUTIVE),
        ("Commissaris van de Koning", TravellerCategory.EXECUTIVE),
        ("loco-burgemeester", TravellerCategory.EXECUTIVE),
        ("Mayor", TravellerCategory.EXECUTIVE),
        ("raadslid", TravellerCategory.COUNCIL),
        ("gemeenteraadslid", TravellerCategory.COUNCIL),
        ("Tweede Kamerlid", TravellerCategory.COUNCIL),
        ("Statenlid", TravellerCategory.COUNCIL),
        ("lid van de gemeenteraad", TravellerCategory.COUNCIL),
        ("council member", TravellerCategory.COUNCIL),
        ("projectleider", TravellerCategory.CIVIL_SERVANT),
        ("senior advisor water", TravellerCategory.CIVIL_SERVANT),
        ("griffier", TravellerCategory.CIVIL_SERVANT),
        ("adviseur van de burgemeester", TravellerCategory.CIVIL_SERVANT),
        ("woordvoerder wethouder", TravellerCategory.CIVIL_SERVANT),
        ("lid van de Raad van Bestuur", TravellerCategory.CIVIL_SERVANT),
        (None, TravellerCategory.OTHER),
        ("", TravellerCategory.OTHER),
    ],
)
def test_it_sorts_travellers_into_categories_by_their_function(
    role: str | None, category: str
) -> None:
    assert traveller_category(role) == category


def test_it_keeps_the_names_of_office_holders_only(den_haag: Organisation) -> None:
    data = to_trip_data(_report("nl-reisverslag-clean"), organisation=den_haag)

    wethouder, projectleider = data.travellers
    assert wethouder["category"] == "bestuurder"
    assert wethouder["name"] == "Lotte Verhoeven"
    assert projectleider["category"] == "ambtenaar"
    assert projectleider["name"] == ""
    assert "Bram Smits" not in projectleider["text"]
    assert projectleider["text"] == "projectleider"


def test_members_of_parliament_keep_their_names_and_the_clerk_does_not(
    den_haag: Organisation,
) -> None:
    data = to_trip_data(_report("nl-werkbezoek-parlement"), organisation=den_haag)

    members = [t for t in data.travellers if t["role"].startswith("Kamerlid")]
    assert len(members) == 4
    assert all(t["category"] == "raadslid" and t["name"] for t in members)
    (clerk,) = [t for t in data.travellers if t["role"] == "griffier"]
    assert (clerk["category"], clerk["name"]) == ("ambtenaar", "")
    assert "Brinkman" not in clerk["text"]


def test_every_extracted_row_is_unconfirmed_and_points_at_its_evidence(
    den_haag: Organisation,
) -> None:
    report = _report("nl-reisverslag-clean")

    data = to_trip_data(report, organisation=den_haag)

    rows = [*data.goals, *data.programme, *data.contacts, *data.follow_ups]
    assert rows
    assert all(row["confirmed"] is False for row in rows)
    goal = data.goals[0]
    assert data.source_text[goal["span_start"] : goal["span_end"]] == goal["text"]
    follow_up = data.follow_ups[0]
    assert data.source_text[follow_up["span_start"] : follow_up["span_end"]] == follow_up["action"]
    traveller = data.travellers[0]
    assert (
        data.source_text[traveller["span_start"] : traveller["span_end"]]
        == "Wethouder Mobiliteit Lotte Verhoeven"
    )


def test_trip_fields_from_the_document_are_unconfirmed_with_their_evidence(
    den_haag: Organisation,
) -> None:
    data = to_trip_data(_report("nl-reisverslag-clean"), organisation=den_haag)

    assert {"purpose", "start_date", "end_date", "travel_days"} <= set(data.unconfirmed_fields)
    start, end = data.field_evidence["start_date"]
    assert data.source_text[start:end] == "9 t/m 11 april 2024"
    assert "event_name" not in data.unconfirmed_fields  # the report names no event


def test_the_evidence_on_a_register_page_points_into_the_right_entry(
    den_haag: Organisation,
) -> None:
    # Trips 0 and 2 of the page have the same traveller; each must point at its own entry.
    first = to_trip_data(_report("register-page-text", 0), organisation=den_haag)
    third = to_trip_data(_report("register-page-text", 2), organisation=den_haag)

    assert first.travellers[0]["span_start"] < third.travellers[0]["span_start"]
    start, end = third.field_evidence["transport_mode"]
    assert third.source_text[start:end] == "trein"
    assert third.transport_mode == TransportMode.TRAIN


def test_it_uses_the_reports_title_or_makes_one_from_place_and_month(
    den_haag: Organisation,
) -> None:
    titled = to_trip_data(_report("nl-nieuwsbericht"), organisation=den_haag)
    untitled = to_trip_data(_report("nl-reisverslag-clean"), organisation=den_haag)

    assert titled.title == "Wethouder El Idrissi naar Lyon voor circulaire textielketen"
    assert "title" in titled.unconfirmed_fields
    # The month is in the register's language (Dutch by default).
    assert "Tampere" in untitled.title and "april 2024" in untitled.title
    assert "title" not in untitled.unconfirmed_fields


def test_it_maps_costs_to_actual_amounts_with_their_category(den_haag: Organisation) -> None:
    data = to_trip_data(_report("register-page-text", 2), organisation=den_haag)

    assert [(c["category"], c["actual_amount"]) for c in data.costs] == [
        ("transport", Decimal("389.00")),
        ("subsistence", Decimal("512.50")),
    ]
    assert all("estimated_amount" not in c for c in data.costs)  # registers state what was spent
    assert data.costs[0]["payer"] == "gemeente Westland"


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        (None, (Funding.UNKNOWN, "")),
        ("gemeente", (Funding.OWN, "")),
        ("eigen budget", (Funding.OWN, "")),
        ("Gemeente Den Haag", (Funding.OWN, "")),
        ("gemeente Den Haag", (Funding.OWN, "")),
        ("uitnodigende partij", (Funding.THIRD_PARTY, "uitnodigende partij")),
        ("deels door de EU", (Funding.PARTLY, "deels door de EU")),
    ],
)
def test_it_maps_the_payer_to_funding(
    stated: str | None, expected: tuple[str, str], den_haag: Organisation
) -> None:
    assert funding(stated, den_haag, None) == expected


@pytest.mark.parametrize(
    ("stated", "mode"),
    [
        ("vliegtuig", TransportMode.AIR),
        ("trein", TransportMode.TRAIN),
        ("Train", TransportMode.TRAIN),
        ("dienstauto", TransportMode.CAR),
        ("trein en vliegtuig", TransportMode.MIXED),
        ("fiets", TransportMode.OTHER),
        (None, TransportMode.UNKNOWN),
    ],
)
def test_it_maps_the_stated_transport_to_a_mode(stated: str | None, mode: str) -> None:
    assert transport_mode(stated) == mode


def test_follow_ups_become_open_agreements_with_their_counterparties(
    den_haag: Organisation, alice: User
) -> None:
    (trip,) = _imported("nl-reisverslag-clean", den_haag, alice)

    follow_up = trip.follow_ups.first()
    assert follow_up is not None
    assert follow_up.status == "open"
    assert follow_up.counterparties[0] == "Gemeente Tampere"
    assert follow_up.confirmed is False


def test_outcomes_are_linked_to_their_goals(den_haag: Organisation, alice: User) -> None:
    (trip,) = _imported("en-trip-report", den_haag, alice)

    outcomes = list(trip.outcomes.select_related("goal"))
    assert [o.goal.label if o.goal else None for o in outcomes] == ["1", "2", "3"]
    assert trip.event_name == "Three Rivers Resilience Summit"
    assert trip.event_url == "https://www.threeriversresiliencesummit.example/"


def test_a_cancelled_trip_keeps_its_reason(den_haag: Organisation, alice: User) -> None:
    (trip,) = _imported("cancelled-trip", den_haag, alice)

    assert trip.cancelled is True
    assert "staking" in trip.cancellation_reason
    assert {"cancelled", "cancellation_reason"} <= set(trip.unconfirmed_fields)
