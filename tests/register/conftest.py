"""A tiny world for the register's tests (after healthchecks' BaseTestCase):

- Den Haag (gm0518): alice is an editor, bob a reviewer;
- Almere (gm0034): charlie is an editor;
- dana is an admin of Den Haag; nobody is a member of nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from reisregister.accounts.models import Membership, Role, User
from reisregister.organisations.models import Organisation
from reisregister.organisations.service import ensure

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    # Public pages are cached per register state; a test that changes rows directly must not see another's.
    cache.clear()


@pytest.fixture(autouse=True)
def _isolated_media(settings: object, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def den_haag(db: None) -> Organisation:
    return ensure("Gemeente Den Haag", "gm0518", home_city="Den Haag")


@pytest.fixture
def almere(db: None) -> Organisation:
    return ensure("Gemeente Almere", "gm0034", home_city="Almere")


def _user(username: str, organisation: Organisation | None, role: Role | None) -> User:
    user = User.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org"
    )
    if organisation is not None and role is not None:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def alice(den_haag: Organisation) -> User:
    return _user("alice", den_haag, Role.EDITOR)


@pytest.fixture
def bob(den_haag: Organisation) -> User:
    return _user("bob", den_haag, Role.REVIEWER)


@pytest.fixture
def charlie(almere: Organisation) -> User:
    return _user("charlie", almere, Role.EDITOR)


@pytest.fixture
def dana(den_haag: Organisation) -> User:
    return _user("dana", den_haag, Role.ADMIN)


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
