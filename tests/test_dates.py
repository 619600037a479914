"""Finding dates, date ranges and standalone years in Dutch and English text."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reisparse.extract.dates import (
    DateMention,
    RangeMention,
    find_dates,
    find_ranges,
    find_years,
    resolve,
)

Day = tuple[int, int, int | None]


def _day(mention: DateMention) -> Day:
    return (mention.day, mention.month, mention.year)


def _only_date(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


def _only_range(text: str) -> RangeMention:
    found = find_ranges(text)
    assert len(found) == 1, found
    return found[0]


# --- Single dates ------------------------------------------------------------------------------

SINGLE_DATES: list[tuple[str, Day]] = [
    ("15 juni", (15, 6, None)),
    ("15 juni 2022", (15, 6, 2022)),
    ("woensdag 15 juni 2022", (15, 6, 2022)),
    ("wo 15 juni", (15, 6, None)),
    ("wo. 15 juni", (15, 6, None)),
    ("June 15th", (15, 6, None)),
    ("Wednesday June 15th", (15, 6, None)),
    ("Wednesday, 15 June 2022", (15, 6, 2022)),
    ("Wednesday, June 15th, 2022", (15, 6, 2022)),
    ("15th of June 2022", (15, 6, 2022)),
    ("June 15, 2022", (15, 6, 2022)),
    ("16-06-2022", (16, 6, 2022)),
    ("16/06/2022", (16, 6, 2022)),
    ("16.06.2022", (16, 6, 2022)),
    ("6-6-2022", (6, 6, 2022)),
    ("2022-06-16", (16, 6, 2022)),
    ("1 maart", (1, 3, None)),
    ("1e mei", (1, 5, None)),
    ("1ste mei 2023", (1, 5, 2023)),
    ("2de juli", (2, 7, None)),
    ("3rd of March", (3, 3, None)),
    ("12 sept. 2022", (12, 9, 2022)),
    ("15juni", (15, 6, None)),
    ("15 JUNI 2022", (15, 6, 2022)),
    ("29 februari", (29, 2, None)),
    ("29 februari 2024", (29, 2, 2024)),
    ("31 december 1999", (31, 12, 1999)),
    ("May 30", (30, 5, None)),
    ("30 May 2023", (30, 5, 2023)),
    ("30 MAY 2023", (30, 5, 2023)),
    ("Sept. 15", (15, 9, None)),
    ("zaterdag 1 juli", (1, 7, None)),
]


@pytest.mark.parametrize(("written", "expected"), SINGLE_DATES)
def test_it_reads_a_single_date_and_spans_exactly_its_words(written: str, expected: Day) -> None:
    text = f"Wij vertrokken op {written} uit Den Haag."
    found = _only_date(text)
    assert _day(found) == expected
    assert found.text == written
    assert text[found.start : found.end] == written


MONTH_NAMES: list[tuple[str, int]] = [
    *[(name, n) for n, name in enumerate(["januari", "februari", "maart", "april"], start=1)],
    *[(name, n) for n, name in enumerate(["mei", "juni", "juli", "augustus"], start=5)],
    *[(name, n) for n, name in enumerate(["september", "oktober", "november", "december"], 9)],
    *[(name, n) for n, name in enumerate(["January", "February", "March", "April"], start=1)],
    *[(name, n) for n, name in enumerate(["May", "June", "July", "August"], start=5)],
    *[(name, n) for n, name in enumerate(["September", "October", "November", "December"], 9)],
    ("jan", 1),
    ("jan.", 1),
    ("feb", 2),
    ("febr.", 2),
    ("mrt", 3),
    ("mrt.", 3),
    ("maa", 3),
    ("mar.", 3),
    ("apr", 4),
    ("jun.", 6),
    ("jul", 7),
    ("aug.", 8),
    ("sep", 9),
    ("sept", 9),
    ("sep.", 9),
    ("okt", 10),
    ("oct.", 10),
    ("nov", 11),
    ("dec.", 12),
    ("DEC", 12),
]


@pytest.mark.parametrize(("name", "month"), MONTH_NAMES)
def test_it_knows_every_month_name_and_abbreviation(name: str, month: int) -> None:
    assert _day(_only_date(f"Op 3 {name} 2024 begon het.")) == (3, month, 2024)


@pytest.mark.parametrize(
    ("written", "weekday"),
    [
        ("maandag 13 juni", 0),
        ("ma 13 juni", 0),
        ("di. 14 juni", 1),
        ("Woensdag 15 juni", 2),
        ("do 16 juni", 3),
        ("vr 17 juni", 4),
        ("za, 18 juni", 5),
        ("zo 19 juni", 6),
        ("Monday 13 June", 0),
        ("Tue 14 June", 1),
        ("Wednesday June 15th", 2),
        ("Thurs. June 16th", 3),
        ("Friday, 17 June 2022", 4),
        ("Sat June 18", 5),
        ("SUNDAY 19 JUNE", 6),
        ("donderdag 16-06-2022", 3),
        ("15 juni", None),
    ],
)
def test_it_attaches_a_weekday_named_before_the_date(written: str, weekday: int | None) -> None:
    found = _only_date(f"Programma: {written}.")
    assert found.weekday == weekday
    assert found.text == written


@pytest.mark.parametrize(
    "text",
    [
        "Om 9:00 begon de sessie en om 10.30 was er koffie.",
        "Er is 5 miljoen euro beschikbaar.",
        "15% van de deelnemers kwam uit Zweden.",
        "In het kader van de H22 Expo in Helsingborg.",
        "Versie 1.2.3 en Python 3.11.7 zijn gebruikt.",
        "Bel 070-3536000 of 06-12345678 of +31 6 1234 5678.",
        "Het ging om 3 t/m 5 deelnemers per sessie.",
        "Een 2-daagse conferentie.",
        "In juni 2022 was het warm.",
        "Op 31 juni gebeurde niets.",
        "Op 29 februari 2023 gebeurde niets.",
        "Op 32 mei en op 0 mei gebeurde niets.",
        "Op 13-13-2022 gebeurde niets.",
        "Het team van 15 junioren en 3 marketeers.",
        "These 2 may differ; we may 30 times.",
        "Om 10.15 juni-overleg.",
        # Not supported on purpose: two-digit years and numeric dates without a year.
        "Op 16-06-22 en op 16/06 was het feest.",
    ],
)
def test_it_finds_no_date_in_times_amounts_versions_and_impossible_dates(text: str) -> None:
    assert find_dates(text) == []
    assert find_ranges(text) == []


def test_it_keeps_day_and_month_on_one_line() -> None:
    found = find_dates("Dag 2\nJune 15th\n9:00 Welcome")
    assert [(_day(d), d.text) for d in found] == [((15, 6, None), "June 15th")]


def test_it_does_not_take_the_time_after_a_day_heading_as_a_range_end() -> None:
    text = "Wednesday June 15th\n\n9:00 Placemaking Europe Annual Leader's Meeting\n"
    assert find_ranges(text) == []
    assert [d.text for d in find_dates(text)] == ["Wednesday June 15th"]


# --- Ranges ------------------------------------------------------------------------------------

RANGES: list[tuple[str, Day, Day]] = [
    ("14 tm 17 juni", (14, 6, None), (17, 6, None)),
    ("14 t/m 17 juni", (14, 6, None), (17, 6, None)),
    ("14 t.m. 17 juni 2022", (14, 6, 2022), (17, 6, 2022)),
    ("3 t/m 5 oktober 2023", (3, 10, 2023), (5, 10, 2023)),
    ("van 3 tot en met 7 maart 2025", (3, 3, 2025), (7, 3, 2025)),
    ("Van 3 tot 7 maart 2025", (3, 3, 2025), (7, 3, 2025)),
    ("12 tot en met 15 sept. 2022", (12, 9, 2022), (15, 9, 2022)),
    ("30 mei - 2 juni 2023", (30, 5, 2023), (2, 6, 2023)),
    ("30 mei – 2 juni 2023", (30, 5, 2023), (2, 6, 2023)),
    ("30 mei-2 juni 2023", (30, 5, 2023), (2, 6, 2023)),
    ("14-17 juni 2022", (14, 6, 2022), (17, 6, 2022)),
    ("14 - 17 juni 2022", (14, 6, 2022), (17, 6, 2022)),
    ("14 en 15 juni", (14, 6, None), (15, 6, None)),
    ("30 juni en 1 juli", (30, 6, None), (1, 7, None)),
    ("3, 4 en 5 juni", (3, 6, None), (5, 6, None)),
    ("tussen 3 en 5 oktober", (3, 10, None), (5, 10, None)),
    ("March 4-9, 2019", (4, 3, 2019), (9, 3, 2019)),
    ("March 4–9, 2019", (4, 3, 2019), (9, 3, 2019)),
    ("June 14th to 17th", (14, 6, None), (17, 6, None)),
    ("4-9 March 2019", (4, 3, 2019), (9, 3, 2019)),
    ("from May 30 to June 2, 2023", (30, 5, 2023), (2, 6, 2023)),
    ("May 30 – June 2, 2023", (30, 5, 2023), (2, 6, 2023)),
    ("from 3 to 7 March 2025", (3, 3, 2025), (7, 3, 2025)),
    ("between 3 and 5 October", (3, 10, None), (5, 10, None)),
    ("between May 30 and June 2", (30, 5, None), (2, 6, None)),
    ("15 juni tot 20 juni 2024", (15, 6, 2024), (20, 6, 2024)),
    ("28 februari t/m 2 maart 2024", (28, 2, 2024), (2, 3, 2024)),
    ("woensdag 14 t/m zaterdag 17 juni", (14, 6, None), (17, 6, None)),
    ("Wednesday 14 to Saturday 17 June", (14, 6, None), (17, 6, None)),
    ("14-06-2022 t/m 17-06-2022", (14, 6, 2022), (17, 6, 2022)),
    ("2022-06-14/2022-06-17", (14, 6, 2022), (17, 6, 2022)),
    ("Dinsdag 14 mei 2024 t/m vrijdag 17 mei 2024", (14, 5, 2024), (17, 5, 2024)),
    # Year boundary: a year at one end gives the other end the year before or after.
    ("30 December 2022 - 2 January 2023", (30, 12, 2022), (2, 1, 2023)),
    ("30 december - 2 januari 2023", (30, 12, 2022), (2, 1, 2023)),
    ("30 december 2022 t/m 2 januari", (30, 12, 2022), (2, 1, 2023)),
    ("30 december t/m 2 januari", (30, 12, None), (2, 1, None)),
]


@pytest.mark.parametrize(("written", "first", "last"), RANGES)
def test_it_reads_a_range_and_spans_exactly_its_words(written: str, first: Day, last: Day) -> None:
    text = f"De reis duurde {written} en was nuttig."
    found = _only_range(text)
    assert (_day(found.first), _day(found.last)) == (first, last)
    assert found.text == written
    assert text[found.start : found.end] == written


def test_it_lists_both_ends_of_a_range_among_the_dates() -> None:
    found = find_dates("De reis duurde 14 t/m 17 juni 2022.")
    assert [(_day(d), d.text) for d in found] == [
        ((14, 6, 2022), "14"),
        ((17, 6, 2022), "17 juni 2022"),
    ]


def test_it_keeps_the_weekdays_of_both_ends_of_a_range() -> None:
    found = _only_range("Wij waren er woensdag 14 t/m zaterdag 17 juni.")
    assert (found.first.weekday, found.last.weekday) == (2, 5)
    assert (found.first.text, found.last.text) == ("woensdag 14", "zaterdag 17 juni")


@pytest.mark.parametrize(
    ("written", "days"),
    [
        ("14 en 17 juni", [(14, 6, None), (17, 6, None)]),
        ("June 14 and June 17", [(14, 6, None), (17, 6, None)]),
        ("3 mei en 5 juni 2023", [(3, 5, 2023), (5, 6, 2023)]),
        ("1, 3 en 5 juni", [(1, 6, None), (3, 6, None), (5, 6, None)]),
        # Out of order: the bare day probably belongs to another month, so it is dropped.
        ("30 - 2 juni", [(2, 6, None)]),
        ("June 30 - 2", [(30, 6, None)]),
        ("17 en 14 juni", [(17, 6, None), (14, 6, None)]),
        ("17 juni 2022 - 14 juni 2022", [(17, 6, 2022), (14, 6, 2022)]),
    ],
)
def test_it_reads_days_that_are_not_a_range_as_separate_dates(
    written: str, days: list[Day]
) -> None:
    text = f"Reisdagen waren {written}."
    assert find_ranges(text) == []
    assert [_day(d) for d in find_dates(text)] == days


def test_it_reads_the_period_line_of_the_seed() -> None:
    text = "HOELANG DUURDE DE REIS?\n14 tm 17 juni (waarvan 14 en 17 juni reisdagen)\n"
    period = _only_range(text)
    assert (_day(period.first), _day(period.last)) == ((14, 6, None), (17, 6, None))
    assert [d.text for d in find_dates(text)] == ["14", "17 juni", "14", "17 juni"]


def test_it_drops_a_range_with_an_impossible_end_but_keeps_the_possible_dates() -> None:
    text = "Van 31 juni t/m 2 juli waren wij weg."
    assert find_ranges(text) == []
    assert [_day(d) for d in find_dates(text)] == [(2, 7, None)]


def test_it_gives_each_text_its_own_mentions() -> None:
    first, second = "Op 3 mei 2023.", "Op 4 t/m 6 juni."
    assert [_day(d) for d in find_dates(first)] == [(3, 5, 2023)]
    assert [_day(r.last) for r in find_ranges(second)] == [(6, 6, None)]
    assert find_ranges(first) == []
    assert [_day(d) for d in find_dates(second)] == [(4, 6, None), (6, 6, None)]


FRAGMENTS = [
    "14 t/m 17 juni",
    "Wednesday June 15th",
    "9:00",
    "10.30",
    "2022",
    "16-06-2022",
    "H22",
    "en",
    "March 4-9, 2019",
    "30 mei - 2 juni 2023",
    "5 miljoen",
    "van",
    "-",
    "juni",
    "3",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12), st.sampled_from([" ", "\n", ", "]))
def test_it_returns_mentions_in_order_without_overlap_whose_text_is_their_span(
    parts: list[str], glue: str
) -> None:
    text = glue.join(parts)
    dates, ranges = find_dates(text), find_ranges(text)
    spans = [(m.start, m.end, m.text) for m in dates] + [(m.start, m.end, m.text) for m in ranges]
    assert all(text[start:end] == written for start, end, written in spans)
    assert all(a.end <= b.start for a, b in pairwise(dates))
    assert all(a.end <= b.start for a, b in pairwise(ranges))
    for r in ranges:
        assert r.first in dates and r.last in dates


# --- Standalone years --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("In 2022 gingen we naar Zweden.", [2022]),
        ("In juni 2022 en (2019) en sinds 1990.", [2022, 2019, 1990]),
        ("Van 1989 tot 2100.", []),
        ("Op 15 juni 2022 en 16-06-2022 en 2022-06-16.", []),
        ("Adres: Spaarne 2, 2011 AB Haarlem.", []),
        ("Kosten 2000 euro, € 2000 of €2000; 2020 deelnemers.", []),
        ("Nummers 12022, 2022-06 en 1.2021.", []),
        ("Visie 2050", [2050]),
    ],
)
def test_it_finds_years_standing_alone(text: str, years: list[int]) -> None:
    found = find_years(text)
    assert [year for _, _, year in found] == years
    assert all(text[start:end] == str(year) for start, end, year in found)


# --- Resolving ---------------------------------------------------------------------------------


def test_it_resolves_a_mention_without_year_in_the_given_year() -> None:
    assert resolve(_only_date("Op 15 juni."), 2022) == date(2022, 6, 15)


def test_it_resolves_a_mention_in_its_own_year_rather_than_the_given_one() -> None:
    assert resolve(_only_date("Op 15 juni 2019."), 2022) == date(2019, 6, 15)


def test_it_refuses_to_resolve_29_february_in_a_common_year() -> None:
    leap_day = _only_date("Op 29 februari.")
    assert resolve(leap_day, 2024) == date(2024, 2, 29)
    with pytest.raises(ValueError, match="day is out of range"):
        resolve(leap_day, 2023)


def test_it_refuses_to_resolve_a_date_that_no_year_has() -> None:
    impossible = DateMention(0, 7, 31, 6, None, None, "31 juni")
    with pytest.raises(ValueError, match="day is out of range"):
        resolve(impossible, 2022)


@pytest.mark.parametrize(
    ("heading", "day"),
    [
        ("Dag 2 – donderdag 16 juni:", (16, 6, None)),
        ("Dag 1 - 15 juni", (15, 6, None)),
        ("Day 2 – June 16th", (16, 6, None)),
        ("Week 23 - 5 juni", (5, 6, None)),
    ],
)
def test_it_does_not_read_a_numbered_day_heading_as_a_range(heading: str, day: Day) -> None:
    assert find_ranges(heading) == []
    assert _day(_only_date(heading)) == day
