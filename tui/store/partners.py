"""The partners table: the shipped directory plus the user's own partners, and safe writes.

Reading never writes: until the current shipped directory has been stored,
reads show the stored rows merged with it in memory (see
`partner_directory.merge_directory`).  The first write of any kind — adding,
editing, deleting, importing, `load_directory()` — stores that merge in the
same transaction, so the directory is in the file from the first change on,
and opening a file just to look at it never creates or alters it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.domain.partner import Partner
from tui.i18n import _
from tui.store.contracts import TABLE as CONTRACTS_TABLE
from tui.store.file.database import Store
from tui.store.errors import ConflictError, NotFoundError, StoreError
from tui.store.partner_directory import (
    STATE_TABLE,
    TABLE,
    DirectoryState,
    ShippedDirectory,
    merge_directory,
    partner_from_record,
    partner_to_record,
    same_partner,
    shipped_directory,
    shipped_fingerprint,
    unknown_fields,
)
from tui.store.table_index import TableIndex

if TYPE_CHECKING:
    from tui.domain.partner_search import PartnerIndex


class PartnerInUse(StoreError):
    """The partner is still named by contracts; `contract_ids` says which."""

    def __init__(self, partner_id: str, contract_ids: list[str]) -> None:
        shown = ", ".join(contract_ids[:5])
        if len(contract_ids) > 5:
            shown += " " + _("and {n} more").format(n=len(contract_ids) - 5)
        super().__init__(
            _("{id} is still the partner of {contracts}; give them another partner first").format(
                id=partner_id, contracts=shown)
        )
        self.partner_id = partner_id
        self.contract_ids = contract_ids


@dataclass
class _Edit:
    records: dict[str, dict[str, Any]]  # id → stored document, changed in place by the write
    state: DirectoryState


class PartnerRepository(TableIndex):
    """Reads come from a cache rebuilt only when the stored tables changed; every write is one transaction.

    Writes that change one partner take the revision the caller last saw
    (`base_revision`) and refuse with ConflictError when the stored partner
    has moved on since.  The cache holds the partners, and each one's stored
    origin and revision: the documents are made again from them for a write
    (holding them too took 2 MB with 2,000 partners).
    """

    def __init__(self, store: Store, directory: ShippedDirectory | None = None) -> None:
        super().__init__(store)
        self._directory = directory
        self._lock = threading.RLock()  # the app reads names from a preloading thread too
        self._merged_with_contracts = False  # the last build asked which partners contracts name
        self._partners: dict[str, Partner] = {}  # by id, sorted
        self._stored: dict[str, tuple[str, int]] = {}  # id -> (origin, revision) as stored
        self._unknown: dict[str, dict[str, Any]] = {}  # id -> fields a newer version stored (rarely any)
        self._state = DirectoryState()
        self._stale = True
        self._index: PartnerIndex | None = None

    @property
    def directory(self) -> ShippedDirectory:
        return self._directory or shipped_directory()

    def _fingerprint(self) -> str:
        return self._directory.fingerprint if self._directory else shipped_fingerprint()

    # -- reading -----------------------------------------------------------
    def _sync(self) -> None:
        with self._lock:
            super()._sync()

    def _version(self) -> tuple:
        """The stored tables the cache was built from (their versions: a reload or a write to them); the
        contracts' only when merging a newer directory asked which partners they name."""
        version = (self.store.table_version(TABLE), self.store.table_version(STATE_TABLE))
        if self._merged_with_contracts:
            version += (self.store.table_version(CONTRACTS_TABLE),)
        return version

    def _rebuild(self) -> None:
        records = {raw["id"]: raw for _doc_id, raw in self.store.documents(TABLE)}
        state = DirectoryState.from_table(self.store.raw_table(STATE_TABLE))
        stale = state.fingerprint != self._fingerprint()
        self._merged_with_contracts = False
        if stale:
            def used() -> set[str]:
                self._merged_with_contracts = True  # so a change of the contracts table rebuilds too
                return self._used_ids()

            records, state = merge_directory(records, state, self.directory, used)
        shared: dict = {}  # texts and lists many partners repeat (tier, country, city, …), made once
        self._partners = {partner_id: partner_from_record(records[partner_id], shared)
                          for partner_id in sorted(records)}
        self._stored = {partner_id: (record.get("origin", "user"), record.get("revision", 1))
                        for partner_id, record in records.items()}
        self._unknown = {partner_id: unknown for partner_id, record in records.items()
                         if (unknown := unknown_fields(record))}
        self._state, self._stale = state, stale
        self._index = None

    def all(self) -> list[Partner]:
        """Every partner, by id."""
        return list(self._by_id().values())

    def get(self, partner_id: str) -> Partner | None:
        return self._by_id().get(partner_id)

    def names(self) -> dict[str, str]:
        """Partner id → name, for showing names where contracts store ids."""
        with self._lock:
            self._sync()
            return {partner_id: partner.name for partner_id, partner in self._partners.items()}

    def origin_of(self, partner_id: str) -> str | None:
        """'shipped', 'edited' (a directory partner the user changed), 'user', or None when unknown."""
        with self._lock:
            self._sync()
            stored = self._stored.get(partner_id)
            return stored[0] if stored else None

    def revision_of(self, partner_id: str) -> int:
        """The revision a later `update`/`delete` must name (0 when unknown)."""
        with self._lock:
            self._sync()
            stored = self._stored.get(partner_id)
            return stored[1] if stored else 0

    def index(self) -> PartnerIndex:
        """A search index over every partner, with cities located; rebuilt only after a change."""
        from tui.domain.partner_search import PartnerIndex  # only the Partners tab and `renewals partners` search
        from tui.store.cities import shipped_cities

        with self._lock:
            self._by_id()
            if self._index is None:
                self._index = PartnerIndex(self._partners.values(), shipped_cities())
            return self._index

    def contracts_using(self, partner_id: str) -> list[str]:
        """The ids of the contracts whose partner is `partner_id`, sorted."""
        return sorted(raw["id"] for raw in self._contract_records() if raw.get("partner") == partner_id)

    def __len__(self) -> int:
        with self._lock:
            self._sync()
            return len(self._partners)

    def _by_id(self) -> dict[str, Partner]:
        with self._lock:
            self._sync()
            return self._partners

    def _records(self) -> dict[str, dict[str, Any]]:
        """The documents the cache stands for (as stored, or merged with a newer directory)."""
        records = {}
        for partner_id, partner in self._partners.items():
            record = partner_to_record(partner, *self._stored[partner_id])
            records[partner_id] = self._unknown[partner_id] | record if partner_id in self._unknown else record
        return records

    def _used_ids(self) -> set[str]:
        return {raw.get("partner", "") for raw in self._contract_records()} - {""}

    def _contract_records(self) -> Iterator[dict[str, Any]]:
        """The stored contracts (rarely needed here: deleting a partner, merging a new directory)."""
        return (raw for _doc_id, raw in self.store.documents(CONTRACTS_TABLE))

    # -- writing -----------------------------------------------------------
    def load_directory(self) -> None:
        """Store the current shipped directory now (nothing is written when it already is)."""
        with self._editing():
            pass

    def add(self, partner: Partner) -> Partner:
        """Store a new partner of the user's; ConflictError when the id is taken."""
        self.save_many([partner], [])
        return self.get(partner.id)  # type: ignore[return-value]

    def update(self, partner: Partner, *, base_revision: int) -> Partner:
        """Replace the stored partner with the same id.  A directory partner becomes 'edited'."""
        with self._editing() as edit:
            _change(edit, self._current(edit, partner.id, base_revision), partner)
        return self.get(partner.id)  # type: ignore[return-value]

    def delete(self, partner_id: str, *, base_revision: int) -> None:
        """Remove a partner no contract names (PartnerInUse says which contracts still do)."""
        with self._editing() as edit:
            self._current(edit, partner_id, base_revision)
            using = self.contracts_using(partner_id)
            if using:
                raise PartnerInUse(partner_id, using)
            del edit.records[partner_id]
            if any(p.id == partner_id for p in self.directory.partners):
                edit.state = DirectoryState(edit.state.fingerprint, edit.state.removed | {partner_id})

    def save_many(self, new: Iterable[Partner], changed: Iterable[tuple[Partner, Partner]]) -> None:
        """Add `new` and apply `changed` (as read, wanted) pairs in one all-or-nothing write.

        A pair whose stored partner no longer equals what was read is a conflict.
        """
        with self._editing() as edit:
            for partner in new:
                if partner.id in edit.records:
                    raise ConflictError(_("partner id {id} is already used").format(id=partner.id))
                edit.records[partner.id] = partner_to_record(partner, "user", 1)
            for old, wanted in changed:
                current = edit.records.get(old.id)
                if current is None or partner_from_record(current) != old:
                    raise ConflictError(
                        _("partner {id} was changed elsewhere meanwhile; nothing was saved").format(id=old.id))
                _change(edit, current, wanted)

    def _current(self, edit: _Edit, partner_id: str, base_revision: int) -> dict[str, Any]:
        current = edit.records.get(partner_id)
        if current is None:
            raise NotFoundError(_("partner {id} no longer exists").format(id=partner_id))
        if current.get("revision", 1) != base_revision:
            raise ConflictError(
                _("partner {id} was changed elsewhere since you opened it; reload and try again").format(
                    id=partner_id))
        return current

    @contextmanager
    def _editing(self) -> Iterator[_Edit]:
        """One transaction: start from the file's latest state (with the directory merged in),
        let the caller change the records, then store them all (nothing when nothing changed)."""
        with self.store.transaction(), self._lock:
            self._sync()
            records = self._records()
            edit = _Edit(dict(records), self._state)
            yield edit
            if self._stale or edit.records != records or edit.state != self._state:
                self._write(edit)

    def _write(self, edit: _Edit) -> None:
        table = self.store.table(TABLE)
        table.truncate()
        table.insert_multiple(edit.records.values())
        state = self.store.table(STATE_TABLE)
        state.truncate()
        state.insert(edit.state.to_record())
        self._forget()  # the next read rebuilds from what was just stored


def _change(edit: _Edit, current: dict[str, Any], wanted: Partner) -> None:
    """Store `wanted` over `current` (same id) when it differs; a directory partner becomes 'edited'."""
    record = partner_to_record(wanted, current.get("origin", "user"), current.get("revision", 1))
    if not same_partner(record, current):
        record["origin"] = "edited" if current.get("origin") in ("shipped", "edited") else "user"
        record["revision"] += 1
        edit.records[wanted.id] = unknown_fields(current) | record
