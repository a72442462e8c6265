"""Usage samples reduced to one value per calendar month: that month's peak.

Licences must cover the busiest day, so a month's value is the `max` of its
samples.  The series runs from the first to the last sampled month; a month
in between without samples is a gap (`None`), never a zero, and keeps its
place, so month index `x = 1..n` always counts calendar months.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tui.domain.usage import UsageSample


def month_of(day: date) -> date:
    """The month holding `day`, as the first of that month."""
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    """The first of the month `count` months after `month` (negative goes back)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> int:
    """Whole calendar months from `start`'s month to `end`'s month (0 for the same month)."""
    return (end.year - start.year) * 12 + end.month - start.month


@dataclass(frozen=True)
class MonthlySeries:
    """Consecutive months (`date(y, m, 1)`) and each month's peak, or None for a gap."""

    months: tuple[date, ...]
    values: tuple[int | None, ...]

    def __len__(self) -> int:
        return len(self.months)

    @property
    def first_month(self) -> date | None:
        return self.months[0] if self.months else None

    @property
    def last_month(self) -> date | None:
        return self.months[-1] if self.months else None

    @property
    def observed(self) -> list[tuple[int, int]]:
        """`(x, peak)` of every month with samples; `x` is 1 for the first month."""
        return [(x, v) for x, v in enumerate(self.values, start=1) if v is not None]

    def index_of(self, month: date) -> int:
        """The month index `x` of `month` (beyond the end for a future month)."""
        if not self.months:
            raise ValueError("empty series has no month index")
        return months_between(self.months[0], month) + 1

    def history(self) -> list[tuple[date, int | None]]:
        return list(zip(self.months, self.values))

    def upto(self, x: int) -> MonthlySeries:
        """The first `x` months only (used to fit on the past and test on the rest)."""
        return MonthlySeries(self.months[:x], self.values[:x])

    @classmethod
    def from_values(cls, first_month: date, values: Iterable[int | float | None]) -> MonthlySeries:
        """A series starting at `first_month`, one value per month (handy for tests)."""
        values = tuple(values)
        return cls(tuple(add_months(month_of(first_month), i) for i in range(len(values))), values)


def monthly_peaks(samples: Iterable[UsageSample]) -> MonthlySeries:
    """The monthly peak series of one product's samples (empty samples: empty series)."""
    peaks: dict[date, int] = {}
    for sample in samples:
        month = month_of(sample.on)
        if sample.in_use > peaks.get(month, -1):
            peaks[month] = sample.in_use
    if not peaks:
        return MonthlySeries((), ())
    first = min(peaks)
    span = months_between(first, max(peaks)) + 1
    months = tuple(add_months(first, i) for i in range(span))
    return MonthlySeries(months, tuple(peaks.get(month) for month in months))


def series_by_product(samples: Iterable[UsageSample]) -> dict[str, MonthlySeries]:
    """Monthly peak series for every product in `samples`, keyed and sorted by product."""
    grouped: dict[str, list[UsageSample]] = defaultdict(list)
    for sample in samples:
        grouped[sample.product].append(sample)
    return {product: monthly_peaks(grouped[product]) for product in sorted(grouped)}
