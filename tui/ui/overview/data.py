"""What the Overview shows, computed in one go from the contracts (or from the start-up glance).  No Textual
here: start-up computes it in a thread while Textual sets up the screen (tui/ui/startup.py)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from tui.domain.contract import Contract
from tui.domain.contract_query import ContractIndex, ContractQuery
from tui.domain.status import PortfolioSummary, summarize, summarize_end_dates
from tui.store.file.glance import Glance


class FirstRows(Sequence):
    """The rows of a start-up glance: as many as there are contracts, the first `len(known)` of them
    known (more than the screen shows); the others read as None until the data file is read."""

    def __init__(self, known: list[Contract], count: int) -> None:
        self.known, self.count = known, count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int) -> Contract | None:  # type: ignore[override]  (no slices: unused)
        if not 0 <= index < self.count:
            raise IndexError(index)
        return self.known[index] if index < len(self.known) else None

    def __iter__(self) -> Iterator[Contract]:
        """The known rows only (finding the cursor's contract looks at them)."""
        return iter(self.known)


@dataclass(frozen=True)
class OverviewData:
    """Everything the Overview shows, computed from the contracts in one go (at start-up, in a thread),
    or from the start-up glance (see tui.store.file.glance) until the data file is read."""

    index: ContractIndex
    summary: PortfolioSummary
    query: ContractQuery
    rows: Sequence[Contract]
    count: int  # contracts in the file

    @classmethod
    def load(cls, contracts: list[Contract], partner_names: dict[str, str], today: date, notice_days: int,
             query: ContractQuery = ContractQuery()) -> OverviewData:
        index = ContractIndex(contracts, partner_names)
        return cls(index, summarize(contracts, today, notice_days), query, index.select(query, today, notice_days),
                   len(contracts))

    @classmethod
    def from_glance(cls, glance: Glance, today: date) -> OverviewData:
        """The first screen as the glance has it: the rows in the default order, which is the glance's."""
        return cls(ContractIndex(glance.first, glance.partner_names),
                   summarize_end_dates(glance.ends, glance.annual_totals, today, glance.settings.notice_days),
                   ContractQuery(),
                   FirstRows(glance.first, glance.count), glance.count)
