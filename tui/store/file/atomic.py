"""Crash-safe replacement of a file's whole content."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


TMP_SUFFIX = ".tmp"


def atomic_write(path: Path, data: bytes | Iterable[bytes], *, suffix: str = TMP_SUFFIX, mode: int | None = None,
                 durable: bool = True) -> os.stat_result:
    """Replace `path` with `data` (bytes, or pieces written one after another: a 5 MB file need not be
    joined into one first) so that a kill at any instant leaves the old or the new file.

    The bytes go to a temporary file in the same directory (same filesystem,
    so the rename is atomic), which is fsynced before `os.replace`; then the
    directory is fsynced so the rename itself survives a power cut.  Returns
    the new file's stat.  `durable=False` skips both fsyncs (for a cache that
    may be lost); `mode` defaults to the replaced file's; the temporary file is
    named `.<name>.<random><suffix>`.
    """
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=directory)
    try:
        with os.fdopen(fd, "wb") as tmp:
            if isinstance(data, (bytes, bytearray, memoryview)):
                tmp.write(data)
            else:
                tmp.writelines(data)
            if durable:
                tmp.flush()
                os.fsync(tmp.fileno())
        if mode is None and path.exists():
            mode = path.stat().st_mode & 0o777
        if mode is not None:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    if durable:
        fsync_directory(directory)
    return path.stat()


def remove_leftovers(path: Path) -> int:
    """Delete temporary files a killed writer left beside `path`; call only while holding the write lock.

    A temporary file exists only while its writer holds the lock, so under
    the lock any that remain belong to a process that died mid-write.
    """
    removed = 0
    for leftover in path.parent.glob(f".{path.name}.*{TMP_SUFFIX}"):
        try:
            leftover.unlink()
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def fsync_directory(directory: Path) -> None:
    dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
