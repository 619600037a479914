"""ETag and Last-Modified on the public endpoints: a client that has the current copy gets 304 and no body;
any change to the register (a publication, a redaction) gives a new ETag."""

from __future__ import annotations

import pytest
from django.utils.http import http_date
from rest_framework.test import APIClient

from tests.register.publishing import Register

URLS = ["/api/v1/trips/", "/api/v1/follow-ups/", "/api/v1/organisations/", "/api/v1/destinations/"]


@pytest.mark.parametrize("url", URLS)
def test_the_same_etag_again_gets_304_without_a_body(
    register: Register, api: APIClient, url: str
) -> None:
    register.published("Reis")
    first = api.get(url)

    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_trip_page_is_conditional_too(register: Register, api: APIClient) -> None:
    trip_id = register.published("Reis")
    first = api.get(f"/api/v1/trips/{trip_id}/")

    assert (
        api.get(f"/api/v1/trips/{trip_id}/", HTTP_IF_NONE_MATCH=f"W/{first['ETag']}").status_code
        == 304
    )
    assert first["Last-Modified"]
    assert first["Cache-Control"] == "no-cache"


def test_a_publication_changes_the_etag(register: Register, api: APIClient) -> None:
    register.published("Eerste")
    before = api.get("/api/v1/trips/")["ETag"]

    register.published("Tweede")

    assert api.get("/api/v1/trips/", HTTP_IF_NONE_MATCH=before).status_code == 200
    assert api.get("/api/v1/trips/")["ETag"] != before


def test_a_redaction_changes_the_etag(register: Register, api: APIClient) -> None:
    trip_id = register.published("Bezoek aan Jansen")
    url = f"/api/v1/trips/{trip_id}/"
    before = api.get(url)["ETag"]

    register.redact(trip_id, "Jansen")

    response = api.get(url, HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200
    assert "Jansen" not in response.content.decode()


def test_other_queries_and_languages_have_other_etags(register: Register, api: APIClient) -> None:
    register.published("Reis")

    tags = {
        api.get("/api/v1/trips/")["ETag"],
        api.get("/api/v1/trips/?page_size=5")["ETag"],
        api.get("/api/v1/trips/", HTTP_ACCEPT_LANGUAGE="nl")["ETag"],
    }

    assert len(tags) == 3


def test_if_modified_since_the_last_change_gets_304(register: Register, api: APIClient) -> None:
    register.published("Reis")
    first = api.get("/api/v1/organisations/")

    assert (
        api.get("/api/v1/organisations/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code
        == 304
    )
    assert api.get("/api/v1/organisations/", HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_an_error_has_no_etag(db: None, api: APIClient) -> None:
    response = api.get("/api/v1/trips/1/")

    assert response.status_code == 404
    assert not response.has_header("ETag")
