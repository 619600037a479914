"""Text analysis shared by the index, the query and the snippets: one tokenizer, one Dutch stemmer.

Both databases search a *stemmed shadow* of the text computed here, so SQLite and PostgreSQL find the same
trips. Snowball's Dutch stemmer strips one suffix per call and does not always land on the same stem for the
singular and the plural (``havens`` → ``haven``, ``haven`` → ``haaf``): we apply it until the word stops
changing, which conflates them (``havens`` → ``haven`` → ``haaf``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]

# Letters and digits; everything else separates words ("'s-Gravenhage" → "s", "gravenhage").
WORD = re.compile(r"[^\W_]+")

# Snowball's Dutch stop list (the one PostgreSQL's ``dutch`` configuration uses): too common to search for.
STOP_WORDS = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem
    dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb
    hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel
    meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt
    wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# A stem of a stem rarely changes more than twice; the bound guards against a stemmer that never settles.
_MAX_STEM_ROUNDS = 4
_STEMMER = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower case without diacritics: "België" → "belgie". Also the key for exact filters such as city."""
    folded = text.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.split())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search key of one word; empty for a stop word. Cached: a register repeats its vocabulary."""
    folded = fold(word)
    if folded in STOP_WORDS:
        return ""
    for _ in range(_MAX_STEM_ROUNDS):
        stemmed: str = _STEMMER.stemWord(folded)
        if stemmed == folded:
            break
        folded = stemmed
    return folded


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text with their positions (the snippets need them)."""
    return WORD.finditer(text)


def stems(text: str) -> list[str]:
    """The stems of a text in order, stop words left out."""
    return [key for match in WORD.finditer(text) if (key := stem(match.group()))]


def shadow(text: str) -> str:
    """The stemmed shadow of a text, as stored beside it and indexed by the full-text engine."""
    return " ".join(stems(text))
