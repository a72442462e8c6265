"""Rotating copies of the data file, taken before a process's first write."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

KEEP = 3


def backup_path(path: Path, number: int) -> Path:
    return path.with_name(f"{path.name}.bak{number}")


def existing_backups(path: Path) -> list[Path]:
    """Backups of `path`, newest first."""
    return [p for n in range(1, KEEP + 1) if (p := backup_path(path, n)).exists()]


def rotate_and_backup(path: Path) -> Path | None:
    """Keep the current file as `.bak1`, shifting older ones down; the oldest beyond KEEP is dropped.

    The copy is made first, so a failure (disk full) leaves the old backups as they were.
    """
    if not path.exists():
        return None
    newest = backup_path(path, 1)
    tmp = newest.with_name(newest.name + ".tmp")
    try:
        shutil.copy2(path, tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for number in range(KEEP - 1, 0, -1):
        older = backup_path(path, number)
        if older.exists():
            os.replace(older, backup_path(path, number + 1))
    os.replace(tmp, newest)
    return newest
