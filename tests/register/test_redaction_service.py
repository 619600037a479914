"""redaction.service: suggestions from the detector, decisions by reviewers, the publish gate, and what a decision
does to a trip that is already public (search index and page change at once).

The detector is being extended; these tests lean on what it has always found (e-mail addresses) and on passages
added by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client, TestCase
from django.utils import translation

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.publication import service as publication
from reisregister.redaction import service as redaction
from reisregister.redaction.models import Decision, Kind, Origin, Redaction
from reisregister.search import service as search
from reisregister.trips import service as trips
from reisregister.trips.models import AuditEvent, Status, Trip
from tests.register.publishing import Register

MAIL = "j.kelderman@example.org"
SECOND_MAIL = "p.bakker@example.org"  # a functional mailbox (secretariaat@) is no personal data


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # The messages matched below are the English source strings; Dutch is the default language.
    with translation.override("en"):
        yield


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


def _trip(trip_id: int) -> Trip:
    return Trip.objects.get(pk=trip_id)


def _suggested(register: Register, **fields: object) -> int:
    """A submitted trip that mentions MAIL in its purpose, a contact and its document, scanned."""
    fields.setdefault("purpose", f"Overleg; vragen aan {MAIL}.")
    fields.setdefault("contacts", [{"role": f"adviseur ({MAIL.upper()})", "organisation": "Port"}])
    fields.setdefault("source_text", f"Reisverslag\nContact: {MAIL}\nNogmaals: {MAIL}\n")
    trip_id = register.submitted("Werkbezoek Hamburg", **fields)
    redaction.scan(_trip(trip_id))
    return trip_id


def _row(trip_id: int, term: str = MAIL) -> Redaction:
    return Redaction.objects.get(trip_id=trip_id, key=term.casefold())


def test_a_passage_found_in_several_places_is_suggested_once(register: Register) -> None:
    trip_id = _suggested(register)
    rows = list(Redaction.objects.filter(trip_id=trip_id, kind=Kind.EMAIL))
    assert [(row.term.casefold(), row.kind, row.decision, row.origin) for row in rows] == [
        (MAIL, Kind.EMAIL, Decision.SUGGESTED, Origin.DETECTED)
    ]
    assert rows[0].ground == "5.1.2e"


def test_scanning_again_without_changes_adds_nothing(register: Register) -> None:
    trip_id = _suggested(register)
    assert redaction.scan(_trip(trip_id)) == 0
    before = Redaction.objects.filter(trip_id=trip_id).count()
    assert redaction.scan(_trip(trip_id), force=True) == 0
    assert Redaction.objects.filter(trip_id=trip_id).count() == before


def test_a_decided_passage_is_not_suggested_again_when_the_text_changes(
    register: Register,
) -> None:
    trip_id = _suggested(register)
    redaction.decide(
        _row(trip_id).pk, decision=Decision.REJECTED, ground="5.1.2e", user=register.reviewer
    )
    Trip.objects.filter(pk=trip_id).update(purpose=f"Nieuw doel. {MAIL} en {SECOND_MAIL}")
    assert redaction.scan(_trip(trip_id)) == 1
    assert _row(trip_id).decision == Decision.REJECTED
    assert _row(trip_id, SECOND_MAIL).decision == Decision.SUGGESTED


def test_a_reviewer_accepts_a_suggestion_with_a_ground(register: Register) -> None:
    trip_id = _suggested(register)
    row = redaction.decide(
        _row(trip_id).pk, decision=Decision.ACCEPTED, ground="5.1.1d", user=register.reviewer
    )
    row.refresh_from_db()
    assert (row.decision, row.ground, row.decided_by) == (
        Decision.ACCEPTED, "5.1.1d", register.reviewer,
    )  # fmt: skip
    assert row.decided_at is not None
    assert sorted(row.places) == ["contacts", "document", "purpose"]


def test_a_decision_can_be_changed_later(register: Register) -> None:
    trip_id = _suggested(register)
    row_id = _row(trip_id).pk
    redaction.decide(row_id, decision=Decision.ACCEPTED, ground="5.1.2e", user=register.reviewer)
    redaction.decide(row_id, decision=Decision.REJECTED, ground="5.1.2e", user=register.reviewer)
    assert _row(trip_id).decision == Decision.REJECTED
    assert redaction.pending_count(_trip(trip_id)) == 0


@pytest.mark.parametrize(
    ("decision", "ground"), [("suggested", "5.1.2e"), ("maybe", "5.1.2e"), ("accepted", "9.9")]
)
def test_a_decision_needs_a_real_choice_and_a_woo_ground(
    register: Register, decision: str, ground: str
) -> None:
    trip_id = _suggested(register)
    with pytest.raises(ValidationError):
        redaction.decide(_row(trip_id).pk, decision=decision, ground=ground, user=register.reviewer)
    assert _row(trip_id).decision == Decision.SUGGESTED


def test_a_manual_redaction_matches_regardless_of_case_and_line_breaks(register: Register) -> None:
    trip_id = register.submitted("Bezoek", purpose="Gesproken met Anna\nde Vries over havens.")
    row = redaction.add_manual(
        trip_id, term="  anna   DE vries ", ground="5.1.2e", user=register.reviewer
    )
    row.refresh_from_db()
    assert (row.term, row.decision, row.origin, row.places) == (
        "anna DE vries", Decision.ACCEPTED, Origin.MANUAL, ["purpose"],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("Pietersen", "does not occur"),
        ("Anna de Vriesland", "does not occur"),
        ("   ", "Give the passage"),
        ("x" * 2001, "at most"),
    ],
)
def test_a_manual_redaction_of_a_passage_that_is_not_there_is_refused(
    register: Register, term: str, message: str
) -> None:
    trip_id = register.submitted("Bezoek", purpose="Gesproken met Anna de Vries over havens.")
    with pytest.raises(ValidationError, match=message):
        redaction.add_manual(trip_id, term=term, ground="5.1.2e", user=register.reviewer)
    assert not Redaction.objects.filter(trip_id=trip_id).exists()


@pytest.mark.parametrize("who", ["alice", "charlie"])
def test_only_a_reviewer_of_the_trips_organisation_decides(
    register: Register, who: str, request: pytest.FixtureRequest
) -> None:
    user: User = request.getfixturevalue(who)  # alice edits for Den Haag; charlie is of Almere
    trip_id = _suggested(register)
    with pytest.raises(PermissionDenied):
        redaction.decide(_row(trip_id).pk, decision=Decision.ACCEPTED, ground="5.1.2e", user=user)
    with pytest.raises(PermissionDenied):
        redaction.add_manual(trip_id, term=MAIL, ground="5.1.2e", user=user)
    with pytest.raises(PermissionDenied):
        redaction.decide_all_pending(trip_id, decision=Decision.ACCEPTED, user=user)
    assert _row(trip_id).decision == Decision.SUGGESTED


def test_an_admin_of_the_organisation_may_decide(register: Register, dana: User) -> None:
    trip_id = _suggested(register)
    redaction.decide(_row(trip_id).pk, decision=Decision.ACCEPTED, ground="5.1.2e", user=dana)
    assert _row(trip_id).decided_by == dana


def test_publishing_waits_until_every_suggestion_is_decided(register: Register) -> None:
    trip_id = _suggested(register)
    with pytest.raises(trips.TransitionError, match="waiting for a decision"):
        trips.transition(trip_id, "publish", user=register.reviewer)
    assert _trip(trip_id).status == Status.SUBMITTED

    assert (
        redaction.decide_all_pending(trip_id, decision=Decision.ACCEPTED, user=register.reviewer)
        == 1
    )
    register.step(trip_id, "publish", register.reviewer)
    assert _trip(trip_id).status == Status.PUBLISHED
    assert MAIL not in repr(publication.get_trip(trip_id)).casefold()


def test_the_publish_gate_scans_a_trip_nobody_scanned(register: Register) -> None:
    trip_id = register.submitted("Bezoek", purpose=f"Mail {SECOND_MAIL}")
    with pytest.raises(trips.TransitionError, match="One redaction suggestion"):
        trips.transition(trip_id, "publish", user=register.reviewer)
    assert _trip(trip_id).status == Status.SUBMITTED


def test_every_decision_is_written_to_the_trips_history(register: Register) -> None:
    trip_id = _suggested(register, purpose=f"Doel met {MAIL} en Anna de Vries.")
    row_id = _row(trip_id).pk
    redaction.decide(row_id, decision=Decision.ACCEPTED, ground="5.1.2e", user=register.reviewer)
    redaction.decide(row_id, decision=Decision.ACCEPTED, ground="5.1.2a", user=register.reviewer)
    redaction.add_manual(trip_id, term="Anna de Vries", ground="5.1.2e", user=register.reviewer)
    events = list(
        AuditEvent.objects.filter(trip_id=trip_id, action__startswith="redaction").order_by("pk")
    )
    assert [(e.action, e.actor) for e in events] == [
        ("redaction-accepted", register.reviewer),
        ("redaction-accepted", register.reviewer),
        ("redaction-added", register.reviewer),
    ]
    assert events[1].before == {"decision": "accepted", "ground": "5.1.2e"}
    assert events[1].after is not None and events[1].after["ground"] == "5.1.2a"
    assert all("Anna" not in repr(e.after) and MAIL not in repr(e.after) for e in events)


def test_redacting_a_published_trip_changes_search_and_the_public_page_at_once(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Havenbezoek", purpose="Rondleiding door Kelderman bij de haven.")
    assert search.search("Kelderman").total == 1
    assert "Kelderman" in client.get(f"/trips/{trip_id}/").content.decode()  # now in the page cache

    with TestCase.captureOnCommitCallbacks(execute=True):
        redaction.add_manual(trip_id, term="Kelderman", ground="5.1.2e", user=register.reviewer)

    html = client.get(f"/trips/{trip_id}/").content.decode()
    assert "Kelderman" not in html
    assert '<span class="redacted"' in html
    assert search.search("Kelderman").total == 0
    assert search.search("haven").total == 1
    log = publication.get_trip(trip_id).redactions
    assert [(r.number, r.ground, r.kind, r.places) for r in log] == [
        (1, "5.1.2e", "other", ("purpose",))
    ]


def test_keeping_a_passage_after_all_brings_it_back_on_the_public_page(
    register: Register, client: Client
) -> None:
    trip_id = register.published("Havenbezoek", purpose="Rondleiding door Kelderman.")
    register.redact(trip_id, "Kelderman")
    assert "Kelderman" not in client.get(f"/trips/{trip_id}/").content.decode()
    row = _row(trip_id, "Kelderman")
    with TestCase.captureOnCommitCallbacks(execute=True):
        redaction.decide(
            row.pk, decision=Decision.REJECTED, ground=row.ground, user=register.reviewer
        )
    assert "Kelderman" in client.get(f"/trips/{trip_id}/").content.decode()
    assert search.search("Kelderman").total == 1
    assert publication.get_trip(trip_id).redactions == ()
