"""Faults on real files: a write that fails part-way (file size limit), restoring a backup."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import make_contract
from tui.cli import main
from tui.store.file.backups import backup_path
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.errors import StoreError
from tui.store.file.restore import list_backups, restore_backup

ROOT = Path(__file__).resolve().parents[2]


def test_a_write_that_hits_the_file_size_limit_leaves_the_old_file_and_says_so(db_path: Path, today) -> None:
    repository = ContractRepository(Store(db_path))
    repository.save_many([make_contract(f"C-{i}") for i in range(50)], [], today)
    before = db_path.read_bytes()
    script = textwrap.dedent(f"""
        import resource, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from datetime import date
        from tests.conftest import make_contract
        from tui.store.contracts import ContractRepository
        from tui.store.file.database import Store
        from tui.store.errors import WriteFailed
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # get EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, ({len(before) // 2}, {len(before) // 2}))
        repository = ContractRepository(Store({str(db_path)!r}))
        try:
            repository.add(make_contract("TOO-MUCH"), date(2026, 11, 27))
        except WriteFailed as error:
            print("refused:", error)
        print("still running, contracts:", len(repository.all()))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "refused: could not save" in result.stdout and "previous state" in result.stdout
    assert "still running, contracts: 50" in result.stdout
    assert db_path.read_bytes() == before
    assert not [p for p in db_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_restore_lists_backups_and_puts_one_back_keeping_the_damaged_file(db_path: Path, today) -> None:
    ContractRepository(Store(db_path)).add(make_contract("A"), today)
    ContractRepository(Store(db_path)).add(make_contract("B"), today)  # backup 1 holds A only
    db_path.write_text("{ damaged")
    [info] = list_backups(db_path)
    assert (info.number, info.contracts) == (1, 1)
    kept = restore_backup(db_path, 1)
    assert kept is not None and kept.read_text() == "{ damaged"
    assert [c.id for c in ContractRepository(Store(db_path)).all()] == ["A"]


def test_restore_refuses_a_missing_or_unreadable_backup(db_path: Path, today) -> None:
    ContractRepository(Store(db_path)).add(make_contract("A"), today)
    with pytest.raises(StoreError):
        restore_backup(db_path, 2)
    ContractRepository(Store(db_path)).add(make_contract("B"), today)
    backup_path(db_path, 1).write_text("")
    with pytest.raises(StoreError, match="unreadable"):
        restore_backup(db_path, 1)


def test_the_command_line_points_a_damaged_file_to_restore(capsys, db_path: Path, today) -> None:
    ContractRepository(Store(db_path)).add(make_contract("A"), today)
    ContractRepository(Store(db_path)).add(make_contract("B"), today)
    db_path.write_text("not json")
    assert main(["due", "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "renewals restore" in err
    assert main(["restore", "--db", str(db_path)]) == 0
    assert "/renewals.json.bak1" in capsys.readouterr().out
    assert main(["restore", "1", "--db", str(db_path)]) == 0
    assert main(["due", "--db", str(db_path), "--today", "2026-11-27"]) == 0


def test_a_read_only_database_opens_read_only_and_refuses_writes(tmp_path: Path, today) -> None:
    """Run as an unprivileged user (root ignores file permissions) on a file it may only read."""
    import os
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="renewals-ro-"))
    folder.chmod(0o755)
    db = folder / "ro.json"
    ContractRepository(Store(db)).add(make_contract("A"), today)
    db.chmod(0o444)
    folder.chmod(0o555)
    before = db.read_bytes()
    drop = "os.setgid(65534); os.setuid(65534)" if os.geteuid() == 0 else "pass"
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from datetime import date
        from tests.conftest import make_contract
        from tui.store.contracts import ContractRepository
        from tui.store.file.database import Store
        from tui.store.errors import WriteFailed
        from tui.store.first_screen import remember_first_screen
        {drop}  # after the imports: the interpreter's own files may be private to root
        store = Store({str(db)!r})
        print("read_only:", store.read_only, "contracts:", len(ContractRepository(store).all()))
        try:
            ContractRepository(store).add(make_contract("B"), date(2026, 11, 27))
        except WriteFailed as error:
            print("refused:", error)
        print("glance written:", remember_first_screen(store))
    """)
    try:
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                                cwd="/")
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert "read_only: True contracts: 1" in result.stdout
    assert "refused:" in result.stdout and "read-only" in result.stdout
    assert "glance written: False" in result.stdout and not (folder / "ro.json.glance").exists()
    assert db.read_bytes() == before
