"""Large tables stay in the file until asked for, and are read from the file as it was loaded."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import TODAY, make_contract
from tui.domain.usage import UsageSample
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.errors import DatabaseRefused
from tui.store.file.file_format import TABLE_KEPT_PARSED
from tui.store.usage import UsageRepository

MANY = 400  # contracts: more than TABLE_KEPT_PARSED bytes of JSON


def parsed_tables(store: Store) -> set[str]:
    """The tables the storage holds parsed (the others it keeps in the file only)."""
    return set(dict.keys(store.storage.read()))


def big_file(path: Path) -> Path:
    store = Store(path)
    ContractRepository(store).save_many(
        [make_contract(f"C-{i:04d}", notes="Timișoara ✓", partner="p1") for i in range(MANY)], [], TODAY)
    UsageRepository(store).save_many([UsageSample("Backup Exec", TODAY, 7)], [])
    assert len(json.dumps(json.loads(path.read_text())["contracts"])) > TABLE_KEPT_PARSED
    return path


def test_a_large_table_is_checked_on_opening_but_parsed_only_when_asked_for(db_path: Path) -> None:
    store = Store(big_file(db_path))
    assert "contracts" not in parsed_tables(store) and {"meta", "usage"} <= parsed_tables(store)
    contracts = ContractRepository(store)
    assert len(contracts) == MANY and contracts.get("C-0007").notes == "Timișoara ✓"
    assert "contracts" not in parsed_tables(store)  # read one document at a time, none kept
    assert store.raw_table("contracts")["8"]["id"] == "C-0007"  # as TinyDB would see it
    assert json.loads(db_path.read_text())["contracts"] == store.raw_table("contracts")


def test_a_damaged_large_table_is_refused_on_opening(db_path: Path) -> None:
    big_file(db_path)
    text = db_path.read_text()
    for damaged in (text.replace('"C-0300"', '"C-0300'), text.replace('{"id":"C-0300"', '["C-0300"')):
        db_path.write_text(damaged)
        with pytest.raises(DatabaseRefused):
            Store(db_path)
        assert db_path.read_text() == damaged


def test_writes_keep_untouched_tables_as_they_were_and_the_file_as_one_json_dump(db_path: Path) -> None:
    store = Store(big_file(db_path))
    contracts = ContractRepository(store)
    current = contracts.get("C-0003")
    contracts.update(replace(current, quantity=99), TODAY, base_revision=current.revision)
    UsageRepository(store).add(UsageSample("Backup Exec", TODAY.replace(day=1), 3))
    assert parsed_tables(store) == set()  # after a write every table is kept in the file only
    data = json.loads(db_path.read_bytes())
    assert db_path.read_bytes() == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    assert ContractRepository(Store(db_path)).get("C-0003").quantity == 99
    assert len(data["contracts"]) == MANY and len(data["usage"]) == 2


def test_a_pretty_printed_file_is_read_and_written_table_by_table(db_path: Path) -> None:
    big_file(db_path)
    db_path.write_text(json.dumps(json.loads(db_path.read_text()), indent=2, ensure_ascii=False))
    contracts = ContractRepository(Store(db_path))
    assert len(contracts) == MANY and "contracts" not in parsed_tables(contracts.store)
    contracts.delete("C-0001", base_revision=contracts.get("C-0001").revision)
    reread = ContractRepository(Store(db_path))
    assert len(reread) == MANY - 1 and reread.get("C-0002").notes == "Timișoara ✓"


def test_a_table_kept_aside_is_the_one_loaded_even_when_the_file_was_replaced(db_path: Path) -> None:
    store = Store(big_file(db_path))
    with store.transaction():  # no reload while the lock is held: as in the middle of a write
        replacement = db_path.with_name("other.json")
        replacement.write_text(json.dumps({"meta": {"1": {"app": "renewal-planner", "schema": 1}}}))
        os.replace(replacement, db_path)  # a writer that ignores the lock
        assert len(store.raw_table("contracts")) == MANY


def test_a_table_kept_aside_is_the_one_loaded_even_when_the_file_was_rewritten_in_place(db_path: Path) -> None:
    store = Store(big_file(db_path))
    db_path.write_bytes(b"garbage{")  # same file, other bytes (an editor saving in place)
    assert len(ContractRepository(store)) == MANY  # the last good state, as for every table
    with pytest.raises(DatabaseRefused):
        ContractRepository(store).add(make_contract("C-9999"), TODAY)
    assert db_path.read_bytes() == b"garbage{"


def test_a_save_writes_back_the_tables_as_loaded_when_the_file_changed_under_the_lock(db_path: Path) -> None:
    """A save copies the tables it did not change from the file, without their checksums when the
    file is still the one it loaded; a file changed since (by a writer ignoring the lock, in place, to
    the same size) is caught by its signature, and the checksums send the save to the kept copies."""
    store = Store(big_file(db_path))
    with store.transaction():
        db_path.write_bytes(b" " * db_path.stat().st_size)
        UsageRepository(store).add(UsageSample("Backup Exec", TODAY.replace(day=2), 1))
    reread = ContractRepository(Store(db_path))
    assert len(reread) == MANY and reread.get("C-0007").notes == "Timișoara ✓"


def test_a_table_version_changes_with_a_write_to_it_or_a_reload_only(db_path: Path) -> None:
    store = Store(big_file(db_path))
    before = store.table_version("usage")
    ContractRepository(store).add(make_contract("C-9999"), TODAY)
    assert store.table_version("usage") == before
    UsageRepository(store).add(UsageSample("Backup Exec", TODAY.replace(day=2), 1))
    after_write = store.table_version("usage")
    assert after_write != before
    UsageRepository(Store(db_path)).add(UsageSample("Backup Exec", TODAY.replace(day=3), 1))  # another process
    store.catch_up()
    assert store.table_version("usage") != after_write
