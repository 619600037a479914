"""Logging in and out: throttled attempts (per user name and address, with a ceiling per address), no hint
whether an account exists, the page asked for before logging in, logout by POST only."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.core.cache.backends import locmem
from django.test import Client
from django.urls import reverse

from reisregister.accounts.models import User
from tests.register.conftest import PASSWORD, client_for

LIMIT = 3
ADDRESS_LIMIT = 7
HOME_ADDRESS = "192.0.2.10"
OTHER_ADDRESS = "198.51.100.20"


@pytest.fixture(autouse=True)
def _throttle(settings: object) -> Iterator[None]:
    settings.LOGIN_FAILURE_LIMIT = LIMIT  # type: ignore[attr-defined]
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = ADDRESS_LIMIT  # type: ignore[attr-defined]
    settings.LOGIN_FAILURE_WINDOW = 600  # type: ignore[attr-defined]
    # The window test moves the local-memory cache's clock, so pin that backend even where REDIS_URL is set.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # type: ignore[attr-defined]
    cache.clear()
    yield
    cache.clear()


def _login(
    username: str, password: str, address: str = HOME_ADDRESS, client: Client | None = None
) -> tuple[Client, int]:
    client = client or Client(REMOTE_ADDR=address)
    response = client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )
    return client, response.status_code


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _fail(username: str, times: int, address: str = HOME_ADDRESS) -> None:
    for _ in range(times):
        _login(username, "wrong password", address)


def test_it_logs_in_with_the_right_password(alice: User) -> None:
    client, status = _login("alice", PASSWORD)

    assert status == 302
    assert _logged_in(client)


def test_it_shows_the_login_form_with_labelled_fields(db: None) -> None:
    response = Client().get(reverse("accounts:login"))

    assert response.status_code == 200
    assert b'<label for="id_username">' in response.content
    assert b'<label for="id_password">' in response.content


def test_it_refuses_a_wrong_password_with_a_form_error(alice: User) -> None:
    client, status = _login("alice", "wrong password")

    assert status == 200
    assert not _logged_in(client)


def test_it_locks_a_user_name_after_the_failure_limit(alice: User) -> None:
    _fail("alice", LIMIT)

    client, status = _login("alice", PASSWORD)

    assert status == 429
    assert not _logged_in(client)


def test_the_lock_on_a_user_name_does_not_hold_from_another_address(alice: User) -> None:
    _fail("alice", LIMIT, HOME_ADDRESS)

    client, status = _login("alice", PASSWORD, OTHER_ADDRESS)

    assert status == 302
    assert _logged_in(client)


def test_one_locked_user_name_does_not_lock_colleagues_behind_the_same_address(
    alice: User, bob: User
) -> None:
    # Someone at the office (or behind the same proxy) mistypes a password, or guesses at one account:
    # everyone else there keeps logging in.
    _fail("alice", LIMIT + 2, HOME_ADDRESS)
    _fail("mallory", LIMIT, HOME_ADDRESS)

    assert _login("alice", PASSWORD, HOME_ADDRESS)[1] == 429
    client, status = _login("bob", PASSWORD, HOME_ADDRESS)
    assert status == 302
    assert _logged_in(client)


def test_it_locks_an_address_that_sprays_many_user_names(alice: User, bob: User) -> None:
    names = [f"guess{number}" for number in range(ADDRESS_LIMIT)]
    for name in names[:-1]:
        _fail(name, 1)
    assert _login("bob", PASSWORD, HOME_ADDRESS)[1] == 302  # below the ceiling
    _fail(names[-1], 1)

    client, status = _login("alice", PASSWORD, HOME_ADDRESS)

    assert status == 429
    assert not _logged_in(client)
    assert _login("alice", PASSWORD, OTHER_ADDRESS)[1] == 302


def test_the_address_lock_says_it_is_the_network(db: None) -> None:
    for number in range(ADDRESS_LIMIT):
        _fail(f"guess{number}", 1)

    response = Client().post(
        reverse("accounts:login"),
        {"username": "someone", "password": "anything"},
        REMOTE_ADDR=HOME_ADDRESS,
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 429
    assert (
        b"Too many failed attempts to log in from your network. Wait 10 minutes" in response.content
    )


def test_a_successful_login_does_not_clear_the_address_s_count(alice: User) -> None:
    # Otherwise one valid account would let an attacker spray without limit, logging in between rounds.
    for round_ in range(2):
        for number in range(ADDRESS_LIMIT // 2):
            _fail(f"guess{round_}-{number}", 1)
        assert _login("alice", PASSWORD)[1] == 302

    _fail("guess-last", 1)

    assert _login("alice", PASSWORD)[1] == 429


def test_the_address_ceiling_is_never_below_the_user_name_limit(
    alice: User, settings: object
) -> None:
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 1  # type: ignore[attr-defined]
    _fail("mallory", LIMIT - 1)

    assert _login("alice", PASSWORD)[1] == 302


def test_the_locked_answer_explains_itself(alice: User) -> None:
    _fail("alice", LIMIT)

    response = Client().post(
        reverse("accounts:login"),
        {"username": "alice", "password": PASSWORD},
        REMOTE_ADDR=HOME_ADDRESS,
    )

    assert response.status_code == 429
    assert b'role="alert"' in response.content
    assert b"10" in response.content  # the wait, in minutes


def test_it_does_not_check_the_password_while_locked(alice: User) -> None:
    _fail("alice", LIMIT)
    attempts: list[object] = []

    def count(**kwargs: object) -> None:
        attempts.append(kwargs)

    user_login_failed.connect(count)
    try:
        _login("alice", "another guess")
    finally:
        user_login_failed.disconnect(count)

    assert attempts == []


def test_it_answers_an_unknown_user_name_like_a_wrong_password(alice: User) -> None:
    wrong = Client().post(
        reverse("accounts:login"),
        {"username": "alice", "password": "nope"},
        REMOTE_ADDR=HOME_ADDRESS,
    )
    cache.clear()
    unknown = Client().post(
        reverse("accounts:login"),
        {"username": "zoltan", "password": "nope"},
        REMOTE_ADDR=HOME_ADDRESS,
    )

    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_it_locks_an_unknown_user_name_like_a_real_one(db: None) -> None:
    _fail("zoltan", LIMIT)

    assert _login("zoltan", "anything")[1] == 429


def test_empty_fields_do_not_count_as_failures(alice: User) -> None:
    for _ in range(LIMIT + 1):
        _login("alice", "")

    assert _login("alice", PASSWORD)[1] == 302


def test_a_successful_login_resets_the_failures(alice: User) -> None:
    _fail("alice", LIMIT - 1)
    client, status = _login("alice", PASSWORD)
    assert status == 302
    client.post(reverse("accounts:logout"))

    _fail("alice", LIMIT - 1)

    assert _login("alice", PASSWORD)[1] == 302


def test_the_lock_ends_when_the_window_has_passed(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail("alice", LIMIT)
    later = time.time() + 601

    class _Clock:
        @staticmethod
        def time() -> float:
            return later

    # The local-memory cache reads the clock through its module's ``time``: move only that clock on.
    monkeypatch.setattr(locmem, "time", _Clock)

    assert _login("alice", PASSWORD)[1] == 302


def test_logout_refuses_get(alice: User) -> None:
    client = client_for(alice)

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == 405
    assert _logged_in(client)


def test_logout_by_post_ends_the_session(alice: User) -> None:
    client = client_for(alice)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert not _logged_in(client)


def test_a_logged_in_user_is_sent_on_from_the_login_page(alice: User) -> None:
    response = client_for(alice).get(reverse("accounts:login"))

    assert response.status_code == 302


def test_behind_a_proxy_it_counts_the_address_the_proxy_saw(
    alice: User, bob: User, settings: object
) -> None:
    settings.LOGIN_CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"  # type: ignore[attr-defined]
    proxy = "127.0.0.1"
    for number in range(ADDRESS_LIMIT):
        # The client made up the first entry; the proxy appended the address it really saw.
        Client().post(
            reverse("accounts:login"),
            {"username": f"guess{number}", "password": "guess"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}, {HOME_ADDRESS}",
        )

    locked = Client().post(
        reverse("accounts:login"),
        {"username": "bob", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=HOME_ADDRESS,
    )
    other = Client().post(
        reverse("accounts:login"),
        {"username": "bob", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=OTHER_ADDRESS,
    )

    assert locked.status_code == 429
    assert other.status_code == 302


# --------------------------------------------------------------------------- the page asked for

REVIEW_PAGE = "/werk/trips/16/review/"


def test_the_login_form_carries_the_page_asked_for(db: None) -> None:
    response = Client().get(reverse("accounts:login"), {"next": REVIEW_PAGE})

    assert f'<input type="hidden" name="next" value="{REVIEW_PAGE}">'.encode() in response.content


def _next_field(html: bytes) -> str:
    """The value of the login form's hidden ``next`` field (the language switch has one of its own)."""
    form = html.split(b'class="login-form"', 1)[1].split(b"</form>", 1)[0]
    found = re.search(rb'name="next" value="([^"]*)"', form)
    assert found, form
    return found.group(1).decode()


def test_after_logging_in_the_user_lands_on_the_page_asked_for(alice: User) -> None:
    client = Client()
    page = client.get(reverse("accounts:login"), {"next": REVIEW_PAGE})

    # As a browser sends it: the hidden field of the form the login page rendered.
    response = client.post(
        reverse("accounts:login"),
        {"username": "alice", "password": PASSWORD, "next": _next_field(page.content)},
    )

    assert response.status_code == 302
    assert response["Location"] == REVIEW_PAGE


def test_a_work_page_sends_a_visitor_to_the_login_and_back(alice: User) -> None:
    client = Client()
    to_login = client.get(reverse("trips:new"))
    page = client.get(to_login["Location"])

    response = client.post(
        reverse("accounts:login"),
        {"username": "alice", "password": PASSWORD, "next": _next_field(page.content)},
    )

    assert response["Location"] == reverse("trips:new")


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/werk/", "https:evil.example"]
)
def test_a_page_elsewhere_is_refused_and_the_user_lands_on_the_work_area(
    alice: User, target: str
) -> None:
    client = Client()
    page = client.get(reverse("accounts:login"), {"next": target})
    assert _next_field(page.content) == ""

    response = client.post(
        reverse("accounts:login"), {"username": "alice", "password": PASSWORD, "next": target}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("trips:dashboard")
