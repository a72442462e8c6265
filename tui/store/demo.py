"""The shipped demo company, with its dates moved so that it looks the same on any day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from importlib.resources import as_file, files
from pathlib import Path

from tui.domain.contract import Contract
from tui.store.contract_csv import plan_contract_import
from tui.store.contracts import ContractRepository
from tui.store.database import Store

# The shipped demo files are written as if today were this day.
DEMO_ANCHOR = date(2026, 1, 1)


def data_file(name: str):
    """A file shipped in `tui/data` (the repository's `data/`)."""
    return files("tui.data") / name


def shift_contract(contract: Contract, days: timedelta) -> Contract:
    return replace(contract, start=contract.start + days if contract.start else None, end=contract.end + days)


def demo_contracts(today: date) -> list[Contract]:
    shift = today - DEMO_ANCHOR
    with as_file(data_file("demo_contracts.csv")) as path:
        plan = plan_contract_import(path, {}, name="demo_contracts.csv")
    return [shift_contract(c, shift) for c in plan.new]


def create_demo_database(path: Path, today: date) -> Store:
    """Write the demo data to a new file at `path` and return it opened."""
    store = Store(path)
    ContractRepository(store).save_many(demo_contracts(today), [], today, source="demo")
    return store
