"""`renewals coterm` and `renewals export renewals`, run in-process on real files."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.cli.run_cli import run
from tests.conftest import TODAY, make_contract
from tui.cli import main
from tui.domain.renewal import new_renewal
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.renewals import RenewalRepository
from tui.store.settings import SettingsRepository
from tui.domain.settings import Settings

DAY = TODAY.isoformat()


@pytest.fixture
def db(db_path: Path) -> Path:
    store = Store(db_path)
    ContractRepository(store).save_many([
        make_contract("C-1", product="Endpoint", quantity=50, unit_price=Decimal("20.00"), end=date(2026, 3, 31)),
        make_contract("C-2", product="Gateway", quantity=3, unit_price=Decimal("100.00"), currency="EUR",
                      end=date(2027, 1, 15)),
    ], [], TODAY, source="test")
    store.close()
    return db_path


def test_json_gives_each_line_and_the_totals_per_currency(capsys, db: Path) -> None:
    before = db.read_bytes()
    status, out, _ = run(capsys, "coterm", "--db", str(db), "--today", DAY, "--to", "2027-12-31", "C-1", "C-2",
                         "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["to"] == "2027-12-31"
    one, two = data["lines"]
    # The worked numbers of domain.md, plus the fee on 241 lapsed days at 25 %.
    assert one == {"id": "C-1", "product": "Endpoint", "quantity": 50, "end": "2026-03-31", "years": 1,
                   "days": 275, "amount": "1753.42", "reinstatement_fee": "165.07", "currency": "RON"}
    assert (two["years"], two["days"], two["reinstatement_fee"], two["currency"]) == (0, 350, "0.00", "EUR")
    assert two["amount"] == "287.67"  # 300 × 350/365
    assert data["totals"] == {"EUR": "287.67", "RON": "1918.49"}
    assert db.read_bytes() == before  # nothing saved


def test_uplift_and_fee_rate_are_percentages(capsys, db: Path) -> None:
    status, out, _ = run(capsys, "coterm", "--db", str(db), "--today", DAY, "--to", "2027-12-31", "C-1",
                         "--uplift", "10", "--fee-rate", "0", "--format", "json")
    assert status == 0
    (line,) = json.loads(out)["lines"]
    assert (line["amount"], line["reinstatement_fee"]) == ("1928.77", "0.00")


def test_text_names_the_method_and_prints_totals(capsys, db: Path) -> None:
    status, out, _ = run(capsys, "coterm", "--db", str(db), "--today", DAY, "--to", "2027-12-31", "C-1", "C-2")
    assert status == 0
    assert "whole years by anniversary" in out
    assert "1,753.42 RON" in out and "165.07 RON" in out
    assert "Total RON: 1,918.49 RON" in out and "Total EUR: 287.67 EUR" in out


@pytest.mark.parametrize(("argv", "message"), [
    (("--to", "2027-12-31", "C-1", "NOPE"), "unknown contract id: NOPE"),
    (("--to", "2026-12-31", "C-1", "C-2"), "contract C-2 ends on 2027-01-15"),
    (("2027-12-31", "C-1"), "--to YYYY-MM-DD is required (did you mean --to 2027-12-31?)"),
    (("--to", "C-1", "2027-12-31"), "--to: 'C-1' is not a date"),
    (("--to", "2027-12-31"), "name at least one contract id"),
    (("--to", "01/02/2027", "C-1"), "ambiguous"),
    (("--to", "2027-12-31", "C-1", "--uplift", "abc"), "--uplift: 'abc' is not a number"),
    (("--to", "2027-12-31", "C-1", "--format", "xml"), "--format must be text or json"),
    (("--to", "2027-12-31", "C-1", "--uplift"), "--uplift: expected one argument"),
    (("--to", "2026-03-31", "C-1"), "the co-term date T (2026-03-31) must be after today (2026-11-27)"),
    (("--to", DAY, "C-1"), "must be after today"),
])
def test_mistakes_exit_1_with_a_clear_message(capsys, db: Path, argv, message) -> None:
    before = db.read_bytes()
    try:
        status = main(["coterm", "--db", str(db), "--today", DAY, *argv])
    except SystemExit as exited:  # argparse's own checks (a missing value) exit through SystemExit
        status = exited.code
    out, err = capsys.readouterr()
    assert status == 1
    assert message in err and out == ""
    assert db.read_bytes() == before


def test_errors_follow_the_date_format(capsys, db: Path) -> None:
    SettingsRepository(Store(db)).save(Settings(date_format="ro"))
    status, _out, err = run(capsys, "coterm", "--db", str(db), "--today", DAY, "--to", "2026-12-31", "C-1", "C-2")
    assert status == 1 and "contract C-2 ends on 15.01.2027, after 31.12.2026" in err
    status, _out, err = run(capsys, "coterm", "--db", str(db), "--today", DAY, "--to", "2026-11-01", "C-1")
    assert status == 1 and "the co-term date T (01.11.2026) must be after today (27.11.2026)" in err


def test_export_renewals_as_json_and_csv(capsys, db: Path) -> None:
    store = Store(db)
    RenewalRepository(store).save(new_renewal(["C-1", "C-2"], TODAY, to=date(2027, 12, 31)), TODAY)
    store.close()
    status, out, _ = run(capsys, "export", "renewals", "--db", str(db), "--today", DAY)
    assert status == 0
    (record,) = json.loads(out)
    assert (record["id"], record["status"], record["contracts"], record["to"]) == (
        "R-0001", "draft", ["C-1", "C-2"], "2027-12-31")
    status, out, _ = run(capsys, "export", "renewals", "--format", "csv", "--db", str(db))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["renewal"], r["contract"], r["status"]) for r in rows] == [
        ("R-0001", "C-1", "draft"), ("R-0001", "C-2", "draft")]
