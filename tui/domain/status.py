"""Where a contract stands on a given day, and what the portfolio needs."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from tui.domain.contract import Contract
from tui.domain.money import totals_by_currency
from tui.i18n import _, ngettext

DEFAULT_NOTICE_DAYS = 90


class Status(Enum):
    EXPIRED = "expired"
    DUE = "due"
    ACTIVE = "active"

    @property
    def label(self) -> str:
        return {Status.EXPIRED: _("expired"), Status.DUE: _("due"), Status.ACTIVE: _("active")}[self]


def days_left(contract: Contract, today: date) -> int:
    return (contract.end - today).days


def status_of(contract: Contract, today: date, notice_days: int = DEFAULT_NOTICE_DAYS) -> Status:
    """Expired when the end is past; due inside the notice window; active otherwise."""
    left = days_left(contract, today)
    if left < 0:
        return Status.EXPIRED
    if left <= notice_days:
        return Status.DUE
    return Status.ACTIVE


def needs_attention(contracts: Iterable[Contract], today: date, within_days: int) -> list[Contract]:
    """Expired contracts and those ending within `within_days`, soonest end first."""
    found = [c for c in contracts if days_left(c, today) <= within_days]
    return sorted(found, key=lambda c: (c.end, c.id))


def losses_if_not_renewed() -> tuple[str, ...]:
    """What a lapsed maintenance contract takes away (vendor renewal FAQ)."""
    return (
        _("no product updates or new versions"),
        _("no technical support"),
        _("no cases on the vendor's support portal"),
        _("a later upgrade needs a newly bought licence"),
    )


def due_windows(notice_days: int = DEFAULT_NOTICE_DAYS) -> tuple[int, ...]:
    """The summary's windows in days: 30 and 60 where they fall inside the notice window, then the
    notice window itself (30 / 60 / 90 by default), so the last one counts what the list calls due."""
    return tuple(days for days in (30, 60) if days < notice_days) + (notice_days,)


@dataclass(frozen=True)
class PortfolioSummary:
    expired: int
    due: tuple[tuple[int, int], ...]  # (days, contracts ending within them), widest last: the notice window
    annual_totals: dict[str, Decimal]

    @property
    def urgent(self) -> int:
        """Expired contracts and those due within the first (shortest) window."""
        return self.expired + self.due[0][1]

    def attention_text(self) -> str:
        """"2 expired, 3 due within 30 days" — the start-up notification."""
        parts = []
        if self.expired:
            parts.append(ngettext("{n} expired", "{n} expired", self.expired).format(n=self.expired))
        (first_days, first), (notice_days, within_notice) = self.due[0], self.due[-1]
        if first:
            parts.append(_due_within(first, first_days))
        elif within_notice:
            parts.append(_due_within(within_notice, notice_days))
        return ", ".join(parts) if parts else ngettext(
            "nothing expired or due within {days} day", "nothing expired or due within {days} days",
            notice_days).format(days=notice_days)


def _due_within(count: int, days: int) -> str:
    """"3 due within 30 days", "1 due within 1 day": each number takes its own plural form."""
    within = ngettext("within {days} day", "within {days} days", days).format(days=days)
    return ngettext("{n} due {within}", "{n} due {within}", count).format(n=count, within=within)


def summarize(contracts: Iterable[Contract], today: date, notice_days: int = DEFAULT_NOTICE_DAYS) -> PortfolioSummary:
    windows = due_windows(notice_days)
    expired = 0
    due = [0] * len(windows)
    costs = []
    for contract in contracts:
        left = days_left(contract, today)
        if left < 0:
            expired += 1
        else:
            for i, days in enumerate(windows):
                due[i] += left <= days
        costs.append((contract.currency, contract.annual_cost))
    return PortfolioSummary(expired, tuple(zip(windows, due)), totals_by_currency(costs))


def summarize_end_dates(ends: Sequence[int], annual_totals: dict[str, Decimal], today: date,
                        notice_days: int = DEFAULT_NOTICE_DAYS) -> PortfolioSummary:
    """`summarize` for contracts known only by their end dates (`date.toordinal()`, sorted) and their
    annual totals: what the start-up glance keeps, so one file serves any "today"."""
    day = today.toordinal()
    expired = bisect_left(ends, day)

    def due_within(days: int) -> int:
        return bisect_right(ends, day + days) - expired

    return PortfolioSummary(expired, tuple((days, due_within(days)) for days in due_windows(notice_days)),
                            dict(annual_totals))
