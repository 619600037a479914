"""Inferring the year of a trip whose period names no year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reisparse.extract.dates import (
    YearInference,
    find_dates,
    find_ranges,
    find_years,
    infer_year,
    resolve,
)

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_db49e06d3a98a721.txt"
TODAY = date(2026, 11, 28)
SEED_HOW = (
    "year 2022 inferred from weekdays (Wednesday 15 June, Thursday 16 June): "
    "candidates 2005, 2011, 2016, 2022; took the latest not after 2026-11-28"
)


def _infer(text: str, *, today: date = TODAY) -> YearInference:
    """Infer the year of the first range in ``text``, the way the period extractor does."""
    period = find_ranges(text)[0]
    years = [year for _, _, year in find_years(text)]
    return infer_year([period.first, period.last], find_dates(text), years, today=today)


PROGRAMME = "\nWednesday June 15th\n9:00 Welcome\n\nThursday June 16th\n9:00 Tour\n"


def test_it_takes_the_year_the_period_states() -> None:
    found = _infer("Het werkbezoek was van 3 t/m 5 oktober 2023. Verslag 12 oktober 2024.")
    assert found == YearInference(
        2023, False, "year 2023 stated with the period's own dates", (2023,)
    )


def test_it_takes_the_year_the_period_states_over_weekdays_that_disagree() -> None:
    found = _infer(f"14 t/m 17 juni 2024{PROGRAMME}")
    assert (found.year, found.inferred) == (2024, False)


def test_it_infers_the_seed_year_from_the_programme_weekdays() -> None:
    text = f"HOELANG DUURDE DE REIS?\n14 tm 17 juni (waarvan 14 en 17 juni reisdagen){PROGRAMME}"
    assert _infer(text) == YearInference(2022, True, SEED_HOW, (2005, 2011, 2016, 2022))


def test_it_infers_2022_for_the_seed_report_itself() -> None:
    if not SEED.exists():
        pytest.skip(f"the reference seed is not at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    found = _infer(text)
    assert found == YearInference(2022, True, SEED_HOW, (2005, 2011, 2016, 2022))
    period = find_ranges(text)[0]
    assert (resolve(period.first, 2022), resolve(period.last, 2022)) == (
        date(2022, 6, 14),
        date(2022, 6, 17),
    )


def test_it_takes_the_latest_weekday_year_not_after_today() -> None:
    found = _infer(f"14 t/m 17 juni{PROGRAMME}", today=date(2022, 6, 1))
    assert found.year == 2016
    assert found.how.endswith("took the latest not after 2022-06-01")
    assert found.candidates == (1994, 2005, 2011, 2016, 2022)


@pytest.mark.parametrize(
    ("elsewhere", "year"),
    [
        ("Zie ook het jaarplan 2016.", 2016),
        ("Eerder bezocht op 1 juli 2011.", 2011),
        ("Jaarplan 2011, herzien 2016, en nogmaals 2016.", 2016),
    ],
)
def test_it_prefers_a_weekday_year_the_document_mentions_elsewhere(
    elsewhere: str, year: int
) -> None:
    found = _infer(f"14 t/m 17 juni{PROGRAMME}\n{elsewhere}")
    assert (found.year, found.inferred) == (year, True)
    assert found.how.endswith(f"took {year}, which the document also mentions")
    assert found.candidates == (2005, 2011, 2016, 2022)


def test_it_takes_the_only_year_the_weekdays_allow() -> None:
    found = _infer("Wij waren er van maandag 29 februari t/m woensdag 2 maart.")
    assert found == YearInference(
        2016,
        True,
        "year 2016 inferred from weekdays (Monday 29 February, Wednesday 2 March): "
        "the only year in 1996..2027 that fits",
        (2016,),
    )


def test_it_trusts_the_period_weekdays_when_a_weekday_elsewhere_disagrees() -> None:
    text = "Op woensdag 15 t/m donderdag 16 juni.\nVolgende keer: vrijdag 15 juni.\n"
    found = _infer(text)
    assert found.year == 2022
    assert found.how.startswith("year 2022 inferred from weekdays (Wednesday 15 June, Thursday")


def test_it_falls_back_on_a_full_date_when_the_weekdays_fit_no_year() -> None:
    text = "Op woensdag 15 t/m woensdag 16 juni.\nDen Haag, 20 juni 2023\n"
    found = _infer(text)
    assert (found.year, found.inferred) == (2023, True)
    assert found.how == (
        "year 2023 taken from the nearest full date in the document, 20 June 2023 "
        "('20 juni 2023') (the weekdays named fit no single year)"
    )


def test_it_takes_the_full_date_nearest_to_the_period() -> None:
    text = (
        "Verslag van 1 januari 2020.\n" + "Tekst. " * 40 + "\nDen Haag, 20 november 2023\n"
        "De reis duurde 14 t/m 16 november.\n" + "Tekst. " * 40 + "\nGetekend 3 maart 2021."
    )
    found = _infer(text)
    assert (found.year, found.inferred) == (2023, True)
    assert found.how == (
        "year 2023 taken from the nearest full date in the document, 20 November 2023 "
        "('20 november 2023')"
    )
    assert found.candidates == (2020, 2021, 2023)


def test_it_takes_the_year_mentioned_most_often_when_no_full_date_is_given() -> None:
    text = "Jaarplan 2023. De reis duurde 14 t/m 16 november. Begroting 2023, evaluatie 2021."
    found = _infer(text)
    assert found == YearInference(
        2023,
        True,
        "year 2023 taken from the document, the year it mentions most often (2023 x2, 2021 x1)",
        (2021, 2023),
    )


def test_it_ignores_years_outside_the_window_of_recent_trips() -> None:
    text = "Klimaatneutraal in 2050, in 2050! De reis duurde 14 t/m 16 november, na 2021."
    assert _infer(text).year == 2021


def test_it_leaves_the_year_empty_when_the_document_has_none() -> None:
    found = _infer("HOELANG DUURDE DE REIS?\n14 t/m 16 november (heen en terug met de trein)\n")
    assert found == YearInference(None, False, "no year in the document", ())


def test_it_says_when_weekdays_fit_no_year_and_nothing_else_helps() -> None:
    found = _infer("Op woensdag 15 t/m woensdag 16 juni.")
    assert found.year is None
    assert found.how == "no year in the document (the weekdays named fit no single year)"
