"""Who travelled, read from free prose.

Reports state it in a few recurring shapes: a list under a heading ("Samenstelling van de
delegatie"), a list after an intro ("De delegatie bestond uit de Kamerleden A (VVD), B en C", "een
delegatie, bestaande uit wethouder X, twee raadsleden en ..."), or the subject of a travel verb
("Wethouder X bracht ... een bezoek aan", "Mayor X of Delft visited ...", "Vijf leden van de
gemeenteraad en de griffier bezochten ...", "Namens de gemeente nam burgemeester X deel aan ...").
Everything else is too loose to be sure who travelled. ``traveller_names`` splits each phrase into
function and name.
"""

from __future__ import annotations

import re

from reisparse import gazetteer
from reisparse.blocks import Block, fold, paragraphs
from reisparse.extract import traveller_names as names
from reisparse.extract.parties import find_travellers, home_city
from reisparse.extract.prose import ARTICLE, list_after, sentences, split_list
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
_BRACKETS_AT_END = re.compile(r"\s*\(([^()]*)\)\s*$")
_PARTY = re.compile(r"^(?:[^\s,]*[A-Z0-9][^\s,]*[A-Z0-9][^\s,]*|Volt|Denk)$")


def match_role(tokens: list[str]) -> tuple[str, int, bool] | None:
    """The traveller role the tokens start with: (role, singular; tokens used; written plural)."""
    for n in range(min(4, len(tokens)), 0, -1):
        written = " ".join(tokens[:n])
        found = names.traveller_roles().get(written.lower().strip(",:"))
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


_BY = re.compile(r"^(?:(?:en|and|&)\s+)?(?:(?:door|by)\s+)?", re.I)
_HONORIFIC = re.compile(
    r"^(?:(?:de\s+heer|mevrouw|mevr\.?|dhr\.?|mr\.?|mrs\.?|ms\.?|dr\.?|drs\.?|ir\.?|prof\.?)\s+)+",
    re.I,
)


def _piece_reading(piece: str) -> tuple[str, str, names.Reading | None]:
    """A list item without its final brackets, the brackets' content, and what the rest says."""
    piece = _BY.sub("", fold(piece).strip(" .,:;"))  # "door A en door B", "A, B, and C"
    paren = _BRACKETS_AT_END.search(piece)
    core, bracketed = (piece[: paren.start()], paren.group(1)) if paren else (piece, "")
    return piece, bracketed, names.read(_HONORIFIC.sub("", core).split())


def _name_comma_function(piece: str) -> Traveller | None:
    """ "Maarten Schouten, project leader Heat Transition": a name, then after a comma the function."""
    name, comma, function = fold(piece).strip(" .,:;").partition(", ")
    tokens = _HONORIFIC.sub("", name).split()
    if not comma or not function[:1].islower() or "," in function or not names.name_run(tokens):
        return None
    return Traveller(text=fold(piece).strip(" .,:;"), name=" ".join(tokens), role=function)


def _person(piece: str, inherited: str | None) -> tuple[Traveller | None, str | None]:
    """One list item as a traveller, and the role the next items inherit ("de Kamerleden A, B")."""
    piece, bracketed, reading = _piece_reading(piece)
    if reading is None:
        # Only a list item holds a comma here; in a sentence the comma separates people.
        return _name_comma_function(piece), inherited
    name = reading.name
    extra = [p.strip() for p in bracketed.split(",") if p.strip() and not _PARTY.match(p.strip())]
    in_brackets = extra[0] if extra and len(extra[0].split()) <= 3 else None
    if reading.role is None and not (in_brackets or inherited) and name and len(name.split()) < 2:
        return None, None  # one capitalised word alone is no one's name
    plural = reading.plural and name is not None
    # "de Kamerleden A (VVD), B": each one is a Kamerlid, and their text says so.
    built = name and (plural or (reading.role is None and in_brackets is None and inherited))
    role = (reading.singular if plural else reading.role) or in_brackets or inherited
    if role is None and name is None:
        return None, None
    text = f"{role} {name}" + (f" ({bracketed})" if bracketed else "") if built else piece
    return Traveller(text=ARTICLE.sub("", text), name=name, role=role), (
        role if plural else inherited
    )


# A traveller with where the text names them: people come out in the order of the text.
_Found = tuple[int, Traveller]


def _people(text: str, spans: list[tuple[int, int]]) -> list[_Found]:
    out: list[_Found] = []
    inherited: str | None = None
    group: Traveller | None = None  # "two advisors of the Port Authority, A and B"
    for start, end in spans:
        person, inherited = _person(text[start:end], inherited)
        if person is None:
            break  # the list ended in a clause ("..., en werd ondersteund door ...")
        before = out[-1][1] if out else None
        if before and _apposition(before, person):
            # "the clerk of the committee, Marco Terpstra": one person, function then name.
            joined = Traveller(
                text=f"{before.text}, {person.name}", name=person.name, role=before.role
            )
            out[-1] = (out[-1][0], joined)
            continue
        if group and person.name and person.role is None:
            # The people of the group before, named: they replace it.
            named = Traveller(text=person.text, name=person.name, role=group.role)
            if before is group:
                out[-1] = (out[-1][0], named)
            else:
                out.append((start, named))
            continue
        group = person if _counted(person) else None
        out.append((start, person))
    return out


def _counted(person: Traveller) -> bool:
    return person.name is None and names.strip_count(person.text.split())[1]


def _apposition(before: Traveller, person: Traveller) -> bool:
    """A single function without a name, then a name without one ("de griffier, Esther van Dalen")."""
    if before.name or not before.role or person.role or not person.name:
        return False
    head = names.head_at(before.role.split())
    return head is not None and not head[2] and not before.text[:1].isdigit()


def _starts_item(after: str) -> bool:
    """Whether a list separator splits here: not before a portfolio ("Klimaat en Energie")."""
    first = after.split(maxsplit=1)[:1]
    return not (first and names.is_portfolio(first[0]))


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return split_list(text, start, end, _starts_item)


_LIST_HEADING = re.compile(
    r"^(?:samenstelling\s+(?:van\s+)?(?:de\s+)?delegatie|delegatie|delegation|deelnemers|"
    r"participants|reisgezelschap|members of the delegation|leden van de delegatie|"
    r"who travell?ed|wie reisden?(?:\s+er)?\s+mee|reizigers|travell?ers)\s*[:?]?$",
    re.I,
)
_LIST_INTRO = re.compile(
    r"\b(?:(?:delegatie|delegation|reisgezelschap)\s+(?:bestond|bestaat|consisted|consists|"
    r"comprised|included|omvatte)(?:\s+(?:uit|of))?|(?:bestaande|bestond|bestonden|bestaat)\s+uit|"
    r"consisting\s+of|(?:was|were|werd|werden)\s+(?:vergezeld|"
    r"ondersteund|accompanied|supported|joined)\s+(?:door|van|by)|onder\s+leiding\s+van|"
    r"(?:was\s+)?led\s+by|(?:delegatie|delegation|deelnemers|participants)\s*:)\s*",
    re.I,
)
_LED_BY = re.compile(r"leiding|led\s+by", re.I)
# Every match of _LIST_INTRO contains one of these: most sentences are skipped without the regex.
_LIST_HINTS = ("bestond", "bestaat", "bestaande", "consist", "comprised", "included", "omvatte",
               "vergezeld", "ondersteund", "accompanied", "supported", "joined", "leiding",
               "led by", ":")  # fmt: skip

# Verbs whose subject travelled. Weak ones say so only in a dated sentence or one about the trip (a
# template's purpose); some only in the latter ("Minister X presenteerde op 4 maart de plannen" is a
# host); "nam"/"woonde" need their particle, "zou"/"heeft" the verb they go with.
_STRONG_VERBS = (
    "bezocht bezochten reisde reisden bracht brachten vertrok vertrokken vloog vlogen leidde "
    "leidden vertegenwoordigde vertegenwoordigden visited travelled traveled flew led paid "
    "arrived attended represented"
)
_WEAK_VERBS = "was waren ging gingen maakte maakten went made"
_PURPOSE_VERBS = "presenteerde presenteerden sprak spraken presented spoke joined participated"
_PARTICLE_VERBS = {
    "nam": "deel",
    "namen": "deel",
    "woonde": "bij",
    "woonden": "bij",
    "took": "part",
}
_MODAL_VERBS = frozenset(["zou", "zouden", "would"])
_AUX_VERBS = frozenset(["heeft", "hebben", "has", "have"])
_VERB = re.compile(
    r"\b("
    + "|".join([*_STRONG_VERBS.split(), *_WEAK_VERBS.split(), *_PURPOSE_VERBS.split(),
                *_PARTICLE_VERBS, *_MODAL_VERBS, *_AUX_VERBS])
    + r")\b"
)  # fmt: skip
_WEAK = frozenset(_WEAK_VERBS.split())
_PURPOSE_ONLY = frozenset(_PURPOSE_VERBS.split())
_WEAK_OR_PURPOSE = _WEAK | _PURPOSE_ONLY
_PARTICLE_AFTER = {
    verb: re.compile(rf"\b{particle}\b") for verb, particle in _PARTICLE_VERBS.items()
}
_INFINITIVE = re.compile(
    r"\b(?:deelnemen|bezoeken|reizen|gaan|spreken|presenteren|bijwonen|vertegenwoordigen|"
    r"attend|visit|travel|go|speak|present|represent|take part)\b"
)
_PARTICIPLE = re.compile(
    r"\b(?:bezocht|deelgenomen|gereisd|bijgewoond|gepresenteerd|vertegenwoordigd|gesproken|"
    r"visited|attended|travell?ed|presented|represented|taken part|participated)\b"
)
# Where a subject goes on to say whom the person represents: "of the Municipality of Delft", "van de
# gemeente Tilburg", "namens de gemeente". "van" followed by a capital is part of a name ("Jan van
# Dam"), and "leden van de gemeenteraad", "member of parliament" are functions: they stay.
_OF_BODY = re.compile(
    r"\s+(?:of\s+(?!(?:the\s+)?(?:parliament|house|senate|european\s+parliament|committee)\b)"
    r"(?:the\s+)?[A-Za-z]|van\s+(?:de|het)\s+(?:gemeente|provincie|stad|ministerie|waterschap|"
    r"tweede\s+kamer\s+der|regio)\b|namens\s|on\s+behalf\s).*$",
    re.S | re.I,
)
_CLAUSE = re.compile(r"\s[-–—]\s|:\s")


def _delegation_lists(text: str, units: list[Block], heads: list[Block]) -> list[_Found]:
    found: list[_Found] = []
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
            elif _LED_BY.search(match.group()):
                # "onder leiding van wethouder X", not "onder leiding van ir. Bram Claes" (a guide).
                led = _people(text, _items(text, start, unit.end))
                found += [(at, person) for at, person in led if person.role]
            else:
                found += _people(text, _items(text, start, unit.end))
    return found


def _verb_says_trip(unit: str, verb: re.Match[str], trip_sentences: bool) -> bool:
    word, after = verb.group(1), unit[verb.end() :]
    if word in _PARTICLE_VERBS:
        return _PARTICLE_AFTER[word].search(after) is not None
    if word in _MODAL_VERBS:
        return _INFINITIVE.search(after) is not None
    if word in _AUX_VERBS:
        return _PARTICIPLE.search(after) is not None
    if word in _PURPOSE_ONLY:
        return trip_sentences
    # "Minister X was eerder ook in Oslo": a weak verb needs a sentence about the trip.
    return word not in _WEAK or trip_sentences or any(c.isdigit() for c in unit)


def _subject_before(text: str, end: int) -> list[Traveller]:
    """The travellers named right before the verb at ``end``: the longest run of list items that
    all read as people, at least one of them with a function and a name or a count."""
    cut = list(_CLAUSE.finditer(text, 0, end))
    offset = cut[-1].end() if cut else 0
    subject = _OF_BODY.sub("", text[offset:end].rstrip(" ,"))
    items = _items(subject, 0, len(subject))
    for first in range(len(items)):
        people = _all_people(subject, items[first:])
        if people:
            return people
    return []


def _all_people(subject: str, items: list[tuple[int, int]]) -> list[Traveller]:
    """The items as travellers when every one reads as a person (or the function named before
    them) and one has a function with a name or a count; else nothing."""
    out: list[Traveller] = []
    inherited: str | None = None
    sure = False
    for start, end in items:
        person, inherited = _person(subject[start:end], inherited)
        if person is None:
            return []
        counted = names.strip_count(fold(subject[start:end]).split())[1]
        sure = sure or bool(person.role and (person.name or counted))
        out.append(person)
    if any(p.role is None for p in out) and not any(p.role and p.name for p in out):
        return []
    return out if sure else []


def _subject_after(text: str, start: int) -> list[Traveller]:
    """A subject after the verb, in Dutch after an opening phrase: "Namens de gemeente nam
    burgemeester X deel", "Op 21 maart bezochten gedeputeerde A en de commissaris van de Koning B
    Düsseldorf": each item a function and a name, the last one followed by the rest of the
    sentence."""
    out: list[Traveller] = []
    for item_start, item_end in _items(text, start, len(text)):
        tokens = text[item_start:item_end].split()[:12]
        person = _leading_person(tokens)
        if person is None:
            break
        out.append(person[0])
        if person[1] < len(tokens):
            break  # the sentence goes on after this one
    return out


def _leading_person(tokens: list[str]) -> tuple[Traveller, int] | None:
    """The person, with function and name, the tokens start with, and how many tokens name them."""
    if not tokens or names.head_at(names.strip_count(tokens)[0]) is None:
        return None
    for length in range(len(tokens), 1, -1):
        person, _ = _person(" ".join(tokens[:length]), None)
        if person is not None and person.role and person.name:
            return person, length
    return None


def _subjects(units: list[Block], *, trip_sentences: bool = False) -> list[_Found]:
    """'Mayor X of Delft visited', 'Wethouder X (Economie) van de gemeente Tilburg was', 'Vijf
    leden van de gemeenteraad en de griffier bezochten', 'nam burgemeester X deel'.

    ``trip_sentences``: the sentences are about the trip (a template's purpose), so weak verbs
    ("presenteerden", "was") count without a date in the sentence."""
    found: list[_Found] = []
    for unit in units:
        for verb in _VERB.finditer(unit.text):
            if not _verb_says_trip(unit.text, verb, trip_sentences):
                continue
            weak = verb.group(1) in _WEAK_OR_PURPOSE
            people = _subject_before(unit.text, verb.start())
            if weak and any(p.role and not names.is_travellers_function(p.role) for p in people):
                people = []  # "Professor X presenteerde haar onderzoek": someone met
            if not people and not weak:
                # "Op 4 maart sprak minister X met de delegatie": after a weak verb, a host.
                people = _subject_after(unit.text, verb.end())
            if people:
                found += [(unit.start + verb.start(), person) for person in people]
                break
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


def _once(people: list[_Found]) -> list[Traveller]:
    """Each person once ("Mayor Vos" is "Mayor Hanneke Vos" again; the first found stays), in the
    order of the text."""
    found: list[_Found] = []
    for at, person in people:
        key = set((person.name or person.text).split())
        if not any(key <= set((p.name or p.text).split()) for _, p in found):
            found.append((at, person))
    return [person for _, person in sorted(found, key=lambda f: f[0])]


def _people_or_teams(found: list[Traveller]) -> list[Traveller]:
    """What the shared extractor found, as far as it reads as people or a team; its people read
    again here, so that no first name stays in a function ("deelnemers uit heel Europa" is a list
    to it)."""
    out: list[Traveller] = []
    for t in found:
        if t.name is None and _TEAM.search(t.text):
            out.append(t)
            continue
        reading = names.read(fold(t.text).split())
        if (
            reading
            and reading.role
            and reading.name
            and match_role(reading.role.split())
            and not gazetteer.lookup_city(reading.name)
        ):
            out.append(Traveller(text=t.text, name=reading.name, role=reading.role))
    return out


def find_travellers_in_prose(text: str, units: list[Block], heads: list[Block]) -> list[Traveller]:
    """Travellers from delegation lists and sentence subjects, each person once; else what the
    shared extractor finds, as far as it reads as people or a team."""
    found = _once([*_delegation_lists(text, units, heads), *_subjects(units[:12])])
    return found or _people_or_teams(find_travellers(text))


def find_travellers_in_section(text: str, start: int, end: int) -> list[Traveller]:
    """Travellers stated in a template's section (its purpose, or the whole text): delegation lists
    and the subjects of its sentences ("Wethouder Mobiliteit X en senior adviseur Y presenteerden
    ..."; in the whole text only dated or clearly travelling ones); else what the shared extractor
    finds there, as far as it reads as people or a team."""
    about_trip = (start, end) != (0, len(text))
    units = sentences(text, paragraphs(text, start, end)) if about_trip else sentences(text)
    found = _once(
        [*_delegation_lists(text, units, []), *_subjects(units, trip_sentences=about_trip)]
    )
    return found or _people_or_teams(find_travellers(text, start, end))


# Members of a delegation of parliament listed without a function are members of parliament; so is
# the one who leads it. Staff (griffier, clerk) say what they are. (chamber names, Dutch, English)
_CHAMBERS = (
    (("Tweede Kamer", "House of Representatives"), "Kamerlid", "member of parliament"),
    (("Eerste Kamer", "Senate"), "Eerste Kamerlid", "senator"),
)
_LEADS = re.compile(
    r"^(?:delegatieleider|leider\s+van\s+de\s+delegatie|voorzitter|vicevoorzitter|"
    r"vice-voorzitter|head\s+of\s+(?:the\s+)?delegation|leader\s+of\s+the\s+delegation|"
    r"chair|vice-chair)$",
    re.I,
)


def members_of_parliament(
    organisation: str | None, travellers: list[Traveller], *, lang_en: bool = False
) -> list[Traveller]:
    """In a delegation of a chamber of parliament: "Bas Verkerk" is a Kamerlid, "Mirjam Oosterhuis
    (delegatieleider)" a Kamerlid who leads the delegation; in English a member of parliament."""
    member = next(
        (en if lang_en else nl for bodies, nl, en in _CHAMBERS
         if (organisation or "").startswith(bodies)),
        None,
    )  # fmt: skip
    if member is None:
        return travellers
    out = []
    for person in travellers:
        role = person.role
        if person.name and (role is None or _LEADS.match(role)):
            role = f"{member}, {role}" if role else member
        out.append(Traveller(text=person.text, name=person.name, role=role))
    return out


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
