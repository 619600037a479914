"""WCAG 1.4.10 Reflow: at 320 CSS pixels wide (1280 px at 400% zoom) no public page scrolls sideways.

Axe does not test reflow, so we measure it: the document is no wider than the window, and no element (nor the
text in it) reaches past the window's right edge, except inside a scroll container, the technique for a data
table that must keep its columns. Such a container is a labelled region that the keyboard reaches and scrolls.
The two-column tables reflow into stacked rows instead, and must stay tables to a screen reader. At 1280 px as
at 320 px, a long word or web address stays inside its trip card.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Page, ViewportSize

from reisregister.accounts.models import User
from reisregister.organisations.models import Organisation
from reisregister.redaction import service as redaction
from reisregister.redaction.marks import Ground
from reisregister.trips import service
from reisregister.trips.models import Trip
from tests.browser import world
from tests.browser.steps import OpenPage, tab_to, visit
from tests.support.axe import assert_accessible

pytestmark = pytest.mark.browser

NARROW: ViewportSize = {"width": 320, "height": 640}
WIDE: ViewportSize = {"width": 1280, "height": 800}
# A Dutch compound with no place to break, and a web address: both longer than 320 px in any font.
LONG_WORD = "Hoogspanningsverbindingstracébesluitvoorbereidingscommissievergaderverslag"
LONG_URL = (
    "https://example.org/verslagen/2024/werkbezoek-tampere-tramlijn-hiedanranta-"
    "innovatiedistrict-slimme-mobiliteit-eindverslag-definitief.pdf"
)

# Elements reaching past the right edge of the window, outside a scroll container: a box that does (reported at
# its outermost element, not each of its descendants), or text that does (reported at the element holding it).
# Wholly off-screen to the left is how the skip link hides; that is not reflow.
_OVERFLOWING = """() => {
  const edge = window.innerWidth + 1;
  // An ancestor clips an element only if it is, or holds, the element's containing block: an absolutely
  // positioned descendant (a visually hidden text) escapes a static scroll container and widens the page.
  const inScrollContainer = (el) => {
    let position = getComputedStyle(el).position;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      const contains = position === "fixed" ? false : position !== "absolute" || style.position !== "static";
      if (!contains) continue;
      if (style.overflowX !== "visible") return true;
      position = style.position;
    }
    return false;
  };
  const clipsItself = (el) => getComputedStyle(el).overflowX !== "visible";
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map((c) => "." + c).join("");
  const boxOverflows = (el) => {
    const box = el.getBoundingClientRect();
    return box.right > edge && box.right > 0 && (box.width > 0 || box.height > 0);
  };
  const textOverflows = (el) => !clipsItself(el) && [...el.childNodes].some((node) => {
    if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) return false;
    const range = document.createRange();
    range.selectNodeContents(node);
    return [...range.getClientRects()].some((r) => r.right > edge && r.right > 0);
  });
  const boxes = [], texts = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (inScrollContainer(el)) continue;
    const box = el.getBoundingClientRect();
    const parent = el.parentElement;
    const outermost = boxOverflows(el) && !(parent && boxOverflows(parent) && !inScrollContainer(parent));
    const text = textOverflows(el);
    if (outermost || text) {
      (outermost ? boxes : texts).push({element: name(el), width: Math.round(box.width),
        right: Math.round(box.right), why: outermost ? "box" : "text", text: (el.textContent || "").trim().slice(0, 60)});
    }
  }
  return boxes.concat(texts);
}"""

# Elements that scroll sideways, and what a keyboard and a screen reader user get from them.
_SCROLLERS = """() => [...document.body.querySelectorAll("*")]
  .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
  .map((el) => ({
    element: el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join(""),
    role: el.getAttribute("role"),
    tabindex: el.getAttribute("tabindex"),
    name: (el.getAttribute("aria-label") || (el.getAttribute("aria-labelledby") || "").split(/\\s+/)
      .map((id) => document.getElementById(id)?.textContent.trim() || "").join(" ")).trim(),
  }))"""

# Text in a trip card reaching past the card's padding box.
_CARD_OVERFLOW = """() => [...document.querySelectorAll(".card")].flatMap((card) => {
  const right = card.getBoundingClientRect().right + 1;
  return [...card.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > right
    || [...el.childNodes].some((node) => {
      if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) return false;
      const range = document.createRange();
      range.selectNodeContents(node);
      return [...range.getClientRects()].some((r) => r.right > right);
    }))
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}: ${el.textContent.trim().slice(0, 60)}`);
})"""


@dataclass
class World:
    trip: Trip


def _publish_with_a_redaction(
    organisation: Organisation, editor: User, reviewer: User, **overrides: Any
) -> Trip:
    """Publish the Tampere trip with one passage redacted, so that the page has a redaction log as well."""
    trip = world.submitted(organisation, editor, world.tampere_trip_data(**overrides))
    world.keep_everything(trip, reviewer)
    redaction.add_manual(trip.pk, term="Mobility Lab", ground=Ground.PRIVACY, user=reviewer)
    return service.transition(trip.pk, "publish", user=reviewer)


@pytest.fixture
def register(den_haag: Organisation, alice: User, bob: User) -> World:
    purpose = (
        f"Kennismaken met {world.TAMPERE_WORD} en het {LONG_WORD} bespreken; "
        f"het verslag staat op {LONG_URL} voor iedereen."
    )
    trip = _publish_with_a_redaction(
        den_haag, alice, bob, purpose=purpose, links=[LONG_URL, "https://example.org/tram"]
    )
    return World(trip=trip)


PAGES: dict[str, Callable[[World], str]] = {
    "home": lambda w: "/",
    "trip list": lambda w: "/trips/",
    "trip list searched": lambda w: f"/trips/?q={world.TAMPERE_WORD}",
    "trip page": lambda w: f"/trips/{w.trip.pk}/",
    "open data": lambda w: "/data/",
    "login": lambda w: "/accounts/login/",
}


def _at(open_page: OpenPage, size: ViewportSize, url: str) -> Page:
    page = open_page()
    page.set_viewport_size(size)
    response = visit(page, url)
    assert response.ok, f"HTTP {response.status} at {url}"
    return page


def _lines(found: list[Any], most: int = 12) -> str:
    lines = [f"  - {item}" for item in found[:most]]
    if len(found) > most:
        lines.append(f"  ... and {len(found) - most} more")
    return "\n".join(lines)


def assert_reflows(page: Page, where: str) -> None:
    """The page fits the window's width: nothing to scroll sideways, and no element sticks out."""
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    overflowing = page.evaluate(_OVERFLOWING)
    assert width <= window + 1 and not overflowing, (
        f"{where} is {width} px wide in a {window} px window; elements past its right edge "
        f"(outside a scroll container):\n{_lines(overflowing)}"
    )


def assert_scroll_regions_are_usable(page: Page, where: str) -> None:
    """Whatever scrolls sideways is a named region in the tab order (WCAG 2.1.1, 4.1.2)."""
    unusable = [
        region
        for region in page.evaluate(_SCROLLERS)
        if region["role"] != "region" or region["tabindex"] != "0" or not region["name"]
    ]
    assert not unusable, (
        f"scroll containers on {where} a keyboard or screen reader misses:\n{_lines(unusable)}"
    )


@pytest.mark.parametrize("name", PAGES)
def test_the_page_reflows_at_320_css_pixels_without_wcag_violations(
    name: str, register: World, open_page: OpenPage
) -> None:
    page = _at(open_page, NARROW, PAGES[name](register))

    assert_reflows(page, f"{name} at 320 px")
    assert_scroll_regions_are_usable(page, f"{name} at 320 px")
    assert_accessible(page, f"{name} at 320 px")


@pytest.mark.parametrize("name", ["home", "trip list", "trip list searched"])
def test_a_long_word_or_address_stays_inside_its_trip_card(
    name: str, register: World, open_page: OpenPage
) -> None:
    for size in (WIDE, NARROW):
        page = _at(open_page, size, PAGES[name](register))
        assert page.locator(".card").count(), f"{name} shows no trip card"
        assert LONG_WORD[:20] in page.locator(".card").first.inner_text()
        sticking_out = page.evaluate(_CARD_OVERFLOW)
        assert not sticking_out, (
            f"{name} at {size['width']} px: text past the edge of its card:\n{_lines(sticking_out)}"
        )
        assert_reflows(page, f"{name} at {size['width']} px")


def test_the_keyboard_reaches_and_scrolls_every_table_that_scrolls_at_320_css_pixels(
    register: World, open_page: OpenPage
) -> None:
    page = _at(open_page, NARROW, PAGES["trip page"](register))
    regions = page.locator("main .table-scroll")
    scrolling = [
        index
        for index in range(regions.count())
        if regions.nth(index).evaluate("el => el.scrollWidth > el.clientWidth + 1")
    ]
    assert scrolling, "no table scrolls on the trip page at 320 px: the test would prove nothing"

    for index in range(regions.count()):
        tab_to(page, f"main .table-scroll >> nth={index}")
        if index in scrolling:
            region = regions.nth(index)
            page.keyboard.press("ArrowRight")
            page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())


@pytest.mark.parametrize("name", ["trip page", "open data"])
def test_the_tables_stacked_at_320_css_pixels_are_still_tables_to_a_screen_reader(
    name: str, register: World, open_page: OpenPage
) -> None:
    page = _at(open_page, NARROW, PAGES[name](register))
    stacked = page.evaluate(
        "() => [...document.querySelectorAll('main table')]"
        ".filter((table) => getComputedStyle(table).display === 'block').length"
    )
    assert stacked, f"no table on the {name} reflows into stacked rows at 320 px"

    # What the browser hands to a screen reader: a table shown as blocks must keep its rows and headers.
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    roles = [node["role"]["value"] for node in nodes if not node.get("ignored") and "role" in node]
    expected = page.evaluate(
        """() => ({table: document.querySelectorAll("main table").length,
                   rowheader: document.querySelectorAll("main th[scope=row]").length,
                   columnheader: document.querySelectorAll("main th[scope=col]").length})"""
    )
    found = {role: roles.count(role) for role in expected}
    assert found == expected, (
        f"{name} at 320 px: roles in the accessibility tree {found}, in the page {expected}"
    )
