"""TinyDB storage that is atomic, locked, and does not re-parse an unchanged file.

TinyDB's own JSONStorage rewrites the file in place (a kill mid-write corrupts
it), takes no lock (two writers lose each other's changes) and parses the
whole file on every read.  This storage:

* parses the file only when its stat signature or the lock file's write
  counter changed (`generation` then goes up and `on_reload` is called);
* accepts writes only inside `transaction()`, which holds an exclusive
  `flock`, first reloads whatever another process wrote, and commits all
  writes made inside it as one atomic file replacement — so a multi-step
  operation (an import, a renewal) is all or nothing;
* refuses a file that is empty, not JSON, not ours or from a newer schema,
  leaving it byte-for-byte as it was.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.i18n import _
from tui.store.atomic import atomic_write, remove_leftovers
from tui.store.backups import rotate_and_backup
from tui.store.errors import DatabaseRefused, WriteFailed
from tui.store.locking import FileLock, file_signature, lock_path
from tui.store.unsafe_text import made_printable, may_hold_unsafe_text

SCHEMA_VERSION = 1
META_TABLE = "meta"

Data = dict[str, dict[str, dict[str, Any]]]


def empty_database() -> Data:
    return {META_TABLE: {"1": {"app": "renewal-planner", "schema": SCHEMA_VERSION}}}


def check_structure(path: Path, data: object) -> Data:
    """Return `data` if it is a database of ours this version can read, else raise DatabaseRefused."""
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise DatabaseRefused(path, _("not a renewal-planner database (unexpected structure)"))
    meta = data.get(META_TABLE, {}).get("1")
    if not meta or meta.get("app") != "renewal-planner" or not isinstance(meta.get("schema"), int):
        raise DatabaseRefused(path, _("not a renewal-planner database (no schema version)"))
    if meta["schema"] > SCHEMA_VERSION:
        raise DatabaseRefused(
            path,
            _("written by a newer renewal-planner (schema {found}; this version reads up to {known})").format(
                found=meta["schema"], known=SCHEMA_VERSION
            ),
        )
    return data


def writable(path: Path) -> bool:
    """Can this process replace `path` (a temporary file and the lock live in its directory)?"""
    directory = path.parent
    if not os.access(directory, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def read_database(path: Path) -> Data:
    return parse_database(path, path.read_bytes())


def parse_database(path: Path, raw: bytes) -> Data:
    """Check and parse a database file's bytes.  They are let go before the JSON is parsed (with
    10,000 contracts that is 5 MB less at the peak of start-up), so call it with no other reference."""
    if not raw.strip():
        raise DatabaseRefused(path, _("the file is empty"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DatabaseRefused(path, _("not a text file (not UTF-8)")) from None
    unsafe = may_hold_unsafe_text(raw)
    del raw
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DatabaseRefused(
            path, _("not valid JSON (line {line}, column {column})").format(line=error.lineno, column=error.colno)
        ) from None
    return check_structure(path, made_printable(data) if unsafe else data)


class SafeJSONStorage(Storage):
    """See the module docstring.  One instance per open database."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.lock = FileLock(lock_path(self.path))
        self.generation = 0
        self.on_reload: Callable[[], None] | None = None
        self._data: Data | None = None
        # table name -> (the table's dict, its JSON text) as last written; see `_encode`
        self._encoded: dict[str, tuple[dict, bytes]] = {}
        self._signature: tuple | None = None
        self._refused: tuple[tuple | None, DatabaseRefused] | None = None  # (signature, why) of a damaged file
        self._dirty = False
        self._backed_up = False
        self.read_only = not writable(self.path)

    # -- reading -----------------------------------------------------------
    def _current_signature(self) -> tuple | None:
        return file_signature(self.path)

    @property
    def signature(self) -> tuple | None:
        """The file's signature when the data in memory was loaded or written (None: no file)."""
        return self._signature

    def refresh(self) -> bool:
        """Reload if the file changed since we last saw it; True when it did.

        Raises DatabaseRefused when the file is now damaged or foreign; the same file is not parsed
        again to find that out (reads go on with the last good state, see `read`).
        """
        signature = self._current_signature()
        if self._data is not None and signature == self._signature:
            return False
        if self._refused is not None and signature == self._refused[0]:
            raise self._refused[1]
        if signature is None:
            data = empty_database()
        else:
            try:
                data = read_database(self.path)
            except DatabaseRefused as refused:
                self._refused = (signature, refused)
                raise
        self._refused = None
        self._data, self._signature = data, signature
        self._encoded = {}
        self.generation += 1
        if self.on_reload is not None:
            self.on_reload()
        return True

    def read(self) -> Data:
        """The data as last loaded, after picking up another process's write.  When the file was
        replaced by something unreadable, the last good state (writes are refused: `transaction`
        reloads first, and that raises DatabaseRefused)."""
        if not self.lock.held:
            try:
                self.refresh()
            except DatabaseRefused:
                if self._data is None:
                    raise
        assert self._data is not None
        return self._data

    # -- writing -----------------------------------------------------------
    def write(self, data: Data) -> None:
        if not self.lock.held:
            raise RuntimeError("SafeJSONStorage.write outside transaction(): the write could lose another's change")
        self._data = data
        self._dirty = True

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock, start from the file's latest state, and commit once at the end."""
        outermost = not self.lock.held
        if self.read_only:
            raise WriteFailed(_("{path} is read-only here: nothing can be saved").format(path=self.path))
        with self.lock:
            if outermost:
                self.refresh()
                self._dirty = False
            try:
                yield
                if outermost and self._dirty:
                    self._commit()
            except BaseException:
                if outermost:
                    self._forget()
                raise

    def _commit(self) -> None:
        assert self._data is not None
        payload = self._encode()
        try:
            if not self._backed_up:
                remove_leftovers(self.path)
                rotate_and_backup(self.path)
                self._backed_up = True
            atomic_write(self.path, payload)
            self.lock.bump_counter()
        except OSError as error:
            raise WriteFailed(
                _("could not save to {path}: {reason}; the file still holds the previous state").format(
                    path=self.path, reason=error.strerror or error
                )
            ) from error
        self._signature = self._current_signature()
        self._dirty = False

    def _encode(self) -> bytes:
        """The file's bytes: what `json.dumps(data)` gives, re-encoding only the tables that changed.

        TinyDB replaces a table's dict on every write to that table (and a
        reload replaces them all), so a table that is still the dict written
        last time holds what it held then, and its JSON is reused: a wizard
        step saving one renewal does not encode 10,000 contracts again.
        """
        assert self._data is not None
        encoded: dict[str, tuple[dict, bytes]] = {}
        parts = []
        for name, table in self._data.items():
            known = self._encoded.get(name)
            if known is None or known[0] is not table:
                known = (table, json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            encoded[name] = known
            parts.append(json.dumps(name, ensure_ascii=False).encode("utf-8") + b":" + known[1])
        self._encoded = encoded
        return b"{" + b",".join(parts) + b"}"

    def _forget(self) -> None:
        """Drop the in-memory state (it may hold half an operation); the next read reloads."""
        self._data = None
        self._encoded = {}
        self._signature = None
        self._dirty = False

    def close(self) -> None:
        """Nothing is buffered outside a transaction, so there is nothing to flush."""
