"""What panes, dialogs and start-up ask of the app.  They post these; only the App knows the tabs (their ids,
which pane is where) and handles them.  Data changes go the other way, on the App's signal (tui/ui/session.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.domain.contract import Contract
    from tui.domain.renewal import Renewal
    from tui.store.repositories import Repositories
    from tui.domain.settings import Settings


@dataclass
class ShowContract(Message):
    """Show this contract in the Overview."""

    contract_id: str


@dataclass
class ShowPartner(Message):
    """Show this partner in the Partners tab."""

    partner_id: str


@dataclass
class StartRenewal(Message):
    """Open the wizard on a new renewal of these contracts (None: the ones the Renewal tab proposes)."""

    contracts: list[Contract] | None = None


@dataclass
class OpenRenewal(Message):
    """Bring the Renewal tab forward and open the wizard on this (open) renewal."""

    renewal: Renewal


@dataclass
class ShowRenewals(Message):
    """Bring the Renewal tab forward (a wizard started from another tab closed), the cursor on `renewal_id`
    if given (a payment of the Budget tab)."""

    renewal_id: str | None = None


@dataclass
class DataOpened(Message):
    """(start-up, from a thread) The data file is open: read and write through these from now on."""

    repositories: Repositories
    settings: Settings
    first_screen: object  # the Overview's data, loaded with it (tui/ui/overview/data.py)


@dataclass
class OpenFailed(Message):
    """(start-up, from a thread) The data file could not be opened after the glance was painted."""

    error: Exception
