"""Contract CSV import (all or nothing, every error located) and export round trips."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import CSV_HEADER, write_csv
from tui.store.transfer.contract_csv import plan_contract_import, write_contracts_csv, write_contracts_json
from tui.store.contracts import ContractRepository
from tui.store.transfer.csv_reader import CsvRejected
from tui.store.file.database import Store

GOOD = "SEP-1,Endpoint Protection,250,2025-01-01,2026-12-31,95.00,RON,p0001,LC-1,PO-1,HQ"


def problems_of(path: Path, existing=None) -> list[str]:
    with pytest.raises(CsvRejected) as rejected:
        plan_contract_import(path, existing or {})
    return [str(p) for p in rejected.value.problems]


def test_a_good_file_plans_new_contracts(tmp_path: Path) -> None:
    plan = plan_contract_import(write_csv(tmp_path / "c.csv", GOOD), {})
    [contract] = plan.new
    assert contract.unit_price == Decimal("95.00") and contract.quantity == 250
    assert contract.end.isoformat() == "2026-12-31"


def test_semicolon_files_with_bom_decimal_comma_and_romanian_dates(tmp_path: Path) -> None:
    path = tmp_path / "ro.csv"
    path.write_text("\ufeff" + CSV_HEADER.replace(",", ";")
                    + "SEP-1;Protecție Endpoint;10;01.01.2025;31.12.2026;1.234,56;eur;;;;Timișoara\n",
                    encoding="utf-8")
    [contract] = plan_contract_import(path, {}).new
    assert contract.unit_price == Decimal("1234.56")
    assert contract.currency == "EUR"
    assert contract.start.isoformat() == "2025-01-01"
    assert contract.product == "Protecție Endpoint"


def test_every_error_is_listed_with_file_line_and_column(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        GOOD,
        "X-2,,0,2025-01-01,2024-12-31,-5,XYZ,,,,",
        "X-3,Backup Exec,1.5,,01/02/2027,10,RON,,,,",
        "X-4,Backup Exec,2,,2027-02-30,1e3,RON,,,,",
        "SEP-1,Endpoint Protection,1,,2027-01-01,1,RON,,,,",
    )
    problems = problems_of(path)
    name = str(path)
    assert f"{name}:3: product: is required" in problems
    assert f"{name}:3: quantity: must be at least 1" in problems
    assert f"{name}:3: unit_price: must not be negative" in problems
    assert any(p.startswith(f"{name}:3: currency: unknown currency 'XYZ'") for p in problems)
    assert any(p.startswith(f"{name}:4: quantity:") for p in problems)
    assert any(p.startswith(f"{name}:4: end: '01/02/2027' is ambiguous") for p in problems)
    assert any(p.startswith(f"{name}:5: end: '2027-02-30' is not a real date") for p in problems)
    assert any(p.startswith(f"{name}:5: unit_price:") for p in problems)
    assert f"{name}:6: id: 'SEP-1' is also on line 2" in problems


def test_a_repeated_id_is_reported_even_when_its_row_has_other_errors(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "dup.csv", GOOD, "SEP-1,,0,,2027-02-30,1,XYZ,,,,")
    problems = problems_of(path)
    name = str(path)
    assert f"{name}:3: product: is required" in problems
    assert any(p.startswith(f"{name}:3: currency: unknown currency 'XYZ'") for p in problems)
    assert f"{name}:3: id: 'SEP-1' is also on line 2" in problems


def test_end_before_start_is_refused(tmp_path: Path) -> None:
    problems = problems_of(write_csv(tmp_path / "c.csv", "A,P,1,2026-01-02,2026-01-01,1,RON,,,,"))
    assert problems == [f"{tmp_path / 'c.csv'}:2: end: end is before start (2026-01-02)"]


def test_unknown_and_missing_columns_are_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", "A,P,1,2027-01-01,1", header="id,product,licenses,end,unit_price\n")
    problems = problems_of(path)
    assert any(": licenses: unknown column" in p for p in problems)
    assert any(": quantity: required column is missing" in p for p in problems)
    assert any(": currency: required column is missing" in p for p in problems)


def test_a_decimal_comma_in_a_comma_file_is_explained(tmp_path: Path) -> None:
    problems = problems_of(write_csv(tmp_path / "c.csv", 'A,P,1,,2027-01-01,"12,50",RON,,,,'))
    assert "decimal comma" in problems[0]


def test_existing_contracts_are_updated_and_columns_left_out_are_kept(tmp_path: Path, today) -> None:
    repository = ContractRepository(Store(tmp_path / "db.json"))
    plan = plan_contract_import(write_csv(tmp_path / "c.csv", GOOD), {})
    repository.save_many(plan.new, [], today)
    path = write_csv(tmp_path / "u.csv", "SEP-1,Endpoint Protection,300,2027-12-31,95.00,RON",
                     header="id,product,quantity,end,unit_price,currency\n")
    existing = {c.id: c for c in repository.all()}
    plan = plan_contract_import(path, existing)
    [(old, new)] = plan.changed
    assert new.notes == "HQ" and new.certificate == "LC-1"
    assert {c.field for c in old.changes_to(new)} == {"quantity", "end"}


def test_export_then_import_changes_nothing(tmp_path: Path, today) -> None:
    repository = ContractRepository(Store(tmp_path / "db.json"))
    rows = [GOOD, 'Q-2,"Backup Exec, ""server""",3,,2027-06-30,410.5,EUR,,,,"two\nlines"']
    repository.save_many(plan_contract_import(write_csv(tmp_path / "c.csv", *rows), {}).new, [], today)
    out = io.StringIO()
    write_contracts_csv(sorted(repository.all(), key=lambda c: c.id), out)
    exported = tmp_path / "export.csv"
    exported.write_text(out.getvalue(), encoding="utf-8")
    plan = plan_contract_import(exported, {c.id: c for c in repository.all()})
    assert (plan.new, plan.changed, plan.unchanged) == ([], [], 2)


def test_json_export_has_csv_keys_string_prices_and_history(tmp_path: Path, today) -> None:
    repository = ContractRepository(Store(tmp_path / "db.json"))
    [stored] = repository.save_many(plan_contract_import(write_csv(tmp_path / "c.csv", GOOD), {}).new, [], today)
    repository.update(replace(stored, quantity=260), today, base_revision=stored.revision)
    out = io.StringIO()
    write_contracts_json(repository.all(), out)
    [item] = json.loads(out.getvalue())
    assert item["unit_price"] == "95.00" and item["end"] == "2026-12-31" and item["quantity"] == 260
    assert item["history"][-1]["changes"] == [{"field": "quantity", "old": "250", "new": "260"}]


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes((CSV_HEADER + "A,Protecţie,1,,2027-01-01,1,RON,,,,\n").encode("cp1250"))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:2: file: not UTF-8 text. Save it as UTF-8")
