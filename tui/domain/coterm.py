"""Co-terming: pricing renewals so that contracts end on one date `to` (T).

The method (domain.md, "Co-terming"): whole years by anniversary, the rest
by day over 365, so a one-year renewal costs exactly one year whatever the
leap years.  Lapsed contracts are back-dated to their old end and pay a
reinstatement fee on the lapsed days; licences added during the renewal are
priced from today to T.  Every amount is rounded half up to the cent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from dateutil.relativedelta import relativedelta

from tui.domain.contract import Contract
from tui.domain.money import round_cents, totals_by_currency
from tui.formatting import format_date
from tui.i18n import _

DAYS_PER_YEAR = 365
DEFAULT_FEE_RATE = Decimal("0.25")
# Enough digits that the single division below is exact to far below a cent.
_PRECISION = 60


class CotermError(ValueError):
    """A co-term that cannot be priced; `str(error)` is the message for the user."""


def method_note() -> str:
    """The sentence the UI shows so people know which proration method is used."""
    return _("Prorated in whole years by anniversary, the rest by day (/365).")


def coterm_span(end: date, to: date) -> tuple[int, int]:
    """(years, days) from `end` to `to`: whole anniversaries first, then the remaining days.

    Anniversaries come from `relativedelta`, so 29 Feb + 1 year is 28 Feb.
    """
    if to < end:
        raise CotermError(
            _("{to} is before {end}; a term is never shortened").format(to=format_date(to), end=format_date(end))
        )
    years = to.year - end.year
    while end + relativedelta(years=years) > to:
        years -= 1
    days = (to - (end + relativedelta(years=years))).days
    return years, days


def _prorate(annual: Decimal, years: int, days: int, factor: Decimal) -> Decimal:
    """round_half_up(annual × (years + days/365) × factor), with one division, done last."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        exact = annual * (years * DAYS_PER_YEAR + days) * factor / DAYS_PER_YEAR
        return round_cents(exact)


def _check_uplift(uplift: Decimal) -> None:
    if uplift < -1:
        raise CotermError(_("an uplift below -100 % would make the price negative"))


def renewal_amount(
    unit_price: Decimal, quantity: int, end: date, to: date, uplift: Decimal = Decimal(0)
) -> Decimal:
    """Price of renewing `quantity` licences from `end` to `to`; `uplift` is a fraction (0.05 = 5 %)."""
    _check_uplift(uplift)
    years, days = coterm_span(end, to)
    return _prorate(unit_price * quantity, years, days, 1 + uplift)


def lapsed_days(end: date, today: date) -> int:
    """Days since the contract ended; 0 while it has not."""
    return (today - end).days if end < today else 0


def reinstatement_fee(
    unit_price: Decimal, quantity: int, end: date, today: date, fee_rate: Decimal = DEFAULT_FEE_RATE
) -> Decimal:
    """The fee on the lapsed part of a renewal: P × Q × lapsed_days/365 × fee_rate."""
    if fee_rate < 0:
        raise CotermError(_("the reinstatement fee rate must not be negative"))
    return _prorate(unit_price * quantity, 0, lapsed_days(end, today), fee_rate)


def additional_amount(
    unit_price: Decimal, quantity: int, today: date, to: date, uplift: Decimal = Decimal(0)
) -> Decimal:
    """Licences added during the renewal, priced from `today` to `to` with the renewal formula."""
    if quantity == 0:
        return Decimal("0.00")
    return renewal_amount(unit_price, quantity, today, to, uplift)


@dataclass(frozen=True)
class QuoteLine:
    contract_id: str
    product: str
    currency: str
    quantity: int  # licences renewed from `end`
    added: int  # licences added from today
    end: date
    years: int
    days: int
    amount: Decimal  # renewal of `quantity` from `end` to the co-term date
    reinstatement_fee: Decimal
    additional_amount: Decimal
    total: Decimal


@dataclass(frozen=True)
class Quote:
    to: date
    lines: tuple[QuoteLine, ...]
    totals: dict[str, Decimal]  # per currency, sums of the rounded line totals


def build_quote(
    contracts: Sequence[Contract],
    to: date,
    today: date,
    *,
    uplift: Decimal = Decimal(0),
    fee_rate: Decimal = DEFAULT_FEE_RATE,
    new_quantities: Mapping[str, int] | None = None,
) -> Quote:
    """Price co-terming `contracts` to `to`, one line per contract in the given order.

    `new_quantities` maps a contract id to the licence count wanted after the
    renewal: fewer renews only that many (fee included), more renews the
    current count and adds the difference from today.
    """
    if not contracts:
        raise CotermError(_("select at least one contract to co-term"))
    new_quantities = new_quantities or {}
    lines = tuple(_line(c, to, today, uplift, fee_rate, new_quantities.get(c.id)) for c in contracts)
    totals = totals_by_currency((line.currency, line.total) for line in lines)
    return Quote(to, lines, totals)


def _line(
    contract: Contract, to: date, today: date, uplift: Decimal, fee_rate: Decimal, wanted: int | None
) -> QuoteLine:
    if to < contract.end:
        raise CotermError(
            _("contract {id} ends on {end}, after {to}; choose a co-term date on or after {end}").format(
                id=contract.id, end=format_date(contract.end), to=format_date(to)
            )
        )
    if wanted is None:
        wanted = contract.quantity
    if wanted < 0:
        raise CotermError(_("contract {id}: the new quantity must not be negative").format(id=contract.id))
    renewed = min(contract.quantity, wanted)
    added = max(0, wanted - contract.quantity)
    if added and to < today:
        raise CotermError(
            _("contract {id}: licences added today cannot end on {to}, which is already past").format(
                id=contract.id, to=format_date(to)
            )
        )
    years, days = coterm_span(contract.end, to)
    amount = renewal_amount(contract.unit_price, renewed, contract.end, to, uplift)
    fee = reinstatement_fee(contract.unit_price, renewed, contract.end, today, fee_rate)
    extra = additional_amount(contract.unit_price, added, today, to, uplift)
    return QuoteLine(
        contract_id=contract.id,
        product=contract.product,
        currency=contract.currency,
        quantity=renewed,
        added=added,
        end=contract.end,
        years=years,
        days=days,
        amount=amount,
        reinstatement_fee=fee,
        additional_amount=extra,
        total=amount + fee + extra,
    )


def check_coterm_date(to: date, today: date) -> None:
    """T must be after today: a renewal that ends today or earlier leaves the contracts expired (and
    would charge the reinstatement fee up to today for a term that stopped before it)."""
    if to <= today:
        raise CotermError(_("the co-term date T ({to}) must be after today ({today})").format(
            to=format_date(to), today=format_date(today)))


def roll_forward(day: date, today: date, years: int = 0) -> date:
    """`day` + `years` years, or a later anniversary of `day` (whole years on) if that is not after `today`."""
    while day + relativedelta(years=years) <= today:
        years += 1
    return day + relativedelta(years=years)


def suggested_dates(contracts: Sequence[Contract], today: date) -> tuple[date, date]:
    """(latest end + 1 year, latest end), each rolled forward whole years until it is after today:
    the two co-term dates worth offering first, never one in the past."""
    if not contracts:
        raise CotermError(_("select at least one contract to co-term"))
    latest = max(c.end for c in contracts)
    return roll_forward(latest, today, years=1), roll_forward(latest, today)
