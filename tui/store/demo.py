"""The shipped demo company, with its dates moved so that it looks the same on any day."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from importlib.resources import as_file, files
from pathlib import Path

from tui.domain.contract import Contract
from tui.domain.exchange import Rate
from tui.domain.forecast.planning import shift_months
from tui.domain.forecast.series import months_between
from tui.domain.usage import UsageSample, duplicate_key
from tui.store.transfer.contract_csv import plan_contract_import
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.partners import PartnerRepository
from tui.store.transfer.rate_files import plan_rate_import
from tui.store.rates import RateRepository
from tui.store.transfer.quote_requests import FOLDER_NAME as QUOTE_REQUESTS
from tui.store.usage import UsageRepository
from tui.store.transfer.usage_csv import plan_usage_import

# The shipped demo files are written as if today were this day.
DEMO_ANCHOR = date(2026, 1, 1)
DEMO_FOLDER_PREFIX = "renewals-demo-"


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


def demo_usage(today: date, products: list[str]) -> list[UsageSample]:
    """The demo usage moved by whole months, so each month's peak stays that month's (and before today)."""
    months = months_between(DEMO_ANCHOR, today)
    with as_file(data_file("demo_usage.csv")) as path:
        plan = plan_usage_import(path, {}, products, today=DEMO_ANCHOR, name="demo_usage.csv")
    moved: dict[tuple[str, date], UsageSample] = {}
    for sample in plan.new:
        sample = UsageSample(sample.product, shift_months(sample.on, months), sample.in_use)
        other = moved.get(duplicate_key(sample))  # the 29th–31st can land on one day of a short month
        if other is None or other.in_use < sample.in_use:
            moved[duplicate_key(sample)] = sample
    return list(moved.values())


def demo_rates(today: date) -> list[Rate]:
    """The shipped BNR rates (the last working days before the anchor), moved by the same days as the contracts."""
    shift = today - DEMO_ANCHOR
    with as_file(data_file("demo_rates_bnr.xml")) as path:
        plan = plan_rate_import(path, {}, today=DEMO_ANCHOR, name="demo_rates_bnr.xml")
    return [replace(rate, on=rate.on + shift) for rate in plan.new]


def create_temporary_demo(today: date) -> Path:
    """A fresh demo data file in a new `renewals-demo-PID-*` temporary folder (see remove_demo_folder);
    the folders that demos which did not end normally left behind go first (see remove_orphaned_demos)."""
    remove_orphaned_demos(Path(tempfile.gettempdir()))
    path = Path(tempfile.mkdtemp(prefix=f"{DEMO_FOLDER_PREFIX}{os.getpid()}-")) / "demo.json"
    create_demo_database(path, today).close()
    return path


def remove_orphaned_demos(temporary: Path) -> None:
    """Remove this user's demo folders whose process is gone: a demo killed (SIGKILL) or hung up on (an SSH
    session that dropped: SIGHUP) never ran its exit handler.  A folder holding a quote request stays, as
    at a normal exit; a folder whose process id was reused waits for a later start."""
    try:
        folders = list(temporary.glob(f"{DEMO_FOLDER_PREFIX}*-*"))
    except OSError:
        return
    for folder in folders:
        pid = folder.name.removeprefix(DEMO_FOLDER_PREFIX).partition("-")[0]
        try:
            if not pid.isdigit() or folder.stat().st_uid != os.getuid() or _running(int(pid)):
                continue
        except OSError:
            continue
        remove_demo_folder(folder)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it does, and is another user's
        pass
    return True


def remove_demo_folder(folder: Path) -> bool:
    """Delete a temporary demo folder, unless a quote request was written in it: then it is kept for
    the user (True)."""
    requests = folder / QUOTE_REQUESTS
    if requests.is_dir() and any(requests.iterdir()):
        return True
    shutil.rmtree(folder, ignore_errors=True)
    return False


def create_demo_database(path: Path, today: date) -> Store:
    """Write the demo data to a new file at `path` and return it opened."""
    store = Store(path)
    contracts = demo_contracts(today)
    with store.transaction():
        ContractRepository(store).save_many(contracts, [], today, source="demo")
        UsageRepository(store).save_many(demo_usage(today, [c.product for c in contracts]), [])
        PartnerRepository(store).load_directory()
        RateRepository(store).save_many(demo_rates(today))
    return store
