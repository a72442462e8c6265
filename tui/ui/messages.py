"""What panes, dialogs and start-up ask of the app.  They post these; only the App knows the tabs (their ids,
which pane is where) and handles them.  Data changes go the other way, on the App's signal (tui/ui/session.py,
`DataChanged` below)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.message import Message
from textual.signal import Signal

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


class DataChanged(Signal[str | None]):
    """The data-changed signal (keep_id: the contract to keep the cursor on).  Textual's Signal logs and
    drops a subscriber's exception, so a pane whose reload failed would go on showing old data without a
    word; here the exception is raised again in the subscriber's own message loop, where it ends the app
    with its traceback, as an error in any handler does."""

    def subscribe(self, node: DOMNode, callback: Callable[[str | None], object], immediate: bool = False) -> None:
        def reported(keep_id: str | None) -> None:
            try:
                callback(keep_id)
            except Exception as error:
                node.call_next(_raise, error)

        super().subscribe(node, reported, immediate)


def _raise(error: Exception) -> None:
    raise error
