"""Properties of the budget: events stay in the period, converted totals add up, anniversaries are
relativedelta's."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_contract
from tui.domain.budget import add_years, budget_events
from tui.domain.budget_period import Period
from tui.domain.budget_summary import convert_events, summarise
from tui.domain.exchange import Rate, RateBook

TODAY = date(2026, 12, 6)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))
currencies = st.sampled_from(["RON", "EUR", "USD", "GBP"])
contracts = st.lists(
    st.builds(lambda i, end, quantity, cents, currency: make_contract(
        f"C-{i}", end=end, quantity=quantity, unit_price=Decimal(cents) / 100, currency=currency),
        st.integers(0, 10**6), days, st.integers(1, 500), st.integers(1, 10**7), currencies),
    max_size=15, unique_by=lambda c: c.id)
rates = st.lists(st.builds(lambda on, base, currency, rate: Rate(on, base, currency, Decimal(rate) / 10**4, "CSV"),
                           days, currencies, currencies, st.integers(1, 10**6)).filter(lambda r: r.base != r.currency),
                 max_size=12)


@given(days, st.integers(-300, 300))
def test_add_years_is_relativedeltas_anniversary(day: date, years: int) -> None:
    assert add_years(day, years) == day + relativedelta(years=years)


@settings(max_examples=150, deadline=None)
@given(contracts, days, st.integers(0, 900), st.integers(0, 20))
def test_events_never_fall_outside_the_period_or_before_today(items, start, length, rise) -> None:
    end = start + timedelta(days=length)
    events = budget_events(items, [], start, end, TODAY, rise=Decimal(rise) / 100)
    assert all(start <= e.on <= end and e.on >= TODAY for e in events)
    assert all(e.amount >= 0 and e.amount == e.amount.quantize(Decimal("0.01")) for e in events)


@settings(max_examples=150, deadline=None)
@given(contracts, rates, currencies, st.sampled_from(["month", "quarter"]))
def test_the_converted_total_is_the_sum_of_the_converted_events(items, known, target, grouping) -> None:
    period = Period(TODAY, date(2029, 12, 31))
    events = budget_events(items, [], period.start, period.end, TODAY)
    summary = summarise(convert_events(events, RateBook(known), target), target, period, grouping)
    converted = [c.converted for c in summary.events]
    assert len(summary.events) == len(events)  # no amount is dropped
    if None in converted:
        assert summary.converted_total is None and summary.missing_rates
    else:
        assert summary.converted_total == sum(converted, Decimal("0.00"))
        assert sum((g.converted for g in summary.groups), Decimal("0.00")) == summary.converted_total
    assert {c: sum(g.totals.get(c, 0) for g in summary.groups) for c in summary.totals} == summary.totals


@settings(max_examples=200, deadline=None)
@given(days, days, st.integers(0, 1500))
def test_a_contract_that_has_not_lapsed_renews_on_every_anniversary_in_the_period(end, start, length) -> None:
    today = min(TODAY, end)  # not lapsed
    last = start + timedelta(days=length)
    contract = make_contract("C-1", end=end)
    wanted = [end + relativedelta(years=k) for k in range(0, 20)]
    wanted = [day for day in wanted if max(start, today) <= day <= last]
    assert [e.on for e in budget_events([contract], [], start, last, today)] == wanted
