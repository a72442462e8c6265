"""SafeJSONStorage and Store on real files: refusal, reload, transactions, backups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import make_contract
from tui.store.file.backups import backup_path
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.errors import DatabaseRefused
from tui.store.file.file_format import SCHEMA_VERSION


def test_opening_a_missing_file_writes_nothing_until_the_first_write(db_path: Path, today) -> None:
    store = Store(db_path)
    assert not db_path.exists()
    ContractRepository(store).add(make_contract(), today)
    data = json.loads(db_path.read_text())
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert [doc["id"] for doc in data["contracts"].values()] == ["C-1"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not a text file"),
        (b"[1, 2]", "not a renewal-planner database"),
        (b'{"_default": {}}', "not a renewal-planner database"),
        (b'{"contracts": {"1": 5}}', "not a renewal-planner database"),
        (json.dumps({"meta": {"1": {"app": "renewal-planner", "schema": SCHEMA_VERSION + 1}}}).encode(),
         "newer renewal-planner"),
    ],
)
def test_a_damaged_or_foreign_file_is_refused_and_left_byte_for_byte(db_path: Path, content: bytes,
                                                                     problem: str) -> None:
    db_path.write_bytes(content)
    with pytest.raises(DatabaseRefused) as refused:
        Store(db_path)
    assert problem in refused.value.problem
    assert str(db_path) in str(refused.value)
    assert db_path.read_bytes() == content
    assert not backup_path(db_path, 1).exists()


def test_an_unchanged_file_is_not_parsed_again(db_path: Path, today) -> None:
    repository = ContractRepository(Store(db_path))
    repository.add(make_contract(), today)
    generation = repository.store.generation
    for _ in range(5):
        assert repository.get("C-1") is not None
    assert repository.store.generation == generation


def test_a_change_made_by_another_process_is_picked_up(db_path: Path, today) -> None:
    mine = ContractRepository(Store(db_path))
    mine.add(make_contract("A"), today)
    theirs = ContractRepository(Store(db_path))
    theirs.add(make_contract("B"), today)
    assert sorted(c.id for c in mine.all()) == ["A", "B"]


def test_inserts_from_two_stores_never_reuse_a_document_id(db_path: Path, today) -> None:
    """TinyDB caches the next id per table; a stale cache would overwrite the other store's document."""
    first, second = ContractRepository(Store(db_path)), ContractRepository(Store(db_path))
    first.add(make_contract("A"), today)
    second.add(make_contract("B"), today)
    first.add(make_contract("C"), today)
    second.add(make_contract("D"), today)
    assert sorted(c.id for c in ContractRepository(Store(db_path)).all()) == ["A", "B", "C", "D"]


def test_writing_outside_a_transaction_is_refused(db_path: Path) -> None:
    store = Store(db_path)
    with pytest.raises(RuntimeError):
        store.table("contracts").insert({"id": "X"})
    assert not db_path.exists()


def test_a_failed_transaction_writes_nothing_and_forgets_its_half_done_state(db_path: Path, today) -> None:
    repository = ContractRepository(Store(db_path))
    repository.add(make_contract("A"), today)
    before = db_path.read_bytes()
    with pytest.raises(ZeroDivisionError):
        with repository.store.transaction():
            repository.store.table("contracts").insert({"id": "half"})
            1 / 0
    assert db_path.read_bytes() == before
    assert [c.id for c in repository.all()] == ["A"]


def test_the_previous_file_is_kept_before_a_process_first_writes_and_three_are_kept(db_path: Path, today) -> None:
    ContractRepository(Store(db_path)).add(make_contract("A"), today)
    contents = [db_path.read_bytes()]
    for name in "BCDE":
        ContractRepository(Store(db_path)).add(make_contract(name), today)  # a new "process" each time
        contents.append(db_path.read_bytes())
    assert backup_path(db_path, 1).read_bytes() == contents[-2]
    assert backup_path(db_path, 2).read_bytes() == contents[-3]
    assert backup_path(db_path, 3).read_bytes() == contents[-4]
    assert not backup_path(db_path, 4).exists()


def test_one_process_backs_up_only_once(db_path: Path, today) -> None:
    ContractRepository(Store(db_path)).add(make_contract("A"), today)
    repository = ContractRepository(Store(db_path))
    first_state = db_path.read_bytes()
    repository.add(make_contract("B"), today)
    repository.add(make_contract("C"), today)
    assert backup_path(db_path, 1).read_bytes() == first_state
    assert not backup_path(db_path, 2).exists() or backup_path(db_path, 2).read_bytes() != first_state


def test_temporary_files_left_by_a_killed_writer_are_swept_by_the_next_writer(db_path: Path, today) -> None:
    ContractRepository(Store(db_path)).add(make_contract("A"), today)
    leftover = db_path.parent / f".{db_path.name}.dead1234.tmp"
    leftover.write_bytes(db_path.read_bytes()[:10])
    unrelated = db_path.parent / ".other.json.x.tmp"
    unrelated.write_text("not ours")
    ContractRepository(Store(db_path)).add(make_contract("B"), today)
    assert not leftover.exists()
    assert unrelated.exists()


def test_a_file_damaged_while_open_keeps_the_last_good_state_for_reading_and_refuses_writes(
        db_path: Path, today) -> None:
    store = Store(db_path)
    contracts = ContractRepository(store)
    contracts.add(make_contract("C-1"), today)
    db_path.write_bytes(b"{not json")
    with pytest.raises(DatabaseRefused):
        store.refresh()
    assert [c.id for c in contracts.all()] == ["C-1"]  # reads go on with the last good state
    with pytest.raises(DatabaseRefused):
        contracts.add(make_contract("C-2"), today)
    assert db_path.read_bytes() == b"{not json"
    db_path.write_bytes(json.dumps({"meta": {"1": {"app": "renewal-planner", "schema": SCHEMA_VERSION}}}).encode())
    assert store.refresh() and contracts.all() == []  # a good file again is read again
