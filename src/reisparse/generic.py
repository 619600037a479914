"""Reports in free prose, without a known template (``template: "generic"``).

A parliamentary "Verslag van een werkbezoek", a municipal news item, an English readout: no
question headings to anchor on, so every field comes from phrasing. Precision beats recall here: a
place counts as a destination only after a travel phrase ("werkbezoek aan Oslo", "visited Tallinn",
"reisde per trein naar Bergen"), a follow-up only with a commitment ("is afgesproken", "agreed to").
"""

from __future__ import annotations

import re

from reisparse import gazetteer
from reisparse.blocks import Block, fold, items, label_of, lines, paragraphs
from reisparse.context import Context
from reisparse.draft import Draft
from reisparse.extract import prose
from reisparse.extract.dates import find_dates, find_ranges
from reisparse.extract.destinations import destinations_from
from reisparse.extract.event import find_event
from reisparse.extract.followups import Known, counterparties
from reisparse.extract.goals import MAX_PURPOSE, find_goals, find_purpose
from reisparse.extract.journey import journey_fields
from reisparse.extract.outcomes import find_outcomes
from reisparse.extract.period import find_period
from reisparse.extract.programme import find_programme, programme_start
from reisparse.extract.prose import ARTICLE, Span, inside
from reisparse.extract.prose_contacts import find_met, parse_met
from reisparse.extract.prose_travellers import (
    find_travellers_in_prose,
    home_of,
    match_role,
    members_of_parliament,
    organisation_of,
)
from reisparse.extract.title import is_generic_title, is_letterhead
from reisparse.model import Contact, FollowUp, Goal, Section, Traveller
from reisparse.sectioning import body
from reisparse.templated import programme_items

# --- title and sections ---------------------------------------------------------------------------

_SECTION_KEYS = {
    "follow_ups": r"vervolg\w*|follow[- ]?ups?|next steps|(?:vervolg)?afspraken|agreements|"
    r"actiepunten|action points|hoe verder|toezeggingen|commitments",
    "outcomes": r"resultaten|resultaat|opbrengst(?:en)?|bevindingen|conclusies?|"
    r"(?:geleerde )?lessen|outcomes?|results?|findings|conclusions?|(?:key )?takeaways|"
    r"lessons(?: learned)?|indrukken",
    "contacts": r"gesprekspartners|ontmoetingen|gesprekken|contacten|meetings|people met|"
    r"who we met",
    "locations": r"(?:bezochte )?locaties|bestemmingen?|locations(?: visited)?|places visited",
    "duration": r"periode|reisperiode|datum|data|duur|dates?|period|duration",
    "purpose": r"doel\w*|aanleiding|achtergrond|purpose|aims?|objectives?|goals?|background",
}
_SECTION = re.compile(
    r"^(?:\d{1,2}[.)]?\s+)?(?:"
    + "|".join(f"(?P<{key}>{words})" for key, words in _SECTION_KEYS.items())
    + r")(?:\s+(?:van|of|met|with|in|en|and|voor|for)\b.*)?\s*[:?]?$",
    re.I,
)
_TRIP_WORD = re.compile(
    r"\b(?:verslag|werkbezoek|bezoek|reis|visit|trip|readout|mission|missie|naar|to|delegatie)\b",
    re.I,
)
_TIMED_LINE = re.compile(r"^[ \t]*(?:[01]?\d|2[0-3])[:.][0-5]\d\b", re.M)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s|$)")


def _title(
    text: str, paras: list[Block], heads: list[Block], organisation: str | None
) -> str | None:
    """A short line before the first prose paragraph; one that names the trip wins; never a letterhead
    ("Gemeente Almere") or a bare "Reisverslag"."""
    first_prose = next(
        (p.start for p in paras if _SENTENCE_END.search(p.text) or len(p.text) > 200),
        len(text),
    )
    candidates = [
        h
        for h in heads
        if h.start < first_prose
        and len(h.text.split()) >= 2
        and not h.text.endswith(":")
        and not _SECTION.match(h.text)
        and (_TRIP_WORD.search(h.text) or not find_dates(h.text))
        and not is_letterhead(h.text, organisation)
        and not is_generic_title(h.text)
    ]
    best = next((h for h in candidates if _TRIP_WORD.search(h.text)), None) or (
        candidates[0] if candidates else None
    )
    return fold(best.text) if best else None


def _sections(text: str, heads: list[Block]) -> tuple[Section, ...]:
    out = []
    for i, head in enumerate(heads):
        match = _SECTION.match(head.text)
        if match and match.lastgroup:
            end = heads[i + 1].start if i + 1 < len(heads) else len(text)
            out.append(Section(key=match.lastgroup, heading=head.text, start=head.start, end=end))
    return tuple(out)


# --- period ---------------------------------------------------------------------------------------

_LIST_JOIN = re.compile(r"(?<!\btot)\s(?:en|and|&)\s(?!met\b)")  # "14 en 17 juni", not "tot en met"
# "Utrecht, 9 oktober 2023 - ": the place and date a news item was written, not its content.
_DATELINE = re.compile(r"^[A-Z][\w'’ -]{1,30},\s+[^-–—]{4,30}?\d{4}\s*[-–—]\s+")
_TRIP_CUE = re.compile(
    r"\b(?:bezoek|werkbezoek|reis|reisde|bracht|visit|visited|trip|travel)", re.I
)


def _after_dateline(para: Block) -> Span:
    """A paragraph without its dateline: "Utrecht, 9 oktober 2023 - " dates the news, not the trip."""
    dateline = _DATELINE.match(para.text)
    return para.start + (dateline.end() if dateline else 0), para.end


def _period_region(text: str, paras: list[Block], excluded: list[Span]) -> Span:
    """The paragraph with the first date range (not a follow-up, not "14 en 17 juni"), else the
    first paragraph with a date and a travel word, else the whole text."""
    for rng in find_ranges(text):
        if not _LIST_JOIN.search(rng.text) and not inside(rng.start, excluded):
            return _after_dateline(next(p for p in paras if p.start <= rng.start < p.end))
    for para in paras:
        if (
            not inside(para.start, excluded)
            and _TRIP_CUE.search(para.text)
            and find_dates(para.text)
        ):
            return _after_dateline(para)
    return 0, len(text)


# --- purpose and goals ----------------------------------------------------------------------------

_PURPOSE = re.compile(
    r"\bdoel\b[^.]{0,40}\b(?:was|is|waren|zijn)\b|\bstond\s+in\s+het\s+teken\s+van|"
    r"\b(?:purpose|aim|objective)\s+of\b|\bin\s+order\s+to\b",
    re.I,
)
_IN_ORDER_TO = re.compile(
    r"\bom\s(?:[^.]{0,200}\s)?te\b|\bto\s+(?:learn|discuss|explore|strengthen|promote|see|study|attend|"
    r"sign|deepen|exchange|share|build|present|meet)\b",
    re.I,
)
_GOALS_INTRO = re.compile(r"\b(?:doel(?:en|stelling(?:en)?)|goals?|objectives?|aims?)\b", re.I)


def _purpose(text: str, units: list[Block], sections: dict[str, Span], start: int) -> str | None:
    explicit = next(
        (u for u in units if _PURPOSE.search(u.text) and not u.text.endswith(":")), None
    )
    early = [u for u in units[:12] if _TRIP_CUE.search(u.text) and _IN_ORDER_TO.search(u.text)]
    chosen = explicit or (early[0] if early else None)
    found = fold(chosen.text)[:MAX_PURPOSE] if chosen else None
    if not found and "purpose" in sections:
        found = find_purpose(text, *sections["purpose"])
    found = found or find_purpose(text, start, len(text))
    return _DATELINE.sub("", found) if found else None


def _goals(text: str, units: list[Block]) -> list[Goal]:
    """Goals only as a list after an intro ("De doelen waren:"); a list elsewhere is not goals."""
    for unit in units:
        if unit.text.endswith(":") and _GOALS_INTRO.search(unit.text):
            run = prose.list_after(text, unit.end)
            if run:
                return find_goals(text, unit.start, run[-1].end)
    return []


# --- follow-ups --------------------------------------------------------------------------------

_COMMITMENT = re.compile(
    r"\b(?:afgesproken|overeengekomen|toegezegd|zeg(?:t|gen|de|den)\s+toe|afspra(?:ak|ken)\s+gemaakt|"
    r"de\s+afspraak|vervolgafspra\w*|vervolgbezoek\w*|tegenbezoek\w*|krijg(?:t|en)\s+een\s+vervolg|"
    r"agreed|agreement\s+to|will\s+follow\s+up|follow[- ]up|next\s+steps?|committed\s+to|"
    r"(?:zal|zullen)\b[^.]{0,80}?\b(?:opvolgen|uitwerken|bezoeken|organiseren|contact\s+opnemen|"
    r"informeren|toesturen|delen|uitnodigen|terugkoppelen|voortzetten|verkennen|onderzoeken))\b",
    re.I,
)
# Under a "Vervolg" heading a plain statement of intent is enough.
_INTENT = re.compile(
    r"\b(?:zal|zullen|gaat|gaan|wil|willen|will|shall|plans?\s+to|intends?\s+to|komt|komen|deelt|"
    r"informeert|organiseert|nodigt|stuurt|neemt|bekijkt|onderzoekt|verkent)\b",
    re.I,
)
_NOT_FOLLOW_UP = re.compile(
    r"\b(?:meer informatie|more information|please contact|betaald|paid)\b", re.I
)
_WITH_AGREED = re.compile(
    r"^(?:ook\s+|daarnaast\s+|verder\s+)?met\s+(.{3,120}?)\s+(?:is|zijn|werd|werden|wordt|worden|"
    r"hebben|heeft)\b[^.]{0,40}?\b(?:afgesproken|overeengekomen|afspraken\s+gemaakt)",
    re.I,
)
_SUBJECT_AGREED = re.compile(
    r"^(.{3,120}?)\s+(?:have\s+|has\s+|hebben\s+|heeft\s+)?(?:agreed|spraken\s+af|spreken\s+af|"
    r"kwamen\s+overeen|komen\s+overeen|zeg(?:t|gen|de|den)\s+toe|committed)\b"
)


def _follow_up_units(text: str, units: list[Block], sections: list[Span]) -> list[Block]:
    """Bullets (or sentences of intent) under a "Vervolg"/"Next steps" heading, and sentences with a
    commitment anywhere else."""
    out = []
    for start, end in sections:
        bullets = items(text, start, end)
        for unit in (
            [Block(i.body_start, i.end, i.text) for i in bullets] if len(bullets) >= 2 else
            [u for u in units if start <= u.start < end]
        ):  # fmt: skip
            plain = unit.text.endswith(":") or _NOT_FOLLOW_UP.search(unit.text)
            if not plain and (
                len(bullets) >= 2 or _commits(unit.text) or _INTENT.search(unit.text)
            ):
                out.append(unit)
    return out + [u for u in units if not inside(u.start, sections) and _commits(u.text)]


# Every commitment phrase contains one of these: a cheap filter before the regex.
_COMMITMENT_HINTS = ("afgesproken", "overeengekomen", "toegezegd", "toe", "afspra", "vervolg",
                     "tegenbezoek", "agree", "follow", "next step", "committed", "zal",
                     "zullen")  # fmt: skip


def _commits(sentence: str) -> bool:
    low = sentence.lower()
    return any(map(low.__contains__, _COMMITMENT_HINTS)) and bool(_COMMITMENT.search(sentence))


def _named_parties(unit: str, lang_en: bool, known: Known) -> list[str]:
    """Whom the agreement is with, when the sentence says it: "Met X is afgesproken", "X agreed"."""
    match = _WITH_AGREED.match(unit) or _SUBJECT_AGREED.match(unit)
    if not match:
        return []
    names = []
    for start, end in prose.split_list(match.group(1), 0, len(match.group(1))):
        part = match.group(1)[start:end].strip()
        contact = parse_met(part, lang_en)
        if contact and contact.role:
            if not contact.organisation and _is_us(part, known):
                continue
            name = contact.organisation or ARTICLE.sub("", part)
        else:
            name = ARTICLE.sub("", part)
        if not _is_us(name, known):
            names.append(name)
    return names


def _is_us(name: str, known: Known) -> bool:
    """The travellers themselves ("Mayor Vos"), their organisation or their home city."""
    tokens = fold(name).casefold().split()
    role = match_role(tokens)
    return (
        " ".join(tokens) in known.exclude
        or " ".join(tokens[role[1] if role else 0 :]) in known.exclude
    )


def _follow_ups(
    units: list[Block],
    lang_en: bool,
    known: Known,
    home: gazetteer.Place | None,
    contacts: list[Contact],
) -> list[FollowUp]:
    """One follow-up per sentence or bullet; its counterparties are whom the agreement names, else
    whom and what it mentions."""
    out = []
    for unit in units:
        names = _named_parties(unit.text, lang_en, known) or _mentioned(
            unit.text, known, home, contacts
        )
        out.append(
            FollowUp(text=fold(unit.text), counterparties=tuple(names), span=(unit.start, unit.end))
        )
    return out


def _mentioned(
    unit: str, known: Known, home: gazetteer.Place | None, contacts: list[Contact]
) -> list[str]:
    """People met named again ("the Mayor of Berlin": City of Berlin), known organisations,
    institutions and foreign cities; never home."""
    folded = fold(unit).casefold()
    met = [
        c.organisation for c in contacts
        if c.organisation and fold(ARTICLE.sub("", c.text.split(",")[0])).casefold() in folded
    ]  # fmt: skip
    others = [
        name for name in counterparties(unit, known)
        if not (home and gazetteer.lookup_city(name) == home) and not any(name in m for m in met)
    ]  # fmt: skip
    return list(dict.fromkeys([*met, *others]))


def _exclude(
    organisation: str | None, home: gazetteer.Place | None, travellers: list[Traveller]
) -> frozenset[str]:
    names = {fold(t.text).casefold() for t in travellers}
    for person in travellers:
        if person.name:
            names.update({person.name.casefold(), person.name.split()[-1].casefold()})
    if home:
        names.add(home.name.casefold())
    if organisation:
        names.update({organisation.casefold(), organisation.split(" ", 1)[-1].casefold()})
    return frozenset(names)


# --- assembly -------------------------------------------------------------------------------------


def read_generic(ctx: Context) -> Draft:
    """Everything a free-prose report states about its trip; see the module docstring."""
    text = ctx.text
    lang_en = ctx.language == "en"
    paras = paragraphs(text)
    heads = prose.headings(text, paras, frozenset(fold(h) for h in ctx.headings))
    units = prose.sentences(text, paras)
    draft = Draft(template="generic", links=ctx.links, sections=_sections(text, heads))
    spans = {s.key: body(s, text) for s in reversed(draft.sections)}  # the first of a key wins
    draft.title = _title(text, paras, heads, ctx.organisation)
    title_block = next((h for h in heads if fold(h.text) == draft.title), None)
    draft.travellers = find_travellers_in_prose(text, units, heads)
    draft.organisation = ctx.organisation or organisation_of(text, draft.travellers)
    draft.travellers = members_of_parliament(draft.organisation, draft.travellers, lang_en=lang_en)
    home = ctx.home or home_of(draft.organisation)
    exclude = _exclude(draft.organisation, home, draft.travellers)

    follow_sections = [(s.start, s.end) for s in draft.sections if s.key == "follow_ups"]
    follow_units = _follow_up_units(text, units, follow_sections)
    excluded = follow_sections + [(u.start, u.end) for u in follow_units]

    draft.contacts = _contacts(text, units, spans, lang_en, exclude)
    known = Known(
        organisations=tuple(c.organisation for c in draft.contacts if c.organisation),
        exclude=exclude,
    )
    draft.follow_ups = _follow_ups(follow_units, lang_en, known, home, draft.contacts)

    # Programme items start with a time: without a timed line there is no programme to look for.
    prog_at = programme_start(text, 0, len(text)) if _TIMED_LINE.search(text) else None
    raw = find_programme(text, prog_at, len(text)) if prog_at is not None else []
    found = find_period(
        text,
        *_period_region(text, paras, excluded),
        programme_days=[i.day for i in raw if i.day is not None],
        today=ctx.today,
    )
    draft.period, draft.warnings = found.period, list(found.warnings)
    draft.programme = programme_items(raw, found.year)
    if draft.period.start and draft.period.start == draft.period.end:
        # A one-day trip: its programme items without a day heading are on that day.
        day = {"date": draft.period.start}
        draft.programme = [p if p.date else p.model_copy(update=day) for p in draft.programme]

    mentions = prose.travelled_places(text, units, title_block, excluded)
    draft.destinations = destinations_from(mentions, home=home)
    draft.purpose = _purpose(text, units, spans, title_block.end if title_block else 0)
    draft.goals = _goals(text, units)
    intro_end = next((p.end for p in paras if _SENTENCE_END.search(p.text)), len(text))
    draft.event = find_event(text[:intro_end], ctx.links)
    if "outcomes" in spans:
        draft.outcomes = find_outcomes(
            text, *spans["outcomes"], {g.label for g in draft.goals if g.label}
        )
    draft.cancelled, draft.cancellation_reason = prose.trip_cancellation(units)
    draft.transport, draft.funding = journey_fields(
        text, units, organisation=draft.organisation, lang_en=lang_en
    )
    return draft


def _contacts(
    text: str, units: list[Block], spans: dict[str, Span], lang_en: bool, exclude: frozenset[str]
) -> list[Contact]:
    # Names and words that are "us"; short or odd ones ("of delft") would match too much.
    names = tuple(x for x in exclude if x[:1].isalpha() and len(x) > 2)
    found = find_met(text, units, lang_en=lang_en, exclude=names)
    # Under a "Gesprekspartners" heading, each short line or bullet names one contact.
    for line in lines(text, *spans["contacts"]) if "contacts" in spans else []:
        label = label_of(line.text)
        start = line.start + (label[1] if label else 0)
        if len(line.text) > 100 or ". " in line.text or line.text.endswith(":"):
            continue
        contact = parse_met(text[start : line.end], lang_en)
        if contact and not any(c.span[0] <= start < c.span[1] for c in found):
            found.append(contact.model_copy(update={"span": (start, line.end)}))
    return sorted(found, key=lambda c: c.span)
