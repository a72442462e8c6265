"""Budget totals: per currency, converted into one currency, and grouped by month, quarter or year.

Each event is converted at the latest rate on or before its date and rounded half up; a converted
total is the sum of the rounded events, and only exists when every event had a rate (a missing rate
is listed, never taken as 1, and no amount is dropped).  Converting is done once (`convert_events`);
grouping the converted events again (`summarise`) is cheap, which is what a key press asks for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from operator import attrgetter

from tui.domain.budget import BudgetEvent, budget_events, spend_events
from tui.domain.contract import Contract
from tui.domain.coterm import DEFAULT_FEE_RATE
from tui.domain.budget_period import MONTHS, QUARTERS, Period, group_key, group_keys
from tui.domain.exchange import Conversion, RateBook
from tui.domain.money import round_cents, totals_by_currency
from tui.domain.renewal import Renewal

_PRECISION = 60


@dataclass(frozen=True, slots=True)
class ConvertedEvent:
    event: BudgetEvent
    converted: Decimal | None  # None: no rate for the event's currency on or before its date
    conversion: Conversion | None
    month: int  # year × 12 + month − 1: grouping by month, quarter or year is one division


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
    with localcontext() as ctx:  # as Conversion.convert does, entered once
        ctx.prec = _PRECISION
        for event in events:
            key = (event.currency, event.on)
            if key not in found:
                found[key] = book.conversion(event.currency, target, event.on)
            conversion = found[key]
            if conversion is None:
                converted = None
            elif event.currency == target:
                converted = event.amount
            elif conversion.denominator == 1:  # a stored rate as it is: no division
                converted = round_cents(event.amount * conversion.numerator)
            else:
                converted = round_cents(event.amount * conversion.numerator / conversion.denominator)
            result.append(ConvertedEvent(event, converted, conversion, event.on.year * 12 + event.on.month - 1))
    return result


def summarise(converted: Sequence[ConvertedEvent], target: str, period: Period | None,
              grouping: str) -> BudgetSummary:
    """Totals of the events in `period` (all when None), grouped by `grouping` (month/quarter/year)."""
    if period is None:
        chosen = tuple(converted)
    else:  # the events are sorted by date (budget_events, spend_events)
        chosen = tuple(converted[bisect_left(converted, period.start, key=_day):
                                 bisect_right(converted, period.end, key=_day)])
    # One pass, keyed by the month, quarter or year number; made into "2027-03" only once per group.
    step = 1 if grouping == MONTHS else 3 if grouping == QUARTERS else 12
    amounts: dict[int, dict[str, Decimal]] = {}
    converted_sums: dict[int, Decimal | None] = {}
    missing: set[str] = set()
    for c in chosen:
        key = c.month // step
        sums = amounts.get(key)
        if sums is None:
            sums = amounts[key] = {}
            converted_sums[key] = Decimal("0.00")
        currency = c.event.currency
        sums[currency] = sums.get(currency, 0) + c.event.amount
        if c.converted is None:
            missing.add(currency)
            converted_sums[key] = None
        else:
            so_far = converted_sums[key]
            if so_far is not None:
                converted_sums[key] = so_far + c.converted
    labelled = {group_key(_first_day(key * step), grouping): key for key in amounts}
    keys = group_keys(period, grouping) if period is not None else sorted(labelled)
    groups = tuple(PeriodTotal(label, _sorted(amounts[labelled[label]]), converted_sums[labelled[label]])
                   if label in labelled else PeriodTotal(label, {}, Decimal("0.00")) for label in keys)
    totals = totals_by_currency((currency, total) for group in groups for currency, total in group.totals.items())
    converted_total = None if missing else sum((g.converted for g in groups), Decimal("0.00"))  # type: ignore[misc]
    return BudgetSummary(target, chosen, totals, converted_total, tuple(sorted(missing)), rates_used(chosen),
                         groups)


def _first_day(month: int) -> date:
    year, index = divmod(month, 12)
    return date(year, index + 1, 1)


def _day(c: ConvertedEvent) -> date:
    return c.event.on


def _sorted(sums: dict[str, Decimal]) -> dict[str, Decimal]:
    return {currency: sums[currency] for currency in sorted(sums)}


def rates_used(converted: Iterable[ConvertedEvent]) -> tuple[RateUsed, ...]:
    """The distinct rates the conversion used, by currency then date (same-currency amounts need none)."""
    distinct = set(map(attrgetter("conversion"), converted))  # by identity: one per currency and day
    same_rate = {(c.currency, c.numerator, c.denominator, c.on, c.source): c for c in distinct
                 if c is not None and c.currency != c.target}  # days converted at one rate: shown once
    used = {RateUsed(c.currency, c.rate, c.on, c.source) for c in same_rate.values()}
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
