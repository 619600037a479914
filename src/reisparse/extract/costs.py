"""Amounts of money in Dutch and English, and the cost lines of a trip.

Registers write money every way there is: ``€ 1.234,56``, ``EUR 1234.56``, ``1.234 euro``,
``€ 850,-``, ``ca. € 2.000``, ``$1,250.00``. A separator followed by exactly three digits groups
thousands (no one states a trip's costs to a tenth of a cent); followed by one or two digits it is
the decimal mark; when both marks occur, the last one is the decimal mark.

Several amounts in one field (``vlucht € 450, hotel € 600``) give one cost line each; the words
next to an amount say its category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reisparse.extract.dates import find_dates
from reisparse.model import CostLine

_SYMBOLS = {"€": "EUR", "$": "USD", "us$": "USD", "£": "GBP"}
_CODES = "EUR USD GBP CHF SEK NOK DKK ISK PLN CZK HUF RON BGN TRY CAD AUD NZD JPY CNY HKD SGD INR"
_WORDS = {"euro": "EUR", "euros": "EUR", "euro's": "EUR", "eur": "EUR", "dollar": "USD"}
_WORDS |= {"dollars": "USD", "pond": "GBP", "pound": "GBP", "pounds": "GBP"}
# Codes only in capitals: "try" is a word too.
_CODE = rf"(?-i:\b(?:{_CODES.replace(' ', '|')})\b)"
_BEFORE = rf"(?P<pre>US\$|€|\$|£|{_CODE}|\beur\b)"
_AFTER = rf"(?P<post>€|{_CODE}|\b(?:euro's|euros?|eur|dollars?|pounds?|pond)\b)"
# Thousands grouped by "." or "," (1.234 / 1,234), or a plain number; then decimals or a Dutch ",-".
_NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_ROUND = r"(?:[.,](?:-{1,2}|–))"
_SCALE = r"(?P<{0}>\s*(?:miljard|mld\.?|billion|bn|miljoen|mln\.?|million|m|duizend|thousand|k)\b)?"
_APPROX = (
    r"(?P<approx>(?:\b(?:ca\.?|circa|ongeveer|ruim|bijna|approx\.?|approximately|about|around)"
    r"|[±~≈])\s*)?"
)
_AMOUNT = re.compile(
    _APPROX
    + rf"(?:{_BEFORE}\s?(?P<n1>{_NUMBER}){_ROUND}?{_SCALE.format('s1')}"
    + rf"|(?<![\w.,])(?P<n2>{_NUMBER}){_ROUND}?{_SCALE.format('s2')}\s?{_AFTER})",
    re.I,
)
# A number without a currency, allowed only in a costs field that names no currency at all.
_UNITS = r"personen|persons?|people|nachten|nights?|dagen|days?|km|x|deelnemers|participants"
_BARE = re.compile(
    _APPROX
    + rf"(?<![\w.,/-])(?P<n1>{_NUMBER}){_ROUND}?{_SCALE.format('s1')}"
    + rf"(?![\w/%-]|[.,]\d|\s*%|\s*(?:{_UNITS})\b)",
    re.I,
)
_YEAR = re.compile(r"(?:19[89]|20\d)\d")
_SCALES = {"k": 1e3, "duizend": 1e3, "thousand": 1e3, "m": 1e6, "mln": 1e6, "miljoen": 1e6}
_SCALES |= {"million": 1e6, "mld": 1e9, "miljard": 1e9, "billion": 1e9, "bn": 1e9}

# Category words match at a word start, so compounds count too ("vliegtickets", "hotelnachten");
# a stem ending in "=" is a whole word (maybe plural): "bus" is not "business". Where stems
# overlap the longest wins: "verblijfskosten" is an allowance (subsistence), "verblijf" a stay.
_CATEGORY_STEMS = {
    "transport": "vlucht vlieg trein reiskosten vervoer taxi huurauto auto= kilometer parkeer "
    "km-vergoeding ov= ov-kosten bus= boot= veerboot ferry flight airfare air= plane= train= "
    "rail= travel car= mileage transport",
    "accommodation": "hotel overnachting verblijf accommodatie logies accommodation lodging room=",
    "subsistence": "verblijfskosten verblijfkosten dagvergoeding daggeld maaltijd lunch= diner= "
    "eten= subsistence per diem daily allowance meal= food dinner=",
    "fees": "inschrijf inschrijv deelname deelnemersbijdrage congreskosten conferentiekosten "
    "toegang registration fee= entrance conference participation tuition",
    "other": "overig visum verzekering representatie other miscellaneous visa= insurance",
}
_STEMS = sorted(
    ((stem, category) for category, words in _CATEGORY_STEMS.items() for stem in words.split()),
    key=lambda pair: len(pair[0]),
    reverse=True,
)


def _stem_pattern(stem: str) -> str:
    if stem.endswith("="):
        return re.escape(stem[:-1]) + r"(?:s|es|en|'s)?\b"
    return re.escape(stem)


_STEM_RE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(f"({_stem_pattern(s)})" for s, _ in _STEMS) + ")", re.I
)
_TOTAL = re.compile(r"\b(?:totaal|totale|total|in totaal|samen)\b", re.I)
# Words that say nothing about what the money was for.
_NEUTRAL_WORDS = (
    "ca circa ongeveer ruim bijna approx approximately about around kosten costs cost bedrag "
    "amount excl incl inclusief exclusief btw vat per p p.p persoon person de het een the a an "
    "en and voor for van of totaal totale total samen geschat estimated personen persons people "
    "reizigers travellers travelers"
)
_NEUTRAL = frozenset(_NEUTRAL_WORDS.split())
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
# Where one amount's words end and the next one's begin.
_CLAUSE_BREAK = re.compile(r"[,;+|\n]")
# Connectors and punctuation that start a clause but belong to no cost line.
_LEAD = re.compile(r"[\s:;,]*(?:(?:en|and|plus|&)\s+)?")
_NO_COSTS = re.compile(
    r"^\W*(?:geen(?: kosten)?|nihil|kosteloos|none|no costs|free of charge|nil)\W*$", re.I
)


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount as stated: ``start``/``end`` cover the approximation word, currency and number."""

    value: float
    currency: str
    approximate: bool
    start: int
    end: int


def parse_number(raw: str) -> float:
    """``1.234,56`` and ``1,234.56`` -> 1234.56; ``1.234`` -> 1234; ``12,5`` -> 12.5."""
    digits = raw.strip()
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return float(digits.replace(thousands, "").replace(decimal, "."))
    for mark in ",.":
        if mark in digits:
            parts = digits.split(mark)
            if len(parts) > 2 or len(parts[-1]) == 3:
                return float(digits.replace(mark, ""))
            return float(digits.replace(mark, "."))
    return float(digits)


def _currency(match: re.Match[str]) -> str:
    token = (match.group("pre") or match.group("post") or "").lower()
    return _SYMBOLS.get(token) or _WORDS.get(token) or token.upper()


def _amount(match: re.Match[str], offset: int, currency: str | None) -> Amount:
    number = match.group("n1") or match.group("n2")
    scale = (match.group("s1") or (match.groupdict().get("s2") or "")).strip().lower().rstrip(".")
    value = parse_number(number) * _SCALES.get(scale, 1.0)
    return Amount(
        value=round(value, 2),
        currency=currency or _currency(match),
        approximate=bool(match.group("approx")),
        start=offset + match.start(),
        end=offset + match.end(),
    )


def find_amounts(
    text: str, start: int = 0, end: int | None = None, *, bare: bool = False
) -> list[Amount]:
    """Amounts with a currency in ``text[start:end]``.

    With ``bare``, plain numbers count as euros when no amount names a currency: a register's
    costs column often leaves the euro sign out. Years and dates are never amounts.
    """
    end = len(text) if end is None else end
    region = text[start:end]
    found = [_amount(m, start, None) for m in _AMOUNT.finditer(region)]
    if found or not bare:
        return found
    dates = [(d.start, d.end) for d in find_dates(region)]
    return [
        _amount(m, start, "EUR")
        for m in _BARE.finditer(region)
        if not _YEAR.fullmatch(m.group("n1"))
        and not any(s < m.end() and m.start() < e for s, e in dates)
    ]


def is_total(words: str) -> bool:
    """True when ``words`` announce a total (``Totaal``, ``totale kosten``, ``total``)."""
    return bool(_TOTAL.search(words))


def no_costs_stated(value: str) -> bool:
    """True for a costs value that says there were none: ``geen``, ``nihil``, ``none``."""
    return bool(_NO_COSTS.match(value))


def _categories(words: str) -> set[str]:
    # The index of the group that matched says which stem it was.
    return {_STEMS[m.lastindex - 1][1] for m in _STEM_RE.finditer(words) if m.lastindex}


def category_of(words: str) -> str | None:
    """The cost category that ``words`` name (``transport``, ``accommodation``, ``subsistence``,
    ``fees``, ``other``); None when they name none or several (``vliegreis en hotel``)."""
    found = _categories(words)
    return found.pop() if len(found) == 1 else None


def _category(words: str) -> str | None:
    found = _categories(words)
    if found:
        return found.pop() if len(found) == 1 else None
    # Words that name no known category still say what the money was for ("visumkosten", "gift").
    return "other" if _meaningful(words) and not _TOTAL.search(words) else None


def _clause_before(text: str, lo: int, hi: int) -> int:
    """Start of the words that lead up to an amount at ``hi`` (after the last clause break)."""
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, hi))
    return breaks[-1].end() if breaks else lo


def _clause_after(text: str, lo: int, hi: int) -> int:
    """End of the words right after an amount at ``lo``: to the next break or the end of "(...)"."""
    head = text[lo:hi]
    if head.lstrip().startswith("("):
        close = head.find(")")
        return lo + close + 1 if close >= 0 else hi
    found = _CLAUSE_BREAK.search(text, lo, hi)
    return found.start() if found else hi


@dataclass(frozen=True, slots=True)
class _Line:
    amount: Amount
    category: str | None
    total: bool
    start: int
    end: int


def _meaningful(words: str) -> bool:
    return any(w.lower().strip(".’'") not in _NEUTRAL for w in _WORD.findall(words))


def _bounds(text: str, amounts: list[Amount], start: int, end: int) -> list[tuple[int, int]]:
    """For each amount, where the words before it start and where the words after it end."""
    out = []
    for i, amount in enumerate(amounts):
        lo = amounts[i - 1].end if i else start
        hi = amounts[i + 1].start if i + 1 < len(amounts) else end
        out.append((_clause_before(text, lo, amount.start), _clause_after(text, amount.end, hi)))
    return out


def _classify(text: str, amounts: list[Amount], start: int, end: int) -> list[_Line]:
    bounds = _bounds(text, amounts, start, end)
    # A field puts its words either before its amounts ("vlucht € 450, hotel € 600") or after
    # them ("€ 450 vlucht, € 600 hotel"); the side with more words wins, before on a tie.
    before = sum(_meaningful(text[b : a.start]) for a, (b, _) in zip(amounts, bounds, strict=True))
    after = sum(_meaningful(text[a.end : e]) for a, (_, e) in zip(amounts, bounds, strict=True))
    out = []
    for amount, (clause_start, clause_end) in zip(amounts, bounds, strict=True):
        if before >= after:
            line_start, line_end = clause_start, amount.end
            words = text[clause_start : amount.start]
        else:
            line_start, line_end = amount.start, clause_end
            words = text[amount.end : clause_end]
        lead = _LEAD.match(text, line_start, line_end)
        line_start = lead.end() if lead else line_start
        total = bool(_TOTAL.search(words))
        out.append(_Line(amount, _category(words), total, line_start, line_end))
    return out


def _converted(text: str, previous: Amount, amount: Amount) -> bool:
    """``SEK 12.000 (ca. € 1.050)``: the second amount restates the first in another currency."""
    between = text[previous.end : amount.start].strip()
    return previous.currency != amount.currency and between in ("(", "(=", "=", "/", "(≈")


def find_costs(
    text: str,
    start: int,
    end: int,
    *,
    payer: str | None = None,
    default_category: str | None = None,
    bare: bool = True,
) -> list[CostLine]:
    """One ``CostLine`` per amount in ``text[start:end]``, spans into ``text``.

    A total next to its parts is left out (the parts say more); a restatement in another currency
    (``SEK 12.000 (ca. € 1.050)``) is not a second cost.
    """
    amounts = find_amounts(text, start, end, bare=bare)
    kept: list[Amount] = []
    for amount in amounts:
        if kept and _converted(text, kept[-1], amount):
            continue
        kept.append(amount)
    lines = _classify(text, kept, start, end)
    if len(lines) > 1 and any(not line.total for line in lines):
        lines = [line for line in lines if not line.total]
    return [
        CostLine(
            category=line.category or default_category,
            amount=line.amount.value,
            currency=line.amount.currency,
            payer=payer,
            text=" ".join(text[line.start : line.end].split()),
            span=(line.start, line.end),
        )
        for line in lines
    ]
