"""Money rules: Decimal only, half-up rounding to the cent, known currencies."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")

# ISO 4217 codes accepted for contracts: the five the product promises, plus
# the other currencies of the European countries in the partner directory.
CURRENCIES = frozenset(
    {"RON", "EUR", "USD", "GBP", "CHF", "HUF", "PLN", "CZK", "BGN", "SEK", "NOK", "DKK"}
)


def round_cents(value: Decimal) -> Decimal:
    """Round half up to 0.01, as vendors' invoices do (not banker's rounding)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def totals_by_currency(items: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """Sum amounts per currency, never across currencies; keys sorted."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in items:
        sums[currency] += amount
    return {currency: sums[currency] for currency in sorted(sums)}
