"""`--demo` works in a temporary folder that is removed when the process ends, unless a quote request
was written there (then it is kept, and the command line says where)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.conftest import TODAY
from tui.store.demo import create_temporary_demo, remove_demo_folder
from tui.store.transfer.quote_requests import default_folder, write_quote_request

ROOT = Path(__file__).resolve().parents[2]


def renewals(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TMPDIR": str(tmp_path), "RENEWALS_DB": str(tmp_path / "never.json")}
    return subprocess.run([sys.executable, "-m", "tui", *args], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_a_demo_command_leaves_no_folder_behind(tmp_path: Path) -> None:
    done = renewals(tmp_path, "--demo", "--today", TODAY.isoformat(), "due")
    assert done.returncode == 1 and "SEP-2021-0417" in done.stdout  # it did run on the demo data
    assert list(tmp_path.iterdir()) == []


def test_the_demo_folder_is_removed_without_a_quote_request(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    path = create_temporary_demo(TODAY)
    assert path.parent.parent == tmp_path and path.parent.name.startswith("renewals-demo-") and path.exists()
    assert remove_demo_folder(path.parent) is False
    assert list(tmp_path.iterdir()) == []


def test_a_demo_folder_holding_a_quote_request_is_kept(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    path = create_temporary_demo(TODAY)
    request = write_quote_request(default_folder(path), "R-1", "Quote request\n")
    assert remove_demo_folder(path.parent) is True
    assert request.read_text() == "Quote request\n"


def test_on_exit_the_command_line_says_where_the_kept_quote_requests_are(tmp_path: Path, monkeypatch,
                                                                        capsys) -> None:
    from tui.cli import remove_demo_on_exit

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    path = create_temporary_demo(TODAY)
    write_quote_request(default_folder(path), "R-1", "Quote request\n")
    remove_demo_on_exit(path.parent)
    assert capsys.readouterr().err == f"renewals: the demo's quote requests are kept in {default_folder(path)}\n"
    remove_demo_on_exit(tmp_path / "renewals-demo-gone")  # already removed: nothing to say
    assert capsys.readouterr().err == ""


def test_folders_of_demos_that_did_not_end_go_at_the_next_demo(tmp_path: Path, monkeypatch) -> None:
    from tui.store.demo import remove_orphaned_demos

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    orphan = tmp_path / f"renewals-demo-{gone.pid}-abc"
    kept_request = tmp_path / f"renewals-demo-{gone.pid}-def"
    running = tmp_path / f"renewals-demo-{os.getpid()}-ghi"
    older_name = tmp_path / "renewals-demo-xyz"  # named before folders carried their process id
    for folder in (orphan, kept_request, running, older_name):
        (folder / "demo.json").parent.mkdir()
        (folder / "demo.json").write_text("{}")
    write_quote_request(default_folder(kept_request / "demo.json"), "R-1", "Quote request\n")
    remove_orphaned_demos(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (kept_request, running, older_name))


def test_a_killed_demo_leaves_its_folder_only_until_the_next_one(tmp_path: Path) -> None:
    """A real process makes its demo and is killed (SIGKILL: no exit handler runs)."""
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    demo = subprocess.Popen(
        [sys.executable, "-c", "import sys, datetime; from tui.store.demo import create_temporary_demo; "
         "print(create_temporary_demo(datetime.date(2026, 11, 27)), flush=True); sys.stdin.read()"],
        env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    made = Path(demo.stdout.readline().strip())
    demo.kill()
    demo.wait(timeout=30)
    assert made.exists()
    done = renewals(tmp_path, "--demo", "--today", TODAY.isoformat(), "due")
    assert done.returncode == 1 and not made.parent.exists()
    assert list(tmp_path.iterdir()) == []
