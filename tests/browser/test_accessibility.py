"""WCAG 2.1 AA: axe-core finds no violations on any public page nor on the editors' screens, in both languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from reisregister.accounts.models import User
from reisregister.ingest.service import import_document
from reisregister.organisations.models import Organisation
from reisregister.trips.models import Trip
from tests.browser import world
from tests.browser.steps import OpenPage, click_and_wait, switch_language, visit
from tests.support.axe import assert_accessible

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@dataclass
class World:
    published: Trip
    imported: Trip
    alice: User
    bob: User


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> World:
    published = world.published(den_haag, alice, bob, world.tampere_trip_data())
    lisbon = world.simple_trip_data(
        "Handelsmissie Lissabon", "Lissabon", "PT", dt.date(2024, 5, 14)
    )
    world.published(den_haag, alice, bob, lisbon)
    source = CORPUS / "nl-reisverslag-clean" / "source.txt"
    result = import_document(
        source.read_bytes(), filename=source.name, organisation=den_haag, user=alice
    )
    assert result.ok, result.message
    return World(published=published, imported=result.trips[0], alice=alice, bob=bob)


@dataclass(frozen=True)
class Screen:
    """A page to check: who looks at it and where it is."""

    user: str | None
    url: Callable[[World], str]
    status: int = 200


SCREENS = {
    "home": Screen(None, lambda w: "/"),
    "trip list": Screen(None, lambda w: "/trips/"),
    "trip list searched and filtered": Screen(
        None,
        lambda w: f"/trips/?q={world.TAMPERE_WORD}&year=2024&country=FI&transport=air&sort=date",
    ),
    "trip list without results": Screen(None, lambda w: "/trips/?q=onvindbaarwoord"),
    "trip page": Screen(None, lambda w: f"/trips/{w.published.pk}/"),
    "page not found": Screen(None, lambda w: f"/trips/{w.imported.pk}/", status=404),
    "login": Screen(None, lambda w: reverse("accounts:login")),
    "dashboard": Screen("alice", lambda w: reverse("trips:dashboard")),
    "upload": Screen("alice", lambda w: "/werk/import/"),
    "new report form": Screen("alice", lambda w: reverse("trips:new")),
    "report form of an imported trip": Screen(
        "alice", lambda w: reverse("trips:edit", args=[w.imported.pk])
    ),
    "review screen": Screen("alice", lambda w: reverse("trips:review", args=[w.imported.pk])),
    "review screen of a reviewer": Screen(
        "bob", lambda w: reverse("trips:review", args=[w.imported.pk])
    ),
    "history": Screen("bob", lambda w: reverse("trips:history", args=[w.published.pk])),
    "withdrawal with a reason": Screen(
        "bob", lambda w: reverse("trips:transition", args=[w.published.pk, "withdraw"])
    ),
}


@pytest.mark.parametrize("name", SCREENS)
def test_the_page_has_no_wcag_violations_in_dutch_and_in_english(
    name: str, register: World, open_page: OpenPage
) -> None:
    screen = SCREENS[name]
    user = {"alice": register.alice, "bob": register.bob}.get(screen.user or "")
    page = open_page(user)
    response = visit(page, screen.url(register))
    assert response.status == screen.status, f"{name}: HTTP {response.status} at {page.url}"
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page, f"{name} (nl)")

    switch_language(page, "en")
    assert_accessible(page, f"{name} (en)")


def test_the_language_switch_keeps_the_visitor_on_the_same_page(
    register: World, open_page: OpenPage
) -> None:
    page = open_page()
    visit(page, f"/trips/{register.published.pk}/")
    switch_language(page, "en")
    assert page.url.endswith(f"/trips/{register.published.pk}/")
    switch_language(page, "nl")
    assert page.url.endswith(f"/trips/{register.published.pk}/")


def test_the_login_form_with_an_error_has_no_wcag_violations(
    open_page: OpenPage, alice: User
) -> None:
    page = open_page()
    visit(page, reverse("accounts:login"))
    page.locator("input[name=username]").fill("alice")
    page.locator("input[name=password]").fill("not the password")
    click_and_wait(page, page.locator("main form button[type=submit]"))

    expect(page.locator("#id_password")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "the login form with an error")
