"""Run axe-core in a Playwright page and report WCAG 2.1 AA violations readably.

axe-core itself comes from the ``axe-playwright-python`` package, which ships ``axe.min.js``; we only use that
file, injected as a script tag, so the checks run offline against the page as the browser renders it.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

# The rule set the law asks of Dutch government sites: WCAG 2.1 level A and AA (and the 2.0 rules it includes).
WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations;
}"""


@cache
def axe_source() -> Path:
    """Where ``axe.min.js`` lives, found without importing the package (we need only the file)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("axe-playwright-python is not installed (a dev dependency)")
    path = Path(spec.origin).with_name("axe.min.js")
    if not path.is_file():
        raise FileNotFoundError(f"axe-playwright-python ships no axe.min.js at {path}")
    return path


def violations(page: Page, tags: tuple[str, ...] = WCAG_21_AA) -> list[dict[str, Any]]:
    """The axe violations of the page as it is now (inject once per document; re-running is fine)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_source()))
    found: list[dict[str, Any]] = page.evaluate(_RUN, list(tags))
    return found


def describe(found: list[dict[str, Any]]) -> str:
    """One paragraph per violated rule: id, impact, help text and link, and the offending elements."""
    lines = []
    for violation in found:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'unknown impact'}): {violation['help']}"
            f" <{violation.get('helpUrl', '')}>"
        )
        for node in violation.get("nodes", []):
            target = " ".join(str(part) for part in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {summary}")
            lines.append(f"       {node.get('html', '')[:200]}")
    return "\n".join(lines)


def assert_accessible(page: Page, context: str = "") -> None:
    """Fail with a readable list when axe finds any WCAG 2.1 A/AA violation on the page."""
    found = violations(page)
    where = context or page.url
    assert not found, f"{len(found)} WCAG 2.1 AA rule(s) violated on {where}:\n{describe(found)}"
