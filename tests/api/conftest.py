"""The API's tests share the register's tiny world (tests/register/conftest.py): Den Haag with alice (editor)
and bob (reviewer), Almere with charlie (editor). Fixtures are found by pytest only in the conftest of a test's
own folder or above, so the ones used here are imported by name (the autouse ones too: ``import *`` would skip
their leading underscore)."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from reisregister.accounts.models import User
from reisregister.api import tokens
from reisregister.organisations.models import Organisation
from tests.register.conftest import (
    _empty_cache,
    _isolated_media,
    alice,
    almere,
    bob,
    charlie,
    dana,
    den_haag,
)
from tests.register.publishing import Register

__all__ = [
    "_empty_cache",
    "_isolated_media",
    "alice",
    "almere",
    "api",
    "bob",
    "charlie",
    "dana",
    "den_haag",
    "register",
]


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


@pytest.fixture
def api() -> APIClient:
    # English, so that messages compared in tests do not change when the Dutch translations arrive.
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def key_for(organisation: Organisation, role: str = "editor", name: str = "Zaaksysteem") -> str:
    _token, key = tokens.issue(organisation, name, role)
    return key


def client_with(key: str) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


def problem(response: Any) -> dict[str, Any]:
    """The body of a problem response, after checking it is one."""
    assert response["Content-Type"] == "application/problem+json", response.content
    body: dict[str, Any] = response.json()
    assert {"type", "title", "status", "detail", "instance"} <= set(body), body
    assert body["status"] == response.status_code
    return body
