"""deduce, loaded once per process: its person annotations and its Dutch name lists.

deduce takes about five seconds to load its lookup structures (two minutes the very first time in
a fresh environment, when it builds its cache), so it is imported lazily and created once under a
lock; ``warm()`` does that ahead of the first request. When deduce is not installed the detector
still runs its own rules, with empty name lists.
"""

from __future__ import annotations

import gc
import importlib
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reisparse.personal import cache

# deduce's processors that find what our own patterns find better, or what is not personal data
# in a trip report (dates, ages, URLs); switching them off also halves the time per report.
_DISABLED = frozenset(
    {
        "dates",
        "ages",
        "identifiers",
        "phone_numbers",
        "email_addresses",
        "urls",
        "redactor",
        "locations",
        "institutions",
    }
)


@dataclass(frozen=True, slots=True)
class Engine:
    deduce: Any  # deduce.Deduce; the package ships no type information

    def person_spans(self, text: str) -> list[tuple[int, int]]:
        """Where deduce sees a person ("persoon"), as character spans into ``text``."""
        doc = self.deduce.deidentify(text, disabled=set(_DISABLED))
        return sorted(
            (int(a.start_char), int(a.end_char))
            for a in doc.annotations
            if str(a.tag).startswith("persoon") or str(a.tag).startswith("patient")
        )

    def _has(self, structure: str, word: str) -> bool:
        trie = self.deduce.lookup_structs[structure]
        return trie.longest_matching_prefix([word]) is not None

    def is_first_name(self, word: str) -> bool:
        return self._has("first_name", word)

    def is_surname(self, word: str) -> bool:
        return self._has("surname", word)

    def is_common_word(self, word: str) -> bool:
        return word.casefold() in self.deduce.lookup_structs["whitelist"]


_PATCHED = "get_lookup_structs"  # deduce.deduce's name for the function that loads its cache
_lock = threading.Lock()
_engine: list[Engine | None] = []  # empty until loaded; [None] when deduce is not installed


def engine() -> Engine | None:
    """The one engine of this process, created on first use (thread-safe)."""
    if not _engine:
        with _lock:
            if not _engine:
                _engine.append(_load())
    return _engine[0]


def _load() -> Engine | None:
    try:
        module = importlib.import_module("deduce")
        internals = importlib.import_module("deduce.deduce")
    except ImportError:
        return None
    original = getattr(internals, _PATCHED)

    def get_lookup_structs(**kwargs: Any) -> Any:
        return cache.load_or_build(original, kwargs)

    # deduce 3.0 checks and writes its cache in ways that break with several processes (see
    # ``cache``); it calls this module-level function once, in the constructor, under our lock.
    setattr(internals, _PATCHED, get_lookup_structs)
    try:
        loaded = Engine(module.Deduce())
    finally:
        setattr(internals, _PATCHED, original)
    # deduce's lookup structures are millions of long-lived objects; every full collection of the
    # cyclic garbage collector would walk them all again (seconds on a long report). Moving what
    # exists now into the permanent generation keeps collections to the objects made per request.
    gc.collect()
    gc.freeze()
    return loaded


class Lexicon:
    """Word look-ups with a per-process cache: a report asks about the same words many times."""

    def __init__(self, eng: Engine | None) -> None:
        self._engine = eng

    @property
    def available(self) -> bool:
        return self._engine is not None

    def first_name(self, word: str) -> bool:
        """A first name deduce knows; a hyphenated one when each part is ("Jan-Willem")."""
        if "-" in word:
            return all(_cached(self._engine, "first", part) for part in word.split("-"))
        return _cached(self._engine, "first", word)

    def surname(self, word: str) -> bool:
        return _cached(self._engine, "surname", word)

    def common(self, word: str) -> bool:
        return _cached(self._engine, "common", word)


@lru_cache(maxsize=65536)
def _cached(eng: Engine | None, what: str, word: str) -> bool:
    if eng is None:
        return False
    if what == "first":
        return eng.is_first_name(word)
    if what == "surname":
        return eng.is_surname(word)
    return eng.is_common_word(word)
