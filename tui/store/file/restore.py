"""Listing the backups of a data file and putting one back, keeping the damaged file aside."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.i18n import _
from tui.store.file.atomic import atomic_write
from tui.store.file.backups import existing_backups
from tui.store.errors import DatabaseRefused, StoreError
from tui.store.file.locking import FileLock
from tui.store.file.file_format import parse_database


@dataclass(frozen=True)
class BackupInfo:
    number: int
    path: Path
    saved: datetime  # the backup file's modification time (when it was taken)
    contracts: int | None  # None when the backup itself is unreadable
    problem: str = ""


def list_backups(path: Path) -> list[BackupInfo]:
    infos = []
    for backup in existing_backups(path):
        number = int(backup.name.rsplit(".bak", 1)[1])
        saved = datetime.fromtimestamp(backup.stat().st_mtime)
        try:
            data = parse_database(backup, backup.read_bytes())
            infos.append(BackupInfo(number, backup, saved, len(data.get("contracts", {}))))
        except DatabaseRefused as refused:
            infos.append(BackupInfo(number, backup, saved, None, refused.problem))
    return infos


def aside_path(path: Path) -> Path:
    """A free name for the file being replaced: `renewals.json.damaged1`, `…damaged2`, …"""
    number = 1
    while (candidate := path.with_name(f"{path.name}.damaged{number}")).exists():
        number += 1
    return candidate


def restore_backup(path: Path, number: int) -> Path | None:
    """Replace `path` by backup `number` (atomically, under the write lock); return where the old file went."""
    chosen = next((b for b in list_backups(path) if b.number == number), None)
    if chosen is None:
        raise StoreError(_("there is no backup {number} of {path}").format(number=number, path=path))
    if chosen.contracts is None:
        raise StoreError(_("backup {number} is unreadable too: {problem}").format(number=number, problem=chosen.problem))
    with FileLock(path.with_name(path.name + ".lock")) as lock:
        kept = None
        if path.exists():
            kept = aside_path(path)
            shutil.copy2(path, kept)
        atomic_write(path, chosen.path.read_bytes())
        lock.bump_counter()
    os.utime(path)
    return kept
