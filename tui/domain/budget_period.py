"""Budget periods: the next N months, a calendar or fiscal year, a typed range; moving one; grouping days.

A fiscal year is named after the calendar year it starts in: with the first month October, fiscal
2027 is 2027-10-01 … 2028-09-30.  First month January makes it the calendar year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tui.domain.budget import add_years
from tui.i18n import _

MONTHS = "month"
QUARTERS = "quarter"
YEARS = "year"
GROUPINGS = (MONTHS, QUARTERS)


class PeriodError(ValueError):
    """A period that cannot be used; `str(error)` is the message for the user."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included
    months: int = 0  # a period of whole months from `start` moves by that many months; 0: by its days

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(_("the period ends ({end}) before it starts ({start})").format(
                end=self.end.isoformat(), start=self.start.isoformat()))

    def moved(self, steps: int) -> Period:
        """The period `steps` lengths later (earlier when negative)."""
        if self.months:
            start = add_months(self.start, self.months * steps)
            return Period(start, add_months(start, self.months) - timedelta(days=1), self.months)
        length = (self.end - self.start).days + 1
        shift = timedelta(days=length * steps)
        return Period(self.start + shift, self.end + shift)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def add_months(day: date, months: int) -> date:
    """The same day `months` months later (earlier when negative), clipped to that month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def next_months(today: date, months: int = 12) -> Period:
    """From today, `months` months long (the last day is the day before the same date `months` later)."""
    if not 1 <= months <= 120:
        raise PeriodError(_("the number of months must be between 1 and 120"))
    return Period(today, add_months(today, months) - timedelta(days=1), months)


def fiscal_year(year: int, first_month: int = 1) -> Period:
    """The (fiscal) year that starts on the 1st of `first_month` of `year`; 12 months, moves by a year."""
    start = date(year, first_month, 1)
    return Period(start, add_years(start, 1) - timedelta(days=1), 12)


def fiscal_year_of(day: date, first_month: int = 1) -> Period:
    """The (fiscal) year that `day` falls in."""
    return fiscal_year(day.year if day.month >= first_month else day.year - 1, first_month)


def group_key(day: date, grouping: str) -> str:
    """`2027-03`, `2027-Q1` or `2027`: machine keys, the same in every language."""
    if grouping == MONTHS:
        return f"{day.year:04d}-{day.month:02d}"
    if grouping == QUARTERS:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}"


def group_keys(period: Period, grouping: str) -> list[str]:
    """Every month, quarter or year the period touches, in order (empty ones included: a chart shows gaps)."""
    keys: list[str] = []
    day = date(period.start.year, period.start.month, 1)
    while day <= period.end:
        key = group_key(day, grouping)
        if not keys or keys[-1] != key:
            keys.append(key)
        day = add_months(day, 1)
    return keys
