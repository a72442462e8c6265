"""Contract records: the fast record → Contract path builds exactly what the constructor builds."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from decimal import Decimal

from tests.conftest import make_contract
from tui.domain.contract import Contract, FieldChange, HistoryEntry
from tui.store.records import SharedValues, contract_from_record, contract_to_record


def test_a_record_becomes_the_same_contract_with_every_field_and_its_history() -> None:
    history = (HistoryEntry(date(2025, 1, 2), "import", ()),
               HistoryEntry(date(2025, 3, 4), "edit", (FieldChange("quantity", "10", "12"), FieldChange("notes", "", "x"))))
    original = make_contract("C-7", quantity=12, start=date(2024, 1, 1), unit_price=Decimal("19.90"), partner="p0001",
                             certificate="LC-7", order="PO-7", notes="x", history=history, revision=2)
    read = contract_from_record(contract_to_record(original))
    assert type(read) is Contract
    assert {f.name: getattr(read, f.name) for f in fields(Contract)} == \
        {f.name: getattr(original, f.name) for f in fields(Contract)}
    assert read == original and hash(read) == hash(original) and repr(read) == repr(original)
    assert replace(read, quantity=1).quantity == 1 and read.history[1].changes[0] == FieldChange("quantity", "10", "12")


def test_entries_without_changes_are_shared_between_contracts_only_when_equal() -> None:
    shared = SharedValues()
    created = (HistoryEntry(date(2025, 1, 2), "import", ()),)
    one = contract_from_record(contract_to_record(make_contract("C-1", history=created)), shared)
    two = contract_from_record(contract_to_record(make_contract("C-2", history=created)), shared)
    other = contract_from_record(contract_to_record(
        make_contract("C-3", history=(HistoryEntry(date(2025, 1, 2), "created", ()),))), shared)
    assert one.history[0] is two.history[0] and one.history == created
    assert other.history[0].source == "created" and other.history[0] is not one.history[0]
    assert contract_from_record(contract_to_record(make_contract("C-4", start=None))).start is None


def test_records_share_the_values_they_repeat() -> None:
    shared = SharedValues()
    one, two = (contract_from_record(contract_to_record(make_contract(i, partner="p1", start=date(2025, 1, 2))), shared)
                for i in ("C-1", "C-2"))
    for name in ("product", "currency", "partner", "end", "start", "unit_price"):
        assert getattr(one, name) is getattr(two, name), name
