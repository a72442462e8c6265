"""Renewals on real files: the record round trip, drafts with revisions, and complete() all or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import TODAY, make_contract
from tui.domain.renewal import Proof, RenewalStatus, new_renewal
from tui.domain.renewal_plan import renewal_quote
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.errors import ConflictError
from tui.store.transfer.quote_requests import default_folder, request_folder, write_quote_request
from tui.store.renewal_records import renewal_from_record, renewal_to_record
from tui.store.renewals import RenewalRefused, RenewalRepository

T = date(2027, 12, 31)


@pytest.fixture
def store(db_path: Path) -> Store:
    store = Store(db_path)
    ContractRepository(store).save_many(
        [make_contract("C-1", quantity=50, end=date(2026, 3, 31), certificate="LC-1", order="PO-1"),
         make_contract("C-2", quantity=10, end=date(2027, 1, 15), currency="EUR", certificate="LC-2"),
         make_contract("C-3", quantity=5, end=date(2027, 6, 30))], [], TODAY, source="test")
    return store


def ready_renewal(repo: RenewalRepository, ids=("C-1", "C-2")):
    draft = new_renewal(list(ids), TODAY, to=T, partner="p0001", request_path="/tmp/r.txt",
                        quantities={"C-1": 55}, certificates={cid: f"NEW-{cid}" for cid in ids},
                        order="PO-2026-77", confirmed_on=TODAY)
    return repo.save(draft, TODAY)


def test_a_full_record_survives_the_round_trip_through_the_file(store: Store, db_path: Path) -> None:
    contracts = ContractRepository(store)
    draft = new_renewal(["C-1", "C-2"], TODAY, to=T, uplift=Decimal("0.05"), fee_rate=Decimal("0.2"), step=4,
                        proofs={"C-1": Proof("LC-1", "PO-1", date(2023, 1, 2), frozenset({"certificate", "order"}))},
                        quantities={"C-1": 60}, partner="p0001", contact="Ana", request_folder="/tmp/q",
                        request_path="/tmp/q/R-0001.txt", request_text="text\n", sent_on=TODAY,
                        quoted={"RON": Decimal("1234.50"), "EUR": Decimal("99.00")}, certificates={"C-1": "N1"},
                        order="PO-9", confirmed_on=TODAY)
    draft = replace(draft, quote=renewal_quote(draft, [contracts.get("C-1"), contracts.get("C-2")], TODAY))
    assert renewal_from_record(renewal_to_record(draft)) == draft
    saved = RenewalRepository(store).save(draft, TODAY)
    reread = RenewalRepository(Store(db_path)).get(saved.id)
    assert reread == saved and reread.revision == 1
    assert reread.status is RenewalStatus.REQUESTED  # it has a sent date
    assert [e.what for e in reread.events] == ["created", "saved"]


def test_drafts_get_numbers_and_refuse_a_stale_revision(store: Store, db_path: Path) -> None:
    repo = RenewalRepository(store)
    first = repo.save(new_renewal(["C-1"], TODAY), TODAY)
    second = repo.save(new_renewal(["C-3"], TODAY), TODAY)
    assert (first.id, second.id) == ("R-0001", "R-0002")
    RenewalRepository(Store(db_path)).save(replace(first, step=2), TODAY)  # another session
    with pytest.raises(ConflictError, match="changed elsewhere"):
        repo.save(replace(first, step=3), TODAY)
    assert repo.get("R-0001").step == 2
    assert repo.busy_contracts() == {"C-1": "R-0001", "C-3": "R-0002"}
    assert repo.busy_contracts(except_id="R-0001") == {"C-3": "R-0002"}


def test_a_cancelled_renewal_stays_cancelled(store: Store) -> None:
    repo = RenewalRepository(store)
    draft = repo.save(new_renewal(["C-1"], TODAY), TODAY)
    cancelled = repo.cancel(draft, TODAY)
    assert cancelled.status is RenewalStatus.CANCELLED and repo.open() == []
    with pytest.raises(ConflictError, match="already cancelled"):
        repo.cancel(cancelled, TODAY)
    with pytest.raises(ValueError):
        repo.save(cancelled, TODAY)


def test_complete_updates_every_contract_with_history_and_closes_the_renewal(store: Store, db_path: Path) -> None:
    contracts = ContractRepository(store)
    repo = RenewalRepository(store, contracts)
    renewal = ready_renewal(repo)
    done = repo.complete(renewal, [contracts.get("C-1"), contracts.get("C-2")], TODAY)
    assert done.status is RenewalStatus.COMPLETED and done.quote is not None
    assert done.quote.lines[0].added == 5

    reread = ContractRepository(Store(db_path))
    one, two, three = reread.get("C-1"), reread.get("C-2"), reread.get("C-3")
    assert (one.end, one.quantity, one.certificate, one.order) == (T, 55, "NEW-C-1", "PO-2026-77")
    assert (two.end, two.quantity, two.certificate) == (T, 10, "NEW-C-2")
    assert three.end == date(2027, 6, 30) and len(three.history) == 1
    entry = one.history[-1]
    assert (entry.on, entry.source) == (TODAY, "renewal")
    assert {(c.field, c.old, c.new) for c in entry.changes} == {
        ("end", "2026-03-31", "2027-12-31"), ("quantity", "50", "55"),
        ("certificate", "LC-1", "NEW-C-1"), ("order", "PO-1", "PO-2026-77")}
    assert contracts.get("C-1").end == T  # the caller's repository sees the change too
    assert RenewalRepository(Store(db_path)).get(done.id).status is RenewalStatus.COMPLETED
    with pytest.raises(ConflictError):
        repo.complete(done, [reread.get("C-1"), reread.get("C-2")], TODAY)


def test_complete_writes_nothing_when_one_contract_changed_meanwhile(store: Store, db_path: Path) -> None:
    contracts = ContractRepository(store)
    repo = RenewalRepository(store, contracts)
    renewal = ready_renewal(repo)
    seen = [contracts.get("C-1"), contracts.get("C-2")]
    other = ContractRepository(Store(db_path))  # another session edits the second contract
    other.update(replace(seen[1], notes="edited"), TODAY, base_revision=seen[1].revision)
    before = db_path.read_bytes()
    with pytest.raises(ConflictError, match="C-2"):
        repo.complete(renewal, seen, TODAY)
    assert db_path.read_bytes() == before
    assert contracts.get("C-1").end == date(2026, 3, 31) and repo.get(renewal.id).status is RenewalStatus.DRAFT


def test_complete_refuses_an_unfinished_renewal_and_says_why(store: Store, db_path: Path) -> None:
    contracts = ContractRepository(store)
    repo = RenewalRepository(store, contracts)
    renewal = repo.save(replace(ready_renewal(repo), order="", to=date(2026, 12, 31)), TODAY)
    before = db_path.read_bytes()
    with pytest.raises(RenewalRefused) as refused:
        repo.complete(renewal, [contracts.get("C-1"), contracts.get("C-2")], TODAY)
    assert refused.value.problems == [
        "contract C-2 ends on 2027-01-15, after T (2026-12-31); choose T on or after 2027-01-15",
        "enter the order / PO number"]
    assert db_path.read_bytes() == before


def test_quote_requests_go_next_to_the_data_file_unless_a_folder_is_set(tmp_path: Path, db_path: Path) -> None:
    assert default_folder(db_path) == db_path.resolve().parent / "quote-requests"
    assert request_folder("  ", db_path) == default_folder(db_path)
    assert request_folder("sent", db_path) == db_path.resolve().parent / "sent"
    path = write_quote_request(request_folder(str(tmp_path / "out" / "deep"), db_path), "R-0001", "héllo\n")
    assert path == tmp_path / "out" / "deep" / "R-0001-quote-request.txt"
    assert path.read_text(encoding="utf-8") == "héllo\n"


def test_answers_for_contracts_taken_out_are_dropped_on_save(store: Store) -> None:
    draft = new_renewal(["C-1"], TODAY, quantities={"C-1": 60, "C-2": 4}, certificates={"C-3": "X"},
                        proofs={"C-2": Proof("LC-2")})
    saved = RenewalRepository(store).save(draft, TODAY)
    assert (saved.quantities, saved.certificates, saved.proofs) == ({"C-1": 60}, {}, {})
