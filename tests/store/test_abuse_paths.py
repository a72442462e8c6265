"""Paths people type (the data file, a quote-request folder, a file to import) with a `~name` that names
no user: taken as written, never a RuntimeError from Path.expanduser()."""

from __future__ import annotations

from pathlib import Path

from tui.cli import main
from tui.store.file.database import Store
from tui.store.file.paths import expand_home, resolve_db_path
from tui.store.transfer.quote_requests import request_folder, write_quote_request

NOBODY = "~no-such-user-abuse"


def test_a_tilde_naming_no_user_stays_as_typed(tmp_path: Path, monkeypatch) -> None:
    assert expand_home(f"{NOBODY}/x.json") == Path(f"{NOBODY}/x.json")
    assert expand_home("~/x.json") == Path.home() / "x.json"
    assert resolve_db_path(f"{NOBODY}/db.json") == Path(f"{NOBODY}/db.json")
    assert resolve_db_path(None, {"RENEWALS_DB": f"{NOBODY}/db.json"}) == Path(f"{NOBODY}/db.json")


def test_a_quote_request_folder_naming_no_user_is_next_to_the_data_file(tmp_path: Path) -> None:
    db = tmp_path / "renewals.json"
    folder = request_folder(f"{NOBODY}/requests", db)
    assert folder == tmp_path / NOBODY / "requests"
    written = write_quote_request(folder, "R-0001", "text")
    assert written.read_text(encoding="utf-8") == "text"


def test_the_command_line_takes_such_a_data_file(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    status = main(["due", "--db", f"{NOBODY}/db.json", "--today", "2026-11-27"])
    assert status == 2 and f"renewals: {NOBODY}/db.json: no such data file" in capsys.readouterr().err
    (tmp_path / NOBODY).mkdir()
    Store(tmp_path / NOBODY / "db.json").create()
    status = main(["due", "--db", f"{NOBODY}/db.json", "--today", "2026-11-27"])
    assert status == 0 and "Nothing expired or due" in capsys.readouterr().out
