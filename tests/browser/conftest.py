"""Browser tests: Playwright drives Debian's Chromium against pytest-django's ``live_server``.

One browser per session and a fresh context (cookies, storage) per page, so tests cannot leak a login into each
other. Chromium comes from the system (``apt-get install chromium``, ``.ci/run`` does so); we never download
Playwright's own browsers. Without it the tests skip, except in CI (``CI=true``), where they fail.
What people do in the pages lives in ``steps.py``; the trips they find there in ``world.py``.

``REISREGISTER_SCREENSHOT=1 pytest tests/browser`` also writes the README's screenshot, docs/img/register-home.png,
at the end of a run in which every test passed. Name tests/browser on the command line: with pytest-xdist only
then does the main process load this conftest and see the whole run's outcome.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from reisregister.accounts.models import User
from tests.browser.steps import OpenPage
from tests.register.conftest import (  # noqa: F401 (fixtures shared with the register tests)
    _isolated_media,
    alice,
    almere,
    bob,
    charlie,
    den_haag,
)
from tests.support import require_tool

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response
    from pytest_django.live_server_helper import LiveServer

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
# Long enough for a slow CI machine, short enough that a missing element fails a test quickly.
TIMEOUT_MS = 10_000
ASSET_TYPES = frozenset({"stylesheet", "script", "image", "font"})
# Where the README screenshot waits until the whole run has passed (see pytest_sessionfinish).
PENDING_SCREENSHOT = Path(tempfile.gettempdir()) / f"reisregister-home-{os.getuid()}.png"
README_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "img" / "register-home.png"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives Chromium through Playwright against a live server"
    )
    if not hasattr(config, "workerinput"):
        PENDING_SCREENSHOT.unlink(missing_ok=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Publish the README screenshot only when the whole run passed, and only from the main process."""
    if hasattr(session.config, "workerinput") or not PENDING_SCREENSHOT.exists():
        return
    if exitstatus == pytest.ExitCode.OK:
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(PENDING_SCREENSHOT, README_SCREENSHOT)
    else:
        PENDING_SCREENSHOT.unlink()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_tool("chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop in the test thread for as long as the browser lives; Django
    # then refuses ORM calls from that thread as "async context", although they run synchronously between
    # browser steps and never share a connection with the loop. Lift the guard for exactly that lifetime.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _session_cookie(user: User, url: str) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": url}  # fmt: skip


@pytest.fixture(scope="session", autouse=True)
def _warm_detector() -> None:
    """Load the personal-data detector before any page asks for it. The review and redaction screens and the
    publish step run it inside the live server; its first load (deduce, seconds) would otherwise eat a page's
    time-out and fail whichever test happened to load it first."""
    from reisparse import personal

    personal.warm()


@pytest.fixture
def open_page(browser: Browser, live_server: LiveServer) -> Iterator[OpenPage]:
    """``open_page(user=None, language="nl")``: a page in a fresh browser context, logged in as ``user`` (by
    session cookie; the login form has its own test), whose browser asks for ``language`` (Dutch, like most
    visitors). A server error, a script error or a missing stylesheet, script or image fails the test, even
    where the test itself would not notice."""
    cache.clear()  # login throttling counts in the cache
    contexts = []
    errors: list[str] = []

    def _open(user: User | None = None, language: str = "nl") -> Page:
        context = browser.new_context(
            base_url=live_server.url,
            locale={"nl": "nl-NL", "en": "en-GB"}[language],
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        if user is not None:
            context.add_cookies([_session_cookie(user, live_server.url)])  # type: ignore[list-item]
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"script error on {page.url}: {error}"))
        page.on("response", lambda response: _check_response(response, errors))
        return page

    yield _open
    for context in contexts:
        context.close()
    assert not errors, "the browser met broken pages:\n" + "\n".join(errors)


def _check_response(response: Response, errors: list[str]) -> None:
    # A server error is a bug wherever it happens; a missing stylesheet or script leaves a page that looks or
    # works differently from the one we test.
    missing_asset = response.request.resource_type in ASSET_TYPES and not response.ok
    if response.status >= 500 or missing_asset:
        errors.append(f"HTTP {response.status} for {response.url}")


@pytest.fixture
def page(open_page: OpenPage) -> Page:
    """An anonymous visitor's page."""
    return open_page()


@pytest.fixture
def screenshot_path() -> Path:
    """Where to save the README screenshot; skips the test unless ``REISREGISTER_SCREENSHOT=1``."""
    if os.environ.get("REISREGISTER_SCREENSHOT") != "1":
        pytest.skip("set REISREGISTER_SCREENSHOT=1 to write docs/img/register-home.png")
    return PENDING_SCREENSHOT
