"""Rate limits: per client address without a token, per token with one; over the limit a 429 problem with
Retry-After. Rates come from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] and are lowered here."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from reisregister.organisations.models import Organisation
from tests.api.conftest import client_with, key_for, problem


@pytest.fixture
def low_rates(settings: Any) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "integration": "2/min"},
    }


@pytest.mark.usefixtures("low_rates")
def test_an_anonymous_client_over_the_rate_gets_a_429_problem(db: None, api: APIClient) -> None:
    statuses = [api.get("/api/v1/organisations/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v1/organisations/")
    body = problem(response)
    assert body["type"].endswith("/problems/too-many-requests/")
    assert int(response["Retry-After"]) > 0


@pytest.mark.usefixtures("low_rates")
def test_each_address_has_its_own_count(db: None, api: APIClient) -> None:
    for _ in range(3):
        api.get("/api/v1/organisations/")

    assert api.get("/api/v1/organisations/", REMOTE_ADDR="10.0.0.2").status_code == 200


@pytest.mark.usefixtures("low_rates")
def test_a_token_has_its_own_rate(den_haag: Organisation) -> None:
    first, second = (
        client_with(key_for(den_haag, name="Een")),
        client_with(key_for(den_haag, name="Twee")),
    )

    assert [first.get("/api/v1/organisations/").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get("/api/v1/organisations/").status_code == 200
    # The token's count is not the address's: anonymous requests from the same address still pass.
    assert APIClient().get("/api/v1/organisations/").status_code == 200
