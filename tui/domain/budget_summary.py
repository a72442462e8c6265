"""Budget totals: per currency, converted into one currency, and grouped by month, quarter or year.

Each event is converted at the latest rate on or before its date and rounded half up; a converted
total is the sum of the rounded events, and only exists when every event had a rate (a missing rate
is listed, never taken as 1, and no amount is dropped).  Converting is done once (`convert_events`);
grouping the converted events again (`summarise`) is cheap, which is what a key press asks for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tui.domain.budget import BudgetEvent, budget_events, spend_events
from tui.domain.contract import Contract
from tui.domain.coterm import DEFAULT_FEE_RATE
from tui.domain.budget_period import Period, group_key, group_keys
from tui.domain.exchange import Conversion, RateBook
from tui.domain.money import totals_by_currency
from tui.domain.renewal import Renewal


@dataclass(frozen=True, slots=True)
class ConvertedEvent:
    event: BudgetEvent
    converted: Decimal | None  # None: no rate for the event's currency on or before its date
    conversion: Conversion | None


@dataclass(frozen=True)
class PeriodTotal:
    key: str  # 2027-03, 2027-Q1, 2027
    totals: dict[str, Decimal]
    converted: Decimal | None  # None when an event of this group had no rate


@dataclass(frozen=True)
class RateUsed:
    currency: str
    rate: Decimal  # units of the target currency per 1 `currency`
    on: date
    source: str


@dataclass(frozen=True)
class BudgetSummary:
    target: str
    events: tuple[ConvertedEvent, ...]
    totals: dict[str, Decimal]
    converted_total: Decimal | None
    missing_rates: tuple[str, ...]
    rates: tuple[RateUsed, ...]
    groups: tuple[PeriodTotal, ...]


def convert_events(events: Iterable[BudgetEvent], book: RateBook, target: str) -> list[ConvertedEvent]:
    """Each event with its amount in `target` (one rate lookup per currency and day)."""
    found: dict[tuple[str, date], Conversion | None] = {}
    result = []
    for event in events:
        key = (event.currency, event.on)
        if key not in found:
            found[key] = book.conversion(event.currency, target, event.on)
        conversion = found[key]
        converted = conversion.convert(event.amount) if conversion is not None else None
        result.append(ConvertedEvent(event, converted, conversion))
    return result


def summarise(converted: Sequence[ConvertedEvent], target: str, period: Period | None,
              grouping: str) -> BudgetSummary:
    """Totals of the events in `period` (all when None), grouped by `grouping` (month/quarter/year)."""
    chosen = [c for c in converted if period is None or c.event.on in period]
    totals = totals_by_currency((c.event.currency, c.event.amount) for c in chosen)
    missing = tuple(sorted({c.event.currency for c in chosen if c.converted is None}))
    converted_total = None if missing else sum((c.converted for c in chosen), Decimal("0.00"))  # type: ignore[misc]
    group_amounts: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
    group_converted: dict[str, Decimal | None] = defaultdict(lambda: Decimal("0.00"))
    for c in chosen:
        key = group_key(c.event.on, grouping)
        group_amounts[key].append((c.event.currency, c.event.amount))
        so_far = group_converted[key]
        group_converted[key] = None if so_far is None or c.converted is None else so_far + c.converted
    if period is not None:
        keys = group_keys(period, grouping)
    else:
        keys = sorted(group_amounts)
    groups = tuple(PeriodTotal(key, totals_by_currency(group_amounts.get(key, ())), group_converted[key])
                   for key in keys)
    return BudgetSummary(target, tuple(chosen), totals, converted_total, missing, rates_used(chosen), groups)


def rates_used(converted: Iterable[ConvertedEvent]) -> tuple[RateUsed, ...]:
    """The distinct rates the conversion used, by currency then date (same-currency amounts need none)."""
    distinct = {id(c.conversion): c.conversion for c in converted if c.conversion is not None}
    used = {RateUsed(c.currency, c.rate, c.on, c.source) for c in distinct.values() if c.currency != c.target}
    return tuple(sorted(used, key=lambda r: (r.currency, r.on, r.source)))


def build_budget(contracts: Sequence[Contract], renewals: Sequence[Renewal], book: RateBook, target: str,
                 period: Period, today: date, grouping: str, *, rise: Decimal = Decimal(0),
                 fee_rate: Decimal = DEFAULT_FEE_RATE) -> BudgetSummary:
    """The budget of `period`: events, converted and summed (what `renewals budget` prints)."""
    events = budget_events(contracts, renewals, period.start, period.end, today, rise=rise, fee_rate=fee_rate)
    return summarise(convert_events(events, book, target), target, period, grouping)


def build_spend(renewals: Sequence[Renewal], book: RateBook, target: str, period: Period | None,
                grouping: str) -> BudgetSummary:
    """What completed renewals cost, in `period` (all of them when None), by year or finer."""
    events = spend_events(renewals, period.start if period else None, period.end if period else None)
    return summarise(convert_events(events, book, target), target, period, grouping)
