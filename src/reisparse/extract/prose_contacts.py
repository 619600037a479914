"""The people met, read from free prose: "gesprek met de minister van ...", "sprak met
vertegenwoordigers van de haven van Hamburg (3x)", "We met with the Deputy Mayor of Lisbon, two
officials of the port authority and ...", and list items after "We spraken met:".

Each phrase becomes a ``Contact`` with function, organisation, place and count; a name alone is not
a contact (the register stores functions, see docs/glossary.md).
"""

from __future__ import annotations

import re
from functools import cache

from reisparse import gazetteer
from reisparse.blocks import Block, fold
from reisparse.extract.contacts import parse_contact, role_prefix
from reisparse.extract.prose import ARTICLE, cancellation_in, list_after, split_list
from reisparse.extract.prose_travellers import is_name
from reisparse.model import Contact

# --- people met -----------------------------------------------------------------------------------

_MET_NL = re.compile(
    r"\b(?:(?:gesprek(?:ken)?|ontmoeting(?:en)?|overleg|kennismaking|(?:werk)?lunch|(?:werk)?diner|"
    r"rondetafelgesprek|gedachtewisseling)\s+met|(?:sprak|spraken|praatte|praatten|gesproken)"
    r"(?:\s+[\w.]+){0,3}?\s+met|ontmoette(?:n)?(?:\s+(?:de delegatie|"
    r"de commissie|zij|ze|hij|we|wij))?(?:\s+(?:onder meer|onder andere|o\.a\.|ook|vervolgens|"
    r"daarna|eerst))*|(?:ontvangen|verwelkomd)\s+door)\s+",
    re.I,
)
_MET_EN = re.compile(
    r"\b(?:(?:meetings?|talks|discussions?|conversations?|lunch|dinner|dialogue)\s+with|"
    r"(?:met|meet|meets|spoke|speaks|talked)(?:\s+(?:also|separately|briefly))?(?:\s+(?:with|to))?|"
    r"(?:received|welcomed|hosted)\s+by)\s+",
    re.I,
)
# "met" + a function is a meeting unless the people travelled along ("samen met", "reisde met").
_BARE_MET = re.compile(r"\bmet\s+", re.I)
_ALONG = re.compile(
    r"\b(?:samen|vergezeld|reisde|reisden|reis|reizen|ging|gingen)\b[^.]{0,25}$", re.I
)
_NP_STOP = re.compile(
    r"\s*[;:]|\s*\((?!\s*\d{1,4}\s*[x×]\s*\))|,\s*(?:die|dat|wie|waar\w*|who|which|where|whom)\b|"
    r"\s+(?:over|about|om|to|regarding|on|inzake|betreffende|omtrent|tijdens|during|in|at|op|te|"
    r"verantwoordelijk|responsible|die|dat|who|which|where|waar\w*|gesproken|gevoerd|gehad|ontmoet|"
    r"plaats\w*|besproken|is|was|werd|zijn|waren|werden|heeft|hebben|had|hadden|discussed|agreed|"
    r"and\s+(?:[a-z]+ed|spoke|met|had|held|went|took|gave)|en\s+(?:sprak|spraken|bezocht|"
    r"bezochten|besprak|bespraken|kreeg|kregen|gaf|gaven))\b"
)
_COUNT_SUFFIX = re.compile(r"\s*\((\d{1,4})\s*[x×]\)$")
_PREPOSITION = re.compile(r"\s+(?:van|of|bij|from|uit|namens|for|voor)\s+", re.I)
_HONORIFIC = re.compile(
    r"^(?:de heer|mevrouw|meneer|dhr\.?|mw\.?|mr\.?|mrs\.?|ms\.?|dr\.?)\s", re.I
)
_COUNT_WORDS = (
    "twee drie vier vijf zes zeven acht negen tien|two three four five six seven eight nine ten"
)
# "twee" -> 2 ... "tien" -> 10, and the same in English.
_NUMBERS = {w: i + 2 for words in _COUNT_WORDS.split("|") for i, w in enumerate(words.split())}
_STARTS = frozenset(
    ["de", "het", "een", "the", "a", "an", "enkele", "diverse", "several", *_NUMBERS]
)
# No \b before the words: compounds such as "havenautoriteit" count too.
_ORG_WORD = re.compile(
    r"(?:ministerie|ministry|gemeente|municipality|universiteit|university|agentschap|agency|"
    r"autoriteit|authority|\w*commissie|commission|committee|parlement|parliament|ambassade|embassy|"
    r"consulaat|consulate|instituut|institute|stichting|foundation|raad|council|bank|bureau|office|"
    r"centrum|cent(?:er|re)|netwerk|network|vereniging|association|regering|government|storting)\b",
    re.I,
)
_ADJECTIVES = (
    "NO:noorse noors norwegian|DK:deense deens danish|SE:zweedse zweeds swedish|DE:duitse duits "
    "german|FR:franse frans french|BE:belgische belgisch belgian|GB:britse brits british|US:"
    "amerikaanse american|ES:spaanse spanish|PT:portugese portuguese|IT:italiaanse italian|"
    "FI:finse fins finnish|PL:poolse pools polish|EE:estse estonian|CN:chinese|JP:japanse japanese|"
    "CA:canadese canadian|AT:oostenrijkse austrian|CH:zwitserse swiss|IE:ierse irish|"
    "NL:nederlandse dutch"
)


@cache
def _adjectives() -> dict[str, str]:
    return {w: e[:2] for e in _ADJECTIVES.split("|") for w in e[3:].split()}


def _starts_contact(following: str) -> bool:
    tokens = following.split()[:4]
    if not tokens:
        return False
    first = tokens[0].lower()
    if first in _STARTS or first.isdigit() or _HONORIFIC.match(following):
        return True
    return role_prefix(tokens) > 0 or (first in _adjectives() and role_prefix(tokens[1:]) > 0)


def _role_follows(following: str) -> bool:
    tokens = [t for t in following.split()[:5] if t.lower() not in _STARTS]
    if tokens and tokens[0].lower() in _adjectives():
        tokens = tokens[1:]
    return role_prefix(tokens) > 0 and tokens[0].lower() not in ("delegatie", "delegation", "team")


def _count(words: list[str]) -> tuple[int | None, list[str]]:
    if words and words[0].isdigit():
        return int(words[0]), words[1:]
    if words and words[0].lower() in _NUMBERS:
        return _NUMBERS[words[0].lower()], words[1:]
    return None, words


def _organisation(
    tail: str, role: str | None, lang_en: bool
) -> tuple[str | None, str | None, str | None]:
    """(organisation, city, country) from what follows "van"/"of" or stands alone."""
    tail = ARTICLE.sub("", tail.strip(" ,"))
    if not tail:
        return None, None, None
    city = country = None
    # Place names are capitalised: an all-lower-case tail ("the port authority") has none.
    mentions = gazetteer.find_places(tail) if not tail.islower() else []
    for mention in mentions:
        if mention.place.kind != "country" and city is None:
            city, country = mention.surface, mention.place.country
        country = country or mention.place.country
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(tail):
        if city is None:
            return None, None, country  # "de ambassadeur van Noorwegen"
        return (f"City of {tail}" if lang_en else f"Gemeente {tail}"), city, country
    if (
        role
        and role.lower() in ("minister", "staatssecretaris", "state secretary")
        and tail[0].isupper()
    ):
        tail = f"Ministry of {tail}" if lang_en else f"Ministerie van {tail}"
    country = country or next(
        (_adjectives()[w] for w in tail.lower().split() if w in _adjectives()), None
    )
    return tail[0].upper() + tail[1:], city, country


def parse_met(phrase: str, lang_en: bool) -> Contact | None:
    """A contact from one noun phrase ("de burgemeester van Kopenhagen", "two officials of the port
    authority", "leden van de Noorse energiecommissie (2x)"); None for a person's name alone."""
    core = fold(phrase).strip(" ,.;:")
    if _HONORIFIC.match(core) or len(core.split()) > 10:
        return None
    determined = bool(ARTICLE.match(core))
    core = ARTICLE.sub("", core)
    count = None
    if suffix := _COUNT_SUFFIX.search(core):
        count, core = int(suffix.group(1)), core[: suffix.start()]
    prefix_count, words = _count(core.split())
    count = count or prefix_count
    adjective = None
    if len(words) > 1 and words[0].lower() in _adjectives() and words[1][:1].islower():
        adjective, words = _adjectives()[words[0].lower()], words[1:]
    core = " ".join(words)
    prep = _PREPOSITION.search(core)
    head, tail = (core[: prep.start()], core[prep.end() :]) if prep else (core, "")
    if "," in tail and is_name(tail.split(",", 1)[1].split()):
        tail = tail.split(",", 1)[0]  # "de burgemeester van Berlijn, Kai Wegner": a name aside
    tokens = head.split()
    n = role_prefix(tokens)
    lower_head = bool(tail) and len(tokens) <= 2 and head.islower() and not _ORG_WORD.search(head)
    if tokens and (n == len(tokens) or lower_head):
        role: str | None = head
    elif n and (is_name(tokens[n:]) or all(t[:1].isupper() for t in tokens[n:])):
        role = " ".join(tokens[:n])
        tail = tail or ("" if is_name(tokens[n:]) else " ".join(tokens[n:]))
    elif not n and (_ORG_WORD.search(core) or (determined and core[:1].isupper())):
        role, tail = None, core
    else:
        return None
    organisation, city, country = _organisation(tail, role, lang_en)
    if role:
        fixed, *_, known_count = parse_contact(f"{role} ({count}x)" if count else role)
        role = fixed or role
        if count is None and role.endswith(("is", "ss", "us")):
            count = 1  # "staatssecretaris", "boss": singular despite the final s
        elif count is None:
            plural = role.endswith(("s", "en"))
            count = known_count if fixed else None if plural else 1
        role = role[0].upper() + role[1:]
    return Contact(
        text=fold(phrase).strip(" ,.;:"),
        role=role,
        organisation=organisation,
        city=city,
        country=country or adjective,
        count=count,
        span=(0, 0),
    )


# Every cue of _MET_NL / _MET_EN contains one of these: most sentences are skipped without a regex.
_MET_HINTS_NL = ("gesprek", "ontmoet", "overleg", "kennismaking", "lunch", "diner", "gedachtewis",
                 "sprak", "spraken", "praat", "gesproken", "ontvangen", "verwelkomd")  # fmt: skip
_MET_HINTS_EN = ("meet", "met", "talk", "discussion", "conversation", "lunch", "dinner", "dialogue",
                 "spoke", "speak", "received", "welcomed", "hosted")  # fmt: skip


def _cue_ends(unit: Block, lang_en: bool) -> list[int]:
    low = unit.text.lower()
    cues, hints = (_MET_EN, _MET_HINTS_EN) if lang_en else (_MET_NL, _MET_HINTS_NL)
    # map(str.__contains__) is the cheapest test in pure Python; most sentences stop here.
    ends = (
        [unit.start + m.end() for m in cues.finditer(unit.text)]
        if any(map(low.__contains__, hints))
        else []
    )
    if not lang_en and "met " in low:
        for m in _BARE_MET.finditer(unit.text):
            start = unit.start + m.end()
            before = unit.text[: m.start()]
            if (
                start not in ends
                and not _ALONG.search(before)
                and _role_follows(unit.text[m.end() :])
            ):
                ends.append(start)
    return sorted(ends)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in ' \n,.;:!?"”’':
        end -= 1
    while start < end and text[start] in " \n-•*":
        start += 1
    return start, end


def find_met(
    text: str, units: list[Block], *, lang_en: bool, exclude: tuple[str, ...]
) -> list[Contact]:
    """People met, from "gesprek met ...", "sprak met ...", "met with ...", "ontvangen door ...",
    and from list items after an intro such as "We spraken met:"."""
    phrases: list[tuple[int, int]] = []
    for unit in units:
        if cancellation_in(unit.text)[0]:
            continue  # "Het gesprek met de wethouder werd afgelast": not met
        intro = Block(unit.start, unit.end - 1, unit.text[:-1] + " ")
        if unit.text.endswith(":") and _cue_ends(intro, lang_en):
            phrases += [(i.body_start, i.end) for i in list_after(text, unit.end)]
            continue
        for start in _cue_ends(unit, lang_en):
            stop = _NP_STOP.search(text, start, unit.end)
            phrases += split_list(text, start, stop.start() if stop else unit.end, _starts_contact)
    out: list[Contact] = []
    seen: set[str] = set()
    for raw_start, raw_end in phrases:
        start, end = _trimmed(text, raw_start, raw_end)
        phrase = text[start:end]
        contact = parse_met(phrase, lang_en)
        key = fold(phrase).casefold()
        ours = set(key.split()) & set(exclude) or any(" " in x and x in key for x in exclude)
        if contact is None or key in seen or ours:
            continue  # a fellow traveller ("samen met wethouder X"), or seen already
        seen.add(key)
        out.append(contact.model_copy(update={"span": (start, end)}))
    return out
