"""Turn a reader's pages into the one text that every span in a Report points into.

Readers hand over ``Extracted`` pages in the shape of their format: PDFs bring ligatures, soft
hyphens and running heads, OCR brings misread tremas, Windows files bring ``\\r\\n``. Extractors
should see none of that, so ``normalise`` runs a fixed sequence of small steps:

1. characters (``_clean_characters``), per page;
2. headers/footers repeated on the pages (``_strip_repeated_margins``) and page numbers
   (``_cut_out_page_numbers``), of a paged document or of the pages a flowing text still shows
   by form feeds and page-number lines (OCR output saved as .txt);
3. words hyphenated at a line end (``_join_broken_lines``), per page;
4. blank-line runs (``_collapse_blank_lines``), per page, so that page edges are clean for:
5. page joins (``_join_pages``): a blank line, unless a sentence runs on onto the next page;
6. OCR diacritic repair (``reisparse.diacritics``) on the joined text. It runs last because it keeps
   the length of the text, so the offsets in its warnings are final.

The result is deterministic and idempotent: normalising the normalised text changes nothing.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from reisparse.diacritics import in_word_list, repair_diacritics
from reisparse.document import Extracted


@dataclass(frozen=True, slots=True)
class Normalised:
    """The normalised text and where its pages start.

    ``warnings`` says what normalisation changed (headers removed, diacritics repaired); the
    reader's own warnings stay on ``Extracted.warnings``.
    """

    text: str
    # Offset in ``text`` where page i+1 starts; empty when the source is not paged.
    page_starts: tuple[int, ...]
    warnings: tuple[str, ...]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page of the character at ``offset``; None when the source is not paged.

        An empty page starts where the next one does; the offset then belongs to the later page,
        whose text is there.
        """
        if not self.page_starts:
            return None
        if offset < 0:
            raise ValueError(f"offset must not be negative, got {offset}")
        return max(1, bisect.bisect_right(self.page_starts, offset))


def normalise(doc: Extracted) -> Normalised:
    """Normalise the pages of ``doc`` into one text (the steps are in the module docstring)."""
    warnings: list[str] = []
    if doc.paged:
        pages = [_clean_characters(page) for page in doc.pages]
    else:
        pages = [_clean_characters(part) for page in doc.pages for part in page.split("\f")]
    pages = _strip_repeated_margins(pages, warnings)
    # Page numbers are looked for after that: what this finds is what a second normalisation of
    # the text would find, which keeps normalising idempotent.
    numbered = _page_numbers(pages)
    if numbered:
        pages = _cut_out_page_numbers(pages, numbered, warnings, paged=doc.paged)
        if not doc.paged:  # the pages just found can have running heads too
            pages = _strip_repeated_margins(pages, warnings)
    pages = [_collapse_blank_lines(_join_broken_lines(page)) for page in pages]
    text, starts = _join_pages(pages)
    text, repairs = repair_diacritics(text, ocr=doc.ocr)
    warnings.extend(repair.warning for repair in repairs)
    return Normalised(text, tuple(starts) if doc.paged else (), tuple(warnings))


# --- Step 1: characters ------------------------------------------------------------------------

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
# Spaces that only steer width or line breaking; a tab is never structure (cells use " | ").
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000"
# Invisible: soft hyphen, zero-width space/(non-)joiner, word joiner, BOM, direction marks.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"
_INVISIBLE += "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Line and page separators become line breaks: deleting them would glue two lines together.
_LINE_BREAKS = {"\r": "\n", "\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_CONTROLS = "".join(
    chr(code)
    for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))
    if chr(code) not in {"\n", "\t", *_LINE_BREAKS}
)
_REPLACEMENTS: dict[str, str] = {
    **_LIGATURES,
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_INVISIBLE + _CONTROLS, ""),
    **_LINE_BREAKS,
    # Unicode hyphens act as the ASCII one, so that line-end hyphenation sees them too.
    "\u2010": "-",
    "\u2011": "-",
}
# Finding the few characters to replace with a regex is ~15x faster than str.translate, which
# does a dict lookup for every character of a non-ASCII text.
_SPECIAL = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")
# A soft hyphen at a line end marks where a typesetter broke one word: join the halves.
_SOFT_BREAK = re.compile("\u00ad[ \t\u00a0]*[\r\n]")


def _replace_special(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match[0]]


def _clean_characters(text: str) -> str:
    """One spelling per character: line ends, spaces, ligatures; invisible and control characters
    removed, trailing spaces stripped.

    NFC comes after the translation because removing an invisible character can bring a letter and
    its combining mark together. Typographic quotes and dashes stay: values are quoted as written.
    """
    text = text.replace("\r\n", "\n")
    if "\u00ad" in text:
        text = _SOFT_BREAK.sub("", text)
    text = unicodedata.normalize("NFC", _SPECIAL.sub(_replace_special, text))
    if " \n" in text or text.endswith(" "):
        # Faster than a regex: " +$" is tried at every space of the text.
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    return text


# --- Step 2: page numbers and repeated headers and footers -------------------------------------

# A line that is only a page number: "Pagina 2 van 3", "Page 2 of 3", "Blad 2", "- 2 -", "2/3".
# Matched with its leading "\n" (the text gets one prepended) rather than with ^ and MULTILINE,
# and with spelled-out case rather than IGNORECASE: both let the engine skip ahead, 4x faster.
_PAGE_WORD = r"(?:[Pp]agina|PAGINA|[Pp]age|PAGE|[Bb]lad|BLAD|[Pp]\.)"
_PAGE_NUMBER_LINE = re.compile(
    rf"\n *(?:{_PAGE_WORD} *(\d+)(?: *(?:van|VAN|of|OF|/) *\d+)?|- *(\d+) *-|(\d+) */ *\d+)"
    r" *(?=\n|\Z)"
)


def _page_numbers(pages: list[str]) -> list[list[re.Match[str]]]:
    """Per page, its page-number lines, if all of them count up 1, 2, 3...; else nothing.

    Requiring the numbers to count up keeps a list of "- 2 -" lines or fractions from being taken
    for page numbers. The matches are in ``"\\n" + page``.
    """
    per_page = [list(_PAGE_NUMBER_LINE.finditer("\n" + page)) for page in pages]
    found = [match for matches in per_page for match in matches]
    numbers = [int(next(group for group in match.groups() if group)) for match in found]
    if len(numbers) < 2 or any(b != a + 1 for a, b in itertools.pairwise(numbers)):
        return []
    return per_page


def _cut_out_page_numbers(
    pages: list[str], numbered: list[list[re.Match[str]]], warnings: list[str], *, paged: bool
) -> list[str]:
    """``pages`` without their page-number lines; a flowing text is also cut into pages there.

    A flowing text (OCR output saved as .txt, a PDF pasted into Word) can still show its pages,
    by form feeds and by page-number lines. Cut there, it gets the same header/footer removal and
    page joins as a paged document, so a sentence broken by "Pagina 1 van 3" and a running head
    is whole again.
    """
    found = [match for matches in numbered for match in matches]
    first, last = found[0][0].strip(), found[-1][0].strip()
    warnings.append(f'removed {len(found)} page numbers: "{first}" to "{last}"')
    pieces = [_cut_out(page, matches) for page, matches in zip(pages, numbered, strict=True)]
    if paged:
        return ["".join(parts) for parts in pieces]
    return [part for parts in pieces for part in parts]


def _cut_out(text: str, matches: list[re.Match[str]]) -> list[str]:
    """The parts of ``text`` around the matched lines (offsets of ``"\\n" + text``)."""
    parts: list[str] = []
    done = 0
    for match in matches:
        parts.append(text[done : max(0, match.start() - 1)])
        done = match.end() - 1
    parts.append(text[done:])
    return parts


_DIGITS = re.compile(r"\d+")
# Headers and footers are looked for among the first and last lines with text of each page.
_MARGIN_LINES = 2


def _margin_key(line: str) -> str:
    """A line as it repeats on every page: "Pagina 3 van 5" and "pagina 4 van 5" share a key."""
    return " ".join(_DIGITS.sub("#", line).casefold().split())


def _margins(lines: list[str]) -> dict[int, str]:
    """Index -> key of the lines of one page that could be a header or footer."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    positions = filled[:_MARGIN_LINES] + filled[-_MARGIN_LINES:]
    return {i: _margin_key(lines[i]) for i in positions}


def _strip_repeated_margins(pages: list[str], warnings: list[str]) -> list[str]:
    """Remove header/footer lines repeated on at least 60% (and at least 2) of the pages with text.

    Running heads and page numbers would split sentences and sections of the joined text. A
    running head that reads the same on every page is kept once, at the top of the first page
    (see ``_title_lines``). One warning names what went, so that a reviewer can check that no
    content went with it.
    """
    if len(pages) < 2:
        return pages
    split = [page.split("\n") for page in pages]
    margins = [_margins(lines) for lines in split]
    pages_with_text = sum(1 for margin in margins if margin)
    needed = max(2, -(-3 * pages_with_text // 5))  # ceil(0.6 * n) in integers: exact at 60%
    counts = Counter(key for margin in margins for key in set(margin.values()))
    repeated = {key for key, count in counts.items() if count >= needed}
    if not repeated:
        return pages
    keep = _title_lines(split, margins, repeated)
    removed: dict[str, list[str]] = {}
    kept_pages: list[str] = []
    for page, (lines, margin) in enumerate(zip(split, margins, strict=True)):
        drop = {i for i, key in margin.items() if key in repeated and (page, i) not in keep}
        for i in sorted(drop):
            removed.setdefault(margin[i], []).append(lines[i].strip())
        kept_pages.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    listed = ", ".join(f'"{found[0]}" ({len(found)}x)' for found in removed.values())
    warnings.append(f"removed repeated page headers/footers: {listed}")
    return kept_pages


def _title_lines(
    split: list[list[str]], margins: list[dict[int, str]], repeated: set[str]
) -> set[tuple[int, int]]:
    """(page, line) of the repeated lines to keep: those at the top of the first page with text
    that read the same wherever they repeat.

    There a running head is the document's title, often the only line that names the organisation
    or the trip; only its repeats break the text. Page numbers differ from page to page, so
    "Pagina 1 van 3" is never kept.
    """
    texts: dict[str, set[str]] = {}
    for lines, margin in zip(split, margins, strict=True):
        for i, key in margin.items():
            texts.setdefault(key, set()).add(lines[i].strip())
    first = next(page for page, margin in enumerate(margins) if margin)
    top = [i for i, line in enumerate(split[first]) if line.strip()][:_MARGIN_LINES]
    return {
        (first, i)
        for i in top
        if margins[first][i] in repeated and len(texts[margins[first][i]]) == 1
    }


# --- Step 3: hyphenation at line ends ----------------------------------------------------------

# A hyphen at a line end, after a letter or digit, with a next line that starts with a letter (the
# word there is captured). A hyphen after a space (a dash, a "- " list marker) never matches. The
# word before the hyphen is found by ``_word_before``: a regex that matched it as well would retry
# at every word of a long hyphenated chain, quadratic time on hostile input.
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W_])-\n *(?=([^\W\d_]+(?:-[^\W\d_]+)*))")
# "Noord-\nen Zuid-Holland": the hyphen stands for a left-out part, the line break for a space.
_ELLIPSIS_FOLLOWERS = frozenset({"en", "of", "tot"})


def _hyphen_joint(left: str, right: str) -> str | None:
    """What replaces a hyphen and line break between ``left`` and ``right``: ``""`` (one word
    broken by hyphenation), ``"-"`` (a real hyphen), or None to leave the line break as it is.

    A capitalised next part or a number before the hyphen make it real (``Noord-Holland``,
    ``2-daagse``). Otherwise the word is joined, unless the list has the hyphenated form and not
    the joined one: Dutch keeps a hyphen where vowels would clash (``zee-egel``, ``na-apen``) and
    after some prefixes (``oud-burgemeester``). Words the list does not know are joined, as most
    line-end hyphens are typesetting.
    """
    if right in _ELLIPSIS_FOLLOWERS:
        return None
    if left[-1].isdigit() or not right[0].islower():
        return "-"
    if in_word_list(left + right):
        return ""
    return "-" if in_word_list(f"{left}-{right}") else ""


def _word_before(text: str, end: int) -> str:
    """The word, maybe hyphenated (``Noord-Brabant``), that ends at ``end`` in ``text``."""
    start = end
    while True:
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        if start < end and start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
            start -= 1
        else:
            return text[start:end]


def _join_broken_lines(text: str) -> str:
    """Rejoin words split by a hyphen at a line end (``_hyphen_joint`` decides the hyphen)."""
    if "-\n" not in text:
        return text
    pieces: list[str] = []
    done = 0
    for match in _LINE_END_HYPHEN.finditer(text):
        if _PAGE_NUMBER_LINE.match(text, match.start() + 1):  # "Pagina 2" is no word part
            continue
        joint = _hyphen_joint(_word_before(text, match.start()), match[1])
        if joint is not None:
            pieces += (text[done : match.start()], joint)
            done = match.end()
    pieces.append(text[done:])
    return "".join(pieces)


# --- Step 4: blank lines -----------------------------------------------------------------------

# Spelled out rather than \n{3,}: a literal prefix lets the regex engine skip ahead (8x faster).
_BLANK_RUN = re.compile(r"\n\n\n+")


def _collapse_blank_lines(text: str) -> str:
    """At most one blank line in a row, none at the start or end.

    A blank line means "new paragraph"; how many there were says nothing (often a former page break
    or layout). Leading spaces of the first line go too: they have nothing to be indented under.
    """
    return _BLANK_RUN.sub("\n\n", text).strip(" \n")


# --- Step 5: page joins ------------------------------------------------------------------------

_PAGE_START_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = frozenset(".?!:;")


def _page_joint(previous: str, page: str) -> tuple[int, str]:
    """How ``page`` joins the text before it: how many characters to drop from ``previous``, and
    the separator.

    A page break ends a paragraph, so the separator is a blank line; but a sentence that runs on
    (no terminal punctuation, next page starts lowercase) is kept whole with a line break, and a
    word hyphenated across the break is joined as in step 3.
    """
    following = _PAGE_START_WORD.match(page)
    broken = previous[-1] == "-" and len(previous) > 1 and previous[-2].isalnum()
    # "Pagina 2" is no word part
    if following and broken and not _PAGE_NUMBER_LINE.match("\n" + page):
        joint = _hyphen_joint(_word_before(previous, len(previous) - 1), following[0])
        if joint is not None:
            return 1, joint
    if previous[-1] not in _SENTENCE_END and page[0].islower():
        return 0, "\n"
    return 0, "\n\n"


def _join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """The pages as one text, and the offset where each page's text starts (empty pages too)."""
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    empty_pages = 0  # waiting for the start of the next page with text, which they share
    for page in pages:
        if not page:
            empty_pages += 1
            continue
        if parts:
            drop, separator = _page_joint(parts[-1], page)
            parts[-1] = parts[-1][: len(parts[-1]) - drop]
            parts.append(separator)
            length += len(separator) - drop
        starts.extend([length] * (empty_pages + 1))
        empty_pages = 0
        parts.append(page)
        length += len(page)
    starts.extend([length] * empty_pages)
    return "".join(parts), starts
