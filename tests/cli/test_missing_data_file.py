"""A mistyped `--db`: the commands that only read refuse it instead of reporting "all clear"; the app and the
imports still make a new file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.run_cli import run, run_process
from tests.conftest import write_csv
from tui.store.contracts import ContractRepository
from tui.store.errors import NoDataFile
from tui.store.file.database import Store
from tui.store.file.paths import create_missing_data_file, default_db_path

TODAY = "2026-11-27"

READ_ONLY_COMMANDS = {
    "due": ["due"], "calendar": ["calendar"], "export contracts": ["export", "contracts"],
    "export partners": ["export", "partners"], "export usage": ["export", "usage"],
    "export renewals": ["export", "renewals"], "coterm": ["coterm", "SEP-2021-0417", "--to", "2027-12-31"],
    "forecast": ["forecast", "Endpoint Protection"], "partners": ["partners", "Brașov"],
    "budget": ["budget"], "budget --spend": ["budget", "--spend"], "export rates": ["export", "rates"],
}


@pytest.mark.parametrize("command", list(READ_ONLY_COMMANDS))
def test_a_missing_file_is_one_line_naming_it_and_how_to_create_it(capsys, tmp_path: Path, command: str) -> None:
    typo = tmp_path / "typo.json"
    status, out, err = run(capsys, *READ_ONLY_COMMANDS[command], "--db", str(typo), "--today", TODAY)
    assert status == 2 and out == ""
    assert err == (f"renewals: {typo}: no such data file; to create it, open the app (renewals --db {typo}) or "
                   f"import contracts (renewals import contracts FILE.csv --db {typo})\n")
    assert list(tmp_path.iterdir()) == []  # not even a lock file


@pytest.mark.parametrize("command", [*READ_ONLY_COMMANDS, "import contracts", "the app"])
def test_a_directory_is_refused_with_exit_2(capsys, tmp_path: Path, command: str) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    argv = {"import contracts": ["import", "contracts", str(write_csv(tmp_path / "c.csv"))], "the app": []}.get(
        command, READ_ONLY_COMMANDS.get(command))
    status, out, err = run(capsys, *argv, "--db", str(folder), "--today", TODAY)
    assert status == 2 and out == ""
    assert err == f"renewals: {folder}: is a directory, not a data file (name a file in it, e.g. {folder}/renewals.json)\n"
    assert list(folder.iterdir()) == []


def test_the_check_reports_a_missing_file_or_a_directory_as_unknown(capsys, tmp_path: Path) -> None:
    for path in (tmp_path / "typo.json", tmp_path):
        status, out, err = run(capsys, "check", "--db", str(path))
        assert status == 3 and err == ""
        assert out.startswith(f"RENEWALS UNKNOWN - {path}: ") and out.count("\n") == 1
    assert "no such data file; to create it" in run(capsys, "check", "--db", str(tmp_path / "typo.json"))[1]


def test_the_real_command_line_says_so_too(tmp_path: Path) -> None:
    """`due` exits 1 when contracts are due: a mistyped path must not look like that, nor like 0."""
    result = run_process("due", "--db", str(tmp_path / "typo.json"))
    assert result.returncode == 2 and result.stdout == b"" and b"no such data file" in result.stderr


def test_an_import_creates_the_file(capsys, tmp_path: Path) -> None:
    db = tmp_path / "new.json"
    csv_file = write_csv(tmp_path / "c.csv", "A-1,Backup Exec,3,,2027-01-31,410,RON,,,,")
    status, out, _err = run(capsys, "import", "contracts", str(csv_file), "--db", str(db), "--today", TODAY)
    assert status == 0 and f"Imported into {db}." in out
    assert ContractRepository(Store(db)).get("A-1").quantity == 3


def test_an_import_into_the_default_location_makes_its_folder(capsys, tmp_path: Path) -> None:
    csv_file = write_csv(tmp_path / "c.csv", "A-1,Backup Exec,3,,2027-01-31,410,RON,,,,")
    assert not default_db_path().parent.exists()
    status, _out, err = run(capsys, "import", "contracts", str(csv_file), "--today", TODAY)
    assert status == 0, err
    assert ContractRepository(Store(default_db_path())).get("A-1").quantity == 3


def test_the_app_creates_a_missing_file_an_empty_database(capsys, tmp_path: Path) -> None:
    db = tmp_path / "new.json"
    assert create_missing_data_file(db) is True
    assert ContractRepository(Store(db)).all() == []
    assert run(capsys, "due", "--db", str(db), "--today", TODAY)[:2] == (0, "Nothing expired or due within 90 days.\n")
    assert create_missing_data_file(db) is False  # there is one now


def test_the_app_makes_the_default_folder_but_never_a_folder_named_by_db(tmp_path: Path) -> None:
    assert create_missing_data_file(default_db_path()) is True
    assert default_db_path().is_file()
    typo = tmp_path / "typo-folder" / "renewals.json"
    with pytest.raises(NoDataFile, match="there is no folder"):
        create_missing_data_file(typo)
    assert not typo.parent.exists()


@pytest.mark.parametrize("command", ["import contracts", "the app"])
def test_a_missing_folder_is_named_instead_of_opening_read_only(capsys, tmp_path: Path, command: str) -> None:
    """Nothing could ever be saved there: say which folder is missing, before anything is checked or shown."""
    db = tmp_path / "no such folder" / "renewals.json"
    argv = {"import contracts": ["import", "contracts", str(write_csv(tmp_path / "c.csv"))], "the app": []}[command]
    status, out, err = run(capsys, *argv, "--db", str(db), "--today", TODAY)
    assert (status, out) == (2, "")
    assert err == (f"renewals: {db}: cannot be created: there is no folder {db.parent} (make it with "
                   f"mkdir -p '{db.parent}', or check --db and $RENEWALS_DB)\n")
    assert not db.parent.exists()
