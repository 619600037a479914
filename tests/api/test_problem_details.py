"""Every error of the API is an RFC 9457 problem detail: application/problem+json with type, title, status,
detail and instance, whatever went wrong, and never a traceback or the HTML error page."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from tests.api.conftest import client_with, key_for, problem


def test_an_unknown_address_under_the_api_is_a_404_problem(db: None, api: APIClient) -> None:
    response = api.get("/api/v1/nothing-here/")

    assert response.status_code == 404
    assert problem(response)["type"] == "http://127.0.0.1:8000/api/v1/problems/not-found/"


def test_an_address_without_its_slash_says_so(db: None, api: APIClient) -> None:
    response = api.get("/api/v1/trips")

    assert "slash" in problem(response)["detail"]


def test_a_method_the_resource_lacks_is_a_405_problem_with_allow(db: None, api: APIClient) -> None:
    response = api.delete("/api/v1/trips/")

    assert response.status_code == 405
    assert problem(response)["title"]
    assert "GET" in response["Allow"]


def test_a_type_other_than_json_is_a_406_problem(db: None, api: APIClient) -> None:
    response = api.get("/api/v1/trips/", HTTP_ACCEPT="text/html")

    assert response.status_code == 406
    problem(response)


def test_writing_without_a_token_is_a_401_problem_with_a_challenge(
    db: None, api: APIClient
) -> None:
    response = api.post("/api/v1/drafts/", {"title": "x"}, format="json")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert problem(response)["type"].endswith("/not-authenticated/")


def test_an_unknown_key_is_refused_even_where_none_is_needed(db: None) -> None:
    response = client_with("rr_not-a-key").get("/api/v1/trips/")

    assert response.status_code == 401
    problem(response)


def test_a_form_post_where_json_is_expected_is_a_415_problem(den_haag: Organisation) -> None:
    client = client_with(key_for(den_haag))

    response = client.post("/api/v1/drafts/", {"title": "x"}, format="multipart")

    assert response.status_code == 415
    problem(response)


def test_malformed_json_is_a_400_problem(den_haag: Organisation) -> None:
    client = client_with(key_for(den_haag))

    response = client.post("/api/v1/drafts/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert problem(response)["type"].endswith("/malformed-request/")


def test_field_errors_point_into_the_body(den_haag: Organisation) -> None:
    client = client_with(key_for(den_haag))

    response = client.post(
        "/api/v1/drafts/",
        {
            "title": "",
            "goals": [{"label": "A", "text": "ok"}, {"label": "B"}],
            "transport_mode": "rocket",
        },
        format="json",
    )

    body = problem(response)
    assert response.status_code == 400
    assert {error["pointer"] for error in body["errors"]} == {
        "#/title",
        "#/goals/1/text",
        "#/transport_mode",
    }
    assert body["detail"] == "3 values are not valid; see errors."


def test_an_unexpected_error_is_a_500_problem_that_tells_nothing(
    db: None, api: APIClient, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    def broken(trip_id: int) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(publication, "get_trip", broken)

    response = api.get("/api/v1/trips/1/")

    assert response.status_code == 500
    body = problem(response)
    assert "secret internals" not in response.content.decode()
    assert body["type"].endswith("/server-error/")
    assert "secret internals" in caplog.text  # logged for the operators


@pytest.mark.parametrize("slug", ["validation-error", "edit-conflict", "not-found"])
def test_a_problem_type_describes_itself(db: None, api: APIClient, slug: str) -> None:
    body = api.get(f"/api/v1/problems/{slug}/").json()

    assert body["type"] == f"http://127.0.0.1:8000/api/v1/problems/{slug}/"
    assert body["description"]


def test_problem_titles_follow_the_language(db: None, api: APIClient) -> None:
    response = api.get("/api/v1/nothing/", HTTP_ACCEPT_LANGUAGE="en")

    assert problem(response)["title"] == "Not found"
