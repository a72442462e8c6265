"""Where `renewals` meets the shell: a reader that goes away, a full disk, a closed stdout, a terminal that
is not UTF-8 — run as real processes, as a shell runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli.run_cli import ROOT, run_process
from tests.conftest import make_contract
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store

TODAY = "2026-11-27"

COMMANDS = {
    "due": ["due"], "due json": ["due", "--format", "json"], "export": ["export", "contracts"],
    "partners csv": ["partners", "--format", "csv"], "calendar": ["calendar"], "check": ["check"],
}


def stat_and_bytes(path: Path) -> tuple[int, bytes]:
    return path.stat().st_mtime_ns, path.read_bytes()


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_reader_that_went_away_stops_the_command_quietly(demo_db: Path, command: str) -> None:
    """`renewals … | head -1`: head closes the pipe; here the reading end is closed before anything is
    written, so every run meets the closed pipe."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        result = run_process(*COMMANDS[command], "--db", str(demo_db), "--today", TODAY, stdout=writing)
    finally:
        os.close(writing)
    assert (result.returncode, result.stderr) == (141, b"")


def test_head_dash_1_in_a_shell_pipeline_prints_one_line_and_no_message(demo_db: Path) -> None:
    result = subprocess.run(
        ["sh", "-c", '"$@" | head -1', "sh", sys.executable, "-m", "tui", "partners", "--format", "json",
         "--db", str(demo_db)], capture_output=True, cwd=ROOT, timeout=120)
    assert (result.stdout, result.stderr) == (b"[\n", b"")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_full_disk_names_standard_output_and_leaves_the_data_file_alone(demo_db: Path, command: str) -> None:
    before = stat_and_bytes(demo_db)
    with open("/dev/full", "wb") as full:
        result = run_process(*COMMANDS[command], "--db", str(demo_db), "--today", TODAY, stdout=full)
    assert result.returncode == (3 if command == "check" else 1)
    assert result.stderr.decode() == "renewals: standard output: No space left on device\n"
    assert stat_and_bytes(demo_db) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_closed_stdout_is_a_message_not_a_traceback(demo_db: Path, command: str) -> None:
    before = stat_and_bytes(demo_db)
    result = subprocess.run(
        ["sh", "-c", '"$@" >&-', "sh", sys.executable, "-m", "tui", *COMMANDS[command], "--db", str(demo_db),
         "--today", TODAY], capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode == (3 if command == "check" else 1)
    assert result.stderr.decode() == "renewals: standard output: Bad file descriptor\n"
    assert stat_and_bytes(demo_db) == before


@pytest.fixture
def romanian_db(tmp_path: Path) -> Path:
    """Seven expired contracts (the check names five, then `…`), with Romanian letters Latin-1 lacks."""
    path = tmp_path / "ro.json"
    repository = ContractRepository(Store(path))
    for number in range(7):
        repository.add(make_contract(f"RO-{number}", product="Protecție Brașov", notes="ș — ț"),
                       date.fromisoformat(TODAY))
    return path


def latin1(*argv: str) -> subprocess.CompletedProcess[bytes]:
    return run_process(*argv, "--today", "2028-01-01", env={"PYTHONIOENCODING": "latin-1", "LC_ALL": "C"})


@pytest.mark.parametrize("arguments", [["export", "contracts"], ["due", "--format", "csv"]])
def test_csv_is_utf8_whatever_the_terminal(romanian_db: Path, arguments: list[str]) -> None:
    result = latin1(*arguments, "--db", str(romanian_db))
    assert result.stderr == b""
    assert "Protecție Brașov" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("arguments", [["export", "contracts", "--format", "json"], ["due", "--format", "json"]])
def test_json_is_utf8_whatever_the_terminal(romanian_db: Path, arguments: list[str]) -> None:
    result = latin1(*arguments, "--db", str(romanian_db))
    assert result.stderr == b""
    assert json.loads(result.stdout.decode("utf-8"))[0]["product"] == "Protecție Brașov"


def test_the_calendar_is_utf8_whatever_the_terminal(demo_db: Path, romanian_db: Path) -> None:
    for db in (demo_db, romanian_db):
        result = latin1("calendar", "--db", str(db))
        assert result.returncode == 0 and result.stderr == b""
        events = Calendar.from_ical(result.stdout.decode("utf-8")).walk("VEVENT")
        assert events
    assert any("Protecție Brașov" in str(event["summary"]) for event in events)


def test_text_for_people_is_encoded_for_the_terminal_with_replacements(romanian_db: Path) -> None:
    result = latin1("due", "--db", str(romanian_db))
    assert result.returncode == 1 and result.stderr == b""
    text = result.stdout.decode("latin-1")
    assert "Protec?ie Bra?ov" in text and "RO-6" in text


def test_the_check_line_is_encoded_for_the_terminal_and_keeps_its_exit_code(romanian_db: Path) -> None:
    result = latin1("check", "--db", str(romanian_db))
    assert result.returncode == 2 and result.stderr == b""
    assert result.stdout.decode("latin-1").startswith("RENEWALS CRITICAL - 7 expired (RO-0, RO-1, RO-2, RO-3, RO-4, ?)")


@pytest.fixture(scope="module")
def latin1_locale(tmp_path_factory) -> dict[str, str]:
    """A real Latin-1 locale (`LC_ALL=en_US.ISO-8859-1`), generated for the test: Python then takes the
    terminal's encoding from the locale, as on a server set up that way."""
    folder = tmp_path_factory.mktemp("locales")
    try:
        made = subprocess.run(["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(folder / "en_US.ISO-8859-1")],
                              capture_output=True, timeout=120)
    except FileNotFoundError:
        pytest.skip("no localedef on this machine")
    if made.returncode != 0:
        pytest.skip(f"cannot generate a Latin-1 locale: {made.stderr.decode(errors='replace')}")
    return {"LOCPATH": str(folder), "LC_ALL": "en_US.ISO-8859-1", "PYTHONIOENCODING": "", "PYTHONUTF8": "0"}


def test_in_a_generated_latin1_locale_nothing_crashes(latin1_locale: dict[str, str], demo_db: Path,
                                                      romanian_db: Path) -> None:
    calendar = run_process("calendar", "--db", str(demo_db), "--today", TODAY, env=latin1_locale)
    assert calendar.returncode == 0 and calendar.stderr == b""
    assert "—" in calendar.stdout.decode("utf-8")  # the demo's summaries, as UTF-8
    due = run_process("due", "--db", str(romanian_db), "--today", "2028-01-01", env=latin1_locale)
    assert due.returncode == 1 and due.stderr == b"" and "Protec?ie Bra?ov" in due.stdout.decode("latin-1")
    check = run_process("check", "--db", str(romanian_db), "--today", "2028-01-01", env=latin1_locale)
    assert check.returncode == 2 and check.stderr == b"" and check.stdout.decode("latin-1").endswith(";;;0\n")
