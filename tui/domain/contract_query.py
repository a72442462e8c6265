"""Filtering and ordering contracts as the Overview does, fast enough for 10,000 per keystroke."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from tui.domain.contract import Contract
from tui.domain.status import DEFAULT_NOTICE_DAYS, Status, status_of
from tui.domain.text import fold
from tui.i18n import _


class Show(Enum):
    ALL = "all"
    DUE = "due"  # expired or due: everything that needs attention
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return {Show.ALL: _("all"), Show.DUE: _("expired + due"), Show.EXPIRED: _("expired")}[self]

    def next(self) -> Show:
        members = list(Show)
        return members[(members.index(self) + 1) % len(members)]


class SortOrder(Enum):
    END = "end"
    ID = "id"
    PRODUCT = "product"
    PARTNER = "partner"
    COST = "cost"

    @property
    def label(self) -> str:
        return {SortOrder.END: _("end date"), SortOrder.ID: _("id"), SortOrder.PRODUCT: _("product"),
                SortOrder.PARTNER: _("partner"), SortOrder.COST: _("annual cost")}[self]

    def next(self) -> SortOrder:
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]


@dataclass(frozen=True)
class ContractQuery:
    text: str = ""
    show: Show = Show.ALL
    order: SortOrder = SortOrder.END
    descending: bool = False


class ContractIndex:
    """Contracts with their folded search text, so a keystroke only does `in` tests.

    The search texts are made by the first search that needs them (a session
    that never filters never holds them: 1 MB with 10,000 contracts).  Each
    sort order is worked out once, on first use, over every contract; a
    keystroke then filters that order instead of sorting again (the sorts
    are stable, so filtering a sorted list gives what sorting the filtered
    one would).
    """

    def __init__(self, contracts: Sequence[Contract], partner_names: Mapping[str, str] | None = None) -> None:
        self.partner_names = partner_names or {}
        self.contracts = list(contracts)
        self._haystacks: dict[str, str] | None = None  # contract id -> its folded search text
        self._orders: dict[tuple[SortOrder, bool], list[Contract]] = {}

    def _search_texts(self) -> dict[str, str]:
        if self._haystacks is None:
            names = self.partner_names
            self._haystacks = {
                contract.id: fold(" ".join((contract.id, contract.product, contract.partner,
                                            names.get(contract.partner, ""), contract.certificate)))
                for contract in self.contracts
            }
        return self._haystacks

    def partner_label(self, contract: Contract) -> str:
        return self.partner_names.get(contract.partner, contract.partner)

    def select(self, query: ContractQuery, today: date, notice_days: int = DEFAULT_NOTICE_DAYS) -> list[Contract]:
        words = fold(query.text).split()
        chosen = self._sorted(query.order, query.descending)
        if words:
            haystacks = self._search_texts()
            for word in words:  # one word at a time: each pass only looks at what the previous ones kept
                chosen = [c for c in chosen if word in haystacks[c.id]]
        else:
            chosen = list(chosen)
        if query.show is not Show.ALL:
            wanted = {Status.EXPIRED} if query.show is Show.EXPIRED else {Status.EXPIRED, Status.DUE}
            chosen = [c for c in chosen if status_of(c, today, notice_days) in wanted]
        return chosen

    def _sorted(self, order: SortOrder, descending: bool) -> list[Contract]:
        """Every contract in `order`, sorted on first use."""
        entries = self._orders.get((order, descending))
        if entries is None:
            key = {
                SortOrder.END: lambda c: (c.end, c.id),
                SortOrder.ID: lambda c: fold(c.id),
                SortOrder.PRODUCT: lambda c: (fold(c.product), c.end),
                SortOrder.PARTNER: lambda c: (fold(self.partner_label(c)), c.end),
                # Amounts in different currencies are not comparable: by currency (always A→Z), then amount.
                SortOrder.COST: lambda c: (c.currency, -c.annual_cost if descending else c.annual_cost, c.end),
            }[order]
            entries = sorted(self.contracts, key=key, reverse=descending and order is not SortOrder.COST)
            self._orders[(order, descending)] = entries
        return entries
