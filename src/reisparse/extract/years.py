"""Which year a trip took place in when its period names no year.

Trip reports often write "14 t/m 17 juni" and leave the year to the reader. The rules, in order
(``YearInference.how`` says which one decided, in one sentence for the report's warnings):

1. a year on the period's own dates;
2. the weekdays named next to dates ("Wednesday June 15th") fit only some years; ties go to a year
   the document mentions elsewhere, else to the latest one not after today;
3. a full date elsewhere in the document (the nearest to the period), else the year the document
   mentions most often;
4. no year.

Candidate years lie within ``today.year - 30 .. today.year + 1``: the register holds recent trips.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reisparse.extract.dates import DateMention

_YEARS_BACK = 30
# The English names the warnings use (the register translates them back: reisregister.ingest.notes).
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


@dataclass(frozen=True, slots=True)
class YearInference:
    year: int | None
    inferred: bool  # False when the period itself carried an explicit year (or no year was found)
    how: str  # one English sentence for the report's warnings
    candidates: tuple[int, ...]


def infer_year(
    period_dates: Sequence[DateMention],
    all_dates: Sequence[DateMention],
    years: Sequence[int],
    *,
    today: date,
) -> YearInference:
    """The year of a period whose dates may lack one; see the module docstring for the rules.

    ``period_dates`` are the period's own dates (its ends, travel days, programme day headings),
    ``all_dates`` every date in the document and ``years`` its standalone years. The offsets of
    ``period_dates`` and ``all_dates`` must point into the same text: rule 3 takes the full date
    nearest to the period. A date that carries its own year keeps it; the result is the year for
    the dates without one.
    """
    explicit = [d.year for d in period_dates if d.year is not None]
    if explicit:
        year = explicit[0]
        how = f"year {year} stated with the period's own dates"
        return YearInference(year, False, how, tuple(sorted(set(explicit))))
    window = range(today.year - _YEARS_BACK, today.year + 2)
    mentioned = Counter(y for y in (*years, *_years_of(all_dates)) if y in window)
    found, note = _from_weekdays(period_dates, all_dates, mentioned, window, today)
    if found is None:
        found = _from_context(period_dates, all_dates, mentioned, window, note)
    return found or YearInference(None, False, f"no year in the document{note}", ())


def _years_of(dates: Iterable[DateMention]) -> list[int]:
    return [d.year for d in dates if d.year is not None]


def _label(d: DateMention, *, with_year: bool = False) -> str:
    weekday = f"{DAY_NAMES[d.weekday]} " if d.weekday is not None and not with_year else ""
    year = f" {d.year}" if with_year else ""
    return f"{weekday}{d.day} {MONTH_NAMES[d.month - 1]}{year}"


def _named_weekdays(dates: Iterable[DateMention]) -> list[DateMention]:
    """Year-less dates with a weekday, one per (month, day, weekday)."""
    unique: dict[tuple[int, int, int], DateMention] = {}
    for d in dates:
        if d.weekday is not None and d.year is None:
            unique.setdefault((d.month, d.day, d.weekday), d)
    return list(unique.values())


def _fits(d: DateMention, year: int) -> bool:
    try:
        return date(year, d.month, d.day).weekday() == d.weekday
    except ValueError:  # 29 February in a common year
        return False


def _from_weekdays(
    period_dates: Sequence[DateMention],
    all_dates: Sequence[DateMention],
    mentioned: Counter[int],
    window: range,
    today: date,
) -> tuple[YearInference | None, str]:
    named = _named_weekdays([*period_dates, *all_dates])
    if not named:
        return None, ""
    candidates = [y for y in window if all(_fits(d, y) for d in named)]
    if not candidates:
        # A weekday elsewhere in the document (another trip, a typo) may disagree: trust the
        # period's own weekdays before giving up on weekdays altogether.
        named = _named_weekdays(period_dates)
        candidates = [y for y in window if named and all(_fits(d, y) for d in named)]
    if not candidates:
        return None, " (the weekdays named fit no single year)"
    if len(candidates) == 1:
        year = candidates[0]
        choice = f"the only year in {window.start}..{window.stop - 1} that fits"
    else:
        year, picked = _choose(candidates, named, mentioned, today)
        choice = f"candidates {', '.join(map(str, candidates))}; {picked}"
    labels = ", ".join(_label(d) for d in named)
    how = f"year {year} inferred from weekdays ({labels}): {choice}"
    return YearInference(year, True, how, tuple(candidates)), ""


def _choose(
    candidates: list[int], named: list[DateMention], mentioned: Counter[int], today: date
) -> tuple[int, str]:
    preferred = [y for y in candidates if mentioned[y]]
    if preferred:
        year = max(preferred, key=lambda y: (mentioned[y], y))
        return year, f"took {year}, which the document also mentions"
    # Two years that share a weekday pattern lie at least five years apart, so with two or more
    # candidates in the window at least one lies in the past.
    past = [y for y in candidates if all(date(y, d.month, d.day) <= today for d in named)]
    return max(past or candidates), f"took the latest not after {today.isoformat()}"


def _from_context(
    period_dates: Sequence[DateMention],
    all_dates: Sequence[DateMention],
    mentioned: Counter[int],
    window: range,
    note: str,
) -> YearInference | None:
    dated = [d for d in all_dates if d.year is not None and d.year in window]
    candidates = tuple(sorted(mentioned))
    if dated and period_dates:
        nearest = min(dated, key=lambda d: min(abs(d.start - p.start) for p in period_dates))
        year = nearest.year
        assert year is not None
        how = (
            f"year {year} taken from the nearest full date in the document, "
            f"{_label(nearest, with_year=True)} ('{nearest.text}'){note}"
        )
        return YearInference(year, True, how, candidates)
    if mentioned:
        year = max(mentioned, key=lambda y: (mentioned[y], y))
        counts = ", ".join(f"{y} x{n}" for y, n in mentioned.most_common())
        how = (
            f"year {year} taken from the document, the year it mentions most often ({counts}){note}"
        )
        return YearInference(year, True, how, candidates)
    return None
