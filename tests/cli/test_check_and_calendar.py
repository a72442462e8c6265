"""`renewals check` (monitoring-plugin convention) and `renewals calendar` (RFC 5545, parsed back)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import make_contract
from tui.cli import main
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.demo import create_demo_database
from tui.store.settings import SettingsRepository
from tui.domain.settings import Settings

TODAY = date(2026, 11, 27)


def db_with(tmp_path: Path, *ends: date) -> Path:
    path = tmp_path / "db.json"
    repository = ContractRepository(Store(path))
    for number, end in enumerate(ends):
        repository.add(make_contract(f"C-{number}", end=end), TODAY)
    return path


def check(capsys, path: Path, *extra: str) -> tuple[int, str]:
    status = main(["check", "--db", str(path), "--today", TODAY.isoformat(), *extra])
    return status, capsys.readouterr().out


@pytest.mark.parametrize(("days", "state", "code"), [
    (200, "OK", 0), (60, "WARNING", 1), (20, "CRITICAL", 2), (-1, "CRITICAL", 2),
])
def test_each_state_has_its_line_and_exit_code(capsys, tmp_path: Path, days: int, state: str, code: int) -> None:
    status, out = check(capsys, db_with(tmp_path, TODAY + timedelta(days=days)))
    assert status == code
    assert out.startswith(f"RENEWALS {state} - ")
    assert out.count("\n") == 1
    assert " | expired=" in out


def test_perfdata_counts_expired_and_due(capsys, tmp_path: Path) -> None:
    path = db_with(tmp_path, TODAY - timedelta(days=3), TODAY + timedelta(days=10), TODAY + timedelta(days=70),
                   TODAY + timedelta(days=400))
    status, out = check(capsys, path)
    assert status == 2
    perf = out.split(" | ")[1].split()
    assert perf == ["expired=1;;0;0", "due_critical=1;;0;0", "due_warning=1;0;;0", "contracts=4;;;0"]
    assert "C-0" in out and "1 expired" in out


def test_thresholds_are_options(capsys, tmp_path: Path) -> None:
    path = db_with(tmp_path, TODAY + timedelta(days=20))
    assert check(capsys, path, "--warning", "30", "--critical", "10")[0] == 1
    assert check(capsys, path, "--warning", "10", "--critical", "5")[0] == 0


def test_the_warning_threshold_defaults_to_the_notice_window(capsys, tmp_path: Path) -> None:
    path = db_with(tmp_path, TODAY + timedelta(days=75))
    assert check(capsys, path)[0] == 1  # the default notice window: 90 days
    SettingsRepository(Store(path)).save(Settings(notice_days=60))
    status, out = check(capsys, path)
    assert status == 0 and "none ending within 60 days" in out
    assert check(capsys, path, "--warning", "90")[0] == 1


def test_missing_or_damaged_database_is_unknown(capsys, tmp_path: Path) -> None:
    status, out = check(capsys, tmp_path / "missing.json")
    assert status == 3 and out.startswith(f"RENEWALS UNKNOWN - {tmp_path / 'missing.json'}: no such data file")
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{")
    status, out = check(capsys, damaged)
    assert status == 3 and "not valid JSON" in out
    assert damaged.read_text() == "{"


def test_calendar_is_valid_icalendar_with_events_alarms_and_stable_uids(capsys, tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    create_demo_database(path, TODAY).close()
    assert main(["calendar", "--db", str(path), "--today", TODAY.isoformat(), "--alarm", "60,30,7"]) == 0
    first = capsys.readouterr().out
    calendar = Calendar.from_ical(first)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 25
    event = next(e for e in events if "SEP-2021-0417" in str(e["summary"]))
    assert event.decoded("dtstart") == date(2026, 10, 18)
    assert event.decoded("dtend") == date(2026, 10, 19)
    triggers = sorted(a.decoded("trigger") for a in event.walk("VALARM"))
    assert triggers == [timedelta(days=-60), timedelta(days=-30), timedelta(days=-7)]
    assert len({str(e["uid"]) for e in events}) == 25

    main(["calendar", "--db", str(path), "--today", TODAY.isoformat(), "--alarm", "60,30,7"])
    again = capsys.readouterr().out
    assert again == first  # same data, same file: re-importing updates instead of duplicating


def test_a_changed_contract_keeps_its_uid_and_raises_its_sequence(capsys, tmp_path: Path) -> None:
    from dataclasses import replace

    path = db_with(tmp_path, TODAY + timedelta(days=40))
    main(["calendar", "--db", str(path), "--today", TODAY.isoformat()])
    before = next(iter(Calendar.from_ical(capsys.readouterr().out).walk("VEVENT")))
    repository = ContractRepository(Store(path))
    contract = repository.get("C-0")
    repository.update(replace(contract, end=contract.end + timedelta(days=365)), TODAY, base_revision=contract.revision)
    main(["calendar", "--db", str(path), "--today", TODAY.isoformat()])
    after = next(iter(Calendar.from_ical(capsys.readouterr().out).walk("VEVENT")))
    assert str(after["uid"]) == str(before["uid"])
    assert int(after["sequence"]) > int(before["sequence"])


def test_a_calendar_with_no_contracts_is_still_a_valid_one(capsys, tmp_path: Path) -> None:
    """RFC 5545 wants a component in every VCALENDAR: an unused UTC time zone, which shows nothing."""
    path = tmp_path / "empty.json"
    Store(path).create()
    assert main(["calendar", "--db", str(path), "--today", TODAY.isoformat()]) == 0
    calendar = Calendar.from_ical(capsys.readouterr().out)
    assert list(calendar.walk("VEVENT")) == []
    assert [component.name for component in calendar.subcomponents] == ["VTIMEZONE"]
    assert str(calendar.subcomponents[0]["tzid"]) == "UTC"
