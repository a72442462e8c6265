"""The start-up glance: written from the store, read back only while the data file is unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import TODAY, make_contract
from tests.store.test_partner_repository import user_partner
from tui.domain.settings import Settings
from tui.domain.status import summarize, summarize_end_dates
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.first_screen import remember_first_screen
from tui.store.file.glance import GLANCE_ROWS, glance_path, read_glance
from tui.store.partners import PartnerRepository
from tui.store.settings import SettingsRepository

ROOT = Path(__file__).resolve().parents[2]


def many_contracts(count: int) -> list:
    return [make_contract(f"C-{i:04d}", end=TODAY + timedelta(days=(i * 37) % 500 - 100), quantity=1 + i % 7,
                          currency="EUR" if i % 3 else "RON", partner=f"p{i % 4}") for i in range(count)]


@pytest.fixture
def store(db_path: Path) -> Store:
    store = Store(db_path)
    ContractRepository(store).save_many(many_contracts(GLANCE_ROWS + 50), [], TODAY)
    return store


def test_the_glance_holds_the_first_rows_in_default_order_and_what_the_summary_needs(store: Store) -> None:
    assert remember_first_screen(store)
    glance = read_glance(store.path)
    contracts = ContractRepository(store).all()
    assert glance is not None and glance.count == len(contracts)
    expected = sorted(contracts, key=lambda c: (c.end, c.id))[:GLANCE_ROWS]
    assert [c.id for c in glance.first] == [c.id for c in expected]
    assert glance.first[0] == expected[0] and glance.first[0].history == expected[0].history
    assert glance.first[0].revision == expected[0].revision
    assert glance.annual_totals == summarize(contracts, TODAY).annual_totals
    assert glance.settings == Settings()


def test_an_up_to_date_glance_is_not_written_again(store: Store) -> None:
    assert remember_first_screen(store)
    assert not remember_first_screen(store)


@pytest.mark.parametrize("change", ["contract", "settings", "partner"])
def test_any_write_to_the_data_file_makes_the_glance_stale(store: Store, change: str) -> None:
    remember_first_screen(store)
    if change == "contract":
        contract = ContractRepository(store).get("C-0000")
        ContractRepository(store).update(replace(contract, notes="x"), TODAY, base_revision=contract.revision)
    elif change == "settings":
        SettingsRepository(store).save(Settings(theme="ansi-dark"))
    else:
        PartnerRepository(store).add(user_partner("p9", "Nine SRL"))
    assert read_glance(store.path) is None
    assert remember_first_screen(store)
    assert read_glance(store.path) is not None


def test_a_write_by_another_process_makes_the_glance_stale(store: Store) -> None:
    remember_first_screen(store)
    code = ("import sys; from datetime import date; from dataclasses import replace;"
            "from tui.store.file.database import Store; from tui.store.contracts import ContractRepository;"
            f"r = ContractRepository(Store({str(store.path)!r})); c = r.get('C-0001');"
            "r.update(replace(c, quantity=c.quantity + 1), date(2026, 11, 27), base_revision=c.revision)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    assert read_glance(store.path) is None


def test_settings_and_partner_names_come_with_the_glance(store: Store) -> None:
    PartnerRepository(store).add(user_partner("p1", "Zorvanta Systems SRL"))
    SettingsRepository(store).save(Settings(date_format="ro", number_format="ro", notice_days=45, theme="nord"))
    remember_first_screen(store)
    glance = read_glance(store.path)
    assert glance.settings == Settings(date_format="ro", number_format="ro", notice_days=45, theme="nord")
    assert glance.partner_names == {"p1": "Zorvanta Systems SRL"}


@pytest.mark.parametrize("damage", [b"", b"not json", b"[]", b'{"version": 1}', b'{"version": 99, "of": []}'])
def test_a_damaged_glance_is_ignored(store: Store, damage: bytes) -> None:
    remember_first_screen(store)
    glance_path(store.path).write_bytes(damage)
    assert read_glance(store.path) is None
    assert remember_first_screen(store)  # and replaced at the next chance
    assert read_glance(store.path) is not None


def test_a_glance_whose_fields_were_edited_by_hand_is_ignored(store: Store) -> None:
    remember_first_screen(store)
    raw = json.loads(glance_path(store.path).read_text())
    raw["totals"] = {"EUR": "lots"}
    glance_path(store.path).write_text(json.dumps(raw))
    assert read_glance(store.path) is None


def test_no_glance_without_a_data_file_or_for_a_damaged_one(tmp_path: Path) -> None:
    missing = Store(tmp_path / "none.json")
    assert not remember_first_screen(missing)
    assert read_glance(tmp_path / "none.json") is None
    path = tmp_path / "ok.json"
    store = Store(path)
    ContractRepository(store).add(make_contract("C-1"), TODAY)
    path.write_text("{ damaged")
    assert not remember_first_screen(store)
    assert not glance_path(path).exists()


def test_a_temporary_glance_left_by_a_killed_writer_is_removed_by_the_next_write(store: Store) -> None:
    leftover = store.path.parent / f".{glance_path(store.path).name}.x1y2.part"
    leftover.write_text("half a glance")
    assert remember_first_screen(store)
    assert not leftover.exists() and read_glance(store.path) is not None


def test_the_glance_is_not_swept_up_as_a_killed_writers_temporary_file(store: Store) -> None:
    """The data file's writers delete `.<name>.*.tmp` files under the lock; the glance is not one."""
    remember_first_screen(store)
    contract = ContractRepository(store).get("C-0002")
    ContractRepository(store).update(replace(contract, unit_price=Decimal("1")), TODAY,
                                     base_revision=contract.revision)
    assert glance_path(store.path).exists()
    assert not [p for p in store.path.parent.iterdir() if p.name.endswith(".part")]


def test_the_glance_serves_any_today(store: Store) -> None:
    """Nothing in it depends on the day it was written: the summary is worked out for the day shown."""
    remember_first_screen(store)
    glance = read_glance(store.path)
    contracts = ContractRepository(store).all()
    for day in (TODAY, TODAY + timedelta(days=45), date(2030, 1, 1), date(2020, 1, 1)):
        assert summarize_end_dates(glance.ends, glance.annual_totals, day) == summarize(contracts, day)


def test_a_command_line_write_keeps_an_existing_glance_current_and_creates_none(capsys, tmp_path: Path) -> None:
    from tests.cli.run_cli import run  # noqa: PLC0415
    from tests.conftest import write_csv  # noqa: PLC0415

    with_glance, without = tmp_path / "a.json", tmp_path / "b.json"
    for path in (with_glance, without):
        ContractRepository(Store(path)).add(make_contract("C-1"), TODAY)
    remember_first_screen(Store(with_glance))
    rows = write_csv(tmp_path / "new.csv", "C-2,Backup Exec,5,,2027-06-30,10.00,RON,,,,")
    for path in (with_glance, without):
        status, _out, err = run(capsys, "--db", str(path), "import", "contracts", str(rows))
        assert status == 0, err
    assert [c.id for c in read_glance(with_glance).first] == ["C-1", "C-2"]
    assert not glance_path(without).exists()


def test_writing_the_glance_late_imports_nothing(db_path: Path) -> None:
    """It runs when the app closes or after a command's write: an import then can fail (a package upgraded
    under a running app, a checkout that became unreadable), so everything it needs is loaded with it.
    (The shipped partner directory is data, read from the package once, as the app's repositories have.)"""
    ContractRepository(Store(db_path)).save_many(many_contracts(5), [], TODAY)
    code = (
        "import sys\n"
        "from tui.store.file.database import Store\n"
        "from tui.store.first_screen import remember_first_screen\n"
        "from tui.store.partner_directory import shipped_directory\n"
        "shipped_directory()\n"
        f"store = Store({str(db_path)!r})\n"
        "before = set(sys.modules)\n"
        "written = remember_first_screen(store)\n"
        "print(written, sorted(set(sys.modules) - before))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True []"
