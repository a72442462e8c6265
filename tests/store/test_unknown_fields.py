"""A newer version's data survives an older version's save: fields this version does not know are kept.

Each test writes a document with an extra field into the real file by hand (as a newer version would),
saves the record through its repository, and reads the raw JSON back.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from tests.conftest import TODAY, make_contract
from tui.domain.partner import Partner
from tui.domain.renewal import new_renewal
from tui.domain.settings import Settings
from tui.domain.usage import UsageSample
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.partners import PartnerRepository
from tui.store.renewals import RenewalRepository
from tui.store.settings import SettingsRepository
from tui.store.usage import UsageRepository

NEWER = {"x_newer_field": {"kept": ["as", "it", "was"]}}


def add_newer_field(path: Path, table: str, match: dict) -> None:
    """What a newer version writes: the matching document gains a field this version does not know."""
    data = json.loads(path.read_text(encoding="utf-8"))
    [doc] = [doc for doc in data[table].values() if match.items() <= doc.items()]
    doc.update(NEWER)
    path.write_text(json.dumps(data), encoding="utf-8")


def stored(path: Path, table: str, match: dict) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    [doc] = [doc for doc in data[table].values() if match.items() <= doc.items()]
    return doc


def test_a_contract_keeps_unknown_fields_through_an_edit(db_path: Path) -> None:
    ContractRepository(Store(db_path)).add(make_contract("C-1"), TODAY)
    add_newer_field(db_path, "contracts", {"id": "C-1"})
    repository = ContractRepository(Store(db_path))
    contract = repository.get("C-1")
    repository.update(replace(contract, quantity=11), TODAY, base_revision=contract.revision)
    doc = stored(db_path, "contracts", {"id": "C-1"})
    assert doc["quantity"] == 11 and doc["x_newer_field"] == NEWER["x_newer_field"]


def test_a_partner_keeps_unknown_fields_through_its_own_and_another_partners_edit(db_path: Path) -> None:
    mine = Partner(id="u1", name="Mine SRL", tier="Gold", kind="reseller", country="RO", city="Cluj-Napoca")
    PartnerRepository(Store(db_path)).add(mine)
    add_newer_field(db_path, "partners", {"id": "u1"})
    add_newer_field(db_path, "partners", {"id": "p0001"})
    repository = PartnerRepository(Store(db_path))
    repository.update(replace(mine, name="Mine SA"), base_revision=repository.revision_of("u1"))
    edited = stored(db_path, "partners", {"id": "u1"})
    assert edited["name"] == "Mine SA" and edited["x_newer_field"] == NEWER["x_newer_field"]
    assert stored(db_path, "partners", {"id": "p0001"})["x_newer_field"] == NEWER["x_newer_field"]


def test_a_usage_sample_keeps_unknown_fields_through_an_edit(db_path: Path) -> None:
    sample = UsageSample("Backup Exec", date(2026, 1, 15), 40)
    UsageRepository(Store(db_path)).add(sample)
    add_newer_field(db_path, "usage", {"product": "Backup Exec"})
    UsageRepository(Store(db_path)).update(sample, replace(sample, in_use=41))
    doc = stored(db_path, "usage", {"product": "Backup Exec"})
    assert doc["in_use"] == 41 and doc["x_newer_field"] == NEWER["x_newer_field"]


def test_a_renewal_keeps_unknown_fields_through_a_draft_save(db_path: Path) -> None:
    store = Store(db_path)
    ContractRepository(store).add(make_contract("C-1"), TODAY)
    draft = RenewalRepository(store).save(new_renewal(["C-1"], TODAY, to=date(2027, 12, 31)), TODAY)
    add_newer_field(db_path, "renewals", {"id": draft.id})
    repository = RenewalRepository(Store(db_path))
    repository.save(replace(repository.get(draft.id), step=2), TODAY)
    doc = stored(db_path, "renewals", {"id": draft.id})
    assert doc["step"] == 2 and doc["x_newer_field"] == NEWER["x_newer_field"]


def test_the_settings_keep_unknown_fields_through_a_save(db_path: Path) -> None:
    SettingsRepository(Store(db_path)).save(Settings())
    add_newer_field(db_path, "settings", {})
    repository = SettingsRepository(Store(db_path))
    repository.save(replace(Settings(), notice_days=45))
    doc = stored(db_path, "settings", {})
    assert doc["notice_days"] == 45 and doc["x_newer_field"] == NEWER["x_newer_field"]
