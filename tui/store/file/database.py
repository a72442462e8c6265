"""The open database: TinyDB over SafeJSONStorage, plus the transaction entry point."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Table

from tui.store.file.storage import SafeJSONStorage


class FreshTable(Table):
    """A TinyDB table that can forget what it cached about the file.

    TinyDB caches query results and the next document id per table; when
    another process changed the file both are stale (a stale next id would
    overwrite the other process's new document), so `forget()` drops them.
    """

    def forget(self) -> None:
        self._next_id = None
        self.clear_cache()


class _TinyDB(TinyDB):
    table_class = FreshTable


class Store:
    """One data file.  Opening parses and checks it (raises DatabaseRefused) but writes nothing."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = _TinyDB(self.path, storage=SafeJSONStorage)
        self.storage: SafeJSONStorage = self.db.storage  # type: ignore[assignment]
        self.storage.on_reload = self._forget_table_caches
        self.storage.refresh()

    def _forget_table_caches(self) -> None:
        for table in self.db._tables.values():
            table.forget()  # type: ignore[attr-defined]

    def table(self, name: str) -> FreshTable:
        return self.db.table(name)  # type: ignore[return-value]

    def raw_table(self, name: str) -> dict[str, dict]:
        """The table's documents as stored, without copying (read-only use)."""
        return self.storage.table(name)

    def doc_ids(self, name: str, key: Callable[[dict], Hashable], wanted: Iterable[Hashable]) -> dict[Hashable, int]:
        """The document id of each stored document whose `key(document)` is in `wanted` (of equal keys,
        the last, as reading keeps the last).  For a write, which changes the table anyway: the
        repositories do not keep an id for every document (10,000 contracts: 0.8 MB)."""
        wanted = set(wanted)
        found = {}
        for doc_id, raw in self.raw_table(name).items():
            value = key(raw)
            if value in wanted:
                found[value] = int(doc_id)
        return found

    def documents(self, name: str) -> Iterator[tuple[str, dict]]:
        """(document id, document) of each stored document, made one at a time (see SafeJSONStorage)."""
        return self.storage.documents(name)

    def table_version(self, name: str) -> tuple[int, int]:
        """Changes whenever the table may hold something else (a reload, a write to it)."""
        return self.storage.version(name)

    def catch_up(self) -> None:
        """Pick up another process's write, if any (`generation` then goes up); when the file is now
        unreadable, reads go on with the last good state."""
        self.storage.read()

    @property
    def read_only(self) -> bool:
        """True when this process cannot write the file: it is shown, and every write is refused."""
        return self.storage.read_only

    @property
    def signature(self) -> tuple | None:
        """Identifies the file's state the data in memory comes from (see `locking.file_signature`)."""
        return self.storage.signature

    @property
    def generation(self) -> int:
        """Goes up whenever the data was (re)loaded from disk."""
        return self.storage.generation

    def refresh(self) -> bool:
        """Pick up another process's writes; True when there were any."""
        return self.storage.refresh()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.storage.transaction():
            yield

    def create(self) -> bool:
        """Write the file now, as an empty database, when there is none (the app says where it created
        it, and the commands that only read find it); False when it cannot be written here."""
        if self.read_only:
            return False
        with self.transaction():
            if self.storage.signature is None:
                self.storage.write(self.storage.read())
        return True

    def close(self) -> None:
        self.db.close()
