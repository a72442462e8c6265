"""ContractRepository: history, revisions and conflicts, all-or-nothing batches."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import make_contract
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.errors import ConflictError, NotFoundError


@pytest.fixture
def repository(db_path: Path) -> ContractRepository:
    return ContractRepository(Store(db_path))


def test_an_edit_is_recorded_in_the_history_with_old_and_new_values(repository, today) -> None:
    stored = repository.add(make_contract(quantity=10), today)
    repository.update(replace(stored, quantity=12, notes="grew"), today, base_revision=stored.revision)
    reopened = ContractRepository(Store(repository.store.path)).get("C-1")
    assert reopened.quantity == 12
    last = reopened.history[-1]
    assert last.source == "edit" and last.on == today
    assert {(c.field, c.old, c.new) for c in last.changes} == {("quantity", "10", "12"), ("notes", "", "grew")}
    assert reopened.revision == stored.revision + 1


def test_an_edit_based_on_a_stale_revision_is_refused(repository, today) -> None:
    stored = repository.add(make_contract(), today)
    other = ContractRepository(Store(repository.store.path))
    other.update(replace(stored, quantity=99), today, base_revision=stored.revision)
    with pytest.raises(ConflictError):
        repository.update(replace(stored, quantity=1), today, base_revision=stored.revision)
    assert repository.get("C-1").quantity == 99


def test_renaming_to_a_used_id_is_refused(repository, today) -> None:
    repository.add(make_contract("A"), today)
    b = repository.add(make_contract("B"), today)
    with pytest.raises(ConflictError):
        repository.update(replace(b, id="A"), today, base_revision=b.revision, original_id="B")
    renamed = repository.update(replace(b, id="B2"), today, base_revision=b.revision, original_id="B")
    assert renamed.id == "B2"
    assert sorted(c.id for c in ContractRepository(Store(repository.store.path)).all()) == ["A", "B2"]


def test_delete_needs_the_current_revision(repository, today) -> None:
    stored = repository.add(make_contract(), today)
    with pytest.raises(ConflictError):
        repository.delete("C-1", base_revision=stored.revision + 1)
    repository.delete("C-1", base_revision=stored.revision)
    assert repository.get("C-1") is None
    with pytest.raises(NotFoundError):
        repository.delete("C-1", base_revision=stored.revision)


def test_a_batch_with_one_bad_item_writes_nothing(repository, today) -> None:
    repository.add(make_contract("A"), today)
    before = repository.store.path.read_bytes()
    with pytest.raises(ConflictError):
        repository.save_many([make_contract("N1"), make_contract("A")], [], today)
    assert repository.store.path.read_bytes() == before
    assert [c.id for c in repository.all()] == ["A"]


def test_a_batch_is_one_write(repository, today) -> None:
    a = repository.add(make_contract("A"), today)
    backups_before = sorted(p.name for p in repository.store.path.parent.iterdir())
    repository.save_many([make_contract(f"N{i}") for i in range(50)], [(a, replace(a, quantity=3))], today)
    assert len(repository) == 51
    assert repository.get("A").history[-1].source == "import"
    assert sorted(p.name for p in repository.store.path.parent.iterdir()) == backups_before
