"""Integration tokens: issued by `reisregister api_token` (or the admin), the key shown once and stored only
as a hash; the token acts through a technical user with the token's role in its organisation."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reisregister.accounts import service as accounts
from reisregister.accounts.models import Role
from reisregister.api import tokens
from reisregister.api.models import IntegrationToken
from reisregister.organisations.models import Organisation
from tests.api.conftest import client_with


def _issue(*args: str) -> str:
    out = StringIO()
    call_command("api_token", *args, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_the_command_prints_the_key_once_and_stores_only_its_hash(den_haag: Organisation) -> None:
    key = _issue("--organisation", "gm0518", "--name", "Zaaksysteem", "--role", "reviewer")

    token = IntegrationToken.objects.get()
    assert key.startswith("rr_") and len(key) > 40
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in str(IntegrationToken.objects.values().get())
    assert token.prefix == key[:10]
    assert client_with(key).get("/api/v1/drafts/999/").status_code == 404  # known key, no such trip


def test_the_token_acts_through_a_technical_user_with_its_role(den_haag: Organisation) -> None:
    token, _key = tokens.issue(den_haag, "Publicatiestraat", "reviewer")

    assert token.user.get_full_name() == "Publicatiestraat [API]"
    assert not token.user.has_usable_password()
    assert accounts.role_in(token.user, den_haag) == Role.REVIEWER


def test_a_switched_off_token_switches_off_its_user(den_haag: Organisation) -> None:
    token, key = tokens.issue(den_haag, "Oud systeem")

    out = StringIO()
    call_command("api_token", "--deactivate", key[:10], stdout=out)

    token.refresh_from_db()
    assert not token.active and not token.user.is_active
    assert tokens.authenticate(key) is None


def test_a_changed_role_follows_through_to_the_membership(den_haag: Organisation) -> None:
    token, _key = tokens.issue(den_haag, "Systeem")

    token.role = "reviewer"
    token.save()
    tokens.sync(token)

    assert accounts.role_in(token.user, den_haag) == Role.REVIEWER


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--organisation", "gm9999", "--name", "X"], "No organisation"),
        (["--organisation", "gm0518"], "Give --organisation and --name"),
        (["--organisation", "gm0518", "--name", "   "], "Give the token a name"),
    ],
)
def test_bad_arguments_get_one_clear_line(
    den_haag: Organisation, args: list[str], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        _issue(*args)
    assert not IntegrationToken.objects.exists()


def test_last_use_is_recorded(den_haag: Organisation) -> None:
    token, key = tokens.issue(den_haag, "Systeem")

    client_with(key).get("/api/v1/trips/")

    token.refresh_from_db()
    assert token.last_used is not None
