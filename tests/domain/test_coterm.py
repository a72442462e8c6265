"""Co-terming: the worked numbers of domain.md, edge dates, and properties."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.contract import Contract
from tui.domain.coterm import (
    DEFAULT_FEE_RATE,
    CotermError,
    additional_amount,
    build_quote,
    check_coterm_date,
    coterm_span,
    method_note,
    reinstatement_fee,
    renewal_amount,
    suggested_dates,
)

D = Decimal
E = date(2026, 3, 31)


def contract(id="C-1", *, quantity=50, price="20.00", currency="RON", end=E, product="Endpoint") -> Contract:
    return Contract(id=id, product=product, quantity=quantity, end=end, unit_price=D(price), currency=currency)


# --- the worked numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("to", "years", "days", "amount"),
    [(date(2026, 12, 31), 0, 275, D("753.42")), (date(2027, 12, 31), 1, 275, D("1753.42"))],
)
def test_worked_numbers(to, years, days, amount):
    assert coterm_span(E, to) == (years, days)
    assert renewal_amount(D("20.00"), 50, E, to) == amount


def test_worked_numbers_in_a_quote():
    quote = build_quote([contract()], date(2027, 12, 31), today=date(2026, 1, 1))
    (line,) = quote.lines
    assert (line.years, line.days, line.amount, line.total) == (1, 275, D("1753.42"), D("1753.42"))
    assert line.reinstatement_fee == D("0.00") and line.additional_amount == D("0.00")
    assert quote.totals == {"RON": D("1753.42")}


def test_same_day_costs_nothing():
    assert coterm_span(E, E) == (0, 0)
    assert renewal_amount(D("20.00"), 50, E, E) == D("0.00")


# --- leap years and month ends --------------------------------------------------------------------


def test_29_february_plus_one_year_is_28_february():
    assert coterm_span(date(2028, 2, 29), date(2029, 2, 28)) == (1, 0)
    assert coterm_span(date(2028, 2, 29), date(2029, 2, 27)) == (0, 364)
    assert coterm_span(date(2028, 2, 29), date(2032, 2, 29)) == (4, 0)
    assert coterm_span(date(2028, 2, 29), date(2032, 2, 28)) == (3, 365)


def test_year_spanning_29_february_is_one_year_and_no_days():
    # 366 calendar days, yet exactly one anniversary.
    assert coterm_span(date(2027, 3, 1), date(2028, 3, 1)) == (1, 0)
    assert coterm_span(date(2027, 2, 28), date(2028, 2, 29)) == (1, 1)


@pytest.mark.parametrize(
    "end", [date(2027, 3, 1), date(2028, 2, 29), date(2027, 2, 28), date(2026, 1, 31), date(2099, 12, 31)]
)
def test_one_year_renewal_costs_exactly_one_year(end):
    to = end + relativedelta(years=1)
    assert coterm_span(end, to) == (1, 0)
    assert renewal_amount(D("20.00"), 50, end, to) == D("1000.00")


def test_month_ends():
    assert coterm_span(date(2026, 1, 31), date(2026, 2, 28)) == (0, 28)
    assert coterm_span(date(2026, 1, 31), date(2027, 1, 31)) == (1, 0)
    assert coterm_span(date(2026, 1, 31), date(2027, 1, 30)) == (0, 364)
    assert coterm_span(date(2028, 1, 31), date(2028, 2, 29)) == (0, 29)
    assert coterm_span(date(2028, 2, 29), date(2028, 3, 31)) == (0, 31)


def test_span_refuses_a_shortened_term():
    with pytest.raises(CotermError):
        coterm_span(E, E - timedelta(days=1))


# --- rounding and uplift ----------------------------------------------------------------------------


def test_rounding_is_half_up_not_bankers():
    # 12.345 × 1 × 1 year = 12.345 exactly -> 12.35 (banker's rounding would give 12.34).
    assert renewal_amount(D("12.345"), 1, E, date(2027, 3, 31)) == D("12.35")
    # 0.365 × 25/365 = 0.025 exactly -> 0.03 (banker's: 0.02).
    assert renewal_amount(D("0.365"), 1, E, E + timedelta(days=25)) == D("0.03")


def test_uplift():
    one_year = date(2027, 3, 31)
    assert renewal_amount(D("20.00"), 50, E, one_year, D("0.05")) == D("1050.00")
    # 753.424657… × 1.07 = 806.164383… -> 806.16; never round first, then uplift.
    assert renewal_amount(D("20.00"), 50, E, date(2026, 12, 31), D("0.07")) == D("806.16")
    assert renewal_amount(D("20.00"), 50, E, one_year, D("-0.10")) == D("900.00")


def test_uplift_below_minus_100_percent_refused():
    with pytest.raises(CotermError):
        renewal_amount(D("20.00"), 50, E, date(2027, 3, 31), D("-1.5"))


def test_lines_rounded_before_the_total():
    # Each line is 0.025 -> 0.03; two lines total 0.06, not round(0.05) = 0.05.
    a = contract("A", quantity=1, price="0.365")
    b = contract("B", quantity=1, price="0.365")
    quote = build_quote([a, b], E + timedelta(days=25), today=date(2026, 1, 1))
    assert [line.total for line in quote.lines] == [D("0.03"), D("0.03")]
    assert quote.totals == {"RON": D("0.06")}


# --- currencies ----------------------------------------------------------------------------------------


def test_currencies_are_kept_apart():
    lines = [
        contract("R1", price="20.00", currency="RON"),
        contract("E1", price="10.00", currency="EUR", quantity=10),
        contract("R2", price="5.00", currency="RON", quantity=2),
    ]
    quote = build_quote(lines, date(2027, 3, 31), today=date(2026, 1, 1))
    assert quote.totals == {"EUR": D("100.00"), "RON": D("1010.00")}
    assert list(quote.totals) == ["EUR", "RON"]
    assert [line.contract_id for line in quote.lines] == ["R1", "E1", "R2"]
    assert [line.currency for line in quote.lines] == ["RON", "EUR", "RON"]


# --- lapsed contracts -----------------------------------------------------------------------------------


def test_reinstatement_fee():
    today = E + timedelta(days=73)
    # 1000 × 73/365 × 0.25 = 50.00
    assert reinstatement_fee(D("20.00"), 50, E, today) == D("50.00")
    assert reinstatement_fee(D("20.00"), 50, E, today, D("0.20")) == D("40.00")
    assert DEFAULT_FEE_RATE == D("0.25")


def test_no_fee_unless_lapsed():
    assert reinstatement_fee(D("20.00"), 50, E, E) == D("0.00")
    assert reinstatement_fee(D("20.00"), 50, E, E - timedelta(days=10)) == D("0.00")
    assert reinstatement_fee(D("20.00"), 50, E, E + timedelta(days=1)) == D("0.68")  # 0.6849… -> 0.68


def test_negative_fee_rate_refused():
    with pytest.raises(CotermError):
        reinstatement_fee(D("20.00"), 50, E, E + timedelta(days=5), D("-0.1"))


def test_lapsed_contract_is_back_dated_and_pays_the_fee():
    today = E + timedelta(days=73)  # 2026-06-12
    quote = build_quote([contract()], date(2027, 3, 31), today=today)
    (line,) = quote.lines
    assert (line.years, line.days) == (1, 0)  # still from the old end
    assert line.amount == D("1000.00")
    assert line.reinstatement_fee == D("50.00")
    assert line.total == D("1050.00")
    assert quote.totals == {"RON": D("1050.00")}


def test_custom_fee_rate_in_quote():
    quote = build_quote([contract()], date(2027, 3, 31), today=E + timedelta(days=73), fee_rate=D("0"))
    assert quote.lines[0].reinstatement_fee == D("0.00")


# --- additional licences and new quantities -------------------------------------------------------------


def test_additional_licences_priced_from_today():
    today = date(2026, 12, 31)
    to = date(2027, 12, 31)
    assert additional_amount(D("20.00"), 10, today, to) == D("200.00")
    assert additional_amount(D("20.00"), 0, today, to) == D("0.00")


def test_more_licences_renews_current_and_adds_the_rest():
    today = date(2026, 12, 31)
    quote = build_quote([contract()], date(2027, 12, 31), today=today, new_quantities={"C-1": 60})
    (line,) = quote.lines
    assert (line.quantity, line.added) == (50, 10)
    assert line.amount == D("1753.42")
    assert line.additional_amount == D("200.00")
    assert line.reinstatement_fee == D("188.36")  # lapsed 275 days: 1000 × 275/365 × 0.25 = 188.356…
    assert line.total == D("2141.78")


def test_fewer_licences_renews_only_those():
    quote = build_quote([contract()], date(2027, 3, 31), today=date(2026, 1, 1), new_quantities={"C-1": 40})
    (line,) = quote.lines
    assert (line.quantity, line.added, line.amount) == (40, 0, D("800.00"))


def test_fewer_licences_fee_on_renewed_only():
    quote = build_quote(
        [contract()], date(2027, 3, 31), today=E + timedelta(days=73), new_quantities={"C-1": 25}
    )
    assert quote.lines[0].reinstatement_fee == D("25.00")


def test_new_quantities_for_other_contracts_are_ignored():
    quote = build_quote([contract()], date(2027, 3, 31), today=date(2026, 1, 1), new_quantities={"X": 5})
    assert quote.lines[0].quantity == 50


def test_negative_new_quantity_refused():
    with pytest.raises(CotermError, match="C-1"):
        build_quote([contract()], date(2027, 3, 31), today=date(2026, 1, 1), new_quantities={"C-1": -1})


def test_adding_licences_to_a_past_date_refused():
    old = contract(end=date(2025, 1, 1))
    with pytest.raises(CotermError, match="C-1"):
        build_quote([old], date(2025, 6, 1), today=date(2026, 1, 1), new_quantities={"C-1": 60})


def test_uplift_applies_to_renewal_and_added_licences_but_not_the_fee():
    today = E + timedelta(days=73)
    quote = build_quote(
        [contract()], date(2027, 3, 31), today=today, uplift=D("0.10"), new_quantities={"C-1": 51}
    )
    (line,) = quote.lines
    assert line.amount == D("1100.00")
    assert line.reinstatement_fee == D("50.00")
    # 20 × 1 × (292/365) × 1.1 = 17.60
    assert line.additional_amount == D("17.60")


# --- refusals ---------------------------------------------------------------------------------------------


def test_to_before_an_end_names_the_contract():
    early = contract("EARLY", end=date(2026, 1, 31))
    late = contract("LATE-7", end=date(2026, 9, 30))
    with pytest.raises(CotermError) as caught:
        build_quote([early, late], date(2026, 6, 30), today=date(2026, 1, 1))
    message = str(caught.value)
    assert "LATE-7" in message and "2026-09-30" in message
    assert "EARLY" not in message
    assert isinstance(caught.value, ValueError)


def test_empty_selection_refused():
    with pytest.raises(CotermError):
        build_quote([], date(2027, 1, 1), today=date(2026, 1, 1))
    with pytest.raises(CotermError):
        suggested_dates([], date(2026, 1, 1))


# --- suggestions and wording ------------------------------------------------------------------------------


def test_suggested_dates():
    picks = [contract("A", end=date(2026, 3, 31)), contract("B", end=date(2028, 2, 29))]
    assert suggested_dates(picks, date(2026, 1, 1)) == (date(2029, 2, 28), date(2028, 2, 29))


def test_suggestions_for_lapsed_contracts_roll_forward_whole_years_past_today():
    picks = [contract("A", end=date(2024, 2, 29)), contract("B", end=date(2023, 6, 30))]
    today = date(2026, 12, 6)
    assert suggested_dates(picks, today) == (date(2027, 2, 28), date(2027, 2, 28))
    assert suggested_dates([contract("C", end=today)], today) == (date(2027, 12, 6), date(2027, 12, 6))
    assert suggested_dates([contract("D", end=date(2026, 6, 1))], today)[0] == date(2027, 6, 1)


@pytest.mark.parametrize("to", [date(2026, 3, 1), date(2026, 12, 6)])
def test_a_co_term_date_not_after_today_is_refused(to):
    with pytest.raises(CotermError, match="must be after today"):
        check_coterm_date(to, date(2026, 12, 6))
    check_coterm_date(date(2026, 12, 7), date(2026, 12, 6))


def test_method_note_names_the_method():
    note = method_note()
    assert "anniversary" in note and "365" in note


# --- properties ---------------------------------------------------------------------------------------------

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2150, 12, 31))
prices = st.decimals(min_value=0, max_value=100_000, places=4, allow_nan=False, allow_infinity=False)
uplifts = st.decimals(min_value=-1, max_value=2, places=4, allow_nan=False, allow_infinity=False)
currencies = st.sampled_from(["RON", "EUR", "USD"])


@st.composite
def contracts(draw):
    n = draw(st.integers(1, 6))
    return [
        Contract(
            id=f"C{i}",
            product="P",
            quantity=draw(st.integers(1, 10_000)),
            end=draw(dates),
            unit_price=draw(prices),
            currency=draw(currencies),
        )
        for i in range(n)
    ]


@given(
    contracts(),
    st.integers(0, 3000),
    dates,
    uplifts,
    st.dictionaries(st.sampled_from([f"C{i}" for i in range(6)]), st.integers(0, 20_000)),
)
def test_total_is_the_sum_of_the_lines(picks, extra_days, today, uplift, wanted):
    to = max(c.end for c in picks) + timedelta(days=extra_days)
    today = min(today, to)
    quote = build_quote(picks, to, today, uplift=uplift, new_quantities=wanted)
    for line in quote.lines:
        assert line.total == line.amount + line.reinstatement_fee + line.additional_amount
        assert line.total == line.total.quantize(D("0.01"))
    for currency, total in quote.totals.items():
        assert total == sum((line.total for line in quote.lines if line.currency == currency), D(0))
    assert set(quote.totals) == {c.currency for c in picks}


@given(dates, st.integers(0, 5000), st.integers(0, 5000), prices, st.integers(0, 10_000), uplifts)
def test_later_to_never_costs_less(end, a, b, price, quantity, uplift):
    early, late = end + timedelta(days=min(a, b)), end + timedelta(days=max(a, b))
    cheap = renewal_amount(price, quantity, end, early, uplift)
    dear = renewal_amount(price, quantity, end, late, uplift)
    assert D(0) <= cheap <= dear


@given(dates, st.integers(0, 5000))
def test_span_is_consistent(end, extra):
    to = end + timedelta(days=extra)
    years, days = coterm_span(end, to)
    anniversary = end + relativedelta(years=years)
    assert anniversary <= to < end + relativedelta(years=years + 1)
    assert anniversary + timedelta(days=days) == to
    assert 0 <= days <= 365


@given(dates, st.integers(0, 5000), prices, st.integers(0, 10_000))
def test_fee_is_never_negative(end, lapsed, price, quantity):
    fee = reinstatement_fee(price, quantity, end, end + timedelta(days=lapsed))
    assert fee >= 0
