"""What a visitor typed in the search box, parsed once for every backend.

The syntax is the one people know from web search engines (and PostgreSQL's ``websearch_to_tsquery``):
words must all occur, ``"quoted words"`` form a phrase, ``or`` between two words accepts either, and
``-word`` excludes. Every word is reduced to its stem (see ``analysis``); stop words drop out. A query
without a single positive word means "no full-text condition" (searching for ``de`` lists everything).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reisregister.search.analysis import stems

# Longer input is cut off: a search box is not a place for essays, and every term costs the database.
MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 12

_PIECE = re.compile(r'-?"[^"]*"?|\S+')

# One word (a 1-tuple) or a phrase (several stems that must follow each other).
Term = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Clause:
    """Terms of which at least one must occur; a negated clause must not occur at all."""

    terms: tuple[Term, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    clauses: tuple[Clause, ...] = ()
    text: str = ""  # as typed (cut to MAX_QUERY_LENGTH), for engines that parse it themselves

    def __bool__(self) -> bool:
        return any(not clause.negated for clause in self.clauses)

    @property
    def positive_stems(self) -> frozenset[str]:
        """Stems to highlight in snippets."""
        return frozenset(s for c in self.clauses if not c.negated for term in c.terms for s in term)


def parse(text: str) -> Query:
    text = text[:MAX_QUERY_LENGTH]
    clauses: list[Clause] = []
    pending_or = False
    for piece in _PIECE.findall(text):
        negated = piece.startswith("-") and len(piece) > 1
        body = piece[1:] if negated else piece
        if body.lower() == "or" and not negated:
            pending_or = bool(clauses) and not clauses[-1].negated
            continue
        term = tuple(stems(body.strip('"')))
        if not term:
            continue
        if pending_or and not negated:
            clauses[-1] = Clause((*clauses[-1].terms, term))
        else:
            clauses.append(Clause((term,), negated))
        pending_or = False
    query = Query(tuple(clauses[:MAX_CLAUSES]), text)
    return query if query else Query()


def to_fts5(query: Query) -> str:
    """An FTS5 MATCH expression over the stemmed columns. Stems are letters and digits only, so quoting
    them is all the escaping needed."""

    def term(t: Term) -> str:
        return '"' + " ".join(t) + '"'

    def clause(c: Clause) -> str:
        return "(" + " OR ".join(term(t) for t in c.terms) + ")"

    positive = " AND ".join(clause(c) for c in query.clauses if not c.negated)
    negative = "".join(f" NOT {clause(c)}" for c in query.clauses if c.negated)
    return f"({positive}){negative}" if negative else positive


def to_tsquery(query: Query) -> str:
    """A ``to_tsquery('simple', …)`` expression over the stemmed shadow (PostgreSQL)."""

    def term(t: Term) -> str:
        return "(" + " <-> ".join(f"'{s}'" for s in t) + ")"

    def clause(c: Clause) -> str:
        inner = "(" + " | ".join(term(t) for t in c.terms) + ")"
        return f"!{inner}" if c.negated else inner

    return " & ".join(clause(c) for c in query.clauses)
