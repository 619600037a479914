"""Personal data with a fixed shape: e-mail addresses, phone numbers, IBAN, BSN and licence plates.

Each finder matches a loose pattern and then validates it (digit counts, mod-97, the elfproef), so
that dates, years, amounts, postcodes and reference numbers are not mistaken for personal data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reisparse.personal.model import Candidate, Kind
from reisparse.personal.words import FUNCTIONAL_MAILBOXES, REFERENCE_LABELS

# --------------------------------------------------------------------------- e-mail

_EMAIL = re.compile(r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)+")


def find_emails(text: str) -> Iterator[Candidate]:
    """E-mail addresses, except functional mailboxes (info@, pers@, griffie@, noreply@...)."""
    for m in _matches_on_lines_with(_EMAIL, text, "@"):
        local = m.group().split("@", 1)[0].casefold()
        first = re.split(r"[._+-]", local, maxsplit=1)[0]
        if local in FUNCTIONAL_MAILBOXES or first in FUNCTIONAL_MAILBOXES:
            continue
        yield Candidate(Kind.EMAIL, m.start(), m.end())


def _matches_on_lines_with(
    pattern: re.Pattern[str], text: str, needle: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` on the lines that contain ``needle`` only: most lines have no "@"."""
    at = text.find(needle)
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        yield from pattern.finditer(text, start, end)
        at = text.find(needle, end)


# --------------------------------------------------------------------------- phone numbers

# Groups of digits with single separators; "(0)" and "(412)" may stand between them. Possessive
# quantifiers: a long run of digits must not make the engine try every way to split it.
_GROUPS = r"(?:(?:[ \-./]|\s-\s)?(?:\(0\)|\(\d{1,4}\)|\d++))*+"
_INTERNATIONAL = re.compile(rf"(?<![\w+])(?:\+|00)[1-9]\d*+{_GROUPS}")
_NATIONAL = re.compile(rf"(?<![\w+\-./,€$£])(?:\(0\d++\)|0\d++){_GROUPS}")
_GROUP = re.compile(r"\(0\)|\(\d{1,4}\)|\d+")
_PHONE_LABEL = re.compile(
    r"(?i)(?:\b(?:tel|telefoon(?:nummer)?|phone|mobile|mobiel|mob|gsm|fax|bel|call)\b|\b[TM]\b)"
    r"[.:]?[^\n\d]{0,12}$"
)
_IBAN_HEAD = re.compile(r"[A-Z]{2}\d{2} ?[A-Z]{4} ?$")
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")  # free and paid service numbers: organisations


def _national_ok(digits: str, labelled: bool) -> bool:
    if digits.startswith(_SERVICE_PREFIXES):
        return False
    return len(digits) == 10 or (labelled and 9 <= len(digits) <= 11)


def _international_ok(digits: str) -> bool:
    return 8 <= len(digits) <= 15


def _phone_end(text: str, start: int, end: int, *, international: bool) -> int | None:
    """The end of the longest valid number that starts at ``start`` and ends on a group boundary."""
    labelled = bool(_PHONE_LABEL.search(text, max(0, start - 30), start))
    best: int | None = None
    digits = ""
    for g in _GROUP.finditer(text, start, end):
        if g.group() != "(0)":
            digits += g.group().strip("()")
        national = digits.lstrip("0") if international else digits
        ok = _international_ok(national) if international else _national_ok(digits, labelled)
        if ok:
            best = g.end()
    return best


def find_phones(text: str) -> Iterator[Candidate]:
    """Dutch numbers (10 digits from a leading 0, or +31/0031) and international ones (+44, 0046)."""
    for pattern, international in ((_INTERNATIONAL, True), (_NATIONAL, False)):
        for m in pattern.finditer(text):
            if _IBAN_HEAD.search(text, max(0, m.start() - 12), m.start()):
                continue  # the digits of an IBAN that failed its check ("NL12 ABNA 0123 4567 89")
            end = _phone_end(text, m.start(), m.end(), international=international)
            if end is not None and not text[end : end + 1].isdigit():
                yield Candidate(Kind.PHONE, m.start(), end)


# --------------------------------------------------------------------------- IBAN

# Lengths of the IBANs seen in reports of Dutch public bodies; other countries: 15-34 characters.
_IBAN_LENGTHS = {
    "NL": 18, "BE": 16, "DE": 22, "GB": 22, "FR": 27, "LU": 20, "ES": 24, "IT": 27, "PT": 25,
    "DK": 18, "SE": 24, "NO": 15, "FI": 18, "IE": 22, "AT": 20, "CH": 21, "PL": 28, "EE": 20,
}  # fmt: skip
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}")


def iban_is_valid(iban: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 == 1."""
    compact = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def find_ibans(text: str) -> Iterator[Candidate]:
    for m in _IBAN.finditer(text):
        # The pattern may run on into a following word ("... 89 EN"): try the ends at a boundary.
        for end in range(m.end(), m.start() + 14, -1):
            if text[end - 1] == " " or (end < len(text) and text[end].isalnum()):
                continue
            if iban_is_valid(text[m.start() : end]):
                yield Candidate(Kind.IBAN, m.start(), end)
                break


# --------------------------------------------------------------------------- BSN

_BSN = re.compile(
    r"(?<![\w.,\-/])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3})(?![\w\-/]|[.,]\d| \d)"
)
_REFERENCE = re.compile(rf"(?i)\b(?:{'|'.join(REFERENCE_LABELS)})\w*\b[^\n]{{0,12}}$")


def elfproef(number: str) -> bool:
    """The BSN check: 9 digits, weights 9..2 and -1, the sum a non-zero multiple of 11."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    if len(digits) != 9:
        return False
    total = sum(d * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total != 0 and total % 11 == 0


def find_bsns(text: str) -> Iterator[Candidate]:
    """Nine digits that pass the elfproef and are not labelled as a case, invoice or order number."""
    for m in _BSN.finditer(text):
        if not elfproef(m.group()):
            continue
        if _REFERENCE.search(text, max(0, m.start() - 40), m.start()):
            continue
        yield Candidate(Kind.BSN, m.start(), m.end())


# --------------------------------------------------------------------------- licence plates

# Dutch side codes 1-14 (L a letter, D a digit), always written with hyphens.
_SIDECODES = (
    "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
    "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
)  # fmt: skip


def _sidecode_regex(code: str) -> str:
    return "".join({"L": "[A-Z]", "D": r"\d", "-": "-"}[ch] for ch in code)


_PLATE = re.compile(rf"(?<![\w-])(?:{'|'.join(map(_sidecode_regex, _SIDECODES))})(?![\w-])")


def find_licence_plates(text: str) -> Iterator[Candidate]:
    for m in _PLATE.finditer(text):
        yield Candidate(Kind.LICENCE_PLATE, m.start(), m.end())
