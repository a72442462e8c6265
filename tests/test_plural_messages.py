"""English messages with a count say "1 contract", not "1 contracts" (through ngettext)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from tests.cli.run_cli import run
from tests.conftest import TODAY, make_contract, write_csv
from tui.domain.monitoring import check_contracts
from tui.store.transfer.calendar_export import contracts_calendar
from tui.ui.overview.contract_detail import describe_contract


def test_the_check_counts_one_contract_in_the_singular() -> None:
    result = check_contracts([make_contract(end=TODAY + timedelta(days=400))], TODAY, warning_days=90,
                             critical_days=30)
    assert "1 contract, none ending within 90 days" in result.summary


def test_an_import_with_one_problem_says_problem(capsys, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", "C-1,Backup Exec,0,,2027-01-01,1,RON,,,,")
    status, _out, err = run(capsys, "import", "contracts", str(path), "--db", str(tmp_path / "d.json"))
    assert status == 1 and err.splitlines()[-1] == "Nothing was imported (1 problem)."


def test_the_detail_panel_says_one_day() -> None:
    left = describe_contract(make_contract(end=TODAY + timedelta(days=1)), TODAY, "", 90).plain
    ago = describe_contract(make_contract(end=TODAY - timedelta(days=1)), TODAY, "", 90).plain
    assert "1 day left" in left and "ended 1 day ago" in ago


def test_calendar_texts_count_one_licence_and_one_day() -> None:
    ics = contracts_calendar([make_contract(quantity=1)], date(2026, 7, 1), alarm_days=(1,))
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["description"]).startswith("1 licence of Backup Exec")
    [alarm] = event.walk("VALARM")
    assert str(alarm["description"]) == "C-1 ends in 1 day"
