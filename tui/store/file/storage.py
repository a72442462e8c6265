"""TinyDB storage that is atomic, locked, and does not re-parse an unchanged file.

TinyDB's own JSONStorage rewrites the file in place (a kill mid-write corrupts
it), takes no lock (two writers lose each other's changes) and parses the
whole file on every read.  This storage:

* parses the file only when its stat signature or the lock file's write
  counter changed (`generation` then goes up and `on_reload` is called);
* checks every table on loading without building it (see file_format), and
  keeps the large ones aside (see table_copy) — and every table after a
  commit — parsed again when TinyDB asks for one, or read one document at a
  time (`documents`): the repositories hold their own objects, and 10,000
  contracts' documents are 17 MB of Python objects;
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
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tinydb.storages import Storage

from tui.i18n import _
from tui.store.file.atomic import atomic_write, remove_leftovers
from tui.store.file.backups import rotate_and_backup
from tui.store.errors import DatabaseRefused, WriteFailed
from tui.store.file.file_format import Data, TableTexts, empty_database, read_database
from tui.store.file.json_members import iter_members
from tui.store.file.locking import FileLock, file_signature, lock_path
from tui.store.file.table_copy import TableCopy


def writable(path: Path) -> bool:
    """Can this process replace `path` (a temporary file and the lock live in its directory)?"""
    directory = path.parent
    if not os.access(directory, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


class Tables(dict):
    """The parsed tables (TinyDB's view of the file): a table kept aside is parsed when asked
    for by name (`tables[name]`: TinyDB's reads and writes, `SafeJSONStorage.table`).  `in` knows
    every table; iterating gives the parsed ones only (nothing here uses TinyDB's `tables()`)."""

    def __init__(self, storage: SafeJSONStorage, parsed: Data) -> None:
        super().__init__(parsed)
        self._storage = storage

    def __missing__(self, name: str) -> dict:
        return self._storage._parse_again(self, name)

    def __setitem__(self, name: str, table: dict) -> None:  # TinyDB replaces a table it wrote to
        self._storage._table_writes[name] = self._storage._table_writes.get(name, 0) + 1
        super().__setitem__(name, table)

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name) or name in self._storage._encoded

    def __delitem__(self, name: str) -> None:  # TinyDB's drop_table
        self[name]  # noqa: B018 - parsed first, so a table kept aside is dropped too
        self._storage._encoded.pop(name, None)
        super().__delitem__(name)


class SafeJSONStorage(Storage):
    """See the module docstring.  One instance per open database."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.lock = FileLock(lock_path(self.path))
        self.generation = 0
        self.on_reload: Callable[[], None] | None = None
        self._data: Tables | None = None
        # table name -> (the table's dict as parsed or written, or None, its JSON kept aside), for every
        # table of the file as loaded or last written; see `_encode`.  A table here but not in `_data`
        # is kept aside only (`_keep_aside`).
        self._encoded: TableTexts = {}
        self._table_writes: dict[str, int] = {}  # table name -> how often it was replaced; see `version`
        # The parsed tables, for a table parsed again from a loading thread while the app's reads another
        self._parsing = threading.RLock()
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
        tables: TableTexts = {}
        if signature is None:
            data = empty_database()
        else:
            try:
                data, tables = read_database(self.path)
            except DatabaseRefused as refused:
                self._refused = (signature, refused)
                raise
        self._refused = None
        self._data, self._signature = Tables(self, data), signature
        self._encoded = tables
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

    def table(self, name: str) -> dict[str, dict]:
        """One table's documents, as `read` would give them ({} when there is no such table)."""
        data = self.read()
        return data[name] if name in data else {}

    def documents(self, name: str) -> Iterator[tuple[str, dict]]:
        """(document id, document) of each of the table's documents as `table` would give them, made
        one at a time when the table is kept in the file only: for a reader that makes objects of its
        own of them and lets each go, 10,000 contracts are never all in memory as documents."""
        data = self.read()
        with self._parsing:
            parsed = dict.get(data, name)
            if parsed is not None:
                items = list(parsed.items())
            else:
                known = self._encoded.get(name)
                text = str(known[1].read(self.path), "utf-8") if known is not None else "{}"
        if parsed is not None:
            yield from items
            return
        for doc_id, document, _start, _end in iter_members(text):
            yield doc_id, document

    def version(self, name: str) -> tuple[int, int]:
        """Changes whenever the table may hold something else: a reload, or a write to it."""
        return self.generation, self._table_writes.get(name, 0)

    def _keep_aside(self, name: str) -> None:
        """Let go of the parsed table when it holds what its copy does (after a commit: the
        repositories keep what they wrote as objects of their own); `table(name)` parses it again."""
        with self._parsing:
            data = self._data
            known = self._encoded.get(name)
            if data is not None and known is not None and dict.get(data, name, False) is known[0]:
                dict.__delitem__(data, name)
                self._encoded[name] = (None, known[1])

    def _parse_again(self, data: Tables, name: str) -> dict:
        with self._parsing:
            if dict.__contains__(data, name):  # another thread parsed it meanwhile
                return dict.__getitem__(data, name)
            if data is not self._data:
                raise RuntimeError("a table asked for from data this storage has since reloaded or forgotten")
            known = self._encoded.get(name)
            if known is None:
                raise KeyError(name)  # no such table
            table = json.loads(known[1].read(self.path))
            dict.__setitem__(data, name, table)
            self._encoded[name] = (table, known[1])
            return table

    # -- writing -----------------------------------------------------------
    def write(self, data: Data) -> None:
        if not self.lock.held:
            raise RuntimeError("SafeJSONStorage.write outside transaction(): the write could lose another's change")
        if data is not self._data:  # a whole new state (TinyDB hands back what `read` gave it)
            self._data = Tables(self, data)
            self._encoded = {name: known for name, known in self._encoded.items() if name in data}
            for name in set(data) | set(self._table_writes):
                self._table_writes[name] = self._table_writes.get(name, 0) + 1
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
        chunks, places = self._encode()
        try:
            if not self._backed_up:
                remove_leftovers(self.path)
                rotate_and_backup(self.path)
                self._backed_up = True
            atomic_write(self.path, chunks)
            self.lock.bump_counter()
        except OSError as error:
            raise WriteFailed(
                _("could not save to {path}: {reason}; the file still holds the previous state").format(
                    path=self.path, reason=error.strerror or error
                )
            ) from error
        self._signature = self._current_signature()
        self._encoded = places
        self._dirty = False
        for name in list(self._encoded):
            self._keep_aside(name)

    def _encode(self) -> tuple[list[bytes], TableTexts]:
        """The file's bytes, in pieces — what `json.dumps(data)` gives, re-encoding only the tables
        that changed — and where each table is in them.

        TinyDB replaces a table's dict on every write to that table (and a
        reload replaces them all), so a table that is still the dict written
        last time holds what it held then, and its JSON is reused: a wizard
        step saving one renewal does not encode 10,000 contracts again.
        """
        assert self._data is not None
        names = list(self._encoded) + [name for name in self._data if name not in self._encoded]
        file_unchanged = self._current_signature() == self._signature  # we hold the lock: it stays so
        parts: list[bytes] = [b"{"]
        places: list[tuple[str, dict | None, TableCopy | None, int]] = []  # and where its JSON is in parts
        for name in names:
            known = self._encoded.get(name)
            table = dict.get(self._data, name)
            if known is not None and (table is None or known[0] is table):  # unchanged
                copy: TableCopy | None = known[1]
                text = known[1].read(self.path, file_unchanged=file_unchanged)
            else:
                copy = None
                text = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            if places:
                parts.append(b",")
            parts.append(json.dumps(name, ensure_ascii=False).encode("utf-8") + b":")
            places.append((name, table, copy, len(parts)))
            parts.append(text)
        parts.append(b"}")
        offsets = [0]
        for part in parts:
            offsets.append(offsets[-1] + len(part))
        return parts, {
            name: (table, copy.moved_to(offsets[at]) if copy is not None else TableCopy.of(parts[at], offsets[at]))
            for name, table, copy, at in places
        }

    def _forget(self) -> None:
        """Drop the in-memory state (it may hold half an operation); the next read reloads."""
        self._data = None
        self._encoded = {}
        self._signature = None
        self._dirty = False

    def close(self) -> None:
        """Nothing is buffered outside a transaction, so there is nothing to flush."""
