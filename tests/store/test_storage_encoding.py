"""A commit re-encodes only the tables that changed, and still writes exactly what json.dumps gives."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from tests.conftest import TODAY, make_contract
from tui.domain.renewal import new_renewal
from tui.domain.usage import UsageSample
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.partners import PartnerRepository
from tui.store.renewals import RenewalRepository
from tui.store.usage import UsageRepository


def dumped(path: Path) -> bytes:
    """What one json.dumps of the whole file's data gives (the storage's format)."""
    return json.dumps(json.loads(path.read_bytes()), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_every_kind_of_write_leaves_the_bytes_one_json_dump_would_write(db_path: Path) -> None:
    store = Store(db_path)
    contracts, renewals = ContractRepository(store), RenewalRepository(store)
    contracts.save_many([make_contract(f"C-{i}", notes="Timișoara ✓ \"quoted\"") for i in range(5)], [], TODAY)
    UsageRepository(store).save_many([UsageSample("Backup Exec", TODAY, 7)], [])
    PartnerRepository(store).load_directory()
    draft = renewals.save(new_renewal(["C-1"], TODAY), TODAY)
    assert db_path.read_bytes() == dumped(db_path)
    renewals.save(replace(draft, step=2), TODAY)  # only the renewals table changes
    assert db_path.read_bytes() == dumped(db_path)
    current = contracts.get("C-2")
    contracts.update(replace(current, quantity=99), TODAY, base_revision=current.revision)
    contracts.delete("C-3", base_revision=contracts.get("C-3").revision)
    assert db_path.read_bytes() == dumped(db_path)
    reread = Store(db_path)
    assert ContractRepository(reread).get("C-2").quantity == 99 and ContractRepository(reread).get("C-3") is None
    assert RenewalRepository(reread).get(draft.id).step == 2


def test_a_write_after_another_process_wrote_encodes_what_that_process_wrote(db_path: Path) -> None:
    ours = Store(db_path)
    contracts = ContractRepository(ours)
    contracts.save_many([make_contract("C-1"), make_contract("C-2")], [], TODAY)
    renewals = RenewalRepository(ours, contracts)
    draft = renewals.save(new_renewal(["C-1"], TODAY), TODAY)  # the contracts' JSON is now known
    theirs = ContractRepository(Store(db_path))
    theirs.update(replace(theirs.get("C-2"), notes="theirs"), TODAY, base_revision=theirs.get("C-2").revision)
    renewals.save(replace(draft, step=3), TODAY)  # reloads their write first, then writes
    reread = ContractRepository(Store(db_path))
    assert reread.get("C-2").notes == "theirs" and db_path.read_bytes() == dumped(db_path)
