"""An exclusive inter-process lock on a sidecar file, re-entrant inside one process."""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class FileLock:
    """`fcntl.flock` on `<db>.lock`.

    The lock file also carries a write counter that every committed write
    bumps: together with the data file's stat it tells a reader that the data
    changed even when a new file happens to reuse an inode, size and mtime.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._depth = 0
        self._thread_lock = threading.RLock()

    def __enter__(self) -> FileLock:
        self._thread_lock.acquire()
        try:
            if self._depth == 0:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                fcntl.flock(self._fd, fcntl.LOCK_EX)
            self._depth += 1
        except BaseException:
            if self._fd is not None and self._depth == 0:
                os.close(self._fd)
                self._fd = None
            self._thread_lock.release()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self._depth -= 1
            if self._depth == 0 and self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
                self._fd = None
        finally:
            self._thread_lock.release()

    @property
    def held(self) -> bool:
        return self._depth > 0

    def read_counter(self) -> int:
        """The write counter (0 when there is no lock file yet)."""
        return read_counter(self.path)

    def bump_counter(self) -> None:
        """Increment the counter; only while the lock is held."""
        assert self._fd is not None, "bump_counter needs the lock"
        value = self.read_counter() + 1
        os.pwrite(self._fd, f"{value:<20d}".encode("ascii"), 0)


@contextmanager
def no_write_in_progress(path: Path) -> Iterator[None]:
    """Wait until no process is writing the data file at `path`, and keep writers out meanwhile (a shared
    `flock` on its lock file).  Reads need no lock (a write replaces the file whole); a monitoring check
    takes it to report the state after a write in progress, and to notice a lock that is never let go.
    Without a lock file (or one this process may not read) nobody is writing: nothing to wait for."""
    try:
        fd = os.open(lock_path(path), os.O_RDONLY)
    except OSError:
        fd = None
    try:
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        if fd is not None:
            os.close(fd)  # lets go of the lock


def lock_path(path: Path) -> Path:
    """The lock file of the data file at `path`."""
    return path.with_name(path.name + ".lock")


def read_counter(path: Path) -> int:
    """The write counter in the lock file at `path` (0 when there is none yet)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(20)
    except FileNotFoundError:
        return 0
    try:
        return int(raw.decode("ascii").strip() or 0)
    except ValueError:
        return 0


def file_signature(path: Path) -> tuple[int, ...] | None:
    """What changes whenever the data file at `path` is written: its stat and the lock file's write
    counter (None when there is no file)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, read_counter(lock_path(path)))
