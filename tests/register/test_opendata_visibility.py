"""Only published trips, and only their redacted text, ever reach a file of the open data."""

from __future__ import annotations

import pytest
from django.http import HttpResponseBase, StreamingHttpResponse
from django.test import Client

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from tests.register.publishing import Register

EXPORTS = ("/data/trips.csv", "/data/trips.json", "/data/trips.jsonl", "/data/follow-ups.csv")
EVERY_OUTPUT = (*EXPORTS, "/data/feed.atom", "/data/")


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


def _text(response: HttpResponseBase) -> str:
    assert response.status_code == 200
    if isinstance(response, StreamingHttpResponse):
        return b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[arg-type]
    content: bytes = response.content  # type: ignore[attr-defined]
    return content.decode()


def _follow_up(action: str) -> dict[str, object]:
    return {"action": action, "counterparties": ["Stad Gent"], "owner": "afdeling Economie"}


@pytest.mark.parametrize("url", EXPORTS)
def test_exports_stream(db: None, client: Client, url: str) -> None:
    assert isinstance(client.get(url), StreamingHttpResponse)


@pytest.mark.parametrize("url", EVERY_OUTPUT)
def test_drafts_submitted_and_withdrawn_trips_never_appear(
    register: Register, client: Client, url: str
) -> None:
    register.published("Zichtbare reis", follow_ups=[_follow_up("Zichtbare afspraak")])
    register.draft("Conceptreis", follow_ups=[_follow_up("Conceptafspraak")])
    register.submitted("Ingediende reis", follow_ups=[_follow_up("Ingediende afspraak")])
    register.withdrawn("Ingetrokken reis", follow_ups=[_follow_up("Ingetrokken afspraak")])
    text = _text(client.get(url))
    for hidden in ("Concept", "Ingediende", "Ingetrokken"):
        assert hidden not in text
    if url != "/data/":
        assert "Zichtbare" in text


@pytest.mark.parametrize("url", EVERY_OUTPUT)
def test_a_redacted_passage_never_appears(register: Register, client: Client, url: str) -> None:
    trip_id = register.published(
        "Bezoek met Pietersen", purpose="Pietersen sprak over waterstof.",
        goals=[{"label": "A", "text": "Pietersen leren kennen"}],
        outcomes=[{"goal_label": "A", "text": "Pietersen belt terug", "achieved": "yes"}],
        programme=[{"title": "Lunch met Pietersen", "speakers": ["Pietersen"], "location": "Huize Pietersen"}],
        contacts=[{"role": "adviseur Pietersen", "organisation": "Bureau Pietersen", "city": "Gent"}],
        follow_ups=[{"action": "Pietersen bellen", "counterparties": ["Pietersen BV"], "owner": "Pietersen"}],
        travellers=[{"role": "wethouder", "category": "bestuurder", "name": "Pietersen"}],
        costs=[{"category": "fees", "actual_amount": "10.00", "payer": "Pietersen"}],
        destinations=[{"city": "Pietersen", "country": "BE"}], event_name="Pietersen-congres",
    )  # fmt: skip
    register.redact(trip_id, "Pietersen")
    text = _text(client.get(url))
    assert "Pietersen" not in text
    if url != "/data/":
        assert "[5.1.2e]" in text
