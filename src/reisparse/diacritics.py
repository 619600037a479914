"""Dutch word list and OCR diacritic repair.

Tesseract often reads a trema as an accent (``potentiële`` -> ``potentiéle``, ``reële`` ->
``reêle``) and an ``ö`` as the digit ``6``. Extractors compare words with fixed vocabularies, so a
misread silently loses a match; this module puts the trema back where the word list says so.

A word that holds a confusable character (é è ê, í ì î, ó ò ô, ú ù û, or a 6 between letters) is
replaced by its variant with ë/ï/ö/ü when

* the word as read is not in the list (so ``café``, ``één``, ``coördinatie`` are never touched),
* and exactly one variant is (changing any subset of the confusable characters): two or more
  listed variants would make the repair a guess, so the word then stays as it is.

That rule runs on every input, not only when ``Extracted.ocr`` is set: the list makes the
confusion unambiguous whatever the source, and OCR output often arrives as a .txt or Word file (the
reference seed is one) whose reader cannot know it was OCR'd. A born-digital document rarely holds
such a misspelling, and when it does the repaired word is what its author meant.

For OCR input only, where misreads are expected, one weaker rule follows when no variant is listed:
a variant is accepted when it is a listed word plus a Dutch inflection suffix (-e, -er, -ere, -ste,
-en, -s), because the list lacks some inflected forms (``efficiënt`` is listed, ``efficiëntste``
would be derived). A word with a ``6`` is repaired only to a listed word, never by derivation: a
digit inside a word is weaker evidence than an accent.

Every repair replaces one code point by one code point, so offsets computed before it stay valid.

The list (``data/nl-diacritics.txt``, built by ``scripts/build_wordlist.py`` from OpenTaal) holds
only the words with a non-ASCII letter and the hyphenated words with a lowercase part;
``in_word_list`` is authoritative for those words only. It is read once, on first use.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

_DATA_FILE = "nl-diacritics.txt"

# What OCR reads for a trema, mapped to the trema; the digit 6 is handled apart (it has no case).
_ACCENTS = "éèêíìîóòôúùûÉÈÊÍÌÎÓÒÔÚÙÛ"
_TREMA = str.maketrans(_ACCENTS, "ëëëïïïöööüüüËËËÏÏÏÖÖÖÜÜÜ")
_CONFUSABLE = frozenset(_ACCENTS)
# Where a repair could be needed. A plain character class lets the regex engine scan fast (10x
# faster than matching whole words around it); the words are found from there in Python.
_ANCHOR = re.compile(f"[{_ACCENTS}6]")
_INFLECTIONS = ("ere", "ste", "er", "en", "e", "s")
# At most 2**4 variants: a word with more confusable characters is too garbled to repair safely.
_MAX_CONFUSABLE = 4


@dataclass(frozen=True, slots=True)
class Repair:
    """One repaired word; ``offset`` is where ``before`` started and ``after`` starts."""

    offset: int
    before: str
    after: str

    @property
    def warning(self) -> str:
        return f'repaired OCR diacritic: "{self.before}" -> "{self.after}" at {self.offset}'


@cache
def dutch_words() -> frozenset[str]:
    """The committed word list, read once per process."""
    # Imported here: importlib.resources costs ~10 ms at import, which `import reisparse` avoids.
    from importlib import resources

    raw = (resources.files("reisparse") / "data" / _DATA_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in raw.splitlines() if line and not line.startswith("#"))


def in_word_list(word: str) -> bool:
    """Whether the list has ``word`` as written or in lowercase (a capital starting a sentence)."""
    words = dutch_words()
    return word in words or word.lower() in words


def repair_diacritics(text: str, *, ocr: bool) -> tuple[str, tuple[Repair, ...]]:
    """``text`` with misread tremas restored (same length), and the repairs made."""
    repairs: list[Repair] = []
    for start, word in _candidate_words(text):
        fixed = _repaired_word(word, ocr=ocr)
        if fixed is not None:
            repairs.append(Repair(start, word, fixed))
    if not repairs:
        return text, ()
    pieces: list[str] = []
    done = 0
    for repair in repairs:
        pieces += (text[done : repair.offset], repair.after)
        done = repair.offset + len(repair.before)
    pieces.append(text[done:])
    return "".join(pieces), tuple(repairs)


def _candidate_words(text: str) -> Iterator[tuple[int, str]]:
    """Each word (letters and digits) with an accent or a 6 between letters, and where it starts."""
    end = 0
    for match in _ANCHOR.finditer(text):
        at = match.start()
        if at < end:  # a second anchor in the word just yielded
            continue
        if match[0] == "6" and not _between_letters(text, at):
            continue
        start = at
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        end = at + 1
        while end < len(text) and text[end].isalnum():
            end += 1
        yield start, text[start:end]


def _between_letters(text: str, at: int) -> bool:
    return 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()


def _repaired_word(word: str, *, ocr: bool) -> str | None:
    """The one variant of ``word`` that the list vouches for, or None to leave the word alone."""
    if not word.replace("6", "").isalpha() or word[0] == "6" or word[-1] == "6":
        return None
    if in_word_list(word):
        return None
    variants = _variants(word)
    listed = [variant for variant in variants if in_word_list(variant)]
    if not listed and ocr and "6" not in word:
        listed = [variant for variant in variants if _is_inflected_listed_word(variant)]
    return listed[0] if len(listed) == 1 else None


def _variants(word: str) -> list[str]:
    """Every spelling of ``word`` with some of its accents made tremas and each 6 made an ö."""
    o_umlaut = "Ö" if word.isupper() else "ö"
    chars = [o_umlaut if char == "6" else char for char in word]
    positions = [i for i, char in enumerate(word) if char in _CONFUSABLE]
    if len(positions) > _MAX_CONFUSABLE:
        return []
    variants: list[str] = []
    for chosen in itertools.product((False, True), repeat=len(positions)):
        variant = list(chars)
        for position, to_trema in zip(positions, chosen, strict=True):
            if to_trema:
                variant[position] = variant[position].translate(_TREMA)
        spelled = "".join(variant)
        if spelled != word:
            variants.append(spelled)
    return variants


def _is_inflected_listed_word(variant: str) -> bool:
    """Whether ``variant`` is a listed word plus an inflection suffix (``efficiënt`` + ``ste``)."""
    return any(
        variant.endswith(suffix)
        and len(variant) > len(suffix) + 2
        and in_word_list(variant[: -len(suffix)])
        for suffix in _INFLECTIONS
    )
