"""The reviewer's redaction screen (/werk/lakken/), through the Django test client: every passage marked in the
trip's texts, decisions by POST with redirect-after-post, one-line errors, read-only for editors, 404 for others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.redaction import highlight
from reisregister.redaction.models import Decision, Origin, Redaction
from reisregister.trips.models import Status, Trip
from tests.register.conftest import client_for
from tests.register.publishing import Register

MAIL = "j.kelderman@example.org"
SOURCE = f"Reisverslag Hamburg\nVragen aan {MAIL} of <script>alert('x')</script>.\nNogmaals: {MAIL}\nMet Anna de Vries.\n"


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> Register:
    return Register(den_haag, alice, bob)


@pytest.fixture
def trip_id(register: Register) -> int:
    """A submitted trip with an e-mail address in its document (twice) and in a contact."""
    return register.submitted(
        "Werkbezoek Hamburg", purpose="Walstroom bekijken.", source_text=SOURCE,
        contacts=[{"role": f"adviseur {MAIL}", "organisation": "Port Authority"}],
    )  # fmt: skip


@pytest.fixture
def reviewer(bob: User) -> Client:
    client = client_for(bob)
    client.cookies["django_language"] = "en"
    return client


def _screen(trip_id: int) -> str:
    return reverse("redaction:trip", args=[trip_id])


def _mail_row(trip_id: int) -> Redaction:
    return Redaction.objects.get(trip_id=trip_id, key=MAIL)


def _messages(html: str) -> str:
    found = re.search(r'<div class="messages" role="status">(.*?)</div>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))) if found else ""


# --------------------------------------------------------------------------- the screen


def test_opening_the_screen_runs_the_detector_and_marks_every_occurrence(
    reviewer: Client, trip_id: int
) -> None:
    html = reviewer.get(_screen(trip_id)).content.decode()
    row = _mail_row(trip_id)
    assert (row.decision, row.origin) == (Decision.SUGGESTED, Origin.DETECTED)
    document = html.split('id="redaction-document"')[1].split("</div>")[0]
    marks = re.findall(
        rf'<mark class="redaction redaction--suggested" data-redaction="{row.pk}">([^<]*)</mark>',
        document,
    )
    assert marks == [MAIL, MAIL]
    assert (
        f'<mark class="redaction redaction--suggested" data-redaction="{row.pk}">{MAIL}</mark>'
        in html.split("redaction-fields")[1]
    )  # the contact's role, among the field texts
    assert f'href="#redaction-{row.pk}"' in html and f'id="redaction-{row.pk}"' in html
    assert "3 occurrences" in html


def test_the_texts_are_shown_as_text_never_as_markup(reviewer: Client, trip_id: int) -> None:
    html = reviewer.get(_screen(trip_id)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_each_suggestion_has_a_ground_select_defaulting_to_its_ground_and_two_buttons(
    reviewer: Client, trip_id: int
) -> None:
    html = reviewer.get(_screen(trip_id)).content.decode()
    row = _mail_row(trip_id)
    form = html.split(f'action="/werk/lakken/{row.pk}/decide/"')[1].split("</form>")[0]
    assert "csrfmiddlewaretoken" in form
    assert f'<label for="id_redaction_{row.pk}_ground">' in form
    assert re.search(r'<option value="5\.1\.2e" selected>', form)
    assert 'name="decision" value="accepted"' in form and 'name="decision" value="rejected"' in form


def test_the_states_are_told_in_words_and_not_by_colour_alone(
    reviewer: Client, trip_id: int
) -> None:
    html = reviewer.get(_screen(trip_id)).content.decode()
    assert '<span class="visually-hidden"> (suggested for redaction)</span>' in html
    assert "suggested: waits for a decision (dashed frame)" in html


def test_a_redaction_that_covers_a_suggestion_is_marked_as_redacted() -> None:
    """What the screen marks redacted is exactly what the public output replaces: "Anna de Vries" redacted
    wins over a suggestion "Anna" inside it, and a kept passage never hides a redaction."""
    rows = [
        Redaction(pk=1, term="Anna", key="anna", decision=Decision.SUGGESTED, ground="5.1.2e"),
        Redaction(pk=2, term="anna de  vries", key="anna de vries", decision=Decision.ACCEPTED, ground="5.1.2e"),
        Redaction(pk=3, term="de Vries en Anna", key="de vries en anna", decision=Decision.REJECTED, ground="5.1.2e"),
    ]  # fmt: skip
    text = "Anna de\nVries en Anna kwamen."
    hits = highlight.hits(text, rows)
    assert [(text[h.start : h.end], h.row.pk) for h in hits] == [("Anna de\nVries", 2), ("Anna", 1)]
    html = highlight.render(text, hits, {1: 1, 2: 2, 3: 3})
    assert html.count("<mark") == 2 and "redaction--accepted" in html


def test_an_editor_sees_the_suggestions_but_cannot_decide(
    register: Register, trip_id: int, alice: User
) -> None:
    response = client_for(alice).get(_screen(trip_id))
    html = response.content.decode()
    assert response.status_code == 200
    assert MAIL in html and "/decide/" not in html and "/add/" not in html and "/all/" not in html


def test_someone_of_another_organisation_finds_no_such_trip(trip_id: int, charlie: User) -> None:
    client = client_for(charlie)
    row = Redaction.objects.create(
        trip_id=trip_id, term=MAIL, key=MAIL, kind="email", origin="detected"
    )
    for method, url in [
        ("get", _screen(trip_id)),
        ("post", reverse("redaction:decide", args=[row.pk])),
        ("post", reverse("redaction:decide-all", args=[trip_id])),
        ("post", reverse("redaction:add", args=[trip_id])),
    ]:
        response = getattr(client, method)(
            url, {"decision": "accepted", "ground": "5.1.2e", "term": MAIL}
        )
        assert response.status_code == 404, url
    assert Redaction.objects.get(pk=row.pk).decision == Decision.SUGGESTED


def test_an_anonymous_visitor_is_sent_to_the_login(client: Client, trip_id: int) -> None:
    response = client.get(_screen(trip_id))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_trip_that_does_not_exist_is_not_found(reviewer: Client) -> None:
    assert reviewer.get(_screen(999_999)).status_code == 404
    assert reviewer.post(reverse("redaction:decide", args=[999_999])).status_code == 404


@pytest.mark.parametrize("name", ["decide", "decide-all", "add"])
def test_the_writing_urls_only_take_post(reviewer: Client, trip_id: int, name: str) -> None:
    assert reviewer.get(reverse(f"redaction:{name}", args=[trip_id])).status_code == 405


# --------------------------------------------------------------------------- deciding


def test_accepting_a_suggestion_redirects_back_to_it_and_says_so(
    reviewer: Client, trip_id: int
) -> None:
    reviewer.get(_screen(trip_id))
    row = _mail_row(trip_id)
    response = reviewer.post(
        reverse("redaction:decide", args=[row.pk]), {"decision": "accepted", "ground": "5.1.1d"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{_screen(trip_id)}#redaction-{row.pk}"
    row.refresh_from_db()
    assert (row.decision, row.ground) == (Decision.ACCEPTED, "5.1.1d")
    html = reviewer.get(response["Location"]).content.decode()
    assert "is redacted" in _messages(html)
    assert f'<mark class="redaction redaction--accepted" data-redaction="{row.pk}">' in html
    assert re.search(r'<option value="5\.1\.1d" selected>', html)


def test_a_decision_is_changed_later(reviewer: Client, trip_id: int) -> None:
    reviewer.get(_screen(trip_id))
    row = _mail_row(trip_id)
    url = reverse("redaction:decide", args=[row.pk])
    reviewer.post(url, {"decision": "accepted", "ground": "5.1.2e"})
    reviewer.post(url, {"decision": "rejected", "ground": "5.1.2e"})
    row.refresh_from_db()
    assert row.decision == Decision.REJECTED
    html = reviewer.get(_screen(trip_id)).content.decode()
    assert f'<mark class="redaction redaction--rejected" data-redaction="{row.pk}">' in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"decision": "accepted", "ground": "9.9.9"}, "Choose a ground from the Woo."),
        ({"decision": "perhaps", "ground": "5.1.2e"}, "Choose to redact or to keep the passage."),
        ({"ground": "5.1.2e"}, "Choose to redact or to keep the passage."),
    ],
)
def test_a_bad_decision_is_one_clear_message_and_changes_nothing(
    reviewer: Client, trip_id: int, data: dict[str, str], message: str
) -> None:
    reviewer.get(_screen(trip_id))
    row = _mail_row(trip_id)
    response = reviewer.post(reverse("redaction:decide", args=[row.pk]), data, follow=True)
    assert _messages(response.content.decode()).strip() == message
    assert _mail_row(trip_id).decision == Decision.SUGGESTED


def test_an_editor_who_posts_a_decision_is_told_no(
    register: Register, trip_id: int, alice: User
) -> None:
    client = client_for(alice)
    client.cookies["django_language"] = "en"
    client.get(_screen(trip_id))
    row = _mail_row(trip_id)
    response = client.post(
        reverse("redaction:decide", args=[row.pk]), {"decision": "accepted", "ground": "5.1.2e"},
        follow=True,
    )  # fmt: skip
    assert "Only a reviewer of this organisation may decide on redactions." in _messages(
        response.content.decode()
    )
    assert _mail_row(trip_id).decision == Decision.SUGGESTED


@pytest.mark.parametrize(("decision", "said"), [("accepted", "redacted"), ("rejected", "kept")])
def test_all_waiting_suggestions_are_decided_at_once(
    reviewer: Client, trip_id: int, decision: str, said: str
) -> None:
    reviewer.get(_screen(trip_id))
    waiting = Redaction.objects.filter(trip_id=trip_id, decision=Decision.SUGGESTED).count()
    response = reviewer.post(
        reverse("redaction:decide-all", args=[trip_id]), {"decision": decision}, follow=True
    )
    assert not Redaction.objects.filter(trip_id=trip_id, decision=Decision.SUGGESTED).exists()
    assert f"{waiting} passage" in _messages(response.content.decode())
    assert said in _messages(response.content.decode())
    assert "No suggestions wait for a decision." in response.content.decode()


# --------------------------------------------------------------------------- adding by hand


def test_a_passage_added_by_hand_is_redacted_everywhere_in_the_trip(
    reviewer: Client, trip_id: int
) -> None:
    response = reviewer.post(
        reverse("redaction:add", args=[trip_id]), {"term": "port  AUTHORITY", "ground": "5.1.2a"}
    )
    row = Redaction.objects.get(trip_id=trip_id, key="port authority")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#redaction-{row.pk}")
    assert (row.decision, row.origin, row.ground) == (Decision.ACCEPTED, Origin.MANUAL, "5.1.2a")
    html = reviewer.get(_screen(trip_id)).content.decode()
    assert f'data-redaction="{row.pk}">Port Authority</mark>' in html


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("Pietersen", "This passage does not occur in the trip."),
        ("", "Give the passage to redact."),
        ("x" * 2001, "A passage to redact is at most 2000 characters."),
    ],
)
def test_a_manual_passage_that_cannot_be_redacted_is_refused_with_the_text_kept(
    reviewer: Client, trip_id: int, term: str, message: str
) -> None:
    response = reviewer.post(
        reverse("redaction:add", args=[trip_id]), {"term": term, "ground": "5.1.2e"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    field = html.split('id="field-term"')[1].split("</div>")[0]
    assert message in field
    assert 'aria-invalid="true"' in field
    assert term[:50] in field
    assert not Redaction.objects.filter(trip_id=trip_id, origin=Origin.MANUAL).exists()


def test_the_selection_button_is_hidden_until_javascript_shows_it(
    reviewer: Client, trip_id: int
) -> None:
    html = reviewer.get(_screen(trip_id)).content.decode()
    assert re.search(r"<div [^>]*data-selection-control hidden>", html)
    assert "js/redaction.js" in html


# --------------------------------------------------------------------------- the review screen and publishing


def test_the_review_screen_says_how_many_suggestions_wait_beside_the_publish_button(
    reviewer: Client, trip_id: int
) -> None:
    html = reviewer.get(reverse("trips:review", args=[trip_id])).content.decode()
    waiting = Redaction.objects.filter(trip_id=trip_id, decision=Decision.SUGGESTED).count()
    assert waiting >= 1
    actions = html.split('aria-label="Workflow"')[1].split("</ul>")[0]
    assert f'href="{_screen(trip_id)}"' in actions
    assert re.search(rf"{waiting} redaction suggestions? waits? for a decision", actions)
    assert actions.index("redaction-waiting") < actions.index("/transition/publish/")


def test_once_everything_is_decided_the_trip_is_published_from_the_screen(
    reviewer: Client, trip_id: int
) -> None:
    reviewer.get(_screen(trip_id))
    refused = reviewer.post(reverse("trips:transition", args=[trip_id, "publish"]), follow=True)
    assert "waiting for a decision" in _messages(refused.content.decode())
    reviewer.post(reverse("redaction:decide-all", args=[trip_id]), {"decision": "accepted"})
    html = reviewer.get(_screen(trip_id)).content.decode()
    assert "redaction-waiting" not in html
    reviewer.post(
        reverse("trips:transition", args=[trip_id, "publish"]), {"next": _screen(trip_id)}
    )
    assert Trip.objects.get(pk=trip_id).status == Status.PUBLISHED
    public = Client().get(f"/trips/{trip_id}/").content.decode()
    assert MAIL not in public.casefold()


# --------------------------------------------------------------------------- the admin


def test_the_admin_keeps_the_public_figures_and_shows_redactions_read_only(
    trip_id: int, reviewer: Client
) -> None:
    reviewer.get(_screen(trip_id))
    row = _mail_row(trip_id)
    admin = User.objects.create_superuser("root", "root@example.org", "x")
    client = client_for(admin)
    assert client.get("/admin/redaction/publicfigure/add/").status_code == 200
    response = client.post(
        "/admin/redaction/publicfigure/add/",
        {"name": "Jan Jansen", "function": "burgemeester", "active": "on"},
    )
    assert response.status_code == 302
    assert "Jan Jansen" in client.get("/admin/redaction/publicfigure/").content.decode()

    assert client.get("/admin/redaction/redaction/").status_code == 200
    detail = client.get(f"/admin/redaction/redaction/{row.pk}/change/").content.decode()
    assert MAIL in detail and 'name="_save"' not in detail
    assert client.get("/admin/redaction/redaction/add/").status_code == 403
    client.post(f"/admin/redaction/redaction/{row.pk}/change/", {"decision": "accepted"})
    assert _mail_row(trip_id).decision == Decision.SUGGESTED
