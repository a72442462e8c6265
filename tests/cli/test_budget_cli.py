"""`renewals budget`, `renewals import rates` and `renewals export rates`, in-process on real files."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.cli.run_cli import run
from tests.budget_data import store_completed_renewal, worked_contracts
from tests.store.test_rate_files import BNR_DAY, ECB_DAYS, EXTERNAL_ENTITY, XML_BOMB, bnr, cube
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store

TODAY = "2026-12-06"
D = Decimal


@pytest.fixture
def db(db_path: Path) -> Path:
    """The worked contract of domain.md, one contract per currency of the worked rates, and one in GBP."""
    store = Store(db_path)
    ContractRepository(store).save_many(worked_contracts(), [], date(2026, 12, 6), source="test")
    store.close()
    return db_path


def budget(capsys, db: Path, *options: str) -> tuple[int, dict | str, str]:
    status, out, err = run(capsys, "budget", "--db", str(db), "--today", TODAY, *options)
    return status, (json.loads(out) if "json" in options and status == 0 else out), err


def import_rates(capsys, db: Path, path: Path, *options: str) -> tuple[int, str, str]:
    return run(capsys, "import", "rates", str(path), "--db", str(db), "--today", TODAY, *options)


def test_worked_numbers_through_the_json(capsys, db: Path, tmp_path: Path) -> None:
    rates = tmp_path / "nbrfxrates.xml"
    rates.write_text(BNR_DAY, encoding="utf-8")
    assert import_rates(capsys, db, rates)[0] == 0
    status, data, _err = budget(capsys, db, "--from", "2027-01-01", "--to", "2028-12-31", "--rise", "5",
                                "--by", "quarter", "--format", "json")
    assert status == 0
    assert list(data) == ["from", "to", "currency", "rise", "events", "totals", "converted_total", "missing_rates",
                          "rates", "periods"]
    assert (data["from"], data["to"], data["currency"], data["rise"]) == ("2027-01-01", "2028-12-31", "RON", "5")
    ron = [e for e in data["events"] if e["id"] == "C-RON"]
    assert ron == [
        {"date": "2027-03-31", "id": "C-RON", "product": "Backup Exec", "kind": "renewal", "amount": "1050.00",
         "currency": "RON", "converted": "1050.00"},
        {"date": "2028-03-31", "id": "C-RON", "product": "Backup Exec", "kind": "renewal", "amount": "1102.50",
         "currency": "RON", "converted": "1102.50"}]
    first = {e["id"]: e["converted"] for e in data["events"] if e["date"].startswith("2027")}
    # 1,000 EUR × 1.05 = 1,050 EUR = 5,223.75 RON; 10,500 HUF = 129.62 RON; 105 USD = 453.71 RON
    assert first == {"C-RON": "1050.00", "C-EUR": "5223.75", "C-HUF": "129.62", "C-USD": "453.71"}
    assert data["missing_rates"] == [] and data["converted_total"] == format(
        sum(D(e["converted"]) for e in data["events"]), ".2f")
    assert {r["currency"]: (r["rate"], r["date"], r["source"]) for r in data["rates"]} == {
        "EUR": ("4.975", "2026-12-04", "BNR"), "HUF": ("0.012345", "2026-12-04", "BNR"),
        "USD": ("4.321", "2026-12-04", "BNR")}
    assert [p["period"] for p in data["periods"]] == [f"{y}-Q{q}" for y in (2027, 2028) for q in (1, 2, 3, 4)]
    assert data["periods"][0] == {"period": "2027-Q1", "totals": {"RON": "1050.00"}, "converted": "1050.00"}


def test_without_rates_amounts_are_kept_listed_and_the_converted_total_withheld(capsys, db: Path) -> None:
    status, data, _err = budget(capsys, db, "--format", "json")
    assert status == 0 and (data["from"], data["to"]) == ("2026-12-06", "2027-12-05")
    assert data["converted_total"] is None and data["missing_rates"] == ["EUR", "HUF", "USD"]
    assert data["totals"] == {"EUR": "1000.00", "HUF": "10000.00", "RON": "1000.00", "USD": "100.00"}
    assert [e["converted"] for e in data["events"] if e["currency"] != "RON"] == [None, None, None]
    status, text, _err = budget(capsys, db)
    assert "No converted total: no rate into RON for EUR, HUF, USD" in text and "no rate" in text


def test_ecb_rates_convert_dollars_into_lei_through_the_euro(capsys, db: Path, tmp_path: Path) -> None:
    rates = tmp_path / "eurofxref-daily.xml"
    rates.write_text(ECB_DAYS, encoding="utf-8")
    assert import_rates(capsys, db, rates)[0] == 0
    status, data, _err = budget(capsys, db, "--currency", "ron", "--format", "json")
    usd = next(e for e in data["events"] if e["currency"] == "USD")
    assert usd["converted"] == "473.81" and data["missing_rates"] == ["HUF"]  # ECB has no HUF here
    status, data, _err = budget(capsys, db, "--currency", "EUR", "--format", "json")
    assert next(e for e in data["events"] if e["currency"] == "USD")["converted"] == "95.24"  # 100 / 1.05


def test_spend_counts_completed_renewals_by_year(capsys, db: Path) -> None:
    store_completed_renewal(db)
    status, data, _err = budget(capsys, db, "--spend", "--format", "json")
    assert status == 0 and data["from"] is None
    assert [(e["date"], e["id"], e["kind"], e["amount"]) for e in data["events"]] == [
        ("2026-03-02", "R-0001", "estimate", "753.42")]  # 2027-03-31 → 2027-12-31: 275 days
    assert data["periods"] == [{"period": "2026", "totals": {"RON": "753.42"}, "converted": "753.42"}]


@pytest.mark.parametrize(("options", "message"), [
    (("--from", "2027-02-01", "--to", "2027-01-31"), "ends (2027-01-31) before it starts"),
    (("--year", "2027", "--from", "2027-01-01", "--to", "2027-12-31"), "not --from and --to and --year"),
    (("--from", "2027-01-01"), "--from and --to go together"),
    (("--months", "2", "--year", "2027"), "not --year and --months"),
    (("--currency", "XYZ"), "unknown currency 'XYZ'"),
    (("--from", "2027-02-30", "--to", "2027-03-01"), "--from: '2027-02-30' is not a real date"),
    (("--months", "0"), "--months"),
    (("--rise", "lots"), "--rise"),
    (("--by", "week"), "--by must be month or quarter"),
])
def test_bad_budget_arguments_exit_1_with_a_message(capsys, db: Path, options, message: str) -> None:
    before = db.read_bytes()
    status, out, err = budget(capsys, db, *options)
    assert status == 1 and out == "" and message in err
    assert db.read_bytes() == before


@pytest.mark.parametrize(("text", "message"), [
    (XML_BOMB, "!ENTITY: entity declarations are refused"),
    (EXTERNAL_ENTITY, "!ENTITY: entity declarations are refused"),
    (bnr(cube("2026-12-04", '<Rate currency="HUF" multiplier="-100">1.2345</Rate>')),
     ":6: Rate@multiplier: '-100' is not a positive whole number"),
    (bnr(cube("2026-12-05", '<Rate currency="EUR">4,97</Rate>')), ":6: Rate: '4,97' is not a number"),
    ("date,base,currency,rate\n2026-12-07,RON,EUR,4.97\n", ":2: date: 2026-12-07 is after today"),
    ("date,base,currency,rate\n2026-12-01,RON,EUR,4.97\n2026-12-01,RON,EUR,4.98\n", ":3: date:"),
    ("date,base,currency,rate\n2026-12-01,RON,ABC,4.97\n", ":2: currency: unknown currency 'ABC'"),
    ("date,base,currency,rate\n2026-12-01,RON,EUR,-1\n", ":2: rate:"),
    ("just some text\n", "unknown column"),
])
def test_a_bad_rates_file_is_refused_whole_and_changes_nothing(capsys, db: Path, tmp_path: Path, text: str,
                                                               message: str) -> None:
    good = tmp_path / "good.csv"
    good.write_text("date,base,currency,rate\n2026-12-01,RON,GBP,5.77\n", encoding="utf-8")
    assert import_rates(capsys, db, good)[0] == 0
    before = db.read_bytes()
    bad = tmp_path / "rates.file"
    bad.write_text(text, encoding="utf-8")
    status, _out, err = import_rates(capsys, db, bad)
    assert status == 1 and message in err and "Nothing was imported" in err
    assert db.read_bytes() == before


def test_dry_run_writes_nothing_and_an_export_imports_back_unchanged(capsys, db: Path, tmp_path: Path) -> None:
    rates = tmp_path / "nbrfxrates.xml"
    rates.write_text(BNR_DAY, encoding="utf-8")
    before = db.read_bytes()
    status, out, _err = import_rates(capsys, db, rates, "--dry-run")
    assert status == 0 and "BNR file: 3 new rates" in out and "skipped 1 rate of currencies" in out
    assert db.read_bytes() == before
    assert import_rates(capsys, db, rates)[0] == 0
    status, exported, _err = run(capsys, "export", "rates", "--db", str(db))
    assert exported.splitlines() == ["date,base,currency,rate,source", "2026-12-04,RON,EUR,4.9750,BNR",
                                     "2026-12-04,RON,HUF,0.012345,BNR", "2026-12-04,RON,USD,4.3210,BNR"]
    again = tmp_path / "exported.csv"
    again.write_text(exported, encoding="utf-8")
    status, out, _err = import_rates(capsys, db, again)
    assert status == 0 and "0 new rates, 0 replaced, 3 unchanged" in out
    status, as_json, _err = run(capsys, "export", "rates", "--db", str(db), "--format", "json")
    assert json.loads(as_json)[0] == {"date": "2026-12-04", "base": "RON", "currency": "EUR", "rate": "4.9750",
                                      "source": "BNR"}


def test_the_demo_has_a_converted_budget(capsys) -> None:
    status, out, _err = run(capsys, "--demo", "--today", TODAY, "budget", "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["missing_rates"] == [] and data["converted_total"] is not None
    assert {r["currency"] for r in data["rates"]} == {"EUR"} and "EUR" in data["totals"]
