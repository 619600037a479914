"""Find personal data in report text, for Woo redaction (Woo art. 5.1.1e, 5.1.2e).

Pure Python like the rest of reisparse. Person names come from deduce (Dutch, rule-based; loaded lazily, one
instance per process) and from our own rules for what deduce misses (names in lists such as "with: A, B and C",
titles such as "mevrouw", "dhr.", "Mr", "Dr"); e-mail addresses, phone numbers, postal addresses, IBAN, BSN
(elfproef) and licence plates from patterns with validation.

Public surface::

    findings = find_personal_data(text, keep=KeepList(names=("Jan Jansen",)))
    for f in findings: f.kind, f.text, f.start, f.end, f.kept  # kept: why it stays (public office), or ""

``warm()`` loads deduce's lookup structures ahead of the first request (``make install`` calls it once per
environment: the first load in a fresh environment builds a cache and takes about two minutes).

Modules: ``patterns`` (e-mail, phone, IBAN, BSN, plates), ``addresses``, ``engine`` (deduce), ``runs``
(capitalised-token runs), ``names`` (which part of a run is a name), ``name_finders`` (where to look),
``offices`` (office holders who keep their names), ``spans`` (overlaps), ``words`` (word lists).
"""

from __future__ import annotations

from reisparse.personal.addresses import find_addresses
from reisparse.personal.engine import Lexicon, engine
from reisparse.personal.model import Candidate, Finding, KeepList, Kind
from reisparse.personal.name_finders import (
    after_functions,
    after_honorifics,
    everywhere,
    from_deduce,
    in_lists,
    in_salutations,
    on_contact_lines,
)
from reisparse.personal.names import NameRules, place_population
from reisparse.personal.offices import after_titles, assign_reasons, keep_listed, spread
from reisparse.personal.patterns import (
    find_bsns,
    find_emails,
    find_ibans,
    find_licence_plates,
    find_phones,
)
from reisparse.personal.spans import resolve

__all__ = ["Finding", "KeepList", "Kind", "find_personal_data", "warm"]


def find_personal_data(text: str, *, keep: KeepList | None = None) -> list[Finding]:
    """Every piece of personal data in ``text``, in order of position, without overlaps."""
    keep = keep if keep is not None else KeepList()
    others: list[Candidate] = [
        *find_emails(text),
        *find_phones(text),
        *find_ibans(text),
        *find_bsns(text),
        *find_licence_plates(text),
        *find_addresses(text),
    ]
    names = _names(text, keep)
    findings = resolve(text, [*others, *names])
    kept = {f.text: f.kept for f in findings if f.kind is Kind.NAME and f.kept}
    return assign_reasons(findings, kept)


def _names(text: str, keep: KeepList) -> list[Candidate]:
    eng = engine()
    rules = NameRules(text, Lexicon(eng))
    seeds = eng.person_spans(text) if eng is not None else []
    first: list[Candidate] = [
        *from_deduce(text, rules, seeds),
        *everywhere(text, rules),
        *after_honorifics(text, rules),
        *after_functions(text, rules),
        *in_lists(text, rules),
        *in_salutations(text, rules),
        *on_contact_lines(text, rules),
        *after_titles(text, rules, keep),
        *keep_listed(text, keep),
    ]
    found = resolve(text, first)
    return [*first, *spread(text, found, rules)]


def warm() -> None:
    """Load the heavy name detector (and the gazetteer it consults) now rather than on the first call."""
    engine()
    place_population("Amsterdam")
