"""The members screen: an organisation's admins list, add, invite, re-role and remove its members; nobody else
finds the screen, and the last admin stays."""

from __future__ import annotations

import logging
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from reisregister.accounts import invitations
from reisregister.accounts import service as accounts
from reisregister.accounts.models import Membership, Role, User
from reisregister.organisations.models import Organisation
from tests.register.conftest import PASSWORD
from tests.register.formpost import english_client

DEN_HAAG = "gm0518"
NEW_PASSWORD = "Vijf vrolijke fietsers"


@pytest.fixture(autouse=True)
def _mail(settings: object) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # type: ignore[attr-defined]


@pytest.fixture
def erin(almere: Organisation) -> User:
    """An admin of Almere, not of Den Haag."""
    user = User.objects.create_user("erin", email="erin@example.org", password=PASSWORD)
    Membership.objects.create(user=user, organisation=almere, role=Role.ADMIN)
    return user


def _list_url(code: str = DEN_HAAG) -> str:
    return reverse("members:list", kwargs={"tooi_code": code})


def _url(name: str, user: User, code: str = DEN_HAAG) -> str:
    return reverse(f"members:{name}", kwargs={"tooi_code": code, "user_id": user.pk})


def _role(user: User, organisation: Organisation) -> str | None:
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    return membership.role if membership else None


def _messages(response: object) -> list[str]:
    return [str(m) for m in response.context["messages"]]  # type: ignore[attr-defined]


def _set_role(client: Client, user: User, role: str) -> object:
    return client.post(_url("role", user), {f"member-{user.pk}-role": role}, follow=True)


# --------------------------------------------------------------------------- who finds the screen


def test_an_admin_sees_the_members_with_their_details(
    dana: User, alice: User, bob: User, charlie: User
) -> None:
    alice.first_name, alice.last_name = "Alice", "de Vries"
    alice.save()
    Client().post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})

    response = english_client(dana).get(_list_url())

    assert response.status_code == 200
    html = response.content.decode()
    for text in ("alice", "Alice de Vries", "alice@example.org", "bob", "dana", "Members of"):
        assert text in html
    assert "charlie" not in html  # a member of Almere only
    rows = {row.user.username: row for row in response.context["rows"]}
    assert set(rows) == {"alice", "bob", "dana"}
    assert rows["alice"].membership.role == Role.EDITOR
    assert rows["alice"].user.last_login is not None
    assert '<time datetime="' in html  # alice's last login
    assert rows["dana"].is_self and rows["dana"].last_admin


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_editors_and_reviewers_do_not_find_the_screen(
    who: str, alice: User, bob: User, dana: User, den_haag: Organisation
) -> None:
    client = english_client({"alice": alice, "bob": bob}[who])

    assert client.get(_list_url()).status_code == 404
    assert client.get(reverse("members:index")).status_code == 404
    assert client.post(_url("role", alice), {f"member-{alice.pk}-role": "admin"}).status_code == 404
    assert client.post(_url("remove", dana)).status_code == 404
    assert (
        client.post(reverse("members:add", args=[DEN_HAAG]), {"add-identifier": "x"}).status_code
        == 404
    )
    assert _role(alice, den_haag) == Role.EDITOR


def test_an_admin_of_another_organisation_does_not_find_den_haag_s_members(
    erin: User, alice: User, dana: User, den_haag: Organisation
) -> None:
    client = english_client(erin)

    assert client.get(_list_url()).status_code == 404
    assert client.post(_url("role", alice), {f"member-{alice.pk}-role": "admin"}).status_code == 404
    assert client.get(_url("remove", alice)).status_code == 404
    assert client.post(_url("remove", alice)).status_code == 404
    invite = {"invite-username": "mallory", "invite-email": "m@example.org", "invite-role": "admin"}
    assert client.post(reverse("members:invite", args=[DEN_HAAG]), invite).status_code == 404
    assert _role(alice, den_haag) == Role.EDITOR
    assert not User.objects.filter(username="mallory").exists()
    # Erin's own organisation works.
    assert client.get(_list_url("gm0034")).status_code == 200


def test_an_unknown_organisation_is_not_found(dana: User) -> None:
    assert english_client(dana).get(_list_url("gm9999")).status_code == 404


def test_a_visitor_is_sent_to_the_login(den_haag: Organisation) -> None:
    response = Client().get(_list_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_member_of_another_organisation_cannot_be_changed_through_den_haag(
    dana: User, charlie: User, almere: Organisation
) -> None:
    client = english_client(dana)

    assert _set_role(client, charlie, "admin").status_code == 404  # type: ignore[attr-defined]
    assert client.post(_url("remove", charlie)).status_code == 404
    assert _role(charlie, almere) == Role.EDITOR


def test_the_header_links_to_the_screen_for_admins_only(dana: User, alice: User) -> None:
    link = f'href="{reverse("members:index")}"'

    assert link in english_client(dana).get(reverse("trips:dashboard")).content.decode()
    assert link not in english_client(alice).get(reverse("trips:dashboard")).content.decode()


def test_the_index_goes_straight_to_the_only_organisation(dana: User) -> None:
    response = english_client(dana).get(reverse("members:index"))

    assert response.status_code == 302
    assert response["Location"] == _list_url()


def test_the_index_lists_several_organisations(dana: User, almere: Organisation) -> None:
    Membership.objects.create(user=dana, organisation=almere, role=Role.ADMIN)

    response = english_client(dana).get(reverse("members:index"))

    assert response.status_code == 200
    assert _list_url() in response.content.decode()
    assert _list_url("gm0034") in response.content.decode()


def test_changes_need_post_and_a_csrf_token(
    dana: User, alice: User, den_haag: Organisation
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(dana)

    assert client.get(_url("role", alice)).status_code == 405
    assert client.post(_url("role", alice), {f"member-{alice.pk}-role": "admin"}).status_code == 403
    assert client.post(_url("remove", alice)).status_code == 403
    assert _role(alice, den_haag) == Role.EDITOR


# --------------------------------------------------------------------------- adding, changing, removing


@pytest.mark.parametrize("identifier", ["charlie", "Charlie", "CHARLIE@example.org"])
def test_an_admin_adds_an_existing_user_by_user_name_or_e_mail(
    dana: User, charlie: User, den_haag: Organisation, identifier: str
) -> None:
    response = english_client(dana).post(
        reverse("members:add", args=[DEN_HAAG]),
        {"add-identifier": identifier, "add-role": "reviewer"},
        follow=True,
    )

    assert response.status_code == 200
    assert _role(charlie, den_haag) == Role.REVIEWER
    assert "charlie is now reviewer of Gemeente Den Haag." in _messages(response)
    assert _role(charlie, Organisation.objects.get(tooi_code="gm0034")) == Role.EDITOR


def test_adding_an_unknown_user_explains_what_to_do(dana: User) -> None:
    response = english_client(dana).post(
        reverse("members:add", args=[DEN_HAAG]),
        {"add-identifier": "nobody@example.org", "add-role": "editor"},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "No user has this user name or e-mail address" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_add-identifier_error"' in html
    assert 'id="id_add-identifier_error"' in html


def test_adding_someone_who_is_a_member_already_says_so(dana: User, alice: User) -> None:
    response = english_client(dana).post(
        reverse("members:add", args=[DEN_HAAG]),
        {"add-identifier": "alice", "add-role": "admin"},
    )

    assert response.status_code == 400
    assert "alice is already a member of Gemeente Den Haag" in response.content.decode()
    assert alice.memberships.get().role == Role.EDITOR


def test_an_e_mail_address_of_two_users_asks_for_the_user_name(dana: User) -> None:
    User.objects.create_user("twin1", email="twins@example.org")
    User.objects.create_user("twin2", email="twins@example.org")

    response = english_client(dana).post(
        reverse("members:add", args=[DEN_HAAG]),
        {"add-identifier": "twins@example.org", "add-role": "editor"},
    )

    assert response.status_code == 400
    assert "Give the user name instead" in response.content.decode()


def test_an_admin_changes_a_member_s_role(dana: User, alice: User, den_haag: Organisation) -> None:
    response = _set_role(english_client(dana), alice, "reviewer")

    assert _role(alice, den_haag) == Role.REVIEWER
    assert "alice is now reviewer of Gemeente Den Haag." in _messages(response)


def test_an_unknown_role_is_refused(dana: User, alice: User, den_haag: Organisation) -> None:
    response = _set_role(english_client(dana), alice, "emperor")

    assert _role(alice, den_haag) == Role.EDITOR
    assert "Choose one of the roles in the list." in _messages(response)


def test_an_admin_removes_a_member_after_confirming(
    dana: User, alice: User, den_haag: Organisation
) -> None:
    client = english_client(dana)

    confirm = client.get(_url("remove", alice))
    assert confirm.status_code == 200
    assert "Remove alice from Gemeente Den Haag?" in confirm.content.decode()
    assert _role(alice, den_haag) == Role.EDITOR

    response = client.post(_url("remove", alice), follow=True)

    assert _role(alice, den_haag) is None
    assert User.objects.filter(username="alice").exists()  # the account stays
    assert "alice is no longer a member of Gemeente Den Haag." in _messages(response)
    assert english_client(alice).get(reverse("trips:new")).status_code in (403, 404)


def test_the_last_admin_cannot_be_demoted(dana: User, den_haag: Organisation) -> None:
    response = _set_role(english_client(dana), dana, "editor")

    assert _role(dana, den_haag) == Role.ADMIN
    assert any("dana is the last administrator" in m for m in _messages(response))


def test_the_last_admin_cannot_be_removed(dana: User, den_haag: Organisation) -> None:
    client = english_client(dana)

    confirm = client.get(_url("remove", dana))
    assert "cannot be removed" in confirm.content.decode()
    assert b"button--danger" not in confirm.content

    response = client.post(_url("remove", dana), follow=True)

    assert _role(dana, den_haag) == Role.ADMIN
    assert any("dana is the last administrator" in m for m in _messages(response))


def test_with_a_second_admin_an_admin_may_step_down(
    dana: User, bob: User, den_haag: Organisation
) -> None:
    client = english_client(dana)
    _set_role(client, bob, "admin")

    response = client.post(_url("role", dana), {f"member-{dana.pk}-role": "reviewer"})

    assert _role(dana, den_haag) == Role.REVIEWER
    # No longer an admin: on to the work area, not to a page that is now a 404.
    assert response.status_code == 302
    assert response["Location"] == reverse("trips:dashboard")
    # And bob, now the only admin, is protected in turn.
    assert accounts.is_last_admin(bob.memberships.get())


def test_the_service_checks_the_role_itself(alice: User, bob: User, den_haag: Organisation) -> None:
    with pytest.raises(PermissionDenied):
        accounts.change_role(alice, den_haag, bob.pk, Role.EDITOR)
    with pytest.raises(PermissionDenied):
        accounts.add_member(bob, den_haag, "alice", Role.ADMIN)
    with pytest.raises(PermissionDenied):
        accounts.remove_member(bob, den_haag, alice.pk)
    with pytest.raises(PermissionDenied):
        accounts.invite_member(
            bob, den_haag, username="x", email="x@example.org", role=Role.ADMIN, base_url="http://x"
        )
    assert _role(bob, den_haag) == Role.REVIEWER


def test_changes_are_logged(
    dana: User, alice: User, den_haag: Organisation, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="reisregister.accounts.members"):
        accounts.change_role(dana, den_haag, alice.pk, Role.REVIEWER)

    assert "dana: role changed alice in gm0518 (role editor -> reviewer)" in caplog.messages


# --------------------------------------------------------------------------- inviting someone new


def _invite(client: Client, **fields: str) -> object:
    data = {"username": "fenna", "email": "fenna@example.org", "role": "editor"} | fields
    return client.post(
        reverse("members:invite", args=[DEN_HAAG]),
        {f"invite-{key}": value for key, value in data.items()},
        follow=True,
    )


def _link_in(body: str) -> str:
    match = re.search(r"http://testserver(/accounts/wachtwoord/\S+/)", body)
    assert match, body
    return match.group(1)


def test_an_invited_user_sets_a_password_by_the_e_mailed_link_and_logs_in(
    dana: User, den_haag: Organisation
) -> None:
    client = english_client(dana)

    response = _invite(client, first_name="Fenna", last_name="Bakker")

    fenna = User.objects.get(username="fenna")
    assert not fenna.has_usable_password()
    assert _role(fenna, den_haag) == Role.EDITOR
    assert any("An e-mail with a link" in m for m in _messages(response))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fenna@example.org"]
    assert "Gemeente Den Haag" in message.subject
    assert "fenna" in message.body
    link = _link_in(str(message.body))
    # The admin sees the same link once, and only once.
    assert link in response.content.decode()  # type: ignore[attr-defined]
    assert link not in client.get(_list_url()).content.decode()
    assert "Invited; no password chosen yet" in client.get(_list_url()).content.decode()

    invitee = Client(HTTP_ACCEPT_LANGUAGE="en")
    form_page = invitee.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    assert "Your user name is <strong>fenna</strong>" in form_page.content.decode()
    done = invitee.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == reverse("accounts:login")
    assert any("Your password is set" in m for m in _messages(done))

    login = invitee.post(reverse("accounts:login"), {"username": "fenna", "password": NEW_PASSWORD})
    assert login.status_code == 302
    assert "_auth_user_id" in invitee.session
    # The link worked once.
    assert not Client().get(link, follow=True).context["validlink"]


def test_a_weak_password_is_refused_with_the_reason(dana: User) -> None:
    _invite(english_client(dana))
    invitee = Client(HTTP_ACCEPT_LANGUAGE="en")
    form_page = invitee.get(_link_in(str(mail.outbox[0].body)), follow=True)

    response = invitee.post(
        form_page.redirect_chain[-1][0], {"new_password1": "short", "new_password2": "short"}
    )

    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not User.objects.get(username="fenna").has_usable_password()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"username": "ALICE"}, "This user name is taken"),
        ({"email": "Alice@example.org"}, "A user with this e-mail address exists already"),
        ({"email": "not an address"}, "This is not an e-mail address"),
        ({"email": ""}, "Give an e-mail address"),
        ({"username": "with space"}, "Enter a valid username"),
    ],
)
def test_an_invitation_with_a_problem_explains_it_at_the_field(
    dana: User, alice: User, fields: dict[str, str], error: str
) -> None:
    response = _invite(english_client(dana), **fields)

    assert response.status_code == 400  # type: ignore[attr-defined]
    html = response.content.decode()  # type: ignore[attr-defined]
    assert error in html
    assert "Nobody was invited." in html
    assert not mail.outbox
    assert User.objects.count() == 2


def test_the_admin_gets_the_link_when_the_e_mail_fails(
    dana: User, den_haag: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise OSError("mail server down")

    monkeypatch.setattr(invitations, "send_mail", refuse)

    response = _invite(english_client(dana))

    assert _role(User.objects.get(username="fenna"), den_haag) == Role.EDITOR
    assert any("could not be sent" in m for m in _messages(response))
    assert "/accounts/wachtwoord/" in response.content.decode()  # type: ignore[attr-defined]


def test_an_invitation_can_be_sent_again_until_the_password_is_set(dana: User, alice: User) -> None:
    client = english_client(dana)
    _invite(client)
    fenna = User.objects.get(username="fenna")

    client.post(_url("resend", fenna))
    assert len(mail.outbox) == 2

    # Never for an account in use: that would hand its password to the admin.
    response = client.post(_url("resend", alice), follow=True)
    assert len(mail.outbox) == 2
    assert any("alice has a password already" in m for m in _messages(response))
