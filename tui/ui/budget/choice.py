"""What the Budget tab shows: which period (and how it was chosen), grouped how, budget or spend.

Kept apart from the pane so the keys' effects (`y`, `[`/`]`, `g`, `v`) are plain functions of the
choice: no widgets, no data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from tui.domain.budget_period import MONTHS, QUARTERS, Period, PeriodError, fiscal_year_of, next_months
from tui.domain.parsing import ParseError, parse_date
from tui.formatting import format_date, format_percent
from tui.i18n import _

NEXT, CALENDAR, FISCAL, TYPED = "next", "calendar", "fiscal", "typed"
MAX_TYPED_DAYS = 3653  # ten years: a longer period at 10,000 contracts is a file's job (renewals budget)


@dataclass(frozen=True)
class BudgetChoice:
    period: Period
    span: str = NEXT  # how the period was chosen: next 12 months, calendar or fiscal year, typed
    grouping: str = MONTHS
    spend: bool = False  # the spend of completed renewals by year instead of the budget

    @classmethod
    def first(cls, today: date) -> BudgetChoice:
        """The next 12 months, by month."""
        return cls(next_months(today))

    def moved(self, steps: int) -> BudgetChoice:
        """`[` / `]`: the period one length earlier or later."""
        return replace(self, period=self.period.moved(steps))

    def next_span(self, today: date, fiscal_start: int) -> BudgetChoice:
        """`y`: next 12 months → the calendar year → the fiscal year (when it is not the calendar year) → …,
        the year being the one that holds the middle of the period shown (from the next 12 months in
        November: next year)."""
        middle = self.period.start + (self.period.end - self.period.start) / 2
        if self.span in (NEXT, TYPED):
            return replace(self, period=fiscal_year_of(middle, 1), span=CALENDAR)
        if self.span == CALENDAR and fiscal_start != 1:
            return replace(self, period=fiscal_year_of(middle, fiscal_start), span=FISCAL)
        return replace(self, period=next_months(today), span=NEXT)

    def regrouped(self) -> BudgetChoice:
        """`g`: by month ↔ by quarter."""
        return replace(self, grouping=QUARTERS if self.grouping == MONTHS else MONTHS)

    def describe(self, target: str, rise) -> str:
        """The tab's heading line."""
        if self.spend:
            return _("Spend of every completed renewal, by year · in {target} · v: back to the budget").format(
                target=target)
        span = {NEXT: _("12 months"), CALENDAR: _("calendar year {year}"), FISCAL: _("fiscal year {year}"),
                TYPED: _("typed period")}[self.span].format(year=self.period.start.year)
        grouping = _("by month") if self.grouping == MONTHS else _("by quarter")
        return _("{start} – {end} · {span} · {grouping} · rise {rise} · in {target}").format(
            start=format_date(self.period.start), end=format_date(self.period.end), span=span, grouping=grouping,
            rise=format_percent(rise), target=target)


def validate_period(raw: Mapping[str, str]) -> tuple[Period | None, dict[str, str]]:
    """A typed period from the texts of `from` and `to` (both days included), or the problem per field."""
    errors: dict[str, str] = {}
    days: dict[str, date] = {}
    for field in ("from", "to"):
        try:
            days[field] = parse_date(raw.get(field) or "")
        except ParseError as error:
            errors[field] = str(error)
    if errors:
        return None, errors
    try:
        period = Period(days["from"], days["to"])
    except PeriodError as error:
        return None, {"to": str(error)}
    if (period.end - period.start).days >= MAX_TYPED_DAYS:
        return None, {"to": _("at most 10 years after the first day")}
    return period, {}
