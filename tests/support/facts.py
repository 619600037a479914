"""Compare hand-written facts with parser output, by the rules in the seeds' ``_about``.

Facts list only what a careful reader agrees the text states; what they leave out is the parser's to
fill. The rules:

- keys starting with ``_`` are notes, not facts;
- text is compared after folding whitespace, case and Unicode composition (readers may change it);
- a programme title only has to *start with* the expected title (OCR noise may follow);
- organisations, roles, payers and follow-up counterparties may be worded differently when they
  name the same thing: after reducing both to a canonical name ("Municipality of X" = "Gemeente X"
  = "City of X" = "X", "University of X" = "X University", "Counciler" = "Councillor", plural =
  singular), one contains the other as whole words ("Director" matches "Director & co-workers",
  not "Projectdirecteur");
- lists are compared item by item, in order, and must have the same length;
- nested objects recurse; numbers compare to the cent, booleans and nulls exactly.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

_WHITESPACE = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w&]+")

# Path patterns that pick a looser string comparison than equality.
_PREFIX_PATHS = re.compile(r"programme\[\d+\]\.title$")
_SAME_THING_PATHS = re.compile(
    r"(?:^|\.)(?:organisation|role|funding|payer)$|counterparties\[\d+\]$"
)

# Words that vary between languages or spellings but mean the same in a role or organisation name.
_WORD_SYNONYMS = {
    "counciler": "councillor",
    "councilor": "councillor",
    "raadslid": "councillor",
    "vice": "deputy",
    "locoburgemeester": "deputy mayor",
    "burgemeester": "mayor",
    "universiteit": "university",
    "universität": "university",
    "universidad": "university",
    "université": "university",
}
# Ways to say "the municipality of X" in the languages of the corpus: all reduce to "X".
_BODY = (
    r"(?:municipality|city|town|gemeente|stad|stadt|kommune|kommun|ayuntamiento|ajuntament|ville)"
)
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^(?:the )?{_BODY} (?:council )?(?:of |van |de )?(?=\S)"), ""),
    (re.compile(rf"(?<=\S) {_BODY}(?: council)?$"), ""),
    (re.compile(r"^(?:the )?university (?:of |van |de )?(.+)$"), r"\1 university"),
    (re.compile(r"\bthe hague\b|\bs gravenhage\b"), "den haag"),
)


def fold(value: str) -> str:
    """Whitespace and case folded, in composed Unicode form."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", value)).strip().casefold()


def _stem(word: str) -> str:
    # Crude on purpose: both sides get the same treatment, so "officers"/"officer" and
    # "docenten"/"docent" meet without a real stemmer.
    if len(word) > 4 and word.endswith("en"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def canonical_name(value: str) -> str:
    """The name without its language- and spelling-specific wrapping, for "names the same thing"."""
    text = _PUNCTUATION.sub(" ", fold(value)).strip()
    text = " ".join(_WORD_SYNONYMS.get(word, word) for word in text.split())
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text).strip()
    return " ".join(_stem(word) for word in text.split())


def names_same_thing(expected: str, actual: str) -> bool:
    """True when two role or organisation names refer to the same thing: equal, or one contains the
    other as whole words once both are reduced to their canonical name."""
    if fold(expected) == fold(actual):
        return True
    left, right = canonical_name(expected), canonical_name(actual)
    if not left or not right:
        return False
    return f" {left} " in f" {right} " or f" {right} " in f" {left} "


def _text_rule(path: str) -> Callable[[str, str], bool]:
    if _PREFIX_PATHS.search(path):
        return lambda expected, actual: fold(actual).startswith(fold(expected))
    if _SAME_THING_PATHS.search(path):
        return names_same_thing
    return lambda expected, actual: fold(expected) == fold(actual)


def _brief(value: object) -> str:
    """A short description of an actual value for a mismatch message."""
    if isinstance(value, Mapping):
        for key in ("title", "text", "city", "name", "key", "label", "goal"):
            if value.get(key) is not None:
                return f"{{{key}: {_brief(value[key])}}}"
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


def _compare_list(expected: Sequence[Any], actual: object, path: str) -> list[str]:
    if not isinstance(actual, list):
        return [f"{path}: expected a list, got {_brief(actual)}"]
    problems = []
    if len(expected) != len(actual):
        listed = ", ".join(_brief(item) for item in actual) or "nothing"
        problems.append(f"{path}: expected {len(expected)} items, got {len(actual)}: {listed}")
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        problems.extend(_compare(want, got, f"{path}[{index}]"))
    return problems


def _compare_scalar(expected: object, actual: object, path: str) -> list[str]:
    if expected is None or isinstance(expected, bool):
        same = actual is expected
    elif isinstance(expected, int | float):
        same = (
            isinstance(actual, int | float)
            and not isinstance(actual, bool)
            and math.isclose(expected, actual, abs_tol=0.005)
        )
    elif isinstance(expected, str):
        same = isinstance(actual, str) and _text_rule(path)(expected, actual)
    else:
        raise TypeError(f"{path}: facts hold JSON values only, not {type(expected).__name__}")
    return [] if same else [f"{path}: expected {expected!r}, got {_brief(actual)}"]


def _compare(expected: object, actual: object, path: str) -> list[str]:
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            return [f"{path}: expected an object, got {_brief(actual)}"]
        return check_facts(dict(expected), dict(actual), path)
    if isinstance(expected, list):
        return _compare_list(expected, actual, path)
    return _compare_scalar(expected, actual, path)


def check_facts(expected: dict[str, Any], actual: dict[str, Any], path: str = "") -> list[str]:
    """Every way ``actual`` falls short of the facts in ``expected``, one readable line each."""
    problems: list[str] = []
    for key, want in expected.items():
        if key.startswith("_"):
            continue
        where = f"{path}.{key}" if path else key
        if key not in actual:
            problems.append(f"{where}: missing (expected {want!r})")
            continue
        problems.extend(_compare(want, actual[key], where))
    return problems


def check_report_facts(facts: dict[str, Any], reports: Sequence[dict[str, Any]]) -> list[str]:
    """Facts for one report, or ``{"trips": [...]}`` for a source listing several trips."""
    if "trips" in facts:
        return check_facts({"trips": facts["trips"]}, {"trips": list(reports)})
    if len(reports) != 1:
        return [f"expected one report, got {len(reports)}"]
    return check_facts(facts, reports[0])
