"""Converting amounts (domain.md, "Exchange rates"): worked numbers, cross rates, dates, missing rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tui.domain.budget import BudgetEvent
from tui.domain.budget_period import Period
from tui.domain.budget_summary import convert_events, summarise
from tui.domain.exchange import Rate, RateBook
from tui.domain.rate_validation import validate_rate

D = Decimal
DAY = date(2026, 12, 4)


def bnr_day(on: date = DAY) -> list[Rate]:
    return [Rate(on, "RON", "EUR", D("4.9750"), "BNR"), Rate(on, "RON", "USD", D("4.3210"), "BNR"),
            Rate(on, "RON", "HUF", D("1.2345") / 100, "BNR")]  # as the importer stores multiplier 100


@pytest.mark.parametrize(("currency", "amount", "ron"), [
    ("EUR", "1000.00", "4975.00"), ("HUF", "10000", "123.45"), ("USD", "100", "432.10"), ("RON", "12.34", "12.34")])
def test_worked_numbers_of_a_bnr_day(currency: str, amount: str, ron: str) -> None:
    conversion = RateBook(bnr_day()).conversion(currency, "RON", DAY)
    assert conversion is not None and conversion.convert(D(amount)) == D(ron)


def test_worked_number_of_an_ecb_cross_rate_through_the_euro() -> None:
    # ECB: USD 1.0500 and RON 4.9750 per EUR, stored as "X per 1 EUR"
    book = RateBook([Rate(DAY, "USD", "EUR", D("1.0500"), "ECB"), Rate(DAY, "RON", "EUR", D("4.9750"), "ECB")])
    conversion = book.conversion("USD", "RON", DAY)
    assert conversion.convert(D(100)) == D("473.81")
    assert (conversion.rate, conversion.on, conversion.source) == (D("4.738095"), DAY, "ECB")
    assert book.conversion("RON", "USD", DAY).convert(D("473.81")) == D("100.00")  # the other way round


def test_the_inverse_of_a_stored_rate_converts_the_base_into_the_currency() -> None:
    assert RateBook(bnr_day()).conversion("RON", "EUR", DAY).convert(D("4975.00")) == D("1000.00")


def test_the_latest_rate_on_or_before_the_date_is_used_and_future_dates_take_the_latest_known() -> None:
    book = RateBook(bnr_day(date(2026, 12, 1)) + [Rate(DAY, "RON", "EUR", D("5.0000"), "BNR")])
    assert book.conversion("EUR", "RON", date(2026, 12, 3)).convert(D(1)) == D("4.98")
    future = book.conversion("EUR", "RON", date(2030, 1, 1))
    assert (future.convert(D(1)), future.on) == (D("5.00"), DAY)  # the date of the rate is kept to show
    assert book.conversion("EUR", "RON", date(2026, 11, 30)) is None  # nothing before the first rate


def test_a_direct_rate_beats_a_cross_rate_of_the_same_day_but_not_a_newer_one() -> None:
    cross = [Rate(DAY, "USD", "EUR", D("1.05"), "ECB"), Rate(DAY, "RON", "EUR", D("4.975"), "ECB")]
    same_day = RateBook(cross + [Rate(DAY, "RON", "USD", D("4.3210"), "BNR")]).conversion("USD", "RON", DAY)
    assert (same_day.source, same_day.convert(D(100))) == ("BNR", D("432.10"))
    older = RateBook(cross + [Rate(date(2026, 1, 5), "RON", "USD", D("4.0"), "BNR")]).conversion("USD", "RON", DAY)
    assert (older.source, older.convert(D(100))) == ("ECB", D("473.81"))


def test_an_unknown_pair_has_no_conversion_never_one() -> None:
    assert RateBook(bnr_day()).conversion("GBP", "RON", DAY) is None
    assert RateBook([]).conversion("EUR", "RON", DAY) is None


def event(on: date, amount: str, currency: str, ref: str = "C-1") -> BudgetEvent:
    return BudgetEvent(on, ref, "Backup Exec", "renewal", D(amount), currency)


def test_each_converted_event_is_rounded_then_summed() -> None:
    book = RateBook([Rate(DAY, "RON", "USD", D("4.325"), "BNR")])
    events = [event(date(2027, 1, 1), "1.00", "USD"), event(date(2027, 2, 1), "1.00", "USD", "C-2")]
    summary = summarise(convert_events(events, book, "RON"), "RON", Period(date(2027, 1, 1), date(2027, 12, 31)),
                        "quarter")
    assert [c.converted for c in summary.events] == [D("4.33"), D("4.33")]
    assert summary.converted_total == D("8.66")  # not round(8.65)
    assert [(g.key, g.converted) for g in summary.groups] == [
        ("2027-Q1", D("8.66")), ("2027-Q2", D("0.00")), ("2027-Q3", D("0.00")), ("2027-Q4", D("0.00"))]
    assert [(r.currency, r.rate, r.on, r.source) for r in summary.rates] == [("USD", D("4.325"), DAY, "BNR")]


def test_a_missing_rate_is_listed_the_converted_total_withheld_and_no_amount_dropped() -> None:
    book = RateBook(bnr_day())
    events = [event(date(2027, 1, 10), "100.00", "EUR"), event(date(2027, 3, 1), "50.00", "GBP", "C-2"),
              event(date(2027, 5, 1), "10.00", "RON", "C-3")]
    summary = summarise(convert_events(events, book, "RON"), "RON", Period(date(2027, 1, 1), date(2027, 6, 30)),
                        "quarter")
    assert summary.totals == {"EUR": D("100.00"), "GBP": D("50.00"), "RON": D("10.00")}
    assert summary.converted_total is None and summary.missing_rates == ("GBP",)
    assert [c.converted for c in summary.events] == [D("497.50"), None, D("10.00")]
    assert [(g.key, g.converted) for g in summary.groups] == [("2027-Q1", None), ("2027-Q2", D("10.00"))]


def test_a_typed_rate_is_checked_field_by_field() -> None:
    today = date(2026, 12, 6)
    rate, errors = validate_rate({"date": "04.12.2026", "base": "ron", "currency": "EUR", "rate": "4,975"}, today,
                                 decimal_comma=True)
    assert errors == {} and rate == Rate(date(2026, 12, 4), "RON", "EUR", Decimal("4.975"), "typed")
    rate, errors = validate_rate({"date": "2026-12-07", "base": "RON", "currency": "RON", "rate": "0"}, today)
    assert rate is None and set(errors) == {"date", "rate"}
    assert validate_rate({"date": "2026-12-01", "base": "RON", "currency": "RON", "rate": "1"}, today)[1] == {
        "currency": "the same as the base currency"}
