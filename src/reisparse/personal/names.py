"""Which part of a run of capitalised tokens is a person's name, given how strong its context is.

Strength of the context, strongest first:

* ``STRONG``: right after an honorific or an office title ("mevrouw H. Dijkstra", "Mayor Vos"): a
  lone surname is enough.
* ``LISTED``: an item of a list after "with:", "met", "led by", a label ("Moderator:") or a contact
  line ("Anna Bradley (Head of Innovation)"): two tokens, and unknown foreign names are fine.
* ``WEAK``: anywhere else: the run must start with a first name deduce knows, or deduce itself must
  have seen a person there and the run ends on a known surname.

Everything is then checked against what names are not: weekdays and months, functions, places,
organisations ("Van Gogh Museum", "Francis Crick Institute"), streets ("Jan Pieterszoon Coenstraat").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reisparse import gazetteer
from reisparse.personal.engine import Lexicon
from reisparse.personal.runs import Part, Token
from reisparse.personal.words import (
    COMMON_CAPS,
    FUNCTION_WORDS,
    MONTHS,
    OFFICE_TITLES,
    ORG_WORDS,
    PORTFOLIO_WORDS,
    WEEKDAYS,
    words,
)

STRONG = 3
LISTED = 2
WEAK = 1

# The first word of each office title ("commissaris", "deputy"), not "Koning": a common surname.
_TITLE_WORDS = frozenset(re.split(r"[ -]", surface)[0] for surface, _, _ in OFFICE_TITLES)
# Words that may stand before a name but are never part of it.
_JUNK = WEEKDAYS | MONTHS | FUNCTION_WORDS | COMMON_CAPS | PORTFOLIO_WORDS | _TITLE_WORDS
_STREET = re.compile(r"(?i)\w(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|plantsoen)$")
# A run after one of these is a thing, not a person: "on Offshore Wind", "the Hague Process".
_ARTICLES = words("the a an on of for in at to from de het een op van voor in aan naar bij uit")
_FOLLOWER = re.compile(r"[ \t]*(?:(?:&|and|en|und)[ \t]+)?([^\W\d_]+)")
_FOLLOWER_ACROSS = re.compile(r"[ \t]*\n?[ \t]*(?:(?:&|and|en|und)[ \t]+)?([^\W\d_]+)")
_MAJOR_PLACE = 50_000  # a lone surname after a title may be a small town's name too (Lopez)


@lru_cache(maxsize=16384)
def place_population(name: str, *, own_name: bool = False) -> int | None:
    """The population of the place called ``name`` (countries count as huge), or None.

    ``own_name``: only a place whose own (English) name this is. The gazetteer also answers to
    alternate names, some of which are surnames too ("Amrani", "Saar"); a lone word is judged by
    own names only, a whole span ("Den Haag") by every name.
    """
    if gazetteer.lookup_country(name) is not None:
        return 10**9
    place = gazetteer.lookup_city(name)
    if place is None:
        return None
    if own_name and gazetteer.normalize_key(place.name) != gazetteer.normalize_key(name):
        return None
    return place.population


@dataclass(frozen=True, slots=True)
class Context:
    """How a run was found: its strength; ``seeded``: deduce annotated a person there; ``title``:
    it follows an office title, where "van Houten" is a surname but "van Accra" a place;
    ``lenient``: an item of a list whose other items are names, so a word may be one ("Anders")."""

    strength: int
    seeded: bool = False
    title: bool = False
    lenient: bool = False


def _fold(token: Token) -> str:
    return token.text.casefold()


class NameRules:
    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lex = lexicon

    def is_first_name(self, token: Token) -> bool:
        return (
            token.part is Part.WORD
            and _fold(token) not in _JUNK
            and _fold(token) not in ORG_WORDS
            and self.lex.first_name(token.text)
        )

    def select(self, tokens: list[Token], how: Context | int) -> tuple[int, int] | None:
        """The span of the name in ``tokens`` (a run), or None when the run holds no name."""
        ctx = how if isinstance(how, Context) else Context(how)
        if not tokens:
            return None
        start = self._start(tokens, ctx)
        if start is None:
            return None
        chosen: list[Token] = []
        for token in tokens[start:]:
            if token.part is Part.WORD and _fold(token) in ORG_WORDS:
                return None  # "Anne Frank Huis", "Johnson Controls"
            after_particle = bool(chosen) and chosen[-1].part is Part.PARTICLE
            if token.part is Part.WORD and _fold(token) in _JUNK and not after_particle:
                break  # but "de Groot", "de Jong" are surnames
            chosen.append(token)
        while chosen and chosen[-1].part is Part.PARTICLE:
            chosen.pop()
        if chosen and chosen[-1] is tokens[-1]:
            across = self._word_before(chosen[0].start) in _ARTICLES
            if self.org_follows(chosen[-1].end, across_lines=across):
                return None  # "De Boer & Partners", "the Francis Crick\nInstitute"
        if not chosen or not self._plausible(chosen, tokens, ctx):
            return None
        return chosen[0].start, chosen[-1].end

    def only_portfolio(self, tokens: list[Token]) -> bool:
        """The run is a portfolio only ("Onderwijs", "Buitenlandse Handel")."""
        return all(t.part is Part.PARTICLE or _fold(t) in PORTFOLIO_WORDS for t in tokens)

    def org_follows(self, end: int, *, across_lines: bool = False) -> bool:
        """An organisation word right after ``end``: the name is part of the organisation's.
        Across a line break only after an article: "Eva Koster\nGemeente Groningen" is a name."""
        m = (_FOLLOWER_ACROSS if across_lines else _FOLLOWER).match(self.text, end)
        return m is not None and m.group(1).casefold() in ORG_WORDS

    def _start(self, tokens: list[Token], ctx: Context) -> int | None:
        """Skip what stands before the name: "Reisleider Iris Vos", "Economie Ahmed El Idrissi"."""
        found = next(
            (i for i, t in enumerate(tokens) if t.part is Part.INITIALS or self.is_first_name(t)),
            None,
        )
        if found is not None:
            while found > 0 and tokens[found - 1].part is Part.INITIALS:
                found -= 1  # initials just before a first name belong to it ("J. Piet de Vries")
            if self._may_skip(tokens[:found], tokens[found:]):
                return found
        if ctx.strength == WEAK and not ctx.seeded:
            return None
        for i, token in enumerate(tokens):
            if token.part is Part.PARTICLE and ctx.strength < STRONG:
                continue
            if token.part is Part.PARTICLE or _fold(token) not in _JUNK:
                return i
        return None

    def _may_skip(self, before: list[Token], rest: list[Token]) -> bool:
        """Words before a first name are skipped when they are functions or portfolios; an unknown
        word only when a full name follows: in "Liis Saar" the surname is also a first name."""
        if all(t.part is Part.PARTICLE or _fold(t) in _JUNK for t in before):
            return True
        return sum(t.part is not Part.PARTICLE for t in rest) >= 2

    def _plausible(self, chosen: list[Token], run: list[Token], ctx: Context) -> bool:
        words = [t for t in chosen if t.part is Part.WORD]
        named = [t for t in chosen if t.part is not Part.PARTICLE]
        if not words or _STREET.search(words[-1].text):
            return False
        if ctx.strength < STRONG and (len(named) < 2 or chosen[0].part is Part.PARTICLE):
            return False
        if chosen[0].part is Part.INITIALS or self.is_first_name(chosen[0]):
            return self._not_a_place(chosen)
        if ctx.strength == STRONG:
            return self._strong_surname(chosen, run, ctx.title)
        return self._unknown_first_name(chosen, words, ctx)

    def _unknown_first_name(self, chosen: list[Token], words: list[Token], ctx: Context) -> bool:
        """Two or more words, the first not a first name we know ("Todor Kesarovski")."""
        if not self._not_a_place(chosen):
            return False
        if not ctx.lenient and any(self.lex.common(t.text) for t in words):
            return False  # "Openbaar Lichaam"; but "Anders Holm" in a list of names
        if any(self._place_after_particle(chosen, i) for i in range(1, len(chosen))):
            return False  # "Permanente Vertegenwoordiging van Nederland"
        if all(place_population(t.text, own_name=True) is not None for t in words):
            return False  # "Pontevedra Spain"; a first name may be a town too ("Moa Lindqvist")
        if ctx.strength == WEAK:  # seeded by deduce, first name unknown ("Liis Saar")
            return ctx.seeded and self._seeded_surname(chosen, words)
        return True

    def _place_after_particle(self, chosen: list[Token], i: int) -> bool:
        token = chosen[i]
        return (
            chosen[i - 1].part is Part.PARTICLE
            and token.part is Part.WORD
            and (place_population(token.text, own_name=True) or 0) >= _MAJOR_PLACE
        )

    def _seeded_surname(self, chosen: list[Token], words: list[Token]) -> bool:
        """deduce saw a person, we know the surname but not the first name: "researcher Liis Saar".
        Not after an article ("on Offshore Wind"), not at the start of a sentence ("Afstand Den
        Haag"), and no place inside."""
        if not self.lex.surname(words[-1].text):
            return False
        if self._word_before(chosen[0].start) in _ARTICLES or self._sentence_start(chosen[0].start):
            return False
        return all(
            (place_population(self.text[t.start : chosen[-1].end]) or 0) < _MAJOR_PLACE
            for t in chosen
        )

    def _sentence_start(self, pos: int) -> bool:
        before = self.text[max(0, pos - 3) : pos].rstrip(" \t")
        return not before or before[-1] in ".!?\n(-•*"

    def _not_a_place(self, chosen: list[Token]) -> bool:
        span = self.text[chosen[0].start : chosen[-1].end]
        return len(chosen) > 1 or place_population(span) is None

    def _strong_surname(self, chosen: list[Token], run: list[Token], title: bool) -> bool:
        """A surname right after an honorific or title: "dhr. Bakker", "Minister van Houten"."""
        words = [t for t in chosen if t.part is Part.WORD]
        if any(_fold(t) in PORTFOLIO_WORDS for t in words):
            return False  # "staatssecretaris van Klimaat", "schepen van Mobiliteit"
        if chosen[0].part is Part.PARTICLE and title:
            if self._word_before(run[0].start, skip_title=True) in _ARTICLES:
                return False  # "de burgemeester van Accra"
            return all(place_population(t.text, own_name=True) is None for t in words)
        # Not "Vice-mayor Pontevedra Spain", "Mayor of Tallinn".
        return not all(
            (place_population(t.text, own_name=True) or 0) >= _MAJOR_PLACE for t in words
        )

    def _word_before(self, pos: int, *, skip_title: bool = False) -> str:
        """The word before ``pos`` (lower case); with ``skip_title`` the word before the title."""
        words = re.findall(r"[^\W\d_]+", self.text[max(0, pos - 60) : pos])
        if skip_title:
            while words and words[-1].casefold() in _TITLE_WORDS | {"van", "de", "of", "voor"}:
                words.pop()
        return words[-1].casefold() if words else ""
