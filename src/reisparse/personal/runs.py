"""Runs of name-like tokens: capitalised words, initials and surname particles.

``run_at(text, pos)`` reads the longest run that starts at ``pos``: "J.M. de Vries-Bakker",
"Nguyen Van An", "Siobhan O'Connor", "Economie Ahmed El Idrissi". The rules in ``names`` decide which
part of a run, if any, is a person's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from reisparse.personal.words import PARTICLES


class Part(Enum):
    WORD = "word"  # a capitalised word: "Bakker", "Pieter-Jan", "O'Neill", "McIntyre"
    INITIALS = "initials"  # "J.M.", "H."
    PARTICLE = "particle"  # "van", "de", "Van", "'t"


@dataclass(frozen=True, slots=True)
class Token:
    part: Part
    start: int
    end: int
    text: str


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)*")
_INITIALS = re.compile(r"(?:[^\W\d_a-z]\.){1,4}(?=[\s,)]|$)")
_PARTICLE = re.compile(r"(?:'t|'T|[^\W\d_]+)(?![\w'’-])")
_GAP = re.compile(r"[ \t]{1,2}")
_NEWLINE_GAP = re.compile(r"[ \t]*\n[ \t]*(?=\S)")


def _is_cap(word: str) -> bool:
    """Capitalised, and not an all-capitals heading word or acronym ("IKEA", "DM")."""
    return word[:1].isupper() and (len(word) == 1 or not word.isupper())


def _word_at(text: str, pos: int) -> Token | None:
    m = _WORD.match(text, pos)
    if m is None:
        return None
    word = m.group()
    head, sep, tail = word.partition("'") if "'" in word else word.partition("’")
    if sep:
        # "O'Neill", "D'Souza" are names; "Vos's" and "Helsingborg's" end before the apostrophe.
        if len(head) <= 2 and tail[:1].isupper():
            pass
        else:
            word = head
    if len(word) < 2:
        return None  # a lone capital is an initial only with its dot ("Placemaking X")
    parts = word.split("-")
    # "Pieter-Jan", "Asante-Mensah" are names; "Horizon-aanvraag" and "Vice-mayor" are not.
    if not all(_is_cap(p) or p in PARTICLES for p in parts) or not _is_cap(parts[0]):
        return None
    if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_"):
        return None
    return Token(Part.WORD, pos, pos + len(word), word)


def token_at(text: str, pos: int) -> Token | None:
    """The name-like token that starts exactly at ``pos``, if any."""
    if pos >= len(text):
        return None
    m = _INITIALS.match(text, pos)
    if m is not None and m.group().isupper() and (pos == 0 or not text[pos - 1].isalnum()):
        return Token(Part.INITIALS, pos, m.end(), m.group())
    m = _PARTICLE.match(text, pos)
    if m is not None and m.group() in PARTICLES and (pos == 0 or not text[pos - 1].isalnum()):
        return Token(Part.PARTICLE, pos, m.end(), m.group())
    return _word_at(text, pos)


def run_at(text: str, pos: int, *, newline_after_first: bool = False) -> list[Token]:
    """The tokens of the run at ``pos``; a particle counts only when a word follows it.

    ``newline_after_first`` lets a one-word run continue on the next line ("Henk\\nMulder"), which
    the caller allows when that first word is a known first name.
    """
    tokens: list[Token] = []
    at = pos
    while len(tokens) < 8:
        token = token_at(text, at)
        if token is None:
            break
        tokens.append(token)
        gap = _GAP.match(text, token.end)
        if gap is None and newline_after_first and len(tokens) == 1:
            gap = _NEWLINE_GAP.match(text, token.end)
        if gap is None:
            if token.part is Part.INITIALS and token_at(text, token.end) is not None:
                at = token.end  # "J.M.de Vries": initials glued to the next token
                continue
            break
        at = gap.end()
    while tokens and tokens[-1].part is Part.PARTICLE:
        tokens.pop()
    return tokens
