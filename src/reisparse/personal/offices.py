"""Public office holders keep their names (Woo: their public role is not private), and the reviewer
sees why: a name right after an office title ("burgemeester Marieke Dekker", "Deputy Mayor Kristjan
Tamm", "de raadsleden A en B") comes back with ``kept`` set to that title, and so do the other
mentions of the same person in the text ("Dekker", the signature "Sander Kok").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reisparse.personal.model import Candidate, Finding, KeepList, Kind
from reisparse.personal.name_finders import listed, run_from
from reisparse.personal.names import STRONG, Context, NameRules, place_population
from reisparse.personal.runs import Part, Token, run_at
from reisparse.personal.words import HONORIFICS, OFFICE_TITLES

KEEP_LIST_REASON = "keep list"

_REASONS = {surface: reason for surface, reason, _ in OFFICE_TITLES}
_PLURAL = {surface for surface, _, plural in OFFICE_TITLES if plural}
_TITLE = re.compile(
    r"(?i)(?<![\w-])("
    + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(_REASONS, key=len, reverse=True))
    + r")(?![\w-])"
)
_PORTFOLIO_BRIDGE = re.compile(r"\b(?:voor|for|of)\s*$")
_AFTER_PORTFOLIO = re.compile(r"[ \t]*(?:,[ \t]*\n?|\n)[ \t]*(?=\S)")
_HONORIFIC = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in HONORIFICS)
# Between the title and the name: a comma, an honorific, "voor"/"for" and a portfolio, one line break.
_BRIDGE = re.compile(
    rf"(?i)[ \t]*,?[ \t]*\n?[ \t]*(?:(?:{_HONORIFIC})\.?[ \t]*\n?[ \t]*)*(?:(?:voor|for|of)[ \t]+)?"
)


def after_titles(text: str, rules: NameRules, keep: KeepList) -> Iterator[Candidate]:
    """Names after office titles, with the title as the reason they stay (when configured)."""
    for m in _TITLE.finditer(text):
        surface = re.sub(r"\s+", " ", m.group(1).casefold())
        reason = _REASONS[surface] if keep.keep_titled_office_holders else ""
        pos = _BRIDGE.match(text, m.end())
        at = pos.end() if pos else m.end()
        tokens = run_from(text, at, rules)
        span = rules.select(tokens, Context(STRONG, title=True))
        if span is None and tokens and rules.only_portfolio(tokens):
            # "Wethouder Onderwijs\nJeroen Visser", "minister van Economische Zaken, Kadri Kask".
            nxt = _AFTER_PORTFOLIO.match(text, tokens[-1].end)
            tokens = run_from(text, nxt.end(), rules) if nxt else []
            span = rules.select(tokens, Context(STRONG, title=True))
            if span is not None and not _starts_with_given_name(span, tokens, rules):
                span = None
        if span is None:
            continue
        bridge = pos.group().casefold() if pos is not None else ""
        if ("," in bridge or _PORTFOLIO_BRIDGE.search(bridge)) and not _starts_with_given_name(
            span, tokens, rules
        ):
            continue  # "Gezaghebber, Openbaar Lichaam Bonaire", "Deputy Mayor for Environment"
        yield Candidate(Kind.NAME, *span, kept=reason, strength=STRONG)
        if surface in _PLURAL:  # "de raadsleden Youssef Amrani en Petra Blom"
            for more in list(listed(text, span[0], rules, STRONG))[1:]:
                yield Candidate(Kind.NAME, *more, kept=reason, strength=STRONG)


def _starts_with_given_name(span: tuple[int, int], tokens: list[Token], rules: NameRules) -> bool:
    """A full name: a known first name or initials, or two words that are neither places nor
    common words ("Kadri Kask", but not "Openbaar Lichaam Bonaire" or "Environment")."""
    chosen = [t for t in tokens if span[0] <= t.start < span[1]]
    if chosen[0].part is Part.INITIALS or rules.is_first_name(chosen[0]):
        return True
    words = [t for t in chosen if t.part is Part.WORD]
    return len(words) >= 2 and not any(
        rules.lex.common(t.text) or place_population(t.text, own_name=True) is not None
        for t in words
    )


def keep_listed(text: str, keep: KeepList) -> Iterator[Candidate]:
    """Every mention of a configured name (``KeepList.names`` and ``extra``)."""
    reasons = dict.fromkeys(keep.names, KEEP_LIST_REASON) | dict(keep.extra)
    for name, reason in reasons.items():
        if not name.strip():
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(name.strip())}(?![\w-])")
        for m in pattern.finditer(text):
            yield Candidate(Kind.NAME, m.start(), m.end(), kept=reason, strength=STRONG + 1)


def surname_of(name: str) -> str:
    """ "Marieke Dekker" -> "Dekker", "Lisa van Houten" -> "van Houten", "J.M. de Vries" -> "de Vries"."""
    tokens = run_at(name, 0)
    for i, token in enumerate(tokens):
        if token.part is Part.PARTICLE and i > 0:
            return name[token.start :]
    words = [t for t in tokens if t.part is Part.WORD]
    if len(tokens) < 2 or not words:
        return ""
    return name[words[-1].start :] if tokens[-1] is words[-1] else ""


def spread(text: str, names: Iterable[Finding], rules: NameRules) -> Iterator[Candidate]:
    """Other mentions of the names found: the full name anywhere ("Kristjan Tamm explained"), and
    the surname alone ("Nielsen gave a tour"), unless that surname is also a word or a place."""
    forms: set[tuple[str, ...]] = set()
    for f in names:
        forms.add(tuple(f.text.split()))
        for surname in (surname_of(f.text), _after_given_name(f.text)):
            if surname and _surname_can_stand_alone(surname, rules):
                forms.add(tuple(surname.split()))
                forms.add(tuple((surname[:1].upper() + surname[1:]).split()))
    if not forms:
        return
    # A name may be broken over two lines elsewhere ("Ruiz\nMoreno"); longest forms first.
    alternatives = sorted(forms, key=lambda words: -sum(map(len, words)))
    pattern = re.compile(
        r"(?<![\w'’-])(?:"
        + "|".join(r"[ \t]*\n?[ \t]*".join(map(re.escape, words)) for words in alternatives)
        + r")(?![\w-]|['’][A-Z])"
    )
    for m in pattern.finditer(text):
        if not rules.org_follows(m.end()):  # "De Boer & Partners"
            yield Candidate(Kind.NAME, m.start(), m.end(), strength=0)


def _after_given_name(name: str) -> str:
    """ "Pablo Ruiz Moreno" -> "Ruiz Moreno": a double surname (only when two words remain)."""
    tokens = run_at(name, 0)
    if len(tokens) == 3 and all(t.part is Part.WORD for t in tokens):
        return name[tokens[1].start :]
    return ""


def _surname_can_stand_alone(surname: str, rules: NameRules) -> bool:
    last = surname.rsplit(maxsplit=1)[-1]
    return not rules.lex.common(last) and place_population(surname) is None


def assign_reasons(findings: list[Finding], kept: dict[str, str]) -> list[Finding]:
    """Give every mention of a kept name (full or surname alone) the reason its titled mention has."""
    by_form: dict[str, str] = {}
    for name, reason in kept.items():
        by_form.setdefault(name, reason)
        surname = surname_of(name)
        if surname:
            by_form.setdefault(surname, reason)
            by_form.setdefault(surname[:1].upper() + surname[1:], reason)
    return [
        Finding(f.kind, f.text, f.start, f.end, by_form[f.text])
        if f.kind is Kind.NAME and not f.kept and f.text in by_form
        else f
        for f in findings
    ]
