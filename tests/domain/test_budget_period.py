"""Budget periods: next months, calendar and fiscal years, moving them, month and quarter keys."""

from __future__ import annotations

from datetime import date

import pytest

from tui.domain.budget_period import Period, PeriodError, fiscal_year, fiscal_year_of, group_keys, next_months


def test_the_next_twelve_months_start_today() -> None:
    period = next_months(date(2026, 12, 6))
    assert (period.start, period.end) == (date(2026, 12, 6), date(2027, 12, 5))
    assert next_months(date(2027, 1, 31), 1).end == date(2027, 2, 27)  # to the day before 28 February


def test_a_fiscal_year_is_named_after_the_year_it_starts_in() -> None:
    assert fiscal_year(2027) == Period(date(2027, 1, 1), date(2027, 12, 31), 12)
    october = fiscal_year(2027, 10)
    assert (october.start, october.end) == (date(2027, 10, 1), date(2028, 9, 30))
    assert fiscal_year_of(date(2027, 9, 30), 10) == fiscal_year(2026, 10)
    assert fiscal_year_of(date(2027, 10, 1), 10) == october


def test_moving_a_period_keeps_its_length() -> None:
    year = fiscal_year(2027, 4)
    assert year.moved(1) == fiscal_year(2028, 4) and year.moved(-2) == fiscal_year(2025, 4)
    months = next_months(date(2026, 12, 6), 3)
    assert (months.moved(1).start, months.moved(1).end) == (date(2027, 3, 6), date(2027, 6, 5))
    typed = Period(date(2027, 1, 10), date(2027, 1, 19))
    assert typed.moved(-1) == Period(date(2026, 12, 31), date(2027, 1, 9))


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(PeriodError, match="before it starts"):
        Period(date(2027, 2, 1), date(2027, 1, 31))
    with pytest.raises(PeriodError):
        next_months(date(2027, 1, 1), 0)


def test_groups_cover_every_month_or_quarter_the_period_touches() -> None:
    period = Period(date(2026, 12, 6), date(2027, 3, 5))
    assert group_keys(period, "month") == ["2026-12", "2027-01", "2027-02", "2027-03"]
    assert group_keys(period, "quarter") == ["2026-Q4", "2027-Q1"]
    assert group_keys(fiscal_year(2027, 10), "year") == ["2027", "2028"]

