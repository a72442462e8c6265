"""What the app's panes and screens share: "today", the settings, the data file and its repositories, and the
contracts marked in the Overview.

The App owns one Session and hands it to every pane and screen it makes (none reaches it through `self.app`).
No Textual here: the data-changed signal is the App's (`changes`, `tui.ui.messages.DataChanged`), published
through `data_changed`.  Before the data file is open (a start painted from the glance, tui/ui/startup.py)
the repositories are not there yet; keys and clicks wait until they are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from tui.domain.contract import Contract
from tui.domain.settings import Settings
from tui.formatting import use_formats

if TYPE_CHECKING:
    from tui.store.contracts import ContractRepository
    from tui.store.file.database import Store
    from tui.store.partners import PartnerRepository
    from tui.store.rates import RateRepository
    from tui.store.renewals import RenewalRepository
    from tui.store.repositories import Repositories
    from tui.store.settings import SettingsRepository
    from tui.store.usage import UsageRepository


class Publisher(Protocol):  # tui.ui.messages.DataChanged, a textual.signal.Signal
    def subscribe(self, node: Any, callback: Any, immediate: bool = False) -> None: ...

    def publish(self, data: Any) -> None: ...


class Session:
    def __init__(self, today: date, settings: Settings) -> None:
        self.today = today
        self.repositories: Repositories | None = None
        self.marked: set[str] = set()  # contract ids marked in the Overview (for a partner or a renewal)
        self.highlighted: Contract | None = None  # the Overview's highlighted contract
        self.changes: Publisher | None = None  # the App's data-changed signal: keep_id (str | None) to the panes
        self.shown_generation = -1  # the data file's load the tabs show (see RenewalsApp.poll_store)
        self.take_first_screen: Callable[[], Any] = lambda: None  # start-up's Overview data, once (startup.py)
        self.use_settings(settings)

    def use_settings(self, settings: Settings) -> None:
        """Show everything with these settings from now on (the caller redraws what is shown)."""
        self.settings = settings
        use_formats(settings.date_format, settings.number_format)

    def use_repositories(self, repositories: Repositories) -> None:
        """Read and write through these from now on (made for the data file just opened)."""
        self.repositories = repositories
        self.shown_generation = repositories.store.generation

    @property
    def notice_days(self) -> int:
        return self.settings.notice_days

    # -- the data file ---------------------------------------------------------
    @property
    def _open(self) -> Repositories:
        assert self.repositories is not None, "the data file is not open yet"
        return self.repositories

    @property
    def store(self) -> Store:
        return self._open.store

    @property
    def contracts(self) -> ContractRepository:
        return self._open.contracts

    @property
    def partners(self) -> PartnerRepository:
        return self._open.partners

    @property
    def settings_store(self) -> SettingsRepository:
        return self._open.settings

    @property
    def usage(self) -> UsageRepository:
        return self._open.usage

    @property
    def renewals(self) -> RenewalRepository:
        return self._open.renewals

    @property
    def rates(self) -> RateRepository:
        return self._open.rates

    def partner_names(self) -> dict[str, str]:
        """Partner id → name, for showing names instead of ids."""
        return self.partners.names()

    def marked_or_highlighted(self) -> list[Contract]:
        """The contracts marked in the Overview, or else the one highlighted there: what an action applies to."""
        if self.marked:
            by_id = {c.id: c for c in self.contracts.all()}
            chosen = [by_id[i] for i in sorted(self.marked) if i in by_id]
            if chosen:
                return chosen
        return [self.highlighted] if self.highlighted is not None else []

    def data_changed(self, keep_id: str | None = None) -> None:
        """Tell every tab to show the stored state again (`keep_id`: the row to keep the cursor on)."""
        if self.repositories is not None:
            self.shown_generation = self.store.generation
        if self.changes is not None:
            self.changes.publish(keep_id)
