"""The repositories' shared read path: what they converted from the file, kept until the file changes.

Converting 10,000 stored documents into contracts takes longer than a keystroke may, so a repository
converts them once and answers reads from its own index (by id, by product …). Every read and every
write's transaction calls `_sync()` first: it lets the store pick up another process's write
(`Store.catch_up`), then rebuilds the index only when the file's state it was built from is gone.
A repository's own writes keep its index current in place, so they need no rebuild.
"""

from __future__ import annotations

from collections.abc import Hashable

from tui.store.file.database import Store


class TableIndex:
    """Base of the repositories that keep an index: subclasses say how to build it (`_rebuild`) and,
    when the store's generation is not the right test, what it depends on (`_version`)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._built_from: Hashable = None  # the `_version()` the index was built at; None: never built

    def _sync(self) -> None:
        self.store.catch_up()
        if self._built_from is not None and self._built_from == self._version():
            return
        self._rebuild()
        self._built_from = self._version()

    def _forget(self) -> None:
        """Rebuild at the next read (after a write that replaced the table wholesale)."""
        self._built_from = None

    def _version(self) -> Hashable:
        """What the index depends on: by default the store's generation, which goes up on every reload
        of the file (another process wrote it); this process's own writes do not move it."""
        return self.store.generation

    def _rebuild(self) -> None:
        raise NotImplementedError
