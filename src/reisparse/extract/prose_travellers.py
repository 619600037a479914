"""Who travelled, read from free prose.

Reports without a template state it in a few recurring shapes: a list under a heading
("Samenstelling van de delegatie"), a list after an intro ("De delegatie bestond uit de Kamerleden
A (VVD), B en C"), or a subject before a travel verb ("Wethouder X bracht ... een bezoek aan",
"Mayor X of Delft visited ..."). Everything else is too loose to be sure who travelled.
"""

from __future__ import annotations

import re
from functools import cache

from reisparse import gazetteer
from reisparse.blocks import Block, fold
from reisparse.extract.parties import find_travellers, home_city
from reisparse.extract.prose import ARTICLE, list_after, split_list
from reisparse.model import Traveller

# --- names and roles of travellers ----------------------------------------------------------------

_PARTICLE_WORDS = "van de der den ter ten te het 't la le du da von el al bin ibn op in"
_PARTICLES = frozenset(_PARTICLE_WORDS.split())
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\wÀ-ÿ'’]*(?:-[A-ZÀ-Þ]?[\wÀ-ÿ'’]+)*|(?:[A-Z]\.)+)$")
_NOT_NAME_WORDS = (
    "gemeente municipality city stad ministerie ministry university universiteit haven port "
    "delegatie delegation commissie committee kamer team"
)
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
# Offices whose holders travel (and whose names stay), then staff; "singular/plural".
_ROLE_TABLE = (
    "Kamerlid/Kamerleden|Tweede Kamerlid/Tweede Kamerleden|Eerste Kamerlid/Eerste Kamerleden|"
    "senator/senatoren|wethouder/wethouders|burgemeester/burgemeesters|loco-burgemeester|"
    "gedeputeerde/gedeputeerden|commissaris van de Koning|Statenlid/Statenleden|"
    "raadslid/raadsleden|gemeenteraadslid/gemeenteraadsleden|minister/ministers|"
    "staatssecretaris/staatssecretarissen|dijkgraaf|voorzitter|commissievoorzitter|"
    "delegatieleider|griffier|beleidsmedewerker/beleidsmedewerkers|medewerker/medewerkers|"
    "adviseur/adviseurs|beleidsadviseur/beleidsadviseurs|ambtenaar/ambtenaren|"
    "projectleider/projectleiders|programmamanager/programmamanagers|mayor/mayors|"
    "deputy mayor/deputy mayors|vice-mayor|alderman/aldermen|councillor/councillors|"
    "councilor/councilors|member of parliament/members of parliament|MP/MPs|governor|"
    "state secretary|chair|head of delegation|policy adviser/policy advisers|"
    "policy advisor/policy advisors|policy officer/policy officers|official/officials|"
    "civil servant/civil servants|staff member/staff members|clerk"
)
_BRACKETS_AT_END = re.compile(r"\s*\(([^()]*)\)\s*$")
_PARTY = re.compile(r"^(?:[^\s,]*[A-Z0-9][^\s,]*[A-Z0-9][^\s,]*|Volt|Denk)$")


@cache
def _roles() -> dict[str, tuple[str, bool]]:
    """Lower-case written form -> (singular role, plural?)."""
    table: dict[str, tuple[str, bool]] = {}
    for entry in _ROLE_TABLE.split("|"):
        singular, _, plural = entry.partition("/")
        table[singular.lower()] = (singular, False)
        if plural:
            table[plural.lower()] = (singular, True)
    return table


def match_role(tokens: list[str]) -> tuple[str, int, bool] | None:
    """The traveller role the tokens start with: (role, singular; tokens used; written plural)."""
    for n in range(min(4, len(tokens)), 0, -1):
        written = " ".join(tokens[:n])
        found = _roles().get(written.lower().strip(",:"))
        if found:
            singular, plural = found
            role = singular if plural or singular[0].isupper() else written[0] + singular[1:]
            return role, n, plural
    return None


def is_name(tokens: list[str]) -> bool:
    """Whether the tokens read as a personal name: capitalised words, initials and particles."""
    if not 1 <= len(tokens) <= 5 or not _NAME_WORD.match(tokens[0]) or tokens[0] == "De":
        return len(tokens) > 1 and tokens[0] in ("De", "Van", "Ter", "Ten") and is_name(tokens[1:])
    if any(t.lower() in _NOT_NAME for t in tokens):
        return False
    return all(_NAME_WORD.match(t) or t in _PARTICLES for t in tokens) and tokens[-1][0].isupper()


def _person(piece: str, inherited: str | None) -> tuple[Traveller | None, str | None]:
    """One list item as a traveller, and the role the next items inherit ("de Kamerleden A, B")."""
    piece = fold(piece).strip(" .,:;")
    paren = _BRACKETS_AT_END.search(piece)
    core, bracketed = (piece[: paren.start()], paren.group(1)) if paren else (piece, "")
    tokens = ARTICLE.sub("", core).split()
    found = match_role(tokens)
    role, used, plural = found if found else (None, 0, False)
    rest = tokens[used:]
    name = " ".join(rest) if is_name(rest) and (role or len(rest) > 1 or inherited) else None
    extra = [p.strip() for p in bracketed.split(",") if p.strip() and not _PARTY.match(p.strip())]
    if rest and not name and (role is None or rest[0][:1].isupper()):
        return None, None  # not a person: a clause, an organisation, a place
    in_brackets = extra[0] if extra and len(extra[0].split()) <= 3 else None
    # "de Kamerleden A (VVD), B": each one is a Kamerlid, and their text says so.
    built = name and (plural or (role is None and in_brackets is None and inherited))
    role = role or in_brackets or inherited
    if role is None and name is None:
        return None, None
    text = f"{role} {name}" + (f" ({bracketed})" if bracketed else "") if built else piece
    return Traveller(text=ARTICLE.sub("", text), name=name, role=role), (
        role if plural else inherited
    )


def _people(text: str, spans: list[tuple[int, int]]) -> list[Traveller]:
    out: list[Traveller] = []
    inherited: str | None = None
    for start, end in spans:
        person, inherited = _person(text[start:end], inherited)
        if person is None:
            break  # the list ended in a clause ("..., en werd ondersteund door ...")
        out.append(person)
    return out


_LIST_HEADING = re.compile(
    r"^(?:samenstelling\s+(?:van\s+)?(?:de\s+)?delegatie|delegatie|delegation|deelnemers|"
    r"participants|reisgezelschap|members of the delegation|leden van de delegatie)\s*:?$",
    re.I,
)
_LIST_INTRO = re.compile(
    r"\b(?:(?:delegatie|delegation|reisgezelschap)\s+(?:bestond|bestaat|consisted|consists|"
    r"comprised|included|omvatte)(?:\s+(?:uit|of))?|(?:was|were|werd|werden)\s+(?:vergezeld|"
    r"ondersteund|accompanied|supported|joined)\s+(?:door|van|by)|onder\s+leiding\s+van|"
    r"(?:was\s+)?led\s+by|(?:delegatie|delegation|deelnemers|participants)\s*:)\s*",
    re.I,
)
# Every match of _LIST_INTRO contains one of these: most sentences are skipped without the regex.
_LIST_HINTS = ("bestond", "bestaat", "consist", "comprised", "included", "omvatte", "vergezeld",
               "ondersteund", "accompanied", "supported", "joined", "leiding", "led by",
               ":")  # fmt: skip
_TRAVEL_VERB = (
    r"bracht|brachten|bezocht|bezochten|reisde|reisden|was|waren|ging|gingen|vertrok|vertrokken|"
    r"vloog|vlogen|maakte|maakten|leidde|visited|travell?ed|went|flew|led|made|paid|arrived"
)
_SUBJECT = re.compile(
    rf"(?:^|[,:]\s+|\s-\s)((?:(?:de|De|the|The)\s+)?[A-Za-z][\w-]+(?:\s+[a-z][\w-]*)?\s+[A-Z][^.;:]"
    rf"{{0,140}}?)\s+({_TRAVEL_VERB})\b"
)
# "was"/"went" only say a trip when the sentence dates it: "Minister X was eerder ook in Oslo" does not.
_WEAK_VERB = frozenset({"was", "waren", "ging", "gingen", "went", "made", "maakte", "maakten"})
# Where a subject goes on to say whom the person represents: "of the Municipality of Delft", "van de
# gemeente Tilburg". "van" followed by a capital is part of a name ("Jan van Dam"), so it stays.
_OF_BODY = re.compile(r"\s+(?:of\s|van\s+(?:de|het)\s+[a-z]).*$", re.S)


def _delegation_lists(text: str, units: list[Block], heads: list[Block]) -> list[Traveller]:
    found: list[Traveller] = []
    for i, head in enumerate(heads):
        if _LIST_HEADING.match(head.text):
            listed = list_after(text, head.end, heads[i + 1].start if i + 1 < len(heads) else None)
            found += _people(text, [(item.body_start, item.end) for item in listed])
    for unit in units:
        low = unit.text.lower()
        if not any(map(low.__contains__, _LIST_HINTS)):
            continue
        for match in _LIST_INTRO.finditer(unit.text):
            start = unit.start + match.end()
            if match.group().rstrip().endswith(":") and unit.end - start < 3:
                listed = list_after(text, unit.end)
                found += _people(text, [(item.body_start, item.end) for item in listed])
            else:
                found += _people(text, split_list(text, start, unit.end))
    return found


def _subjects(units: list[Block]) -> list[Traveller]:
    """'Mayor X of Delft visited', 'Wethouder X (Economie) van de gemeente Tilburg was'."""
    found: list[Traveller] = []
    for unit in units:
        for match in _SUBJECT.finditer(unit.text):
            if match.group(2) in _WEAK_VERB and not any(c.isdigit() for c in unit.text):
                continue
            subject = _OF_BODY.sub("", match.group(1))
            for start, end in split_list(subject, 0, len(subject)):
                person, _ = _person(subject[start:end], None)
                if person and person.role and person.name:
                    found.append(person)
    return found


# --- the trip's organisation and the fallback -----------------------------------------------------

_TEAM = re.compile(r"\b(?:team|delegatie|delegation|afdeling|department|programmateam)$", re.I)
_MUNICIPAL = re.compile(
    r"\b(?i:wethouder|burgemeester|mayor|deputy mayor|alderman)\b[^.\n]{0,40}?\b"
    # "of Eindhoven", but not "van Beek": in Dutch "van" + capital is mostly a surname.
    r"(?:of\s+(?i:the\s+municipality\s+of\s+|the\s+city\s+of\s+)?|van\s+de\s+gemeente\s+)"
    r"([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
)
_PARLIAMENT_ROLE = re.compile(r"^(?:Tweede\s+)?Kamerlid$")


def find_travellers_in_prose(text: str, units: list[Block], heads: list[Block]) -> list[Traveller]:
    """Travellers from delegation lists and sentence subjects, each person once; else what the
    shared extractor finds, as far as it reads as people or a team."""
    found: list[Traveller] = []
    for person in [*_delegation_lists(text, units, heads), *_subjects(units[:12])]:
        key = set((person.name or person.text).split())
        if not any(key <= set((p.name or p.text).split()) for p in found):
            found.append(person)
    if found:
        return found
    # The shared extractor also reads "deelnemers uit heel Europa" as a list: keep people, teams.
    return [
        t for t in find_travellers(text)
        if _TEAM.search(t.text)
        or (t.name and t.role and match_role(t.role.split()) and not gazetteer.lookup_city(t.name))
    ]  # fmt: skip


def organisation_of(text: str, travellers: list[Traveller]) -> str | None:
    """The travelling body when the text does not name it: Kamerleden travel for the Tweede Kamer,
    "Mayor X of Eindhoven" for Gemeente Eindhoven."""
    if any(t.role and _PARLIAMENT_ROLE.match(t.role) for t in travellers):
        return "Tweede Kamer der Staten-Generaal"
    for match in _MUNICIPAL.finditer(text[:2000]):
        place = gazetteer.lookup_city(match.group(1))
        if place and place.country == gazetteer.home_country():
            return f"Gemeente {match.group(1)}"
    return None


def home_of(organisation: str | None) -> gazetteer.Place | None:
    """The home city of a travelling body; for parliament, The Hague, where it sits."""
    if not organisation:
        return None
    if organisation.startswith(("Tweede Kamer", "Eerste Kamer")):
        return gazetteer.lookup_city("Den Haag")  # where parliament sits: never a destination
    return home_city(organisation)
