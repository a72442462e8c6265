"""Shared set-up of the renewal Pilot tests: a small data file and the keys that reach a step."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tests.conftest import TODAY, make_contract
from tui.domain.usage import UsageSample
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.usage import UsageRepository
from tui.ui.renewal.proof_form import ProofForm
from tui.ui.renewal.wizard import RenewalWizard
from tui.ui.widgets.virtual_table import VirtualTable

SIZE = (80, 24)
T = date(2027, 12, 15)  # the latest selected end (A-2) + 1 year


def make_renewal_db(tmp_path: Path) -> Path:
    """Two Endpoint contracts to renew (one lapsed, one due), one active one, and three months of usage."""
    path = tmp_path / "data" / "renewals.json"
    path.parent.mkdir()
    store = Store(path)
    ContractRepository(store).save_many([
        make_contract("A-1", product="Endpoint Protection", quantity=50, end=date(2026, 10, 31), partner="p0001",
                      certificate="LC-A", order="PO-A"),
        make_contract("A-2", product="Endpoint Protection", quantity=10, end=date(2026, 12, 15), partner="p0001"),
        make_contract("B-1", product="Backup Exec", quantity=3, unit_price=Decimal("400"), end=date(2027, 6, 30)),
    ], [], TODAY, source="test")
    UsageRepository(store).save_many(
        [UsageSample("Endpoint Protection", date(2026, month, 10), 60 + month) for month in (8, 9, 10)], [])
    store.close()
    return path


def wizard(app) -> RenewalWizard:
    assert isinstance(app.screen, RenewalWizard), type(app.screen).__name__
    return app.screen


def seen(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def table_text(app, selector: str) -> str:
    table = app.screen.query_one(selector, VirtualTable)
    return "\n".join(table.render_line(y).text for y in range(table.row_count + 1))


async def start_renewal(app, pilot) -> None:
    await pilot.press("2")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()


async def type_into(pilot, text: str) -> None:
    await pilot.press("ctrl+u", *text)


async def to_step_3(app, pilot) -> None:
    """Step 1 with the suggested date, step 2 with a purchase date for A-1, then on to step 3."""
    await start_renewal(app, pilot)
    await pilot.press("t", "ctrl+n")
    await pilot.pause()
    await pilot.press("enter")  # A-1's proof
    assert isinstance(app.screen, ProofForm)
    await pilot.press("tab", "tab", *"2023-01-02", "tab", "space", "ctrl+s")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert wizard(app).step == 3


async def to_step_5_with_an_order(app, pilot) -> None:
    """On to step 5 (steps 3 and 4 as they are), with one new certificate for all, PO-1 and today typed."""
    await to_step_3(app, pilot)
    for _step in range(2):
        await pilot.press("ctrl+n")
        await pilot.pause()
    await pilot.press("a", *"LC-NEW", "enter")
    await pilot.pause()
    await pilot.press("tab", *"PO-1", "tab", *"2026-11-27")
