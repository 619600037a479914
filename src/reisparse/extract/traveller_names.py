"""One traveller phrase read as its function and the person's name.

"Wethouder Klimaat en Energie Sanne Vermaat" is (``Wethouder Klimaat en Energie``, ``Sanne Vermaat``),
"programmamanager klimaatadaptatie Youssef El Idrissi" is (``programmamanager klimaatadaptatie``,
``Youssef El Idrissi``), "drie ambtenaren van de afdeling Economische Zaken" is a group without names.

A phrase reads as: an article or a count, a function (its head word, "wethouder", "senior adviseur",
then what qualifies it: lower-case words and portfolio words, "Klimaat en Energie", "for International
Affairs"), then the name: the run of name-like tokens (capitalised words, initials, tussenvoegsels as
in ``reisparse.personal``) that ends the phrase. A word in doubt goes to the name, never to the
function: the register publishes a civil servant's function and drops the name, so a first name left
in the function would be published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reisparse import gazetteer
from reisparse.personal.words import FUNCTION_WORDS, ORG_WORDS, PARTICLES, PORTFOLIO_WORDS, words

# Offices and functions of travellers, "singular/plural"; with the functions of data/roles.txt that
# name one person (not "team", "delegatie", "partners").
_ROLE_TABLE = (
    "Kamerlid/Kamerleden|Tweede Kamerlid/Tweede Kamerleden|Eerste Kamerlid/Eerste Kamerleden|"
    "lid/leden|senator/senatoren|wethouder/wethouders|burgemeester/burgemeesters|loco-burgemeester|"
    "gedeputeerde/gedeputeerden|commissaris van de Koning|Statenlid/Statenleden|"
    "raadslid/raadsleden|gemeenteraadslid/gemeenteraadsleden|minister/ministers|"
    "staatssecretaris/staatssecretarissen|dijkgraaf|heemraad/heemraden|hoogheemraad/hoogheemraden|"
    "Europarlementariër/Europarlementariërs|voorzitter|commissievoorzitter|delegatieleider|griffier|"
    "commissiegriffier|adjunct-griffier|beleidsmedewerker/beleidsmedewerkers|"
    "medewerker/medewerkers|adviseur/adviseurs|beleidsadviseur/beleidsadviseurs|"
    "ambtenaar/ambtenaren|projectleider/projectleiders|programmamanager/programmamanagers|"
    "ontwerper/ontwerpers|verkeerskundige/verkeerskundigen|stedenbouwkundige/stedenbouwkundigen|"
    "specialist/specialisten|woordvoerder/woordvoerders|mayor/mayors|deputy mayor/deputy mayors|"
    "vice-mayor|alderman/aldermen|councillor/councillors|councilor/councilors|"
    "member of parliament/members of parliament|MP/MPs|MEP/MEPs|governor|state secretary|chair|"
    "head of delegation|policy adviser/policy advisers|policy advisor/policy advisors|"
    "policy officer/policy officers|official/officials|civil servant/civil servants|"
    "staff member/staff members|clerk|member/members|advisor/advisors|adviser/advisers|"
    "harbour master/harbour masters|havenmeester|stagiair/stagiairs|stagiaire|intern/interns|"
    "trainee/trainees|teamleider/teamleiders|afdelingshoofd/afdelingshoofden"
)
_NOT_PERSONS = words(
    """team delegatie delegation staff co-workers coworkers colleagues collega's werknemers
    employees partners representatives vertegenwoordigers journalists journalist entrepreneurs
    ondernemers students studenten beleidsmakers policymakers diplomaten"""
)
# Words before a function that qualify it: "senior adviseur", "plaatsvervangend griffier".
_MODIFIERS = words(
    """senior junior adjunct plaatsvervangend plaatsvervangende strategisch strategische strategic
    lead principal"""
)
_COUNT = re.compile(
    r"^(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|enkele|meerdere|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|several)$",
    re.I,
)
_ARTICLES = words("de het een the a an")
# Portfolios the shared list lacks ("Alderman for International Affairs").
_MORE_PORTFOLIO = words(
    """international internationaal public space circulariteit circular klimaatadaptatie sociale
    regionale works spatial green verduurzaming openbaar vervoer luchtkwaliteit binnenstad centrum
    ouderen gezin gezinnen sport cultuur kunst"""
)
_PORTFOLIO = PORTFOLIO_WORDS | _MORE_PORTFOLIO
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\wÀ-ÿ'’]*(?:-[A-ZÀ-Þ]?[\wÀ-ÿ'’]+)*|(?:[A-Z]\.)+)$")
_MORE_PARTICLES = frozenset({"het", "'t", "op", "in", "ibn", "Al", "Bin", "Ben", "Ibn"})
_PARTICLE_SET = PARTICLES | _MORE_PARTICLES
_MAJOR_PLACE = 50_000
_BODY_WORDS = ORG_WORDS | words("afdeling department directie dienst")
# A function's last words that say a complement follows ("of the", "van de").
_LINKS = words("of the van de het der voor for from uit bij at")
_WHERE_FROM = _BODY_WORDS | _LINKS
# Words that are never part of a person's name: portfolios, functions, bodies, prepositions.
_NOT_IN_NAME = (
    _PORTFOLIO
    | FUNCTION_WORDS
    | _BODY_WORDS
    | words("in op met namens voor na tijdens bij naar uit during on at with from for and en of to")
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What one phrase says: the function as stated (without article and count), the name, the
    function's singular when a plural head names several people ("de Kamerleden A, B")."""

    role: str | None
    name: str | None
    plural: bool = False
    singular: str | None = None
    counted: bool = False


def traveller_roles() -> dict[str, tuple[str, bool]]:
    """Lower-case written form of a traveller's office or function -> (singular, plural?)."""
    return _heads(travellers_only=True)


@cache
def _heads(*, travellers_only: bool = False) -> dict[str, tuple[str, bool]]:
    """Lower-case written form -> (singular, plural?); ``travellers_only``: without the functions
    of people met (roles.txt: "professor", "ambassador", "CEO")."""
    table: dict[str, tuple[str, bool]] = {}
    path = Path(__file__).parent.parent / "data" / "roles.txt"
    for raw in [] if travellers_only else path.read_text(encoding="utf-8").splitlines():
        line = raw.strip().lower()
        if line and not line.startswith("#") and "=>" not in line and line not in _NOT_PERSONS:
            table[line] = (line, False)
    for entry in _ROLE_TABLE.split("|"):
        singular, _, plural = entry.partition("/")
        table[singular.lower()] = (singular, False)
        if plural:
            table[plural.lower()] = (singular, True)
    return table


@cache
def _firsts() -> tuple[frozenset[str], int]:
    """The first words of all functions (most tokens start none) and the longest function's length."""
    return frozenset(k.split()[0] for k in _heads()), max(len(k.split()) for k in _heads())


def head_at(
    tokens: list[str], i: int = 0, *, travellers_only: bool = False
) -> tuple[int, str, bool] | None:
    """The function that starts at ``tokens[i]``, modifiers included ("senior adviseur"): (tokens
    used, singular as written, plural?)."""
    j = i
    while j < len(tokens) and tokens[j].lower() in _MODIFIERS:
        j += 1
    firsts, longest = _firsts()
    if j >= len(tokens) or tokens[j].lower().strip(",:") not in firsts:
        return None
    heads = _heads(travellers_only=travellers_only)
    for n in range(min(longest, len(tokens) - j), 0, -1):
        written = " ".join(tokens[j : j + n])
        found = heads.get(written.lower().strip(",:"))
        if found:
            singular, plural = found
            if not plural and not singular[0].isupper():
                singular = written.strip(",:")
            return j + n - i, singular, plural
    return None


def is_travellers_function(role: str) -> bool:
    """An office or a function of the travelling body's own staff ("wethouder Mobiliteit", "senior
    adviseur fiets"), not one of the people met ("professor", "ambassador")."""
    tokens = role.split()
    return head_at(tokens, travellers_only=True) is not None


def is_particle(token: str) -> bool:
    return token in _PARTICLE_SET


def _capitalised(token: str) -> bool:
    """A capitalised word or initials, not an acronym ("VVD")."""
    return bool(_NAME_WORD.match(token)) and (
        len(token) == 1 or not token.isupper() or "." in token
    )


def is_name_word(token: str) -> bool:
    """A capitalised word or initials that no portfolio, function or body is."""
    return _capitalised(token) and token.lower() not in _NOT_IN_NAME


def is_portfolio(token: str) -> bool:
    return token[:1].isupper() and token.lower().strip(",") in _PORTFOLIO


def name_run(tokens: list[str], *, strict: bool = True) -> bool:
    """Whether the tokens read as a personal name: capitalised words, initials and particles,
    ending in a word. ``strict`` (no function before them): not when the first word is a portfolio,
    function or body ("Energie Sanne Vermaat", "Economische Zaken") or the last an organisation's."""
    if not 1 <= len(tokens) <= 6 or not _capitalised(tokens[-1]):
        return False
    if not all(_capitalised(t) or is_particle(t) for t in tokens):
        return False
    if strict:
        if not tokens[0][:1].isupper():
            return False  # "van Almere" alone is where someone is from
        first = next(t for t in tokens if not is_particle(t))
        return is_name_word(first) and tokens[-1].lower() not in ORG_WORDS
    return True


def _is_place(tokens: list[str]) -> bool:
    """A city or country: any known place for several words, a sizeable one for one word (a lone
    surname may also be a village: "burgemeester Halsema")."""
    if not tokens:
        return False
    joined = " ".join(tokens)
    if gazetteer.lookup_country(joined) is not None:
        return True
    place = gazetteer.lookup_city(joined)
    return place is not None and (len(tokens) > 1 or place.population >= _MAJOR_PLACE)


def strip_count(tokens: list[str]) -> tuple[list[str], bool]:
    """Without a leading article and count: "de twee beleidsadviseurs" -> "beleidsadviseurs"."""
    i = 0
    if i < len(tokens) and tokens[i].lower() in _ARTICLES and len(tokens) > 1:
        i += 1
    counted = i < len(tokens) and bool(_COUNT.match(tokens[i])) and len(tokens) > i + 1
    return tokens[i + counted :], counted


def read(tokens: list[str]) -> Reading | None:
    """One traveller from the tokens of a phrase (no brackets), or None when they are no person or
    group: "wethouder Wonen Marloes Tjon-A-Fat", "twee raadsleden", "Bas Verkerk", "de griffier"."""
    tokens, counted = strip_count(tokens)
    found = head_at(tokens) if tokens else None
    if found is None:
        named = bool(tokens) and not counted and name_run(tokens)
        return Reading(None, " ".join(tokens)) if named else None
    used, singular, plural = found
    end = _function_end(tokens, used)
    rest = tokens[end:]
    if rest and not _ends_a_name(rest):
        return None  # "wethouder bracht een bezoek": a clause, not a name
    role, name = _split(tokens[:end], rest, end == used)
    if name and counted:
        return None  # "twee raadsleden Jan en Piet" is not one traveller
    return Reading(role, name, plural=plural, singular=singular, counted=counted)


def _ends_a_name(rest: list[str]) -> bool:
    """The name-like run after a function; not one that ends in a city ("bezochten commissaris X
    Mulder Düsseldorf": the name ended before the place)."""
    if not name_run(rest, strict=False):
        return False
    return len(rest) < 3 or is_particle(rest[-2]) or not _is_place(rest[-1:])


def _function_end(tokens: list[str], used: int) -> int:
    """Where the function ends: lower-case words and portfolios continue it ("klimaatadaptatie",
    "Klimaat en Energie", "for International Affairs"); particles before a name are the name's."""
    end = used
    while end < len(tokens):
        token = tokens[end]
        if token[:1].islower() or is_portfolio(token) or token in ("&", "/"):
            end += 1
            continue
        break
    # "wethouder van der Sande", "leden van de gemeenteraad van Almere": particles go back.
    while end > used and is_particle(tokens[end - 1]):
        end -= 1
    return end


def _split(role: list[str], rest: list[str], bare: bool) -> tuple[str | None, str | None]:
    """The function and the name, from the function's tokens and the name-like run after them.

    The run is no name when every word of it is a portfolio, function, body or city ("minister van
    Buitenlandse Zaken", "of the Port Authority", "leden van de gemeenteraad van Almere"), or one
    word that says where from ("medewerker van Rijkswaterstaat", "afdeling Stadsbeheer"; but
    ``bare``, right after the office, a surname: "burgemeester van Zanen"). Else it is a name, from
    after the last such word when two name words follow ("Gezonde Stad Jan Jansen"): a run that
    may be a person's name always goes to the name, never to the function.
    """
    if not rest:
        return " ".join(role), None
    named = [t for t in rest if not is_particle(t)]
    where_from = (is_particle(rest[0]) and not bare) or (
        bool(role) and role[-1].lower() in _WHERE_FROM
    )
    if (
        all(_not_a_name(t) for t in named)
        or _is_place(rest[1:] if is_particle(rest[0]) else rest)
        or (where_from and len(named) == 1)
    ):
        return " ".join(role + rest), None
    for k in range(len(rest) - 2, -1, -1):
        after = [t for t in rest[k + 1 :] if not is_particle(t)]
        if len(after) >= 2 and not is_particle(rest[k]) and _not_a_name(rest[k]):
            return " ".join(role + rest[: k + 1]), " ".join(rest[k + 1 :])
    return " ".join(role) or None, " ".join(rest)


def _not_a_name(token: str) -> bool:
    """A portfolio, function or body word, or a sizeable city: no part of a person's name."""
    return token.lower() in _NOT_IN_NAME or _is_place([token])


def split_role_name(phrase: str) -> tuple[str | None, str | None]:
    """(function, name) of a traveller phrase; (None, None) when it names no traveller."""
    reading = read(phrase.split())
    if reading is None:
        return None, None
    return reading.role, reading.name
