"""Money in register pages: amounts in Dutch and English notation, and one cost line per amount."""

from __future__ import annotations

import pytest

from reisparse.extract.costs import category_of, find_amounts, find_costs, parse_number


@pytest.mark.parametrize(
    ("stated", "amount", "currency"),
    [
        ("€ 1.234,56", 1234.56, "EUR"),
        ("€1.234,56", 1234.56, "EUR"),
        ("EUR 1234.56", 1234.56, "EUR"),
        ("EUR 1,234.56", 1234.56, "EUR"),
        ("1.234 euro", 1234.0, "EUR"),
        ("1234 euro's", 1234.0, "EUR"),
        ("€ 850,-", 850.0, "EUR"),
        ("€ 850,--", 850.0, "EUR"),
        ("ca. € 2.000", 2000.0, "EUR"),
        ("circa 2.000 euro", 2000.0, "EUR"),
        ("€ 12,50", 12.5, "EUR"),
        ("€ 2,5 miljoen", 2_500_000.0, "EUR"),
        ("$1,250.00", 1250.0, "USD"),
        ("£ 300", 300.0, "GBP"),
        ("SEK 12.000", 12000.0, "SEK"),
        ("4.500 DKK", 4500.0, "DKK"),
        ("450 EUR", 450.0, "EUR"),
    ],
)
def test_it_reads_an_amount_in_dutch_or_english_notation(
    stated: str, amount: float, currency: str
) -> None:
    (found,) = find_amounts(f"Kosten: {stated}.")
    assert (found.value, found.currency) == (amount, currency)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.234,56", 1234.56),
        ("1,234.56", 1234.56),
        ("1.234", 1234.0),
        ("1,234", 1234.0),
        ("12,5", 12.5),
        ("12.50", 12.5),
        ("1.234.567", 1234567.0),
        ("850", 850.0),
    ],
)
def test_a_separator_before_three_digits_groups_thousands_and_before_two_marks_decimals(
    raw: str, value: float
) -> None:
    assert parse_number(raw) == value


def test_it_marks_an_amount_with_ca_as_approximate() -> None:
    (found,) = find_amounts("Kosten: ca. € 2.000")
    assert found.approximate


@pytest.mark.parametrize(
    "text",
    [
        "We vertrokken op 12 oktober 2023 om 9.30 uur met 3 collega's.",
        "Try 5 times; there were 12 participants in 2023.",
        "Kamer 1.234 in het stadhuis",
    ],
)
def test_numbers_without_a_currency_are_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("vlucht € 450, hotel € 600", [(450.0, "transport"), (600.0, "accommodation")]),
        ("€ 450 vlucht, € 600 hotel", [(450.0, "transport"), (600.0, "accommodation")]),
        (
            "reiskosten € 389,00; verblijfskosten € 512,50",
            [(389.0, "transport"), (512.5, "subsistence")],
        ),
        ("trein € 120 en overnachting € 240", [(120.0, "transport"), (240.0, "accommodation")]),
        ("dagvergoeding € 75, inschrijving € 300", [(75.0, "subsistence"), (300.0, "fees")]),
        ("flight EUR 450, hotel EUR 600", [(450.0, "transport"), (600.0, "accommodation")]),
        ("meals € 80; conference fee € 350", [(80.0, "subsistence"), (350.0, "fees")]),
        ("registration € 200 and train € 95", [(200.0, "fees"), (95.0, "transport")]),
        ("visumkosten € 60", [(60.0, "other")]),
        ("€ 1.234,56", [(1234.56, None)]),
        ("ca. € 2.000", [(2000.0, None)]),
        ("€ 980 (2 personen, incl. btw)", [(980.0, None)]),
        # Two categories for one amount: the amount is not split, and no category is guessed.
        ("€ 1.845,20 (vliegreis en hotel)", [(1845.2, None)]),
        # A total next to its parts is not a cost of its own.
        (
            "vlucht € 450, hotel € 600 (totaal € 1.050)",
            [(450.0, "transport"), (600.0, "accommodation")],
        ),
        (
            "Totaal € 1.050: vlucht € 450, hotel € 600",
            [(450.0, "transport"), (600.0, "accommodation")],
        ),
        # A restatement in euros of a foreign amount is the same cost.
        ("SEK 12.000 (ca. € 1.050)", [(12000.0, None)]),
        # A costs field may leave the currency out.
        ("vlucht 450, hotel 600", [(450.0, "transport"), (600.0, "accommodation")]),
        ("1.234,56", [(1234.56, None)]),
        ("geen", []),
        ("nihil", []),
    ],
)
def test_it_gives_one_cost_line_per_amount_with_the_category_its_words_name(
    field: str, expected: list[tuple[float, str | None]]
) -> None:
    lines = find_costs(field, 0, len(field))
    assert [(line.amount, line.category) for line in lines] == expected


def test_a_cost_line_spans_its_words_and_amount_in_the_page_text() -> None:
    page = "Bestemming: Kopenhagen\nKosten: vlucht € 450, hotel € 600\nBetaald door: gemeente"
    start = page.index("vlucht")
    end = page.index("\nBetaald")
    lines = find_costs(page, start, end, payer="gemeente")
    assert [page[s:e] for s, e in (line.span for line in lines)] == ["vlucht € 450", "hotel € 600"]
    assert [line.text for line in lines] == ["vlucht € 450", "hotel € 600"]
    assert {line.payer for line in lines} == {"gemeente"}


def test_a_field_that_names_no_category_takes_the_default_one() -> None:
    lines = find_costs("€ 450", 0, 5, default_category="accommodation")
    assert [line.category for line in lines] == ["accommodation"]


def test_a_date_in_a_costs_field_is_not_an_amount() -> None:
    field = "1.234 (gedeclareerd op 12 oktober 2023)"
    assert [line.amount for line in find_costs(field, 0, len(field))] == [1234.0]


@pytest.mark.parametrize(
    ("words", "category"),
    [
        ("Vliegkosten", "transport"),
        ("treinkaartjes", "transport"),
        ("Hotelkosten", "accommodation"),
        ("overnachtingen", "accommodation"),
        ("maaltijden", "subsistence"),
        ("per diem", "subsistence"),
        ("deelnamekosten", "fees"),
        ("Registration fee", "fees"),
        ("Overige kosten", "other"),
        ("business lunch", "subsistence"),
        ("Kosten", None),
        ("vlucht en hotel", None),
    ],
)
def test_it_maps_cost_words_to_a_category(words: str, category: str | None) -> None:
    assert category_of(words) == category
