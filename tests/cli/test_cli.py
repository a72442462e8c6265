"""The `renewals` command line, run in-process through `main()` on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


from tests.cli.run_cli import run
from tests.conftest import write_csv
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store

TODAY = "2026-11-27"


def test_due_lists_expired_and_due_soonest_first_and_exits_1(capsys, demo_db: Path) -> None:
    status, out, _ = run(capsys, "due", "--db", str(demo_db), "--today", TODAY, "--format", "json")
    assert status == 1
    items = json.loads(out)
    assert [i["end"] for i in items] == sorted(i["end"] for i in items)
    assert {i["status"] for i in items} == {"expired", "due"}
    assert items[0]["days_left"] < 0 and all(i["days_left"] <= 90 for i in items)


def test_global_options_work_before_or_after_the_subcommand(capsys, demo_db: Path) -> None:
    after = run(capsys, "due", "--db", str(demo_db), "--today", TODAY, "--within", "30")
    before = run(capsys, "--db", str(demo_db), "--today", TODAY, "due", "--within", "30")
    assert after == before
    assert "EXPIRED" in after[1] and "DUE" in after[1]


def test_due_exits_0_when_nothing_is_due(capsys, tmp_path: Path) -> None:
    Store(tmp_path / "empty.json").create()
    status, out, _ = run(capsys, "due", "--db", str(tmp_path / "empty.json"), "--today", TODAY)
    assert status == 0 and "Nothing expired or due" in out


def test_due_csv_has_the_contract_columns_plus_status(capsys, demo_db: Path) -> None:
    _, out, _ = run(capsys, "due", "--db", str(demo_db), "--today", TODAY, "--format", "csv")
    header = out.splitlines()[0]
    assert header == "id,product,quantity,start,end,unit_price,currency,partner,certificate,order,notes,days_left,status"


def test_environment_supplies_the_database_and_today(capsys, demo_db: Path, monkeypatch) -> None:
    monkeypatch.setenv("RENEWALS_DB", str(demo_db))
    monkeypatch.setenv("RENEWALS_TODAY", "2020-01-01")
    status, out, _ = run(capsys, "due")
    assert status == 0  # in 2020 nothing of the demo is due yet


def test_import_dry_run_writes_nothing_then_import_writes(capsys, tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    csv_file = write_csv(tmp_path / "c.csv", "A-1,Backup Exec,3,,2027-01-31,410,RON,,,,")
    status, out, _ = run(capsys, "import", "contracts", str(csv_file), "--dry-run", "--db", str(db), "--today", TODAY)
    assert status == 0 and "+ A-1" in out and "1 new" in out
    assert not db.exists()
    status, out, _ = run(capsys, "--db", str(db), "import", "contracts", str(csv_file), "--today", TODAY)
    assert status == 0
    assert ContractRepository(Store(db)).get("A-1").quantity == 3


def test_a_bad_import_lists_every_error_and_writes_nothing(capsys, demo_db: Path) -> None:
    before = demo_db.read_bytes()
    csv_file = write_csv(demo_db.parent / "bad.csv", "A-1,Backup Exec,zero,,2027-01-31,410,RON,,,,",
                         "A-2,,3,,31/01/2027,410,RON,,,,")
    status, _, err = run(capsys, "import", "contracts", str(csv_file), "--db", str(demo_db))
    assert status == 1
    assert f"{csv_file}:2: quantity:" in err
    assert f"{csv_file}:3: product: is required" in err
    assert f"{csv_file}:3: end:" in err
    assert demo_db.read_bytes() == before


def test_an_unknown_partner_id_is_refused_naming_the_valid_choice(capsys, tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    csv_file = write_csv(tmp_path / "c.csv", "A-1,Backup Exec,3,,2027-01-31,410,RON,p9999,,,",
                         "A-2,Backup Exec,3,,2027-01-31,410,RON,p0001,,,")
    status, _, err = run(capsys, "import", "contracts", str(csv_file), "--db", str(db), "--today", TODAY)
    assert status == 1
    assert f"{csv_file}:2: partner: unknown partner 'p9999': use an id from the partner directory (p0001 … " in err
    assert ":3:" not in err and not db.exists()


def test_export_then_import_again_changes_nothing(capsys, demo_db: Path) -> None:
    _, exported, _ = run(capsys, "export", "contracts", "--db", str(demo_db))
    csv_file = demo_db.parent / "export.csv"
    csv_file.write_text(exported, encoding="utf-8")
    before = demo_db.read_bytes()
    status, out, _ = run(capsys, "import", "contracts", str(csv_file), "--db", str(demo_db), "--today", TODAY)
    assert status == 0 and "0 new, 0 changed, 25 unchanged" in out
    assert demo_db.read_bytes() == before


def test_a_damaged_file_gives_one_line_exit_2_and_stays_untouched(capsys, tmp_path: Path) -> None:
    db = tmp_path / "broken.json"
    db.write_bytes(b'{"meta": {"1": ')
    status, out, err = run(capsys, "due", "--db", str(db))
    assert status == 2
    assert err.count("\n") == 1 and str(db) in err and "not valid JSON" in err
    assert db.read_bytes() == b'{"meta": {"1": '


def test_a_bad_today_is_refused(capsys, tmp_path: Path) -> None:
    status, _, err = run(capsys, "due", "--db", str(tmp_path / "x.json"), "--today", "01/02/2027")
    assert status == 2 and "ambiguous" in err


def test_demo_never_touches_the_users_file(capsys, tmp_path: Path, monkeypatch) -> None:
    mine = tmp_path / "mine.json"
    monkeypatch.setenv("RENEWALS_DB", str(mine))
    status, out, _ = run(capsys, "--demo", "--today", TODAY, "due", "--format", "json")
    assert status == 1 and len(json.loads(out)) >= 5
    assert not mine.exists()


def test_python_dash_m_tui_is_the_same_command(demo_db: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "tui", "due", "--db", str(demo_db), "--today", TODAY,
                             "--within", "0"], capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert result.returncode == 1 and "SEP-2021-0417" in result.stdout
