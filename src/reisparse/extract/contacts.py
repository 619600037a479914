"""People met, as function + organisation + place + count ("Policy Officers of the municipality of
Helsingborg (4x)"). Names are not the point: the register stores functions (see docs/glossary.md, Woo).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reisparse import gazetteer
from reisparse.blocks import Block, fold, label_of, lines, starts_lowercase
from reisparse.model import Contact

_COUNT_SUFFIX = re.compile(r"\s*\(?\s*(\d{1,4})\s*[x×]\s*\)?\s*[.;,]?\s*$", re.I)
_COUNT_PREFIX = re.compile(
    r"^(?:(?:meer dan|ruim|circa|ca\.|ongeveer|zo'n|more than|over|about|around|some|approximately)\s+)?"
    r"(\d{1,4}|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?=[^\W\d])",
    re.I,
)
_NUMBER_WORDS = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# Where the organisation is introduced after the function.
_ORG_INTRO = re.compile(
    r"\s+(?:(?:of|from|at|van|bij)\s+(?:the\s+|de\s+|het\s+)?)?"
    r"(?:(?:organisation|organization|organisatie)\s+(?:called|genaamd|named)\s*:?\s*"
    r"|(?=(?:municipality|city|gemeente|stad|province|provincie|university|universiteit|ministry|ministerie)\b))",
    re.I,
)
_PARTICIPLE = re.compile(
    r"\s+(?:werkende|werkzaam|die|dat|working|who|that|active)\b.*$", re.I | re.S
)
_CONNECTOR = re.compile(r"^(?:en|and|&|o\.a\.|onder andere|including|among others)[:.]?$", re.I)
_CONNECT_WORDS = frozenset(
    {"&", "and", "en", "on", "for", "of", "voor", "van", "in", "op", "de", "the"}
)
_PARENS = re.compile(r"\s*\([^)]*\)")
_EMPTY_ANSWER = re.compile(
    r"^(?:niemand|geen|nee|n\.?v\.?t\.?|niet van toepassing|nobody|no one|none|no|n/?a|not applicable)\b"
    r"\s*[.!:;,-]?(?:\s|$)",
    re.I,
)
_PLACE_ORG = re.compile(r"^(?:the\s+)?(municipality|city|gemeente|stad)\s+(?:of\s+)?(.+)$", re.I)


@dataclass(frozen=True, slots=True)
class _Roles:
    words: frozenset[str]
    fixes: dict[str, str]
    longest: int
    # First words of all functions: most tokens start none, and checking that first skips the n-gram loop.
    firsts: frozenset[str]


@lru_cache(maxsize=1)
def _roles() -> _Roles:
    words, fixes = set(), {}
    path = Path(__file__).parent.parent / "data" / "roles.txt"
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip().lower()
        if not line or line.startswith("#"):
            continue
        if "=>" in line:
            wrong, right = (p.strip() for p in line.split("=>"))
            fixes[wrong] = right
            words.add(wrong)
        else:
            words.add(line)
    firsts = frozenset(w.split()[0] for w in words)
    return _Roles(frozenset(words), fixes, max(len(w.split()) for w in words), firsts)


def role_prefix(tokens: list[str]) -> int:
    """How many leading tokens form the function ("Director & co-workers", "Professor on urban design")."""
    roles = _roles()
    i, last_role = 0, 0
    while i < len(tokens):
        starts = tokens[i].lower().strip(",:") in roles.firsts
        for n in range(min(roles.longest, len(tokens) - i) if starts else 0, 0, -1):
            if " ".join(tokens[i : i + n]).lower().strip(",:") in roles.words:
                i += n
                last_role = i
                break
        else:
            word = tokens[i]
            # Lower-case words continue a function ("on urban design & planning"); a capital starts a name.
            if last_role and (word.lower() in _CONNECT_WORDS or word[:1].islower()):
                i += 1
                continue
            break
    # Trailing connectors belong to what follows ("Director of ...").
    while last_role < i and tokens[i - 1].lower() in _CONNECT_WORDS:
        i -= 1
    return i if last_role else 0


def _fix_role(role: str, count: int | None) -> str:
    fixes = _roles().fixes
    words = role.split()
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n]).lower()
        if head in fixes:
            role = fixes[head].capitalize() + role[len(" ".join(words[:n])) :]
            break
    words_known = _roles().words
    if count and count > 1 and role.lower() in words_known and role.lower()[:-1] in words_known:
        role = role[:-1]  # "Policy Officers ... (4x)": the count carries the plural
    return role


def _is_plural(role: str) -> bool:
    tokens = role.split()
    # The function word decides ("Gedeputeerde Onderwijs" is one person); else the last word.
    n = role_prefix(tokens)
    last = (tokens[n - 1] if n else tokens[-1]).lower() if tokens else ""
    return last.endswith(("s", "ers", "en", "leden")) and last not in ("ceo", "cfo", "cto", "sales")


def _org_and_place(rest: str, lang_en: bool) -> tuple[str | None, str | None, str | None]:
    rest = rest.strip(" ,.:;")
    if not rest:
        return None, None, None
    city = country = None
    places = gazetteer.find_places(rest)
    for mention in places:
        if mention.place.kind == "country":
            country = country or mention.place.country
        elif city is None:
            city, country = mention.surface, mention.place.country
    # Drop a trailing country name: "Pontevedra Spain" names the place, not the organisation.
    if places and places[-1].place.kind == "country" and places[-1].end >= len(rest) - 1:
        rest = rest[: places[-1].start].strip(" ,")
    if places and len(places) >= 1 and rest == (city or ""):
        rest = f"Municipality of {city}" if lang_en else f"Gemeente {city}"
    place_org = _PLACE_ORG.match(rest)
    if place_org:
        kind = place_org.group(1).capitalize()
        rest = f"{kind} of {place_org.group(2)}" if kind in ("Municipality", "City") else rest
        rest = rest[0].upper() + rest[1:]
    # "Placemaking Europe & Stipo consultancy": trailing lower-case words describe, they don't name.
    rest = re.sub(r"(\s+[a-z][\w-]*)+$", "", rest) or rest
    return rest or None, city, country


def parse_contact(
    text: str, lang_en: bool = True
) -> tuple[str | None, str | None, str | None, str | None, int | None]:
    """``(role, organisation, city, country, count)`` from one contact line."""
    line = fold(text).strip(" .;")
    count: int | None = None
    if m := _COUNT_SUFFIX.search(line):
        count, line = int(m.group(1)), line[: m.start()]
    if m := _COUNT_PREFIX.match(line):
        raw = m.group(1).lower()
        count, line = (int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]), line[m.end() :]
    line = _PARTICIPLE.sub("", line)
    if comma := _comma_split(line):
        function = _fix_role(comma[0], count)
        organisation, city, country = _org_and_place(comma[1], lang_en)
        if count is None and not _is_plural(function):
            count = 1
        return function, organisation, city, country, count
    intro = _ORG_INTRO.search(line)
    tokens = line.split()
    n = role_prefix(tokens)
    role: str | None
    if intro and (n == 0 or intro.start() <= len(" ".join(tokens[:n])) + 1):
        role, rest = line[: intro.start()], line[intro.end() :]
    elif n:
        role, rest = " ".join(tokens[:n]), " ".join(tokens[n:])
    else:
        role, rest = None, line
    if role is not None and rest and not re.match(r"[A-Z0-9\"'“(]", rest) and not intro:
        role, rest = line, ""  # all lower case: a description of people, no organisation
    organisation, city, country = _org_and_place(rest, lang_en)
    if role:
        role = _fix_role(role.strip(" ,:"), count)
        if count is None and not _is_plural(role):
            count = 1
    return role or None, organisation, city, country, count


def _comma_split(line: str) -> tuple[str, str] | None:
    """ "Chief Resilience Officer, City of Pittsburgh": function before the last comma, organisation after."""
    head, sep, tail = line.rpartition(", ")
    if not sep or not tail[:1].isupper():
        return None
    head = _PARENS.sub("", head).strip()
    if not head or len(head.split()) > 8 or "," in head:
        return None
    return head, tail


def is_empty_answer(text: str) -> bool:
    """ "Niemand.", "Niet van toepassing.", "Nee.", "None.": the question was answered with nothing."""
    return bool(_EMPTY_ANSWER.match(text.strip()))


def _contact_blocks(text: str, start: int, end: int) -> list[Block]:
    """One block per contact: a line, plus following lines that start in lower case."""
    blocks: list[Block] = []
    for line in lines(text, start, end):
        if _CONNECTOR.match(line.text):
            continue
        if blocks and starts_lowercase(line.text) and label_of(line.text) is None:
            prev = blocks[-1]
            blocks[-1] = Block(prev.start, line.end, text[prev.start : line.end])
        else:
            blocks.append(line)
    return blocks


def find_contacts(text: str, start: int, end: int, *, lang_en: bool) -> list[Contact]:
    out = []
    blocks = _contact_blocks(text, start, end)
    if blocks and is_empty_answer(blocks[0].text):
        return []
    for block in blocks:
        found = label_of(block.text)
        body = block.text[found[1] :] if found else block.text
        if body.rstrip().endswith(":") or len(body) < 3:
            continue  # an intro line such as "We spraken onder meer:"
        role, organisation, city, country, count = parse_contact(body, lang_en)
        out.append(
            Contact(
                text=fold(body),
                role=role,
                organisation=organisation,
                city=city,
                country=country,
                count=count,
                span=(block.start, block.end),
            )
        )
    return out
