"""The contracts table: an in-memory index over the stored documents, and safe writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from operator import itemgetter
from datetime import date

from tui.domain.contract import Contract, HistoryEntry
from tui.i18n import _
from tui.store.file.database import Store
from tui.store.errors import ConflictError, NotFoundError
from tui.store.records import SharedValues, contract_from_record, contract_to_record
from tui.store.table_index import TableIndex

TABLE = "contracts"


class ContractRepository(TableIndex):
    """Reads come from an index rebuilt only when the file was reloaded; every write is one transaction.

    Writes take the revision the caller last saw (`base_revision`) and refuse
    with ConflictError when the stored contract has moved on, so a stale
    screen can never overwrite another session's change.
    """

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._by_id: dict[str, Contract] = {}

    # -- reading -----------------------------------------------------------
    def _rebuild(self) -> None:
        by_id: dict[str, Contract] = {}
        shared = SharedValues()
        for _doc_id, raw in self.store.documents(TABLE):  # one at a time: never all in memory as documents
            contract = contract_from_record(raw, shared)
            by_id[contract.id] = contract
        self._by_id = by_id

    def all(self) -> list[Contract]:
        self._sync()
        return list(self._by_id.values())

    def get(self, contract_id: str) -> Contract | None:
        self._sync()
        return self._by_id.get(contract_id)

    def __len__(self) -> int:
        self._sync()
        return len(self._by_id)

    # -- writing -----------------------------------------------------------
    def add(self, contract: Contract, today: date, source: str = "created") -> Contract:
        return self.save_many([contract], [], today, source=source)[0]

    def update(self, contract: Contract, today: date, *, base_revision: int, original_id: str | None = None,
               source: str = "edit") -> Contract:
        """Replace the stored contract `original_id` (default: contract.id) with `contract`."""
        with self.store.transaction():
            self._sync()
            key = original_id or contract.id
            current = self._by_id.get(key)
            if current is None:
                raise NotFoundError(_("contract {id} no longer exists").format(id=key))
            if current.revision != base_revision:
                raise ConflictError(
                    _("contract {id} was changed elsewhere since you opened it; reload and try again").format(id=key)
                )
            if contract.id != key and contract.id in self._by_id:
                raise ConflictError(_("contract id {id} is already used").format(id=contract.id))
            return self._write_updates([(current, contract)], today, source)[0]

    def save_many(self, new: Iterable[Contract], changed: Iterable[tuple[Contract, Contract]], today: date,
                  *, source: str = "import") -> list[Contract]:
        """Insert `new` and apply `changed` (old, new) pairs in one all-or-nothing write.

        `changed` pairs are checked against the stored revision of `old`.
        """
        new, changed = list(new), list(changed)
        with self.store.transaction():
            self._sync()
            for contract in new:
                if contract.id in self._by_id:
                    raise ConflictError(_("contract id {id} is already used").format(id=contract.id))
            for old, _new in changed:
                current = self._by_id.get(old.id)
                if current is None or current.revision != old.revision:
                    raise ConflictError(
                        _("contract {id} was changed elsewhere meanwhile; nothing was saved").format(id=old.id)
                    )
            updated = self._write_updates([(self._by_id[o.id], n) for o, n in changed], today, source)
            created = [
                replace(c, revision=1, history=(HistoryEntry(today, source, ()),)) for c in new
            ]
            if created:
                self.store.table(TABLE).insert_multiple(contract_to_record(c) for c in created)
                for contract in created:
                    self._by_id[contract.id] = contract
        return created + updated

    def delete(self, contract_id: str, *, base_revision: int) -> None:
        with self.store.transaction():
            self._sync()
            current = self._by_id.get(contract_id)
            if current is None:
                raise NotFoundError(_("contract {id} no longer exists").format(id=contract_id))
            if current.revision != base_revision:
                raise ConflictError(
                    _("contract {id} was changed elsewhere since you opened it; reload and try again").format(
                        id=contract_id
                    )
                )
            self.store.table(TABLE).remove(doc_ids=self._doc_ids([contract_id]))
            del self._by_id[contract_id]

    def _write_updates(self, pairs: list[tuple[Contract, Contract]], today: date, source: str) -> list[Contract]:
        """Write (current, wanted) pairs in one table pass, appending a history entry to each."""
        results: list[Contract] = []
        records: dict[str, dict] = {}  # keyed by the stored (old) id
        for current, wanted in pairs:
            changes = current.changes_to(wanted)
            if not changes:
                results.append(current)
                continue
            saved = replace(
                wanted,
                history=current.history + (HistoryEntry(today, source, changes),),
                revision=current.revision + 1,
            )
            records[current.id] = contract_to_record(saved)
            results.append(saved)
        if records:
            def overwrite(doc: dict) -> None:
                replacement = records[doc["id"]]
                # every field this version knows is written; fields a newer version added stay
                doc.update(replacement)

            self.store.table(TABLE).update(overwrite, doc_ids=self._doc_ids(records))
            for (current, _wanted), saved in zip(pairs, results):
                if saved is not current:
                    del self._by_id[current.id]
                    self._by_id[saved.id] = saved
        return results

    def _doc_ids(self, contract_ids: Iterable[str]) -> list[int]:
        """The stored documents' ids of `contract_ids` (contracts known to be stored)."""
        return list(self.store.doc_ids(TABLE, itemgetter("id"), contract_ids).values())
