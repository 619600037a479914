"""The committed JSON Schema is the one the model generates, and it is a valid Draft 2020-12 schema."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from scripts.write_schema import TARGET, render


def test_the_committed_schema_matches_the_model() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), "run `make schema` and commit the result"


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(json.loads(TARGET.read_text(encoding="utf-8")))
