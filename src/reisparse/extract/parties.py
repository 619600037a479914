"""Who travelled: the organisation (a public body) and the travellers or delegation."""

from __future__ import annotations

import re
from collections import Counter

from reisparse import gazetteer
from reisparse.blocks import fold
from reisparse.extract.contacts import role_prefix
from reisparse.model import Traveller

_BODY = (
    r"Gemeente|Provincie|Waterschap|Ministerie van|Municipality of|City of|Province of|Ministry of"
)
# "Den Haag", "Bergen op Zoom", "Alphen aan den Rijn": particles only when a capitalised word follows.
_PLACE_NAME = r"(?:[A-Z'][\w'’-]+)(?:[ -](?:[A-Z][\w'’-]+|_PARTICLE\b(?=(?:[ -]_PARTICLE)*[ -][A-Z]))){0,4}".replace(
    "_PARTICLE", "(?:van|de|den|aan|op)"
)
_BODY_WORDS = (
    "Gemeente",
    "Provincie",
    "Waterschap",
    "Ministerie",
    "Municipality",
    "City of",
    "Province",
    "Ministry",
)
_EXPLICIT = re.compile(rf"\b({_BODY})\s+({_PLACE_NAME})")
# "namens de gemeente Amersfoort", "On behalf of the Municipality of Rotterdam": the author's own body.
_ON_BEHALF = re.compile(
    rf"\b(?i:namens|on behalf of|van)\s+(?i:de|the)\s+((?i:gemeente|provincie|municipality of|city of))"
    rf"\s+({_PLACE_NAME})"
)
_PARLIAMENT = re.compile(
    r"\b(Tweede Kamer|Eerste Kamer|House of Representatives|Senate of the Netherlands)\b"
)
_TEAM = re.compile(
    r"\b(?:het|de|the|our|ons|onze)\s+((?:[A-Z][\w&-]*\s+){1,3}"
    r"(?:team|delegatie|delegation|afdeling|department|programmateam))\b"
)
_LIST_INTRO = re.compile(
    r"\b(?:delegatie|delegation|deelnemers|participants|reizigers|travellers|travelers|reisgezelschap)"
    r"(?:\s+(?:bestond|bestaat|consisted|consists|was made up|is made up|comprised)\s+(?:uit|of)\s+|\s*:\s*)"
    r"(.+?)(?:\.\s|\.$|\n\n|$)",
    re.I | re.S,
)
_SPLIT = re.compile(r"\s*(?:;|,|\ben\b|\band\b)\s*")
_HONORIFIC = re.compile(
    r"^(?:de heer|mevrouw|dhr\.?|mw\.?|mr\.?|mrs\.?|ms\.?|dr\.?|drs\.?|ir\.?|prof\.?)\s+", re.I
)
_PARTICLES = frozenset(
    {"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "la", "le", "da", "el", "al"}
)
# A sentence in which travellers are the subject: they represented, visited, travelled, took part.
_TRAVEL_VERB = re.compile(
    r"\b(?:vertegenwoordigde(?:n)?|bezocht(?:en)?|reisde(?:n)?|namen deel|nam deel|bracht(?:en)?|"
    r"gingen|ging|waren aanwezig|was aanwezig|represented|visited|travell?ed|attended|took part)\b",
    re.I,
)


_SUBJECT_END = re.compile(
    r"\s(?:met|with|door|by|van de gemeente|of the municipality|om|to|de stad|the city|namens|on behalf)\s|[,;:]"
)


def find_organisation(text: str, *, head_chars: int = 600) -> str | None:
    """An organisation named as the author, or inferred from the Dutch city the text keeps representing.

    In order: "namens de gemeente X" (X Dutch or unknown); "Gemeente X" in the letterhead (the first
    ``head_chars``); a parliament chamber in the letterhead; "Gemeente X" with X Dutch anywhere; a chamber anywhere;
    the Dutch city the text names most.
    """
    for m in _ON_BEHALF.finditer(text):
        # Not every Dutch municipality has a town of its name (Haarlemmermeer); a foreign city is never "us".
        place = gazetteer.lookup_city(m.group(2))
        if place is None or place.country == "NL":
            return f"{_body(m.group(1))} {m.group(2)}"
    # Most reports never name their body this way; a substring test is far cheaper than the pattern.
    explicit = list(_EXPLICIT.finditer(text)) if any(b in text for b in _BODY_WORDS) else []
    chamber = _PARLIAMENT.search(text)
    for in_head in (True, False):
        for match in explicit:
            if in_head and match.start() >= head_chars:
                break
            place = gazetteer.lookup_city(match.group(2))
            if in_head or (place and place.country == "NL"):
                return f"{match.group(1)} {match.group(2)}"
        if chamber and (not in_head or chamber.start() < head_chars):
            name = chamber.group(1)
            return "Tweede Kamer der Staten-Generaal" if name == "Tweede Kamer" else name
    return _inferred_municipality(text)


def _body(word: str) -> str:
    word = word.lower()
    return {"gemeente": "Gemeente", "provincie": "Provincie"}.get(
        word, word.title().replace(" Of", " of")
    )


def _inferred_municipality(text: str) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in gazetteer.find_places(text):
        if mention.place.country == "NL" and mention.place.kind == "city":
            counts[mention.surface] += 1
            first.setdefault(mention.surface, mention.start)
    if not counts:
        return None
    surface, n = max(counts.items(), key=lambda kv: (kv[1], -first[kv[0]]))
    # One passing mention is not enough to say who travelled.
    return f"Gemeente {surface}" if n >= 2 else None


def home_city(organisation: str | None) -> gazetteer.Place | None:
    if not organisation:
        return None
    name = re.sub(rf"^(?:{_BODY})\s+", "", organisation, flags=re.I)
    place = gazetteer.lookup_city(name)
    return place if place and place.country == "NL" else None


def _is_name_token(token: str) -> bool:
    return (token[:1].isupper() and not token.isupper()) or token.lower() in _PARTICLES


def split_role_name(tokens: list[str]) -> tuple[str | None, str | None]:
    """``Wethouder Onderwijs Jeroen Visser`` → (``Wethouder Onderwijs``, ``Jeroen Visser``).

    A person's name is the last run of two capitalised words (with particles such as *ter* between); capitalised
    words between the function and the name are the portfolio.
    """
    n = role_prefix(tokens)
    rest = tokens[n:]
    cut = len(rest)
    for i, token in enumerate(rest):
        if not _is_name_token(token):
            cut = i
            break
    run = rest[:cut]
    caps = [i for i, t in enumerate(run) if t[:1].isupper()]
    if not caps:
        return (" ".join(tokens[:n]) or None), None
    first = caps[-2] if len(caps) >= 2 else caps[-1]
    if len(caps) == 1 and _is_place(run[caps[0]]):
        # "delegatie van Almere": a single capitalised word that is a place names where they came from.
        return (" ".join(tokens[:n]) or None), None
    role = " ".join(tokens[:n] + run[:first]) or None
    return (role if n else None), " ".join(run[first:])


def _is_place(word: str) -> bool:
    word = word.strip(".,;:()")
    return gazetteer.lookup_city(word) is not None or gazetteer.lookup_country(word) is not None


def _traveller(piece: str) -> Traveller | None:
    piece = fold(piece).strip(" .:;")
    if len(piece) < 3:
        return None
    bare = _HONORIFIC.sub("", piece)
    paren = re.match(r"^(.*?)\s*\(([^)]*)\)$", bare)
    if paren:  # "Femke Jacobs (programme director)"
        name_part, role = paren.group(1), paren.group(2)
        words = name_part.split()
        if words and all(_is_name_token(w) for w in words):
            return Traveller(text=piece, name=name_part, role=role)
    role, name = split_role_name(bare.split())
    return Traveller(text=piece, name=name, role=role)


def _prose_travellers(text: str, start: int, end: int) -> list[Traveller]:
    out: list[Traveller] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text[start:end]):
        verb = _TRAVEL_VERB.search(sentence)
        if not verb:
            continue
        before = fold(sentence[: verb.start()])
        # The subject names who went; "met"/"with" would introduce the people met. Dutch puts the subject
        # after the verb when the sentence opens with something else ("Op uitnodiging van X bezocht wethouder Y").
        after = fold(sentence[verb.end() :])
        subject = _SUBJECT_END.split(before)[0]
        if not any(role_prefix(p.split()) for p in _SPLIT.split(subject)):
            subject = _SUBJECT_END.split(after)[0]
        for piece in _SPLIT.split(subject):
            tokens = piece.split()
            start_at = next((i for i in range(len(tokens)) if role_prefix(tokens[i:])), None)
            if start_at is None:
                continue
            role, name = split_role_name(tokens[start_at:])
            if name and role:
                out.append(Traveller(text=" ".join(tokens[start_at:]), name=name, role=role))
    return out


def find_travellers(text: str, start: int = 0, end: int | None = None) -> list[Traveller]:
    end = len(text) if end is None else end
    for match in _LIST_INTRO.finditer(text, start, end):
        pieces = [t for p in _SPLIT.split(match.group(1)) if (t := _traveller(p))]
        if pieces:
            return pieces
    prose = _prose_travellers(text, start, end)
    if prose:
        return prose
    teams: dict[str, None] = {}
    for match in _TEAM.finditer(text, start, end):
        teams.setdefault(fold(match.group(1)), None)
    return [Traveller(text=team) for team in teams]
