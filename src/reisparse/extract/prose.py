"""Free prose cut into the pieces extractors read: sentences, headings, coordinated lists, places
named right after a travel phrase, and whether the trip itself was called off.

Reports without a template carry their facts in running text. These helpers keep every piece's
offsets, so spans into ``Report.text`` come for free, as with ``reisparse.blocks``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from reisparse import gazetteer
from reisparse.blocks import Block, Item, fold, items, label_of, lines, paragraphs
from reisparse.extract.status import find_cancellation

Span = tuple[int, int]
# An article before a noun phrase: "de burgemeester", "the Deputy Mayor", "een delegatie".
ARTICLE = re.compile(r"^(?:de|het|een|the|a|an)\s+", re.I)


def inside(pos: int, spans: list[Span]) -> bool:
    return any(start <= pos < end for start, end in spans)


# --- sentences and headings -----------------------------------------------------------------------

_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9À-Þ])")
_ABBREVIATIONS_LIST = (
    "o.a bijv bv dhr mevr mw dr drs ir ing prof mr mrs ms st ca nr e.g i.e vs etc n.a.v t.a.v "
    "m.b.t i.v.m resp incl jr sr no mgr"
)
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_LIST.split())
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")
MAX_HEADING = 80
MAX_LIST = 2000


def _is_abbreviation(text: str, dot: int) -> bool:
    word = text[max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1 : dot]
    word = word.lstrip("(\"“'").lower()
    return word in _ABBREVIATIONS or bool(_INITIALS.match(word))


def _units(text: str, para: Block) -> list[Block]:
    """A paragraph cut into its list items, intro lines (ending in ':') and running text."""
    out: list[Block] = []
    for line in lines(text, para.start, para.end):
        found = label_of(line.text)
        if found and found[0] and found[0].isalpha() and out and text[out[-1].end - 1] not in ".:;":
            found = None  # "mevrouw\nH. Dijkstra": an initial, not a list label "H."
        starts = found is not None or not out or text[out[-1].end - 1] == ":"
        if found is None and out and label_of(text[out[-1].start : out[-1].end]) is not None:
            starts = not line.text[:1].islower()
        if starts:
            out.append(line)
        else:
            out[-1] = Block(out[-1].start, line.end, text[out[-1].start : line.end])
    return out


def sentences(text: str, paras: list[Block] | None = None) -> list[Block]:
    """Sentences (and list items, and intro lines) with their offsets, never across paragraphs."""
    if paras is None:
        return list(_all_sentences(text))
    return _sentences(text, paras)


# The whole text is cut into sentences by several extractors in one parse (travellers, transport, funding).
@lru_cache(maxsize=4)
def _all_sentences(text: str) -> tuple[Block, ...]:
    return tuple(_sentences(text, paragraphs(text)))


def _sentences(text: str, paras: list[Block]) -> list[Block]:
    out: list[Block] = []
    for para in paras:
        for unit in _units(text, para):
            pos = unit.start
            for match in _BOUNDARY.finditer(text, unit.start, unit.end):
                if text[match.start()] == "." and _is_abbreviation(text, match.start()):
                    continue
                stop = match.start() + len(match.group().rstrip())
                out.append(Block(pos, stop, text[pos:stop]))
                pos = match.end()
            if pos < unit.end:
                out.append(Block(pos, unit.end, text[pos : unit.end]))
    return out


def headings(
    text: str, paras: list[Block] | None = None, known: frozenset[str] = frozenset()
) -> list[Block]:
    """Paragraphs of one short line that do not end like a sentence, and the headings the reader
    saw as such (``known``: HTML h1-h6, DOCX heading styles): headings and titles."""
    out = []
    for para in paragraphs(text) if paras is None else paras:
        line = para.text.lstrip("#").strip()
        if fold(line) in known and line:
            out.append(Block(para.end - len(line), para.end, line))
            continue
        if "\n" in para.text or len(line) > MAX_HEADING or line[-1:] in ".,;" or not line:
            continue
        if label_of(para.text) is not None and not re.match(r"\d{1,2}\.\s+[A-Z]", para.text):
            continue
        out.append(Block(para.end - len(line), para.end, line))
    return out


# --- coordinated lists ----------------------------------------------------------------------------

_SEPARATOR = re.compile(
    r"(?:,|;|\s+(?:en|and|&|as well as|evenals|alsmede|alsook))(?:\s+(?:met|with))?\s+|[,;]"
)


def split_list(
    text: str, start: int, end: int, starts_item: Callable[[str], bool] = lambda _: True
) -> list[tuple[int, int]]:
    """Spans of the items of "A, B en C" (never inside brackets); a separator only splits where
    ``starts_item`` accepts the text after it, so "Onderwijs, Cultuur en Wetenschap" stays whole."""
    spans: list[tuple[int, int]] = []
    item_start = start
    for match in _SEPARATOR.finditer(text, start, end):
        before = text[item_start : match.start()]
        if before.count("(") > before.count(")") or not starts_item(text[match.end() : end]):
            continue
        spans.append((item_start, match.start()))
        item_start = match.end()
    spans.append((item_start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def list_after(text: str, pos: int, end: int | None = None) -> list[Item]:
    """The run of list items that starts right after ``pos`` (a heading or an intro line)."""
    run: list[Item] = []
    # A list is short; looking further than the next heading or MAX_LIST would only cost time.
    for item in items(text, pos, min(len(text), pos + MAX_LIST, end or len(text))):
        if text.count("\n", run[-1].end if run else pos, item.start) > 2:
            break
        run.append(item)
    return run


# Every word ``find_cancellation`` knows contains one of these: a cheap filter before its regexes.
_CANCEL_WORDS = ("annul", "afgelast", "afgezegd", "gecanceld", "niet door", "cancel", "called off",
                 "did not")  # fmt: skip


def cancellation_in(sentence: str) -> tuple[bool, str | None]:
    """``find_cancellation`` for one sentence."""
    low = sentence.lower()
    if not any(map(low.__contains__, _CANCEL_WORDS)):
        return False, None
    return find_cancellation(sentence)


_TRIP_NOUN = re.compile(
    r"\b(?:werkbezoek|reis|missie|handelsmissie|trip|mission|journey|(?:het|de|this|the)\s+"
    r"(?:geplande\s+|planned\s+)?(?:bezoek|visit))\b",
    re.I,
)


def trip_cancellation(units: list[Block]) -> tuple[bool, str | None]:
    """Cancelled only when the sentence says so of the trip, not of one meeting in it."""
    for unit in units:
        cancelled, reason = cancellation_in(unit.text)
        if cancelled and _TRIP_NOUN.search(unit.text):
            return cancelled, reason
    return False, None


# --- places travelled to --------------------------------------------------------------------------

_SUBJECT_INSERT = (
    r"(?:\s+(?:de delegatie|de commissie|we|wij|zij|ze|hij|she|he|they|the delegation))?"
)
_TRAVEL_CUE = re.compile(
    r"(?:\b(?:werkbezoek(?:en)?|bezoek(?:en)?|delegatiebezoek)\s+aan|\bbezocht(?:en)?"
    + _SUBJECT_INSERT
    + r"|\b(?:reis|reisde|reisden|trip|missie|handelsmissie|vertrok|vertrokken|afgereisd|"
    r"doorgereisd|vloog|vlogen)\b(?:(?!terug)[^.]){0,30}?\bnaar|\b(?:aangekomen|aankomst|verbleef|"
    r"verbleven|arrived|stayed)\s+in|\b(?:visit(?:s|ed|ing)?|trip|travell?ed|mission|delegation|"
    r"journey|went|flew|headed)(?:\s+on)?(?:\s+to)?|\b(?:travell?ed|flew|went|drove|journeyed|"
    r"headed)\b[^.]{0,40}?\bto|\b(?:was|waren|were)\b[^.]{0,40}?\d[^.]{0,8}"
    r"?\s+in)\s+(?:(?:de|het|the)\s+)?(?:(?:stad|city|hoofdstad|capital|haven|port|regio|region|"
    r"eiland|island)\s+(?:van\s+|of\s+)?)?$",
    re.I,
)
# The word right before a place that _TRAVEL_CUE can accept: a cheap filter before the regex.
_CUE_LAST = (
    "aan naar in to on bezocht bezochten visited visiting visit visits trip mission delegation "
    "journey went flew headed delegatie commissie we wij zij ze hij she he they de het the van of "
    "stad city hoofdstad capital haven port regio region eiland island"
)
_CUE_LAST_WORDS = frozenset(_CUE_LAST.split())
_OTHER_TRIP = re.compile(
    r"\b(?:eerder(?:e)?|vorig(?:e)?|volgend(?:e)?|toekomstig(?:e)?|previous|earlier|next|future|"
    r"return|uitgenodigd voor|invited (?:for|to|on))\s*(?:\w+\s+)?$",
    re.I,
)
_TITLE_CUE = re.compile(r"\b(?:naar|to|in|aan)\s+$", re.I)
_LIST_GAP = re.compile(r"\s*\(?\s*(?:,|en|and|&|/)?\s*\(?\s*$")
_IN_START = re.compile(r"^\s*(?:op \w+dag \d+ \w+\s+)?in\s+$", re.I)
# "In Bergen sprak de delegatie ...": a day's paragraph starting with the place ("met" is English).
_DAY_VERB = re.compile(
    r"\b(?:sprak|spraken|bezocht|bezochten|ontmoette|ontmoetten|ontvangen|gesprek(?:ken)?|visited|"
    r"spoke|toured|received|(?-i:met (?:with )?the))\b",
    re.I,
)


def _cued(text: str, start: int, end: int) -> bool:
    """A travel phrase ends at ``end``, and it is not about another trip ("een eerder bezoek aan")."""
    cue = _TRAVEL_CUE.search(text, start, end)
    return cue is not None and not _OTHER_TRIP.search(text, max(0, cue.start() - 24), cue.start())


def travelled_places(
    text: str, units: list[Block], title: Block | None, excluded: list[Span]
) -> list[gazetteer.Mention]:
    """Places right after a travel phrase, listed with one ("aan Oslo en Bergen (Noorwegen)"),
    after "naar" in the title, or opening a day's sentence ("In Bergen sprak de delegatie")."""
    starts = [u.start for u in units]
    accepted: list[gazetteer.Mention] = []
    previous: gazetteer.Mention | None = None
    for m in gazetteer.find_places(text):
        unit = units[bisect.bisect_right(starts, m.start) - 1] if starts else None
        if unit is None or not unit.start <= m.start < unit.end:
            continue
        before = text[unit.start : m.start]
        listed = (
            previous is not None
            and previous.end > unit.start
            and bool(_LIST_GAP.match(text, previous.end, m.start))
        )
        tail = before[-16:].split()
        cued = bool(tail) and tail[-1].lower() in _CUE_LAST_WORDS
        ok = (
            (cued and _cued(text, max(unit.start, m.start - 70), m.start))
            or listed
            or (unit.start == getattr(title, "start", -1) and bool(_TITLE_CUE.search(before)))
            or (bool(_IN_START.match(before)) and bool(_DAY_VERB.search(unit.text)))
        )
        if ok and not inside(m.start, excluded):
            accepted.append(m)
        previous = m if ok else None
    return accepted
