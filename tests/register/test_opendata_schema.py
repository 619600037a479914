"""The schema of trips.json records: served, committed to docs/schema/, and in step with the register's codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from jsonschema import Draft202012Validator

from reisregister.followups.models import FollowUpStatus
from reisregister.opendata import schema
from reisregister.opendata.costs import CATEGORIES
from reisregister.redaction.models import Kind
from reisregister.redaction.texts import SECTIONS
from reisregister.trips.models import (
    Achieved,
    CostCategory,
    Funding,
    TransportMode,
    TravellerCategory,
)

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "schema" / "reisregister.trips-1.json"


def test_the_served_schema_is_the_committed_one(db: None, client: Client) -> None:
    response = client.get("/data/trips.schema.json")
    assert response.status_code == 200
    assert response.content.decode() == COMMITTED.read_text(encoding="utf-8"), (
        "run `.venv/bin/reisregister trip_schema > docs/schema/reisregister.trips-1.json` and commit it"
    )


def test_the_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("trip_schema")
    assert capsys.readouterr().out == schema.render()


def test_it_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(json.loads(schema.render()))


@pytest.mark.parametrize(
    ("listed", "choices"),
    [
        (schema.TRANSPORT_MODES, TransportMode),
        (schema.FUNDING, Funding),
        (schema.TRAVELLER_CATEGORIES, TravellerCategory),
        (schema.ACHIEVED, Achieved),
        (schema.FOLLOW_UP_STATUSES, FollowUpStatus),
        (schema.REDACTION_KINDS, Kind),
        (CATEGORIES, CostCategory),
    ],
)
def test_the_codes_in_the_schema_are_the_registers(
    listed: tuple[str, ...], choices: type[TransportMode]
) -> None:
    # Public code may not import the models, so the codes are listed twice; a new one must be added to both.
    assert set(listed) == set(choices.values)


def test_the_sections_of_the_redaction_log_are_the_registers() -> None:
    assert tuple(SECTIONS) == schema.SECTIONS
