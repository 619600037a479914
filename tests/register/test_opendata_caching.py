"""Conditional requests: a client that already has the current file gets a 304; any change makes a new ETag."""

from __future__ import annotations

import pytest
from django.test import Client

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from tests.register.publishing import Register

URLS = (
    "/data/trips.csv", "/data/trips.json", "/data/trips.jsonl", "/data/follow-ups.csv", "/data/feed.atom",
    "/data/trips.schema.json",
)  # fmt: skip


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


@pytest.mark.parametrize("url", URLS)
def test_the_same_etag_gets_a_304(register: Register, client: Client, url: str) -> None:
    register.published("Reis")
    first = client.get(url)
    assert first.status_code == 200
    assert first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_a_publication_changes_the_etag(register: Register, client: Client) -> None:
    register.published("Een")
    etag = client.get("/data/trips.csv")["ETag"]
    register.published("Twee")
    response = client.get("/data/trips.csv", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_redaction_changes_the_etag(register: Register, client: Client) -> None:
    trip_id = register.published("Bezoek met Pietersen")
    etag = client.get("/data/trips.json")["ETag"]
    register.redact(trip_id, "Pietersen")
    assert client.get("/data/trips.json", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_each_file_has_its_own_etag(register: Register, client: Client) -> None:
    register.published("Reis")
    assert len({client.get(url)["ETag"] for url in URLS}) == len(URLS)


def test_the_feed_etag_depends_on_the_language(register: Register, client: Client) -> None:
    register.published("Reis")
    dutch = client.get("/data/feed.atom", HTTP_ACCEPT_LANGUAGE="nl")["ETag"]
    english = client.get("/data/feed.atom", HTTP_ACCEPT_LANGUAGE="en")["ETag"]
    assert dutch != english


@pytest.mark.parametrize("url", URLS)
def test_downloads_are_open_to_other_sites_and_name_their_licence(
    db: None, client: Client, url: str
) -> None:
    response = client.get(url)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Link"] == '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"'


@pytest.mark.parametrize("url", (*URLS, "/data/"))
def test_only_reading_is_allowed(db: None, client: Client, url: str) -> None:
    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200


@pytest.mark.parametrize("url", URLS[:4])
def test_a_head_request_reads_no_trip(
    register: Register, client: Client, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    register.published("Reis")

    def refuse(**kwargs: object) -> None:
        raise AssertionError("HEAD started the export")

    monkeypatch.setattr(publication, "iter_published", refuse)
    response = client.head(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b""  # type: ignore[attr-defined]
