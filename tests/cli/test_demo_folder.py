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
