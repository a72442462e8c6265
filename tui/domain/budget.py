"""The renewal budget: when money goes out for maintenance, and what completed renewals cost.

Rules (domain.md, "Money: the renewal budget"), for a period [start, end], both days included:
- a contract is renewed for one year on each anniversary `E_k` of its end (k = 0, 1, …) on or after
  today, the k-th at P × Q × (1 + rise)^(k+1), rounded half up;
- a lapsed contract (end before today, in no open renewal) costs today its back-dated renewal to the
  first anniversary `E_m` after today (P × Q × m × (1 + rise)) plus the reinstatement fee, then
  renews yearly from `E_m`;
- an open renewal replaces its contracts' events up to its `T` by its quote, one event per
  currency, dated at its earliest contract end (today if that is past); a quoted amount recorded for
  a currency replaces the estimate; from `T` its contracts renew yearly with the new quantities;
- spend: each completed renewal once, on its order confirmation date, at its quoted amount where one
  was recorded, else its estimate.
Amounts stay per currency here; `budget_summary` converts and totals them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from tui.domain.contract import Contract
from tui.domain.coterm import DEFAULT_FEE_RATE, Quote, reinstatement_fee
from tui.domain.money import round_cents
from tui.domain.renewal import Renewal, RenewalStatus
from tui.domain.renewal_plan import renewed_contract, try_quote

_PRECISION = 60

# Event kinds (machine output: never translated; the UI labels them).
RENEWAL = "renewal"  # a regular anniversary
LAPSED = "lapsed"  # back-dated renewal plus reinstatement fee
OPEN = "open"  # an open renewal's estimate
QUOTED = "quoted"  # an amount the partner quoted (open renewal, or spend)
ESTIMATE = "estimate"  # spend of a completed renewal without a quoted amount
KINDS = (RENEWAL, LAPSED, OPEN, QUOTED, ESTIMATE)


@dataclass(frozen=True, slots=True)
class BudgetEvent:
    on: date
    ref: str  # the contract id (renewal, lapsed) or the renewal id (open, quoted, spend)
    product: str
    kind: str
    amount: Decimal
    currency: str


def add_years(day: date, years: int) -> date:
    """The anniversary `years` after `day`, as `relativedelta(years=…)` gives it (29 Feb → 28 Feb)."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return date(year, 2, 28)
    return day.replace(year=year)


def risen(annual: Decimal, rise: Decimal, years: int) -> Decimal:
    """round_half_up(annual × (1 + rise)^years), exact (the callers set a 60-digit context once)."""
    if not rise:
        return round_cents(annual)
    return round_cents(annual * (1 + rise) ** years)


def _first_on_or_after(end: date, day: date) -> int:
    """The smallest k ≥ 0 with add_years(end, k) ≥ day."""
    if end >= day:
        return 0
    k = day.year - end.year  # that anniversary falls in day's year: it or the next one
    return k if add_years(end, k) >= day else k + 1


def regular_events(contract: Contract, start: date, end: date, today: date, rise: Decimal,
                   *, ref: str | None = None) -> list[BudgetEvent]:
    """The yearly renewals of a contract that has not lapsed, on its anniversaries in the period."""
    renewed = contract.end
    k = _first_on_or_after(renewed, max(start, today))
    on = add_years(renewed, k)
    if on > end:  # most contracts, for a period of a year or less: one anniversary at most
        return []
    annual = contract.annual_cost
    events = []
    while on <= end:
        events.append(BudgetEvent(on, ref or contract.id, contract.product, RENEWAL,
                                  risen(annual, rise, k + 1), contract.currency))
        k += 1
        on = add_years(renewed, k)
    return events


def lapsed_events(contract: Contract, start: date, end: date, today: date, rise: Decimal,
                  fee_rate: Decimal) -> list[BudgetEvent]:
    """Today's back-dated renewal with its fee, then the yearly renewals from the anniversary after today."""
    m = _first_on_or_after(contract.end, today)
    if add_years(contract.end, m) == today:
        m += 1
    events = []
    if start <= today <= end:
        back_dated = round_cents(contract.annual_cost * m * (1 + rise))
        fee = reinstatement_fee(contract.unit_price, contract.quantity, contract.end, today, fee_rate)
        events.append(BudgetEvent(today, contract.id, contract.product, LAPSED, back_dated + fee, contract.currency))
    later = _moved_end(contract, add_years(contract.end, m))
    return events + regular_events(later, start, end, today, rise)


def _moved_end(contract: Contract, end: date) -> Contract:
    # Contract has slots and a history; only the fields regular_events reads matter.
    return Contract(contract.id, contract.product, contract.quantity, end, contract.unit_price, contract.currency)


def contract_events(contract: Contract, start: date, end: date, today: date, rise: Decimal,
                    fee_rate: Decimal = DEFAULT_FEE_RATE) -> list[BudgetEvent]:
    """One contract's events (amounts exact only in a 60-digit context, as `budget_events` sets)."""
    if contract.end < today:
        return lapsed_events(contract, start, end, today, rise, fee_rate)
    return regular_events(contract, start, end, today, rise)


def quote_events(renewal: Renewal, quote: Quote, on: date, *, quoted_kind: str = QUOTED,
                 estimate_kind: str = OPEN) -> list[BudgetEvent]:
    """One event per currency of the quote (and of the quoted amounts): the quoted amount where recorded."""
    products: dict[str, list[str]] = {}
    for line in quote.lines:
        names = products.setdefault(line.currency, [])
        if line.product not in names:
            names.append(line.product)
    events = []
    for currency in sorted(set(quote.totals) | set(renewal.quoted)):
        product = ", ".join(products.get(currency, ()))
        if currency in renewal.quoted:
            events.append(BudgetEvent(on, renewal.id, product, quoted_kind, renewal.quoted[currency], currency))
        else:
            events.append(BudgetEvent(on, renewal.id, product, estimate_kind, quote.totals[currency], currency))
    return events


def budget_events(contracts: Iterable[Contract], renewals: Iterable[Renewal], start: date, end: date,
                  today: date, *, rise: Decimal = Decimal(0),
                  fee_rate: Decimal = DEFAULT_FEE_RATE) -> list[BudgetEvent]:
    """Every payment expected in [start, end], sorted by date, then reference."""
    with localcontext() as ctx:  # once for all: entering it for each of 10,000 contracts costs ~10 ms
        ctx.prec = _PRECISION
        return _budget_events(contracts, renewals, start, end, today, rise, fee_rate)


def _budget_events(contracts: Iterable[Contract], renewals: Iterable[Renewal], start: date, end: date,
                   today: date, rise: Decimal, fee_rate: Decimal) -> list[BudgetEvent]:
    by_id = {c.id: c for c in contracts}
    events: list[BudgetEvent] = []
    replaced: set[str] = set()
    for renewal in renewals:
        if not renewal.status.is_open:
            continue
        members = [by_id[i] for i in renewal.contract_ids if i in by_id]
        quote = try_quote(renewal, members, today) if members else None
        quote = quote or renewal.quote
        if quote is None or renewal.to is None:
            continue  # not priced yet: its contracts keep their own events
        replaced.update(c.id for c in members)
        on = max(today, min(c.end for c in members))
        if start <= on <= end:
            events += quote_events(renewal, quote, on)
        for contract in members:
            events += contract_events(renewed_contract(contract, renewal), start, end, today, rise, fee_rate)
    for contract in by_id.values():
        if contract.id not in replaced:
            events += contract_events(contract, start, end, today, rise, fee_rate)
    events.sort(key=lambda e: (e.on, e.ref, e.currency))
    return events


def spend_events(renewals: Iterable[Renewal], start: date | None = None,
                 end: date | None = None) -> list[BudgetEvent]:
    """Completed renewals, each once on its confirmation date: quoted amounts, else the saved estimate."""
    events: list[BudgetEvent] = []
    for renewal in renewals:
        if renewal.status is not RenewalStatus.COMPLETED or renewal.confirmed_on is None:
            continue
        on = renewal.confirmed_on
        if (start is not None and on < start) or (end is not None and on > end):
            continue
        quote = renewal.quote or Quote(renewal.to or on, (), {})
        events += quote_events(renewal, quote, on, estimate_kind=ESTIMATE)
    events.sort(key=lambda e: (e.on, e.ref, e.currency))
    return events
