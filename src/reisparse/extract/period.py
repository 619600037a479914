"""The period of a trip (start, end, travel days), with the year inferred when the text leaves it out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from reisparse.extract.dates import (
    DateMention,
    RangeMention,
    find_dates,
    find_ranges,
    find_years,
    infer_year,
    resolve,
)
from reisparse.model import Period

_TRAVEL_DAY = re.compile(r"\b(?:reisdag(?:en)?|travel(?:ling)? days?)\b", re.I)
_CLAUSE_END = ".()\n"


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause around [start, end): up to a full stop, bracket or line end, within [lo, hi).

    Scanning outward from the keyword keeps this linear; a regex with a leading ``[^.]*`` is quadratic.
    """
    left = max(text.rfind(c, lo, start) for c in _CLAUSE_END) + 1
    right = min((i for c in _CLAUSE_END if (i := text.find(c, end, hi)) >= 0), default=hi)
    return max(left, lo), right


# "14 en 17 juni" lists days; "3 tot en met 7 maart" is a range.
_LIST_JOIN = re.compile(r"(?<!\btot)\s(?:en|and|&)\s(?!met\b)")


@dataclass(frozen=True, slots=True)
class PeriodResult:
    period: Period
    year: int | None
    warnings: tuple[str, ...]


def _travel_day_mentions(text: str, start: int, end: int) -> list[DateMention]:
    days: list[DateMention] = []
    for keyword in _TRAVEL_DAY.finditer(text, start, end):
        at, stop = _clause(text, keyword.start(), keyword.end(), start, end)
        chunk = text[at:stop]
        for rng in find_ranges(chunk):
            if _LIST_JOIN.search(rng.text):
                # "14 en 15 juni reisdagen" lists two days; it is not a stay from the 14th to the 15th.
                days.extend((_shift(rng.first, at), _shift(rng.last, at)))
        if not days:
            days.extend(_shift(m, at) for m in find_dates(chunk))
    return days


def _shift(mention: DateMention, by: int) -> DateMention:
    return replace(mention, start=mention.start + by, end=mention.end + by)


def _first_period(text: str, start: int, end: int) -> tuple[RangeMention | None, list[DateMention]]:
    """The first range in [start, end), else its first dates; offsets into the whole text."""
    region = text[start:end]
    ranges = find_ranges(region)
    if ranges:
        r = ranges[0]
        return replace(r, start=r.start + start, end=r.end + start,
                       first=_shift(r.first, start), last=_shift(r.last, start)), []  # fmt: skip
    return None, [_shift(m, start) for m in find_dates(region)[:2]]


def _safe(mention: DateMention, year: int | None) -> date | None:
    if year is None and mention.year is None:
        return None
    try:
        return resolve(mention, mention.year or year or 0)
    except ValueError:
        return None


def find_period(
    text: str,
    start: int,
    end: int,
    *,
    programme_days: Sequence[DateMention] = (),
    today: date,
) -> PeriodResult:
    rng, singles = _first_period(text, start, end)
    ends = [rng.first, rng.last] if rng else singles
    if not ends:
        return PeriodResult(Period(), None, ("no period found",))
    travel = _travel_day_mentions(text, start, end)
    inference = infer_year(
        [*ends, *travel, *programme_days],
        find_dates(text),
        [y for _, _, y in find_years(text)],
        today=today,
    )
    year = inference.year
    first, last = _safe(ends[0], year), _safe(ends[-1], year)
    if first and last and last < first and ends[-1].year is None:
        last = _safe(ends[-1], (year or 0) + 1)  # a range across New Year
    warnings = (inference.how,) if inference.inferred or year is None else ()
    days = sorted({d.isoformat() for m in travel if (d := _safe(m, year))})
    period_text = rng.text if rng else " – ".join(m.text for m in ends)
    return PeriodResult(
        Period(
            start=first.isoformat() if first else None,
            end=last.isoformat() if last else None,
            travel_days=tuple(days),
            year_inferred=bool(inference.inferred and first),
            text=" ".join(period_text.split()),
        ),
        year,
        warnings,
    )
