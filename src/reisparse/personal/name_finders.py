"""Where names are looked for: deduce's annotations, every run of capitalised words, honorifics,
lists ("with: A, B and C"), labels ("Moderator: X") and contact lines ("Anna Bradley (Head ...)").

Each finder yields ``Candidate``s of kind NAME; ``offices`` adds the names after office titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reisparse.personal.model import Candidate, Kind
from reisparse.personal.names import LISTED, STRONG, WEAK, Context, NameRules
from reisparse.personal.runs import Part, Token, run_at, token_at
from reisparse.personal.words import FUNCTION_WORDS, HONORIFICS, LIST_INTRODUCERS

_CAPITAL = re.compile(r"(?<![\w'’.-])(?=[^\W\d_a-zß-öø-ÿ])")  # a word with a capital (mostly)
_NEXT_WORD = re.compile(r"\S+\s*")
_NEXT_LINE = re.compile(r"[ \t]*\n[ \t]*([^\W\d_]+)")


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_HONORIFIC = rf"(?:{_alternatives(HONORIFICS)})(?:\.|(?![\w.]))"
_HONORIFICS = re.compile(rf"(?i)(?<![\w.]){_HONORIFIC}(?:[ \t]+{_HONORIFIC})*[ \t]*\n?[ \t]*")
_INTRODUCER = re.compile(
    rf"(?i)(?<![\w-])(?:{_alternatives(LIST_INTRODUCERS)})(?![\w-])[ \t]*:?[ \t]*\n?[ \t]*"
    rf"|(?<=\w):[ \t]+|(?<=\w\)):[ \t]+"
)
_FUNCTION = re.compile(rf"(?<![\w-])(?:{_alternatives(tuple(FUNCTION_WORDS))})[ \t]+(?=[^\W\d_])")
_SALUTATION = re.compile(r"(?im)^[ \t]*(?:dear|beste|hi|hello|hallo|hoi|lieve)[ \t]+")
_SEPARATOR = re.compile(r"[ \t]*(?:,|;|&|\band\b|\ben\b|\bund\b|\bet\b)(?:[ \t]*(?:and|en)\b)?\s*")
_PARENTHESIS = re.compile(r"\s*\([^()\n]*(?:\n[^()\n]*)?\)")
_BULLET = re.compile(r"[ \t]*(?:[-•*–·]|\d{1,2}[.)])[ \t]+")
_LINE_FOLLOWER = re.compile(r"[ \t]*(?:[,(:–—]|-[ \t]|$)", re.MULTILINE)


def run_from(text: str, pos: int, rules: NameRules) -> list[Token]:
    """The run at ``pos``; a lone first name may continue with a surname on the next line
    ("Henk\\nMulder", but not "Rhode\\nIsland")."""
    tokens = run_at(text, pos)
    if len(tokens) != 1 or not rules.is_first_name(tokens[0]):
        return tokens
    nxt = _NEXT_LINE.match(text, tokens[0].end)
    if nxt is None or not rules.lex.surname(nxt.group(1)):
        return tokens
    return run_at(text, pos, newline_after_first=True)


def everywhere(text: str, rules: NameRules) -> Iterator[Candidate]:
    """Every run of capitalised words that starts with a first name: "Charlotte Schouten"."""
    done = 0
    for m in _CAPITAL.finditer(text):
        if m.start() < done:
            continue
        tokens = run_from(text, m.start(), rules)
        if not tokens:
            continue
        done = tokens[-1].end
        span = rules.select(tokens, WEAK)
        if span is not None:
            yield Candidate(Kind.NAME, *span, strength=WEAK)


def from_deduce(text: str, rules: NameRules, spans: list[tuple[int, int]]) -> Iterator[Candidate]:
    """deduce's persons, re-read as runs: its spans may carry a title or a weekday along."""
    for start, end in spans:
        pos = start
        while pos < end:
            tokens = run_from(text, pos, rules)
            if not tokens:
                nxt = _NEXT_WORD.match(text, pos)
                pos = nxt.end() if nxt and nxt.end() > pos else pos + 1
                continue
            span = rules.select(tokens, Context(WEAK, seeded=True))
            if span is not None:
                yield Candidate(Kind.NAME, *span, strength=WEAK)
            pos = tokens[-1].end


def after_honorifics(text: str, rules: NameRules) -> Iterator[Candidate]:
    """ "mevrouw H. Dijkstra", "dhr. Bakker", "prof. dr. ir. K.L. van der Meer", "Mrs Patel"."""
    for m in _HONORIFICS.finditer(text):
        tokens = run_from(text, m.end(), rules)
        span = rules.select(tokens, STRONG)
        if span is not None:
            yield Candidate(Kind.NAME, *span, strength=STRONG)


def listed(
    text: str, pos: int, rules: NameRules, strength: int = LISTED
) -> Iterator[tuple[int, int]]:
    """The names of a list that starts at ``pos``: "A, B and C", "A (function), B en C".

    An item that is a name only if its words may be ordinary words ("Anders Holm") counts when
    another item of the list is a name by the strict rules."""
    items: list[tuple[tuple[int, int], bool]] = []
    while True:
        tokens = run_from(text, pos, rules)
        span = rules.select(tokens, strength)
        strict = span is not None
        if span is None:
            span = rules.select(tokens, Context(strength, lenient=True))
        if span is None:
            break
        items.append((span, strict))
        pos = span[1]
        paren = _PARENTHESIS.match(text, pos)
        if paren is not None:
            pos = paren.end()
        sep = _SEPARATOR.match(text, pos)
        if sep is None:
            break
        pos = sep.end()
    confirmed = any(strict for _, strict in items)
    for span, strict in items:
        if strict or confirmed:
            yield span


def in_lists(text: str, rules: NameRules) -> Iterator[Candidate]:
    """Names after "with:", "met", "led by", "Eigenaar:" and after any "Label: ".

    After a plain label at least one name of the list must start with a first name we know:
    "Participants: Jean-Luc Moreau, Siobhan O'Connor" is a list of names, "called: Creative
    Bureaucracy" and "genaamd: Placemaking Europe" are not."""
    for m in _INTRODUCER.finditer(text):
        spans = list(listed(text, m.end(), rules))
        plain_label = m.group().lstrip().startswith(":") and not _function_label(text, m.start())
        if plain_label and not any(_known_start(text, s, rules) for s in spans):
            continue
        for span in spans:
            yield Candidate(Kind.NAME, *span, strength=LISTED)


def _function_label(text: str, colon: int) -> bool:
    """The label is a function ("Moderator:", "Projectleider:"): a name follows, known or not."""
    words = re.findall(r"[^\W\d_]+", text[max(0, colon - 40) : colon])
    return bool(words) and words[-1].casefold() in FUNCTION_WORDS


def _known_start(text: str, span: tuple[int, int], rules: NameRules) -> bool:
    first = token_at(text, span[0])
    return first is not None and (first.part is Part.INITIALS or rules.is_first_name(first))


def in_salutations(text: str, rules: NameRules) -> Iterator[Candidate]:
    """ "Dear Wouter," and "Beste Eva,": a first name alone is a name here."""
    for m in _SALUTATION.finditer(text):
        tokens = run_from(text, m.end(), rules)
        if tokens and (tokens[0].part is Part.INITIALS or rules.is_first_name(tokens[0])):
            span = rules.select(tokens, STRONG)
            if span is not None:
                yield Candidate(Kind.NAME, *span, strength=STRONG)


def after_functions(text: str, rules: NameRules) -> Iterator[Candidate]:
    """A name right after a function in running text: "researcher Liis Saar", "conservator X"."""
    for m in _FUNCTION.finditer(text):
        span = rules.select(run_from(text, m.end(), rules), LISTED)
        if span is not None:
            yield Candidate(Kind.NAME, *span, strength=LISTED)


def on_contact_lines(text: str, rules: NameRules) -> Iterator[Candidate]:
    """A line that starts with a name, then a function or the end of the line ("Eva Koster")."""
    pos = 0
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        bullet = _BULLET.match(text, start)
        at = bullet.end() if bullet else start
        while at < pos and text[at] in " \t":
            at += 1
        tokens = run_at(text, at)
        span = rules.select(tokens, LISTED)
        if span is None or _LINE_FOLLOWER.match(text, span[1]) is None:
            continue
        first = next(t for t in tokens if t.start == span[0])
        known = first.part is Part.INITIALS or rules.is_first_name(first)
        if not known and (bullet is None or text[span[1] : span[1] + 1] in ("\n", "")):
            continue  # an unknown first name needs a bulleted "Name, function" line
        yield Candidate(Kind.NAME, *span, strength=LISTED)
