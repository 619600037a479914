"""Property-based tests of the whole API against its committed OpenAPI schema (schemathesis): requests made up
from the schema, sent to the WSGI application on a register with published (and redacted) trips. Every
response must conform to the schema (status code, content type, body, headers) and none may be a server
error. Public operations are called without a token, the write operations with a reviewer's token.

Bounded and deterministic: at most ``EXAMPLES`` generated cases per operation, derandomized."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from scripts.write_openapi import TARGET

from reisregister.organisations.models import Organisation
from tests.api.conftest import key_for
from tests.register.publishing import Register, full_trip

EXAMPLES = 30
CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"deterministic": True, "max-examples": EXAMPLES, "database": "none"},
        # The coverage phase walks every boundary of every field: for the draft bodies (dozens of fields, eight
        # kinds of rows) that is over a thousand requests each. Generated examples cover them here.
        "operations": [
            {
                "include-operation-id-regex": "^drafts_(create|update|partial_update)$",
                "phases": {"coverage": {"enabled": False}},
            }
        ],
    }
)
# What the API promises: no server error, and every response as the schema says. (Schemathesis's other checks
# judge choices made deliberately: an unknown header or query parameter is ignored, as HTTP intends.)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
SCHEMA = schemathesis.openapi.from_path(TARGET, config=CONFIG)
APP = get_wsgi_application()


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    # The WSGI handler closes "old" connections around every request; inside the test's transaction that
    # closes PostgreSQL's connection (SQLite's in-memory one is spared). Django's test client does the same.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def reviewer_key(register: Register, den_haag: Organisation, settings: Any) -> str:
    # No rate limits here: hundreds of requests in a row are the point.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "integration": None},
    }
    trip_id = register.published("Havens met Jansen", **full_trip())
    register.redact(trip_id, "Jansen")
    register.published("Gent", destinations=[{"city": "Gent", "country": "BE"}])
    register.draft("Concept")
    return key_for(den_haag, "reviewer")


@SCHEMA.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_response_conforms_to_the_schema(case: Any, reviewer_key: str) -> None:
    # A public operation lists "no authentication" ({}) among its security alternatives.
    public = {} in case.operation.definition.raw.get("security", [{}])
    headers = {} if public else {"Authorization": f"Bearer {reviewer_key}"}
    response = case.call(app=APP, headers=headers)
    case.validate_response(response, checks=CHECKS)
    if public:  # an integration reads its own drafts unredacted; the public never does
        assert "Jansen" not in response.text
