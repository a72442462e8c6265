"""One of each repository of an open store, made in one place: for the app's session and for the subcommands.

Each repository keeps what it converted from the file until the file changes, so one instance of each is
shared. Each is made (and its module imported) when first used: a command that only reads the contracts
does not load the partner directory's code.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from tui.store.file.database import Store
from tui.store.settings import SettingsRepository

if TYPE_CHECKING:
    from tui.store.contracts import ContractRepository
    from tui.store.partners import PartnerRepository
    from tui.store.rates import RateRepository
    from tui.store.renewals import RenewalRepository
    from tui.store.usage import UsageRepository


class Repositories:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = SettingsRepository(store)  # every command reads the settings (the formats)

    @cached_property
    def contracts(self) -> ContractRepository:
        from tui.store.contracts import ContractRepository

        return ContractRepository(self.store)

    @cached_property
    def partners(self) -> PartnerRepository:
        from tui.store.partners import PartnerRepository

        return PartnerRepository(self.store)

    @cached_property
    def usage(self) -> UsageRepository:
        from tui.store.usage import UsageRepository

        return UsageRepository(self.store)

    @cached_property
    def rates(self) -> RateRepository:
        from tui.store.rates import RateRepository

        return RateRepository(self.store)

    @cached_property
    def renewals(self) -> RenewalRepository:
        from tui.store.renewals import RenewalRepository

        return RenewalRepository(self.store, self.contracts)  # a completed renewal updates the shared contracts
