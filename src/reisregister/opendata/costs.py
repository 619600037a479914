"""The costs of a trip as CSV columns: one amount per category, and the total.

A report states an estimate before the trip, the actual amount after it, or both. Each cost line counts with
its actual amount, or with its estimate when the report gives no actual amount (``costs_include_estimates``
then says so). Amounts in different currencies are never added up: a trip with costs in two currencies has
both currencies in ``currency`` and, in every amount column, one amount per currency in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reisregister.opendata import cells
from reisregister.publication.objects import CostCategory, PublicTrip

# The cost categories of the register, in the order of the report form.
CATEGORIES = tuple(CostCategory.values)


@dataclass(frozen=True, slots=True)
class CostSummary:
    currencies: tuple[str, ...]
    # (category, currency) -> sum; "" as category for the total
    sums: dict[tuple[str, str], Decimal]
    includes_estimates: bool

    def cell(self, category: str = "") -> str:
        values = [self.sums.get((category, currency)) for currency in self.currencies]
        if all(value is None for value in values):
            return ""
        return cells.SEPARATOR.join(cells.amount(value) for value in values)


def summarise(trip: PublicTrip) -> CostSummary:
    sums: dict[tuple[str, str], Decimal] = {}
    currencies: dict[str, None] = {}
    estimates = False
    for cost in trip.costs:
        value = cost.actual if cost.actual is not None else cost.estimated
        if value is None:
            continue
        estimates = estimates or cost.actual is None
        currencies.setdefault(cost.currency)
        for key in ((cost.category, cost.currency), ("", cost.currency)):
            sums[key] = sums.get(key, Decimal(0)) + value
    return CostSummary(tuple(currencies), sums, estimates)
