"""The partners table: the shipped directory loaded on first use, updates that keep the user's
partners, the delete guard and stale-write conflicts — on real files in tmp_path."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import make_contract
from tui.domain.partner import validate_partner
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.errors import ConflictError, NotFoundError
from tui.store.partner_directory import parse_directory, shipped_directory
from tui.store.partners import PartnerInUse, PartnerRepository

HEADER = "id,name,tier,kind,country,city,specialisations,languages,email,phone,website\n"


def directory(*rows: str):
    return parse_directory((HEADER + "".join(r + "\n" for r in rows)).encode())


def row(partner_id: str, name: str, tier: str = "Gold", city: str = "Brașov") -> str:
    return f"{partner_id},{name},{tier},reseller,RO,{city},encryption,ro,office@{partner_id}.example.com,,"


def user_partner(partner_id: str = "u0001", name: str = "Own Partner SRL"):
    partner, errors = validate_partner({"id": partner_id, "name": name, "tier": "Silver", "kind": "reseller",
                                        "country": "RO", "city": "Sibiu"})
    assert errors == {}
    return partner


def test_first_use_shows_the_shipped_directory_without_writing_then_stores_it(db_path: Path) -> None:
    repository = PartnerRepository(Store(db_path))
    assert len(repository.all()) == len(shipped_directory().partners) >= 150
    assert repository.origin_of("p0001") == "shipped"
    assert not db_path.exists()  # looking does not create the file
    repository.load_directory()
    reopened = PartnerRepository(Store(db_path))
    assert reopened.names() == repository.names()
    assert reopened.get("p0001").name == "Zorvanta Systems SRL"
    before = db_path.read_bytes()
    reopened.load_directory()  # already stored: nothing to write
    assert db_path.read_bytes() == before


def test_the_first_write_stores_the_directory_in_the_same_transaction(db_path: Path) -> None:
    PartnerRepository(Store(db_path)).add(user_partner())
    reopened = PartnerRepository(Store(db_path), directory(row("p1", "Alpha SRL")))
    stored = Store(db_path).raw_table("partners")
    assert len(stored) == len(shipped_directory().partners) + 1
    assert reopened.origin_of("u0001") == "user"


def test_a_new_directory_updates_shipped_partners_and_keeps_the_users(db_path: Path, today) -> None:
    v1 = directory(row("p1", "Alpha SRL"), row("p2", "Beta SRL"), row("p3", "Gamma SRL"),
                   row("p4", "Delta SRL"), row("p5", "Epsilon SRL"))
    first = PartnerRepository(Store(db_path), v1)
    first.load_directory()
    first.update(replace(first.get("p2"), name="Beta (our contact: Ana)"), base_revision=first.revision_of("p2"))
    first.add(user_partner())
    first.delete("p3", base_revision=first.revision_of("p3"))
    ContractRepository(Store(db_path)).add(make_contract("C-1", partner="p5"), today)

    v2 = directory(row("p1", "Alpha Renamed SRL", tier="Platinum"), row("p2", "Beta New SRL"),
                   row("p3", "Gamma SRL"), row("p6", "Zeta SRL"))  # p4 and p5 left the directory
    second = PartnerRepository(Store(db_path), v2)
    assert (second.get("p1").name, second.get("p1").tier) == ("Alpha Renamed SRL", "Platinum")
    assert second.revision_of("p1") == 2
    assert second.get("p2").name == "Beta (our contact: Ana)"  # edited by the user: left alone
    assert second.origin_of("p2") == "edited"
    assert second.get("p3") is None  # deleted by the user: not brought back
    assert second.get("p4") is None  # gone from the directory, used by nothing
    assert second.get("p5").name == "Epsilon SRL" and second.origin_of("p5") == "user"  # a contract names it
    assert second.get("p6").name == "Zeta SRL"
    assert second.get("u0001").name == "Own Partner SRL"
    second.load_directory()
    assert PartnerRepository(Store(db_path), v2).names() == second.names()


def test_a_partner_still_used_by_contracts_cannot_be_deleted(db_path: Path, today) -> None:
    repository = PartnerRepository(Store(db_path))
    repository.load_directory()
    contracts = ContractRepository(Store(db_path))
    contracts.add(make_contract("C-2", partner="p0001"), today)
    contracts.add(make_contract("C-1", partner="p0001"), today)
    before = db_path.read_bytes()
    with pytest.raises(PartnerInUse) as refused:
        repository.delete("p0001", base_revision=repository.revision_of("p0001"))
    assert refused.value.contract_ids == ["C-1", "C-2"]
    assert "C-1, C-2" in str(refused.value)
    assert db_path.read_bytes() == before
    assert repository.contracts_using("p0001") == ["C-1", "C-2"]


def test_stale_edits_and_deletes_are_refused(db_path: Path) -> None:
    mine, theirs = PartnerRepository(Store(db_path)), PartnerRepository(Store(db_path))
    mine.add(user_partner())
    seen = mine.revision_of("u0001")
    theirs.update(replace(theirs.get("u0001"), phone="+40 269 555 010"), base_revision=seen)
    with pytest.raises(ConflictError):
        mine.update(replace(mine.get("u0001"), name="Mine SRL"), base_revision=seen)
    with pytest.raises(ConflictError):
        mine.delete("u0001", base_revision=seen)
    assert PartnerRepository(Store(db_path)).get("u0001").phone == "+40 269 555 010"
    mine.delete("u0001", base_revision=mine.revision_of("u0001"))
    with pytest.raises(NotFoundError):
        theirs.delete("u0001", base_revision=2)


def test_an_id_that_is_taken_is_refused_and_nothing_is_written(db_path: Path) -> None:
    repository = PartnerRepository(Store(db_path))
    with pytest.raises(ConflictError):
        repository.save_many([user_partner("u0009"), user_partner("p0001")], [])
    assert not db_path.exists()
    assert repository.get("u0009") is None


def test_editing_a_shipped_partner_marks_it_and_an_unchanged_save_writes_nothing(db_path: Path) -> None:
    repository = PartnerRepository(Store(db_path))
    repository.load_directory()
    before = db_path.read_bytes()
    repository.update(repository.get("p0002"), base_revision=1)
    assert db_path.read_bytes() == before and repository.origin_of("p0002") == "shipped"
    repository.update(replace(repository.get("p0002"), languages=("ro",)), base_revision=1)
    assert repository.origin_of("p0002") == "edited" and repository.revision_of("p0002") == 2
    assert PartnerRepository(Store(db_path)).get("p0002").languages == ("ro",)


def test_the_index_locates_cities_and_is_rebuilt_after_a_change(db_path: Path) -> None:
    repository = PartnerRepository(Store(db_path))
    index = repository.index()
    assert repository.index() is index
    hits = index.search("timisoara")
    assert hits and all(h.partner.city == "Timișoara" for h in hits)
    repository.add(user_partner())
    assert repository.index() is not index
    assert [h.partner.id for h in repository.index().search("own partner")] == ["u0001"]


def test_a_stored_record_reads_back_as_the_same_partner() -> None:
    from dataclasses import fields

    from tui.store.partner_directory import partner_from_record, partner_to_record

    for partner in shipped_directory().partners[:20] + (user_partner(),):
        again = partner_from_record(partner_to_record(partner, partner.origin, 3))
        assert [getattr(again, f.name) for f in fields(again)] == [getattr(partner, f.name) for f in fields(partner)]
        assert again == partner and hash(again) == hash(partner)
