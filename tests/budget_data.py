"""The budget's worked data from ../shared/domain.md, shared by the command-line and the tab's tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dataclasses import replace
from pathlib import Path

from tests.conftest import make_contract
from tui.domain.contract import Contract
from tui.domain.renewal import RenewalStatus, new_renewal
from tui.domain.renewal_plan import renewal_quote
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.renewals import renewal_to_record

TODAY = date(2026, 12, 6)  # domain.md's "today" for the budget's worked numbers


def worked_contracts() -> list[Contract]:
    """The worked contract (20.00 RON × 50, ending 2027-03-31) and one per currency of the worked rates
    (1,000 EUR, 10,000 HUF, 100 USD)."""
    return [
        make_contract("C-RON", quantity=50, unit_price=Decimal("20.00"), end=date(2027, 3, 31)),
        make_contract("C-EUR", product="Gateway", quantity=1, unit_price=Decimal("1000.00"), currency="EUR",
                      end=date(2027, 5, 1)),
        make_contract("C-HUF", product="Mail", quantity=1, unit_price=Decimal("10000"), currency="HUF",
                      end=date(2027, 6, 1)),
        make_contract("C-USD", product="Proxy", quantity=1, unit_price=Decimal("100"), currency="USD",
                      end=date(2027, 7, 1)),
    ]


def store_completed_renewal(db: Path) -> None:
    """R-0001: C-RON renewed to 2027-12-31, confirmed on 2026-03-02 (spend counts it in 2026)."""
    store = Store(db)
    contracts = [ContractRepository(store).get("C-RON")]
    done = replace(new_renewal(["C-RON"], date(2026, 3, 1), to=date(2027, 12, 31), confirmed_on=date(2026, 3, 2)),
                   id="R-0001", status=RenewalStatus.COMPLETED)
    done = replace(done, quote=renewal_quote(done, contracts, date(2026, 3, 1)))
    with store.transaction():
        store.table("renewals").insert(renewal_to_record(done))
    store.close()
