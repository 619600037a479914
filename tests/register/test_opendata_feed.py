"""/data/feed.atom: the latest publications and withdrawals as an Atom feed; a withdrawal tells nothing more
than that trip N was withdrawn."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.publication import events
from tests.register.publishing import Register

PUBLIC_URL = "https://reisregister.example.nl"
A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User, settings: object) -> Register:
    settings.PUBLIC_URL = PUBLIC_URL  # type: ignore[attr-defined]
    return Register(den_haag, alice, bob)


def _feed(client: Client) -> tuple[bytes, ET.Element]:
    response = client.get("/data/feed.atom", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return response.content, ET.fromstring(response.content)


def _entries(feed: ET.Element) -> list[dict[str, str]]:
    return [
        {
            "id": entry.findtext(f"{A}id", ""),
            "title": entry.findtext(f"{A}title", ""),
            "kind": entry.find(f"{A}category").get("term", ""),  # type: ignore[union-attr]
            "link": entry.find(f"{A}link").get("href", ""),  # type: ignore[union-attr]
            "summary": entry.findtext(f"{A}summary", ""),
            "updated": entry.findtext(f"{A}updated", ""),
        }
        for entry in feed.findall(f"{A}entry")
    ]


def test_the_feed_has_what_rfc_4287_requires(register: Register, client: Client) -> None:
    register.published("Havens van Hamburg")
    _body, feed = _feed(client)
    assert feed.tag == f"{A}feed"
    assert feed.findtext(f"{A}id") == f"{PUBLIC_URL}/data/feed.atom"
    assert feed.findtext(f"{A}title")
    assert feed.findtext(f"{A}author/{A}name") == "Reisregister"
    [self_link] = [link for link in feed.findall(f"{A}link") if link.get("rel") == "self"]
    assert self_link.get("href") == f"{PUBLIC_URL}/data/feed.atom"
    [entry] = _entries(feed)
    assert feed.findtext(f"{A}updated") == entry["updated"]
    assert entry["updated"].endswith("Z")
    assert entry["id"].startswith("tag:reisregister.example.nl,20")


def test_a_withdrawn_entry_says_withdrawn_and_nothing_about_the_trip(
    register: Register, client: Client
) -> None:
    shown = register.published("Havens van Hamburg", purpose="Walstroom bekijken.")
    leaked = register.published("Geheim overleg met de minister", purpose="Vertrouwelijke agenda.")
    register.withdraw(leaked)
    body, feed = _feed(client)
    assert b"Geheim overleg" not in body
    assert b"Vertrouwelijke agenda" not in body
    withdrawn, earlier, first = _entries(feed)  # newest first
    assert withdrawn["title"] == f"Trip {leaked} withdrawn"
    assert withdrawn["kind"] == "withdrawn"
    assert withdrawn["summary"] == "This trip was withdrawn from the register."
    assert (earlier["title"], earlier["kind"], earlier["summary"]) == (
        f"Trip {leaked} published",
        "published",
        "",
    )
    assert first["title"] == "Havens van Hamburg"
    assert first["link"] == f"{PUBLIC_URL}/trips/{shown}/"
    assert first["summary"].startswith("Gemeente Den Haag")
    assert "Walstroom bekijken." in first["summary"]


def test_publishing_again_is_a_new_entry(register: Register, client: Client) -> None:
    trip_id = register.withdrawn("Terug van weggeweest")
    register.step(trip_id, "republish", register.reviewer)
    _body, feed = _feed(client)
    entries = _entries(feed)
    assert [e["kind"] for e in entries] == ["republished", "withdrawn", "published"]
    assert entries[0]["title"] == "Published again: Terug van weggeweest"
    assert (
        entries[2]["title"] == "Terug van weggeweest"
    )  # public again, so its first entry shows it again
    assert len({e["id"] for e in entries}) == 3


def test_drafts_and_submitted_trips_are_not_in_the_feed(register: Register, client: Client) -> None:
    register.draft("Concept")
    register.submitted("Ter beoordeling")
    body, feed = _feed(client)
    assert _entries(feed) == []
    assert b"Concept" not in body and b"Ter beoordeling" not in body


def test_the_feed_follows_a_new_publication_at_once(register: Register, client: Client) -> None:
    register.published("Eerste")
    assert len(_entries(_feed(client)[1])) == 1
    register.published("Tweede")
    assert [e["title"] for e in _entries(_feed(client)[1])] == ["Tweede", "Eerste"]


def test_a_control_character_in_a_title_does_not_break_the_xml(
    register: Register, client: Client
) -> None:
    register.published("Pagina\x0cscheiding")
    [entry] = _entries(_feed(client)[1])
    assert entry["title"] == "Pagina scheiding"


def test_the_feed_holds_the_latest_events_only(register: Register) -> None:
    ids = [register.published(f"Reis {n}") for n in range(3)]
    assert [event.trip_id for event in events.recent(2)] == [ids[2], ids[1]]
