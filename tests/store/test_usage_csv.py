"""Usage import: every problem located as FILE:LINE: column: message, nothing half-imported."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from tui.domain.usage import UsageSample
from tui.store.transfer.csv_reader import CsvRejected
from tui.store.transfer.usage_csv import plan_usage_import, write_usage_csv, write_usage_json

TODAY = date(2026, 11, 27)
KNOWN = ["Endpoint Protection", "Backup Exec"]
HEADER = "product,date,in_use\n"


def write(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def problems_of(path: Path, **options) -> list[str]:
    with pytest.raises(CsvRejected) as rejected:
        plan_usage_import(path, {}, KNOWN, today=TODAY, name="u.csv", **options)
    return [str(p) for p in rejected.value.problems]


def test_a_good_file_plans_samples_with_the_known_spelling(tmp_path: Path) -> None:
    path = write(tmp_path / "u.csv", "endpoint protection,2026-10-14,400", "Backup Exec,01.11.2026,18")
    plan = plan_usage_import(path, {}, KNOWN, today=TODAY)
    assert plan.new == [UsageSample("Endpoint Protection", date(2026, 10, 14), 400),
                        UsageSample("Backup Exec", date(2026, 11, 1), 18)]
    assert plan.describe()[-1] == "2 new samples, 0 replaced, 0 unchanged"


def test_every_bad_row_is_reported_with_its_line_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path / "u.csv",
        "Endpoint Protection,2026-10-14,400",
        "Unknown Suite,2026-10-14,4",
        "Backup Exec,2026-10-14,-3",
        "Backup Exec,2026-10-15,2.5",
        "Backup Exec,2026-11-28,3",
        "Backup Exec,10/11/2026,3",
        ",2026-10-14,3",
        "ENDPOINT PROTECTION,2026-10-14,401",
    )
    problems = problems_of(path)
    assert problems[0] == ("u.csv:3: product: unknown product 'Unknown Suite' (no contract or usage has it; "
                           "--allow-new-product adds it)")
    assert problems[1] == "u.csv:4: in_use: must not be negative"
    assert problems[2] == "u.csv:5: in_use: '2.5' is not a whole number"
    assert problems[3] == "u.csv:6: date: is in the future (after 2026-11-27)"
    assert problems[4].startswith("u.csv:7: date: '10/11/2026' is ambiguous")
    assert problems[5] == "u.csv:8: product: is required"
    assert problems[6] == "u.csv:9: date: Endpoint Protection on 2026-10-14 is also on line 2"
    assert len(problems) == 7


def test_header_problems_stop_before_the_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "u.csv", "Backup Exec,2026-10-14", header="product,date\n")
    assert problems_of(path) == ["u.csv:1: in_use: required column is missing"]


def test_new_products_only_when_allowed_spelled_once(tmp_path: Path) -> None:
    path = write(tmp_path / "u.csv", "Vault Suite,2026-10-14,4", "VAULT suite,2026-10-15,5")
    assert len(problems_of(path)) == 2
    plan = plan_usage_import(path, {}, KNOWN, today=TODAY, allow_new_products=True)
    assert [s.product for s in plan.new] == ["Vault Suite", "Vault Suite"]
    assert plan.describe()[0] == "+ new product: Vault Suite"


def test_a_row_for_a_stored_day_replaces_it_and_says_so(tmp_path: Path) -> None:
    stored = UsageSample("Backup Exec", date(2026, 10, 14), 18)
    same = UsageSample("Backup Exec", date(2026, 10, 15), 19)
    existing = {(s.product, s.on): s for s in (stored, same)}
    path = write(tmp_path / "u.csv", "Backup Exec,2026-10-14,20", "Backup Exec,2026-10-15,19")
    plan = plan_usage_import(path, existing, KNOWN, today=TODAY)
    assert plan.changed == [(stored, UsageSample("Backup Exec", date(2026, 10, 14), 20))]
    assert plan.unchanged == 1 and plan.new == []
    assert "~ Backup Exec 2026-10-14: in use 18 → 20 (replaces the stored sample)" in plan.describe()


def test_export_writes_the_import_columns(tmp_path: Path) -> None:
    samples = [UsageSample("Backup Exec", date(2026, 10, 14), 18)]
    csv_out, json_out = io.StringIO(), io.StringIO()
    write_usage_csv(samples, csv_out)
    write_usage_json(samples, json_out)
    assert csv_out.getvalue() == "product,date,in_use\nBackup Exec,2026-10-14,18\n"
    assert json.loads(json_out.getvalue()) == [{"product": "Backup Exec", "date": "2026-10-14", "in_use": 18}]
    assert plan_usage_import(write(tmp_path / "back.csv", "Backup Exec,2026-10-14,18"), {}, KNOWN,
                             today=TODAY).new == samples
