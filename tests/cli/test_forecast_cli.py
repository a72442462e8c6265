"""`renewals forecast`, `renewals import usage` and `renewals export usage`, run in-process on real files."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from tests.cli.run_cli import run
from tui.store.file.database import Store
from tui.store.settings import SettingsRepository
from tui.store.usage import UsageRepository

TODAY = "2026-11-27"
JSON_KEYS = ["product", "method", "reason", "backtest_mae", "history", "forecast", "horizon", "owned",
             "owned_today", "latest_sample", "recommended", "to_buy", "surplus"]


def forecast_json(capsys, db: Path, *options: str) -> dict:
    status, out, err = run(capsys, "forecast", *options, "--db", str(db), "--today", TODAY, "--format", "json")
    assert status == 0, err
    return json.loads(out)


def test_json_has_exactly_the_documented_keys_and_shapes(capsys, demo_db: Path) -> None:
    data = forecast_json(capsys, demo_db, "Web Security Service", "--months", "6")
    assert list(data) == JSON_KEYS
    assert data["product"] == "Web Security Service" and data["method"] in ("linear", "holt")
    assert data["method"] in data["reason"] and isinstance(data["backtest_mae"], float)
    assert data["history"][-1] == {"month": "2026-10", "in_use": 531}
    assert len(data["history"]) == 36
    assert [p["month"] for p in data["forecast"]] == ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03",
                                                     "2027-04", "2027-05"]
    for point in data["forecast"]:
        assert list(point) == ["month", "expected", "lower80", "upper80", "lower95", "upper95"]
        assert point["lower95"] <= point["lower80"] <= point["expected"] <= point["upper80"] <= point["upper95"]
    last = data["forecast"][-1]
    assert data["recommended"] == -(-last["upper95"] // 1)
    assert data["to_buy"] == max(0, data["recommended"] - data["owned"])
    assert data["surplus"] == max(0, data["owned"] - data["recommended"])


def test_product_names_match_ignoring_case_and_diacritics(capsys, demo_db: Path) -> None:
    assert forecast_json(capsys, demo_db, "wEb secURITY sERVICE")["product"] == "Web Security Service"


def test_method_headroom_and_at_are_applied(capsys, demo_db: Path) -> None:
    data = forecast_json(capsys, demo_db, "Messaging Gateway", "--method", "headroom", "--headroom", "50",
                         "--at", "2027-05-06")
    assert data["method"] == "headroom" and data["backtest_mae"] is None
    peak = max(h["in_use"] for h in data["history"][-12:])
    assert data["recommended"] == -(-peak * 3 // 2)
    assert data["forecast"][-1]["month"] == "2027-05"


def test_text_output_names_the_advice_and_the_compliance_gap(capsys, demo_db: Path) -> None:
    status, out, _err = run(capsys, "forecast", "web security service", "--db", str(demo_db), "--today", TODAY)
    assert status == 0
    assert out.startswith("Web Security Service: forecast to 2027-11-27")
    assert "buy" in out and "back-test error" in out
    assert "WARNING: compliance gap — 531 in use in 2026-10 but only 510 owned today (21 over)" in out
    assert "Owned today: 510 · owned on 2027-11-27:" in out and "(recommended vs owned on 2027-11-27)" in out
    assert "usage data is" not in out  # the newest sample is recent


def test_owned_today_and_at_the_horizon_are_both_given_and_buy_compares_with_the_horizon(capsys, demo_db) -> None:
    data = forecast_json(capsys, demo_db, "Data Loss Prevention")
    assert (data["horizon"], data["owned_today"], data["owned"]) == ("2027-11-27", 240, 40)
    assert data["to_buy"] == data["recommended"] - 40


def test_old_usage_data_is_said_beside_the_forecast(capsys, demo_db: Path) -> None:
    later = "2027-04-27"  # the demo's newest samples are from October 2026
    status, out, _err = run(capsys, "forecast", "Web Security Service", "--db", str(demo_db), "--today", later)
    assert status == 0
    assert "WARNING: usage data is 6 months old (newest sample 2026-10-" in out
    status, out, _err = run(capsys, "forecast", "Web Security Service", "--db", str(demo_db), "--today", TODAY,
                            "--format", "json")
    assert json.loads(out)["latest_sample"].startswith("2026-10-")


@pytest.mark.parametrize(("argv", "status", "message"), [
    (["Nonexistent Suite"], 1, "unknown product 'Nonexistent Suite'"),
    (["Backup Exec", "--at", "2026-11-15"], 1, "the horizon 2026-11-15 is not after today (2026-11-27)"),
    (["Backup Exec", "--months", "0"], 2, "--months must be between 1 and 120"),
    (["Backup Exec", "--at", "31/12/2027"], 2, "--at: '31/12/2027' is ambiguous"),
    (["Backup Exec", "--headroom", "abc"], 2, "--headroom:"),
])
def test_errors_are_clear_and_set_the_exit_status(capsys, demo_db: Path, argv, status, message) -> None:
    code, out, err = run(capsys, "forecast", *argv, "--db", str(demo_db), "--today", TODAY)
    assert code == status and out == "" and message in err


def test_a_known_product_without_usage_is_an_error(capsys, tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    contracts = tmp_path / "c.csv"
    contracts.write_text("id,product,quantity,end,unit_price,currency\nC-1,Vault Suite,5,2027-12-31,10,RON\n")
    assert run(capsys, "import", "contracts", str(contracts), "--db", str(db), "--today", TODAY)[0] == 0
    status, _out, err = run(capsys, "forecast", "vault suite", "--db", str(db), "--today", TODAY)
    assert status == 1 and "no usage recorded for Vault Suite" in err


def test_import_usage_is_all_or_nothing_and_says_what_it_replaces(capsys, demo_db: Path, tmp_path: Path) -> None:
    before = demo_db.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("product,date,in_use\nBackup Exec,2026-11-20,20\nNew Suite,2026-11-20,3\n")
    status, _out, err = run(capsys, "import", "usage", str(bad), "--db", str(demo_db), "--today", TODAY)
    assert status == 1 and f"{bad}:3: product: unknown product 'New Suite'" in err
    assert "Nothing was imported (1 problem)." in err and demo_db.read_bytes() == before

    status, out, _err = run(capsys, "import", "usage", str(bad), "--allow-new-product", "--dry-run",
                            "--db", str(demo_db), "--today", TODAY)
    assert status == 0 and "+ new product: New Suite" in out and demo_db.read_bytes() == before

    good = tmp_path / "good.csv"
    good.write_text("product,date,in_use\nbackup exec,2026-10-23,30\nBackup Exec,2026-11-20,20\n")
    status, out, _err = run(capsys, "import", "usage", str(good), "--db", str(demo_db), "--today", TODAY)
    assert status == 0
    assert "~ Backup Exec 2026-10-23: in use 16 → 30 (replaces the stored sample)" in out
    assert "1 new samples, 1 replaced, 0 unchanged" in out
    usage = UsageRepository(Store(demo_db))
    assert [s.in_use for s in usage.samples("Backup Exec")[-2:]] == [30, 20]


def test_export_usage_round_trips_through_import(capsys, demo_db: Path, tmp_path: Path) -> None:
    status, out, _err = run(capsys, "export", "usage", "--db", str(demo_db), "--today", TODAY)
    assert status == 0 and out.startswith("product,date,in_use\n")
    exported = tmp_path / "usage.csv"
    exported.write_text(out)
    status, out, _err = run(capsys, "import", "usage", str(exported), "--db", str(tmp_path / "fresh.json"),
                            "--today", TODAY, "--allow-new-product")
    assert status == 0 and "930 new samples" in out
    status, out, _err = run(capsys, "export", "usage", "--format", "json", "--db", str(demo_db), "--today", TODAY)
    assert len(json.loads(out)) == 930


def test_the_default_headroom_is_the_one_in_the_settings(capsys, demo_db: Path) -> None:
    settings = SettingsRepository(Store(demo_db))
    settings.save(replace(settings.get(), headroom=Decimal("0.5")))
    data = forecast_json(capsys, demo_db, "Messaging Gateway", "--method", "headroom")
    peak = max(h["in_use"] for h in data["history"][-12:])
    assert data["recommended"] == -(-peak * 3 // 2) and "+ 50 %" in data["reason"]
