"""What a person does in the browser, as small functions the tests read like sentences.

Selectors lean on structure (names, ids, form actions, hrefs) rather than visible wording, because the wording
is translated and the same steps run in Dutch and in English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from playwright.sync_api import expect

from tests.register.conftest import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page, Response

OpenPage = Callable[..., "Page"]

# How many Tab presses a keyboard user may need to reach a control before we call it unreachable.
MAX_TABS = 80

_FOCUS_IS_VISIBLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  // Inside a built-in control's own parts (the date picker button of a date field) the host does not match
  // :focus and the browser draws the indicator itself.
  if (!el.matches(":focus")) return true;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return outline || style.boxShadow !== "none";
}"""


def visit(page: Page, url: str) -> Response:
    response = page.goto(url)
    assert response is not None, url
    return response


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Log in through the login form, as a person would."""
    visit(page, "/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def switch_language(page: Page, language: str) -> None:
    """Use the language switch in the page header and wait for the page to come back in that language."""
    page.locator(f"form.language-switch button[name=language][value={language}]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.wait_for_load_state()


_SELECT_TEXT = """([selector, passage]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(passage);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + passage.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }
  return false;
}"""


def select_text(page: Page, selector: str, passage: str) -> None:
    """Select ``passage`` inside the element matching ``selector``, as a person dragging over it would."""
    assert page.evaluate(_SELECT_TEXT, [selector, passage]), f"{passage!r} is not in {selector}"


def focus_is_visible(page: Page) -> bool:
    """Whether the focused element shows a focus indicator (an outline or a ring drawn with box-shadow)."""
    return bool(page.evaluate(_FOCUS_IS_VISIBLE))


def tab_to(page: Page, selector: str, *, backwards: bool = False) -> None:
    """Press Tab until the element matching ``selector`` has focus, checking on the way that every stop shows
    where the focus is. Fails when the element is not reachable by keyboard."""
    target = page.locator(selector).first
    expect(target).to_be_attached()
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("() => document.activeElement !== document.body"):
            described = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
            assert focus_is_visible(page), f"focus is not visible on {described}"
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} is not reachable with the Tab key within {MAX_TABS} presses")


def choose_by_keyboard(page: Page, selector: str, value: str) -> None:
    """With the focus on a closed select, press the arrow keys until ``value`` is chosen."""
    select = page.locator(selector)
    for _ in range(MAX_TABS):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value!r} cannot be chosen in {selector} with the arrow keys")


def focused_html(page: Page) -> str:
    return str(
        page.evaluate("() => document.activeElement ? document.activeElement.outerHTML : ''")
    )


# The report form: a formset per kind of row ("programme", "follow_ups", ...), rows added by a button.
def formset_rows(page: Page, kind: str) -> Locator:
    return page.locator(f"#formset-{kind} [data-formset-rows] > fieldset.row")


def add_row_button(kind: str) -> str:
    return f"#formset-{kind} button[data-formset-add]"


def row_field(page: Page, kind: str, index: int, name: str) -> Locator:
    return page.locator(f"[name='{kind}-{index}-{name}']")


def form_action(page: Page, action: str) -> Locator:
    """A submit button of the trip form: save, submit or confirm_all."""
    return page.locator(f"#trip-form button[name=action][value={action}]")


def transition_control(page: Page, name: str) -> Locator:
    """The workflow button (or, for steps that need a reason, the link to the reason form) named ``name``."""
    return page.locator(
        f"main form[action$='/transition/{name}/'] button, main a[href*='/transition/{name}/']"
    ).first


def click_and_wait(page: Page, control: Locator) -> Response | None:
    """Click a control that submits a form or follows a link, and wait for the next page to load."""
    with page.expect_navigation() as navigation:
        control.click()
    return navigation.value


def assert_saved_without_errors(page: Page) -> None:
    summary = page.locator(".error-summary")
    problems = summary.inner_text() if summary.count() else ""
    assert not problems, f"the form was not saved:\n{problems}"
