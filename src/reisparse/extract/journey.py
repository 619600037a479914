"""How the delegation travelled and who paid, read from sentences about the journey itself.

Register pages state both in fields ("Vervoer: trein", "Betaald door: gemeente"); reports say it in prose: "De
reis ging per trein en werd betaald uit het eigen budget", "The delegation travelled by air", "De kosten werden
gedragen door de Europese Commissie". Precision beats recall: a mode of transport counts only with a word for
the journey ("reisde", "heen en terug", "travelled") and "per"/"met de"/"by" before it, never in passing
("een treinstation bezocht", "met de bus naar de haven"), in a leg of the programme ("Op donderdag reisde de
delegatie per trein naar Bergen"), or denied ("een alternatieve reis per trein bleek niet mogelijk"). A payer
counts only after a verb of paying in the past tense, with the trip or its costs as its subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reisparse.blocks import Block, fold
from reisparse.extract.dates import find_dates
from reisparse.extract.prose import sentences

Span = tuple[int, int]
FundingKind = Literal["own", "third", "partly"]


@dataclass(frozen=True, slots=True)
class Stated:
    """A value as the report words it, and where: ``text[span[0]:span[1]]``."""

    value: str
    span: Span


# --- transport ------------------------------------------------------------------------------------

_VEHICLE = (
    r"(?:(?:hogesnelheids|nacht|inter|sprinter)?trein|ice|thalys|eurostar|tgv|vliegtuig|"
    r"(?:dienst|huur)?auto|touringcar|(?:veer)?boot|ferry|schip|train|rail|air|plane|aeroplane|"
    r"airplane|car|coach|boat|ship|bus)"
)
# "per trein", "met de trein", "met het vliegtuig", "by air", "by train": never a bare word.
_MODE = re.compile(
    rf"\b(?:per|met\s+(?:de|het|een)|by(?:\s+the)?|on\s+the)\s+{_VEHICLE}\b(?!-|\s*station)", re.I
)
# The words that make a sentence about the journey itself.
_JOURNEY = re.compile(
    r"\b(?:(?:heen|terug)reis|heen[- ]en[- ]terug(?:reis)?|(?:de|onze|deze|het|hele)\s+(?:hele\s+)?"
    r"(?:reis|terugreis|heenreis)|reis(?:de|den)|gereisd|afgereisd|vertrok(?:ken)?|travell?ed|"
    r"journeyed|the\s+(?:whole\s+)?(?:journey|trip|travel)|round\s+trip|both\s+ways|there\s+and\s+back)\b",
    re.I,
)
# A whole journey: exempt from the leg test below ("14 t/m 16 november (heen en terug met de trein)").
_WHOLE = re.compile(
    r"\b(?:heen[- ]en[- ]terug|hele\s+reis|de\s+reis\s+(?:ging|is|was|werd)|round\s+trip|both\s+ways|"
    r"there\s+and\s+back|whole\s+(?:journey|trip))\b",
    re.I,
)
_FLEW = re.compile(r"\b(?:vloog|vlogen|gevlogen|flew|flown)\b", re.I)
# "We vlogen naar Oslo", "The delegation flew to Riga": a flight of the delegation, not "de tijd vloog".
_FLEW_TRIP = re.compile(
    r"\b(?:we|wij|ze|zij|delegatie|commissie|wethouder|burgemeester|gedeputeerde|minister|delegation|"
    r"committee|mayor|they)\b[^.;]{0,40}\b(?:vloog|vlogen|gevlogen|flew|flown)\b|"
    r"\b(?:vloog|vlogen|gevlogen)\s+(?:we|wij|ze|zij|de\s+delegatie)\b|"
    r"\b(?:vloog|vlogen|gevlogen|flew|flown)\s+(?:naar|to|terug|back|in)\b",
    re.I,
)
# Denied, planned, or another journey than the one made.
_NOT_MADE = re.compile(
    r"\b(?:niet|geen|nooit|zou|zouden|kon|konden|kan|kunnen|alternatie\w*|in\s+plaats\s+van|"
    r"geannuleerd|afgelast|geboekte?|not|no|never|would|could|instead|alternative|cancell?ed|"
    r"volgende|next|eerder\w*|vorige|previous)\b",
    re.I,
)
# A leg during the trip: a day, "daarna", "van Oslo naar Bergen".
_LEG = re.compile(
    r"\b(?:(?i:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|daarna|vervolgens|'s\s+(?:middags|avonds|ochtends)|then|"
    r"afterwards|later)|van\s+[A-Z]\w+\s+naar|from\s+[A-Z]\w+\s+to)\b"
)
_TIMED = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b")
_CLAUSE = re.compile(r"[^;()]+")


# Every sentence the tests below accept contains one of these: substring tests, far cheaper than the regexes.
_TRANSPORT_HINTS = ("per ", "met de ", "met het ", "met een ", "by ", "on the ", "vloog", "vlogen",
                    "gevlogen", "flew", "flown")  # fmt: skip


def _has(low: str, hints: tuple[str, ...]) -> bool:
    return any(map(low.__contains__, hints))


def _units_with(hints: tuple[str, ...], units: list[Block]) -> list[Block]:
    """The sentences with one of ``hints`` in them (lower case)."""
    return [unit for unit in units if _has(unit.text.lower(), hints)]


def _clauses(unit: Block) -> list[Block]:
    """A sentence cut at ";" and brackets: "17 t/m 20 september (de hele reis is per trein gemaakt)"."""
    return [
        Block(unit.start + m.start(), unit.start + m.end(), m.group())
        for m in _CLAUSE.finditer(unit.text)
        if m.group().strip()
    ]


def _transport_in(clause: Block, lang_en: bool) -> list[Stated]:
    text = clause.text
    if _TIMED.match(text) or _NOT_MADE.search(text):
        return []
    modes = list(_MODE.finditer(text))
    if modes and _JOURNEY.search(text):
        if not _WHOLE.search(text) and (_LEG.search(text) or find_dates(text)):
            return []
        return [
            Stated(fold(m.group()), (clause.start + m.start(), clause.start + m.end()))
            for m in modes
        ]
    flew = _FLEW_TRIP.search(text)
    if flew and not _LEG.search(text) and not find_dates(text):
        verb = _FLEW.search(text, flew.start())
        assert verb is not None  # _FLEW_TRIP contains a verb of flying
        span = (clause.start + verb.start(), clause.start + verb.end())
        return [Stated("plane" if lang_en else "vliegtuig", span)]
    return []


def find_transport(units: list[Block], *, lang_en: bool = False) -> Stated | None:
    """How the delegation travelled, as the report says it ("per trein"); different modes joined
    ("per trein; met het vliegtuig"); None when no sentence says it."""
    found: list[Stated] = []
    for unit in _units_with(_TRANSPORT_HINTS, units):
        for clause in _clauses(unit):
            for stated in _transport_in(clause, lang_en):
                # "per trein" and later "met de trein" name one mode.
                if stated.value.split()[-1].casefold() not in {
                    s.value.split()[-1].casefold() for s in found
                }:
                    found.append(stated)
    if not found:
        return None
    return Stated("; ".join(s.value for s in found[:3]), (found[0].span[0], found[-1].span[1]))


# --- funding --------------------------------------------------------------------------------------

_PARTIAL = r"(?:gedeeltelijk|deels|mede|voor\s+een\s+deel|partly|partially|in\s+part)"
_FULLY = r"(?:volledig|geheel|helemaal|fully|entirely|wholly)"
_QUAL = rf"(?:(?P<qual>{_PARTIAL})\s+|{_FULLY}\s+)?"
_PAID_NL = r"(?:betaald|gefinancierd|bekostigd|vergoed|gesponsord|gesubsidieerd)"
_PAID_EN = r"(?:paid(?:\s+for)?|funded|financed|reimbursed|sponsored)"
_AUX_NL = r"(?:werd|werden|is|zijn|was|waren)"
_AUX_EN = r"(?:was|were|has\s+been|have\s+been|is|are)"
_PAYER = r"(?P<payer>[^;,.:()\n]{2,90})"
_COSTS = r"\b(?:\w*kosten|costs|expenses|fees)\b[^;.:()\n]{0,40}?"
# (pattern, whether the costs are its own subject); others need a subject before them (_PAID_FOR).
_FUNDING = [
    # "De reis werd (gedeeltelijk) betaald door/uit ...", "De deelnamekosten werden vergoed door ..."
    (
        re.compile(rf"\b{_AUX_NL}\s+{_QUAL}{_PAID_NL}\s+(?:door|uit|vanuit|via)\s+{_PAYER}", re.I),
        False,
    ),
    # "De reis werd (deels) door de gastheer betaald"
    (
        re.compile(
            rf"\b{_AUX_NL}\s+{_QUAL}door\s+(?P<payer>[^;,.:()\n]{{2,90}}?)\s+"
            rf"(?:(?P<qual2>{_PARTIAL})\s+)?{_PAID_NL}\b",
            re.I,
        ),
        False,
    ),
    # "de kosten kwamen uit / ten laste van ...", "de kosten waren voor eigen rekening"
    (
        re.compile(
            rf"{_COSTS}\b(?:kwamen|kwam|waren|werden|zijn|gingen)\s+{_QUAL}"
            rf"(?:ten\s+laste\s+van|voor\s+rekening\s+van|uit|voor)\s+{_PAYER}",
            re.I,
        ),
        True,
    ),
    # "De kosten werden gedragen door ...", "Costs were covered/borne by ..."
    (
        re.compile(
            rf"{_COSTS}\b(?:{_AUX_NL}|{_AUX_EN})\s+{_QUAL}(?:gedragen\s+door|(?:covered|borne|met)\s+by)"
            rf"\s+{_PAYER}",
            re.I,
        ),
        True,
    ),
    # "op kosten van ...", "voor rekening van ...", "at the expense of ..."
    (
        re.compile(
            rf"\b{_QUAL}(?:op\s+kosten\s+van|voor\s+rekening\s+van|at\s+the\s+expense\s+of)\s+"
            rf"{_PAYER}",
            re.I,
        ),
        False,
    ),
    # "The trip was (partly) paid by ...", "Travel was funded from ..."
    (
        re.compile(
            rf"\b{_AUX_EN}\s+{_QUAL}{_PAID_EN}\s+(?:by|from|out\s+of|through)\s+{_PAYER}", re.I
        ),
        False,
    ),
]
# After a payer, in the same sentence: "...; reis en verblijf uit het eigen budget."
_OWN_AGAIN = re.compile(
    r"\b(?:uit|van|voor|from|out\s+of)\s+(?P<payer>(?:het\s+|de\s+|our\s+|the\s+)?"
    r"(?:eigen|own)\s+(?:budget|rekening|middelen|funds|account))\b",
    re.I,
)
# What was paid for, before the verb: paying for something else is no funding of the trip.
_PAID_FOR = re.compile(
    r"\b(?:reis|reizen|dienstreis|werkbezoek|bezoek|\w*kosten|deelname|vlucht(?:en)?|\w*tickets?|"
    r"verblijf|hotel|overnachting(?:en)?|accommodatie|inschrijving|trip|travel|journey|visit|flights?|"
    r"accommodation|hotels?|costs?|expenses|fees?|registration)\b",
    re.I,
)
# Not paid (or not this trip's payment): "geen kosten", a refund, CO2 compensation, a plan.
_NOT_PAID = re.compile(
    r"\b(?:geen|niet|nooit|kosteloos|terugbetaald|gecompenseerd|compensatie|zal|zullen|wordt|worden|"
    r"no|not|never|refund\w*|compensat\w*|offset|will|would)\b",
    re.I,
)
_PAYER_END = re.compile(
    r"\s+(?:en\s+(?:werd|werden|is|zijn|was|waren|ging|kwam)|omdat|want|maar|waardoor|terwijl|zodat|"
    r"and\s+(?:was|were)|because|but|while|so\s+that)\b.*$",
    re.I,
)
_ARTICLE = re.compile(r"^(?:de|het|the)\s+", re.I)
_OWN = re.compile(r"\b(?:eigen|own)\b", re.I)
# "het budget voor citymarketing", "het reisbudget", "het budget van de raad": the body's own money.
_OWN_BUDGET = re.compile(
    r"^(?:het\s+|the\s+|our\s+)?\w*budget(?:\s+(?:voor|for)\b.*|\s+van\s+(?:de|het)\s+"
    r"(?:raad|gemeenteraad|college|programma|afdeling|griffie|fractie|commissie|directie|team|project"
    r")\b.*)?$",
    re.I,
)
_CLAUSE_FUNDING = re.compile(r"[^;]+")
_FUNDING_HINTS = ("betaald", "gefinancierd", "bekostigd", "vergoed", "gedragen", "gesponsord",
                  "gesubsidieerd", "kosten", "rekening", "paid", "funded", "financed", "covered",
                  "reimbursed", "sponsored", "borne", "expense", "met by")  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Payment:
    kind: FundingKind
    payer: str  # without its article
    span: Span  # the payer; for "partly", from the qualifier on


def _kind(payer: str, organisation: str | None) -> FundingKind | None:
    if _OWN.search(payer) or _OWN_BUDGET.match(payer):
        return "own"
    if "budget" in payer.casefold():
        return None  # someone else's budget, or one we cannot tell: say nothing
    if organisation and payer.casefold() == _ARTICLE.sub("", organisation).casefold():
        return "own"
    return "third"


def _payments_in(unit: Block, organisation: str | None) -> list[_Payment]:
    out: list[_Payment] = []
    for clause in _CLAUSE_FUNDING.finditer(unit.text):
        text = clause.group()
        if _NOT_PAID.search(text):
            continue
        at = unit.start + clause.start()
        for pattern, own_subject in _FUNDING:
            for match in pattern.finditer(text):
                before = unit.text[: clause.start() + match.start()]
                if not own_subject and not _PAID_FOR.search(before):
                    continue
                payer = _PAYER_END.sub("", match.group("payer")).strip()
                article = _ARTICLE.match(payer)
                name = payer[article.end() :] if article else payer
                kind = _kind(name, organisation)
                if kind is None or len(name) < 2:
                    continue
                start = match.start("payer") + (article.end() if article else 0)
                end = match.start("payer") + len(payer)
                qual = next((q for q in ("qual", "qual2") if match.groupdict().get(q)), None)
                if qual and kind == "third":
                    kind = "partly"
                    start = min(start, match.start(qual))
                out.append(_Payment(kind, name, (at + start, at + end)))
    return out


def find_funding(
    units: list[Block], text: str, *, organisation: str | None = None, lang_en: bool = False
) -> Stated | None:
    """Who paid, in the form a register field states it: the third party ("Europese Commissie"), "eigen
    budget" for the body's own money, "deels door X" ("partly by X") when X paid part; None when unsaid."""
    payments: list[_Payment] = []
    for unit in _units_with(_FUNDING_HINTS, units):
        found = _payments_in(unit, organisation)
        if found:
            # "...; reis en verblijf uit het eigen budget": the rest of the sentence names its own share.
            for match in _OWN_AGAIN.finditer(unit.text):
                at = unit.start + match.start("payer")
                if not any(p.span[0] <= at < p.span[1] for p in found):
                    span = (at, unit.start + match.end("payer"))
                    found.append(_Payment("own", match.group("payer"), span))
        payments.extend(sorted(found, key=lambda p: p.span))
    if not payments:
        return None
    partly = next((p for p in payments if p.kind == "partly"), None)
    third = next((p for p in payments if p.kind == "third"), None)
    own = next((p for p in payments if p.kind == "own"), None)
    # Part paid by a third party, said so ("gedeeltelijk betaald door X") or by naming both payers.
    share = partly or (third if third and own else None)
    if share:
        value = f"partly by {fold(share.payer)}" if lang_en else f"deels door {fold(share.payer)}"
        spans = [share.span, *([own.span] if own and not partly else [])]
        return Stated(value, (min(s[0] for s in spans), max(s[1] for s in spans)))
    if third:
        return Stated(fold(third.payer), third.span)
    assert own is not None
    if not _OWN.search(own.payer) and not _OWN_BUDGET.match(own.payer):
        return Stated(fold(own.payer), own.span)  # the organisation itself, by name
    return Stated("own budget" if lang_en else "eigen budget", own.span)


def journey_fields(
    text: str, units: list[Block] | None, *, organisation: str | None, lang_en: bool
) -> tuple[str | None, str | None]:
    """(transport, funding) for a report's ``Draft``: the values a register page would put in its
    fields. ``units`` are the text's sentences; None cuts them only when the text has a hint."""
    low = text.lower()
    transport_hint, funding_hint = _has(low, _TRANSPORT_HINTS), _has(low, _FUNDING_HINTS)
    if not transport_hint and not funding_hint:
        return None, None
    units = sentences(text) if units is None else units
    transport = find_transport(units, lang_en=lang_en) if transport_hint else None
    funding = (
        find_funding(units, text, organisation=organisation, lang_en=lang_en)
        if funding_hint
        else None
    )
    return (transport.value if transport else None), (funding.value if funding else None)
