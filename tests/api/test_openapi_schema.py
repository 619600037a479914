"""The committed OpenAPI schema (docs/api/openapi.yaml) is what the code generates, and the served schema is
the same document."""

from __future__ import annotations

import yaml
from rest_framework.test import APIClient
from scripts import write_openapi


def test_the_committed_schema_is_up_to_date(db: None) -> None:
    committed = write_openapi.TARGET.read_text(encoding="utf-8")

    assert write_openapi.render() == committed, (
        "docs/api/openapi.yaml is out of date: run `.venv/bin/python scripts/write_openapi.py` and commit it"
    )


def test_the_schema_is_served_at_api_v1_schema(db: None) -> None:
    response = APIClient().get("/api/v1/schema/?format=json", HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 200
    served = response.json()
    assert served == yaml.safe_load(write_openapi.TARGET.read_text(encoding="utf-8"))


def test_every_error_is_documented_as_a_problem() -> None:
    schema = yaml.safe_load(write_openapi.TARGET.read_text(encoding="utf-8"))
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for code, response in operation["responses"].items():
                if int(code) >= 400:
                    assert list(response["content"]) == ["application/problem+json"], (
                        path,
                        method,
                        code,
                    )
