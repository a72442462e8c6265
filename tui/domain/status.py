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


@dataclass(frozen=True)
class PortfolioSummary:
    expired: int
    due_30: int
    due_60: int
    due_90: int
    annual_totals: dict[str, Decimal]

    def attention_text(self) -> str:
        """"2 expired, 3 due within 30 days" — the start-up notification."""
        parts = []
        if self.expired:
            parts.append(ngettext("{n} expired", "{n} expired", self.expired).format(n=self.expired))
        if self.due_30:
            parts.append(ngettext("{n} due within 30 days", "{n} due within 30 days", self.due_30).format(n=self.due_30))
        elif self.due_90:
            parts.append(ngettext("{n} due within 90 days", "{n} due within 90 days", self.due_90).format(n=self.due_90))
        return ", ".join(parts) if parts else _("nothing expired or due within 90 days")


def summarize(contracts: Iterable[Contract], today: date) -> PortfolioSummary:
    expired = due_30 = due_60 = due_90 = 0
    costs = []
    for contract in contracts:
        left = days_left(contract, today)
        if left < 0:
            expired += 1
        else:
            due_30 += left <= 30
            due_60 += left <= 60
            due_90 += left <= 90
        costs.append((contract.currency, contract.annual_cost))
    return PortfolioSummary(expired, due_30, due_60, due_90, totals_by_currency(costs))


def summarize_end_dates(ends: Sequence[int], annual_totals: dict[str, Decimal], today: date) -> PortfolioSummary:
    """`summarize` for contracts known only by their end dates (`date.toordinal()`, sorted) and their
    annual totals: what the start-up glance keeps, so one file serves any "today"."""
    day = today.toordinal()
    expired = bisect_left(ends, day)

    def due_within(days: int) -> int:
        return bisect_right(ends, day + days) - expired

    return PortfolioSummary(expired, due_within(30), due_within(60), due_within(90), dict(annual_totals))
