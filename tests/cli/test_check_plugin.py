"""`renewals check` read as a monitoring system reads it: perfdata thresholds through an independent
range implementation (nagiosplugin), the plugin's exit codes for every way it can stop, and its timeout
against a real second process holding the data file's lock."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from nagiosplugin import Range

from tests.cli.run_cli import ROOT, run, run_process
from tests.conftest import make_contract
from tui import __version__
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store

TODAY = date(2026, 11, 27)


def db_with(path: Path, *ends: date, ids: list[str] | None = None) -> Path:
    store = Store(path)
    store.create()
    repository = ContractRepository(store)
    for number, end in enumerate(ends):
        repository.add(make_contract(ids[number] if ids else f"C-{number}", end=end), TODAY)
    return path


def state_from_perfdata(perfdata: str) -> int:
    """What a monitoring system derives from the performance data alone: CRITICAL when a value is
    outside its critical range, else WARNING when outside its warning range, else OK."""
    state = 0
    for item in perfdata.split():
        _label, _, values = item.partition("=")
        value, warn, crit = (values.split(";") + ["", ""])[:3]
        if crit and not Range(crit).match(float(value)):
            state = max(state, 2)
        elif warn and not Range(warn).match(float(value)):
            state = max(state, 1)
    return state


@pytest.mark.parametrize("days_left", [
    [], [400], [60], [60, 70, 80], [20], [0], [-1], [-5, -1, 10, 60], [-1, 400], [30], [31], [90], [91],
])
def test_the_perfdata_thresholds_mean_what_the_status_says(capsys, tmp_path: Path, days_left: list[int]) -> None:
    path = db_with(tmp_path / "db.json", *(TODAY + timedelta(days=d) for d in days_left))
    status, out, _err = run(capsys, "check", "--db", str(path), "--today", TODAY.isoformat())
    text, perfdata = out.rstrip("\n").split(" | ")
    assert state_from_perfdata(perfdata) == status, out
    assert text.startswith(f"RENEWALS {['OK', 'WARNING', 'CRITICAL'][status]} - ")


def test_a_pipe_or_line_break_in_an_id_stays_out_of_the_plugin_syntax(capsys, tmp_path: Path) -> None:
    path = db_with(tmp_path / "db.json", TODAY - timedelta(days=1), TODAY + timedelta(days=5),
                   ids=["X|Y", "A||B"])
    status, out, _err = run(capsys, "check", "--db", str(path), "--today", TODAY.isoformat())
    assert status == 2 and out.count("\n") == 1 and out.count("|") == 1, out
    text, perfdata = out.rstrip("\n").split(" | ")
    assert "X¦Y" in text and "A¦¦B" in text
    assert perfdata.startswith("expired=1;")


def test_a_pipe_in_the_data_files_path_stays_out_of_the_plugin_syntax(capsys, tmp_path: Path) -> None:
    status, out, _err = run(capsys, "check", "--db", str(tmp_path / "a|b\nc.json"))
    assert status == 3 and out.count("\n") == 1 and "|" not in out and "a¦b\\nc.json" in out


@pytest.mark.parametrize("arguments", [
    ["--bogus"], ["extra"], ["--warning", "x"], ["--warning"], ["--critical", "9" * 400], ["--today", "01/02/2027"],
    ["--today", "2027-02-30"], ["-t", "0"], ["-t", "-3"], ["--timeout", "soon"], ["-t", "nan"], ["-t", "inf"],
    ["--warning", "5", "--critical", "10"],
])
def test_every_argument_error_is_one_unknown_line_and_exit_3(capsys, demo_db: Path, arguments: list[str]) -> None:
    status, out, err = run(capsys, "check", "--db", str(demo_db), *arguments)
    assert status == 3
    assert out.startswith("RENEWALS UNKNOWN - ") and out.count("\n") == 1 and "|" not in out, out
    assert err == ""


def test_the_short_thresholds_are_the_monitoring_plugins_own(capsys, tmp_path: Path) -> None:
    """`-w`/`-c`, as every Monitoring Plugin takes them: a command definition written for those fits."""
    path = db_with(tmp_path / "db.json", TODAY + timedelta(days=20), TODAY + timedelta(days=50))
    today = ["--db", str(path), "--today", TODAY.isoformat()]
    assert run(capsys, "check", *today, "-w", "10", "-c", "5")[0] == 0
    assert run(capsys, "check", *today, "-w", "60", "-c", "5")[0] == 1
    short = run(capsys, "check", *today, "-w", "60", "-c", "30")
    assert short[0] == 2 and short == run(capsys, "check", *today, "--warning", "60", "--critical", "30")


def test_an_unknown_option_before_the_command_is_unknown_too(capsys, demo_db: Path) -> None:
    status, out, _err = run(capsys, "--bogus", "check", "--db", str(demo_db))
    assert status == 3 and out.startswith("RENEWALS UNKNOWN - unrecognized arguments: --bogus")


@pytest.mark.parametrize("option", ["-V", "--version"])
def test_version_is_an_unknown_line_with_the_version(capsys, demo_db: Path, option: str) -> None:
    status, out, _err = run(capsys, "check", option)
    assert (status, out) == (3, f"RENEWALS UNKNOWN - renewals {__version__}\n")


@pytest.mark.parametrize("option", ["-h", "--help"])
def test_help_prints_the_options(capsys, option: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "check", option)
    out = capsys.readouterr().out
    assert stopped.value.code == 0
    assert "-t SECONDS, --timeout SECONDS" in out and "(default 10)" in out and "-V, --version" in out


def test_the_real_command_line_exits_3_on_a_mistake(demo_db: Path) -> None:
    result = run_process("check", "--db", str(demo_db), "--warning")
    assert result.returncode == 3
    assert result.stdout.decode().startswith("RENEWALS UNKNOWN - argument -w/--warning: expected one argument")
    assert result.stderr == b""


def test_a_lock_held_longer_than_the_timeout_is_unknown_and_then_the_check_reads(tmp_path: Path) -> None:
    path = db_with(tmp_path / "db.json", TODAY - timedelta(days=1))
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom tui.store.file.database import Store\n"
         "with Store(sys.argv[1]).transaction():\n    print('locked', flush=True)\n    sys.stdin.read()\n",
         str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline() == "locked\n"  # the writer holds the lock (ends only if it died)
        result = run_process("check", "--db", str(path), "--today", TODAY.isoformat(), "-t", "1")
        assert result.returncode == 3
        assert result.stdout.decode() == (f"RENEWALS UNKNOWN - timed out after 1 s waiting for {path}.lock "
                                          "(another process is writing the data file)\n")
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    result = run_process("check", "--db", str(path), "--today", TODAY.isoformat(), "-t", "1")
    assert result.returncode == 2 and result.stdout.startswith(b"RENEWALS CRITICAL - 1 expired (C-0)")


def test_a_read_that_never_ends_is_unknown_after_the_timeout(tmp_path: Path) -> None:
    fifo = tmp_path / "stalled.json"  # opening a FIFO nobody writes waits forever, as a stalled NFS read
    os.mkfifo(fifo)
    result = run_process("check", "--db", str(fifo), "--timeout", "0.5")
    assert result.returncode == 3
    assert result.stdout.decode() == f"RENEWALS UNKNOWN - timed out after 0.5 s reading {fifo}\n"
