"""The README's picture of the home page, with a handful of demo-like trips (only with REISREGISTER_SCREENSHOT=1;
the conftest moves it into docs/img/ when the whole run has passed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Page

from reisregister.accounts.models import Membership, Role, User
from reisregister.organisations.models import Organisation
from tests.browser import world
from tests.browser.steps import visit

pytestmark = pytest.mark.browser

THIS_YEAR = dt.date.today().year
# (title, city, country code, first day, purpose): Den Haag's trips, then Almere's.
DEN_HAAG_TRIPS = [
    ("Handelsmissie Lissabon", "Lissabon", "PT", dt.date(THIS_YEAR, 3, 11),
     "Nederlandse bedrijven in de offshore wind voorstellen aan de haven van Lissabon."),
    ("Klimaatconferentie Kopenhagen", "Kopenhagen", "DK", dt.date(THIS_YEAR, 5, 20),
     "Leren hoe Kopenhagen zijn klimaatplan met de inwoners uitvoert."),
    ("Werkbezoek haven Antwerpen", "Antwerpen", "BE", dt.date(THIS_YEAR - 1, 10, 8),
     "Afspraken over de walstroom voor binnenvaartschepen."),
]  # fmt: skip
ALMERE_TRIPS = [
    ("Smart City Expo Barcelona", "Barcelona", "ES", dt.date(THIS_YEAR - 1, 11, 5),
     "Kennismaken met slimme verkeerslichten en de superblocks van Barcelona."),
    ("Floriade-overleg Utrecht", "Utrecht", "NL", dt.date(THIS_YEAR, 2, 4),
     "Overleg met de provincie over het gebruik van het Floriadeterrein."),
]  # fmt: skip


@pytest.fixture
def demo_trips(
    den_haag: Organisation, almere: Organisation, alice: User, bob: User, charlie: User
) -> None:
    world.published(den_haag, alice, bob, world.tampere_trip_data())
    for title, city, country, start, purpose in DEN_HAAG_TRIPS:
        data = world.simple_trip_data(title, city, country, start, purpose=purpose)
        world.published(den_haag, alice, bob, data)
    reviewer = User.objects.create_user(username="erik")
    Membership.objects.create(user=reviewer, organisation=almere, role=Role.REVIEWER)
    for title, city, country, start, purpose in ALMERE_TRIPS:
        data = world.simple_trip_data(title, city, country, start, purpose=purpose)
        world.published(almere, charlie, reviewer, data)


@pytest.mark.usefixtures("demo_trips")
def test_the_home_page_with_demo_trips_makes_the_readme_screenshot(
    page: Page, screenshot_path: Path
) -> None:
    visit(page, "/")
    page.screenshot(path=str(screenshot_path), full_page=True)

    assert screenshot_path.stat().st_size > 10_000
