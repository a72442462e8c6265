"""The renewals table: drafts saved after every wizard step, and completing a renewal atomically.

`complete()` is the one place a renewal touches the contracts: inside a
single transaction it checks the renewal and every contract against the
revisions the caller saw, gives each contract end T, the new quantity,
certificate and order (with a history entry, source "renewal", holding the
old and new values), and marks the renewal completed.  Any failure leaves the
file exactly as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from tui.domain.contract import Contract
from tui.domain.renewal import Renewal, RenewalStatus, format_renewal_id, renewal_number
from tui.domain.renewal_plan import completion_problems, planned_changes, renewal_quote
from tui.i18n import _
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.errors import ConflictError, NotFoundError, StoreError
from tui.store.renewal_records import renewal_from_record, renewal_to_record
from tui.store.table_index import TableIndex

TABLE = "renewals"
HISTORY_SOURCE = "renewal"


class RenewalRefused(StoreError):
    """The renewal cannot be completed as it stands; `problems` says why.  Nothing was written."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


class RenewalRepository(TableIndex):
    """Renewals by id.  Pass the app's ContractRepository so its cache sees the completed changes."""

    def __init__(self, store: Store, contracts: ContractRepository | None = None) -> None:
        super().__init__(store)
        self.contracts = contracts or ContractRepository(store)
        self._by_id: dict[str, Renewal] = {}
        self._doc_ids: dict[str, int] = {}

    # -- reading -----------------------------------------------------------
    def _rebuild(self) -> None:
        by_id, doc_ids = {}, {}
        for doc_id, record in self.store.documents(TABLE):
            renewal = renewal_from_record(record)
            by_id[renewal.id] = renewal
            doc_ids[renewal.id] = int(doc_id)
        self._by_id, self._doc_ids = by_id, doc_ids

    def all(self) -> list[Renewal]:
        """Every renewal, newest number first."""
        self._sync()
        return sorted(self._by_id.values(), key=lambda r: renewal_number(r.id), reverse=True)

    def open(self) -> list[Renewal]:
        """Drafts and requested renewals, the most recently touched first."""
        return sorted((r for r in self.all() if r.status.is_open),
                      key=lambda r: (r.updated_on or date.min, r.events[-1].seq if r.events else 0,
                                     renewal_number(r.id)), reverse=True)

    def get(self, renewal_id: str) -> Renewal | None:
        self._sync()
        return self._by_id.get(renewal_id)

    def busy_contracts(self, except_id: str = "") -> dict[str, str]:
        """Contract id -> the open renewal (other than `except_id`) that holds it."""
        return {cid: r.id for r in self.open() if r.id != except_id for cid in r.contract_ids}

    # -- writing -----------------------------------------------------------
    def save(self, renewal: Renewal, today: date, *, what: str = "saved", detail: str = "") -> Renewal:
        """Store an open renewal: a new one gets the next id; a stored one must still be at its revision.

        The status follows the sent date (draft, or requested once sent).
        """
        if not renewal.status.is_open:
            raise ValueError("save() stores open renewals; use complete() or cancel()")
        renewal = renewal.with_sent_status().pruned()
        with self.store.transaction():
            self._sync()
            if renewal.id:
                return self._update(self._current(renewal), renewal, today, what, detail)
            number = max((renewal_number(i) for i in self._by_id), default=0) + 1
            saved = replace(renewal, id=format_renewal_id(number), revision=1).with_event(today, what, detail)
            self._doc_ids[saved.id] = self.store.table(TABLE).insert(renewal_to_record(saved))
            self._by_id[saved.id] = saved
        return saved

    def cancel(self, renewal: Renewal, today: date) -> Renewal:
        with self.store.transaction():
            self._sync()
            current = self._current(renewal)
            return self._update(current, replace(current, status=RenewalStatus.CANCELLED), today, "cancelled")

    def complete(self, renewal: Renewal, contracts: Sequence[Contract], today: date) -> Renewal:
        """Apply the renewal to `contracts` (as the caller saw them) and mark it completed, all or nothing.

        Raises RenewalRefused when a step is not done, ConflictError when the
        renewal or a contract changed meanwhile; in both cases nothing is written.
        """
        contracts = list(contracts)
        with self.store.transaction():
            self._sync()
            current = self._current(renewal)
            if not current.status.is_open:
                raise ConflictError(_("renewal {id} is already {status}; nothing was applied").format(
                    id=current.id, status=current.status.label))
            if [c.id for c in contracts] != list(renewal.contract_ids):
                raise RenewalRefused([_("the contracts shown are not the renewal's contracts; reopen it")])
            problems = completion_problems(renewal, contracts, today, self.busy_contracts(renewal.id))
            if problems:
                raise RenewalRefused(problems)
            quote = renewal_quote(renewal, contracts, today)
            self.contracts.save_many([], planned_changes(renewal, contracts), today, source=HISTORY_SOURCE)
            done = replace(renewal, status=RenewalStatus.COMPLETED, step=5, quote=quote)
            return self._update(current, done, today, "completed")

    def _update(self, current: Renewal, wanted: Renewal, today: date, what: str, detail: str = "") -> Renewal:
        """Overwrite the stored `current` with `wanted` (inside a transaction); only open renewals change."""
        if not current.status.is_open:
            raise ConflictError(_("renewal {id} is already {status}; nothing was saved").format(
                id=current.id, status=current.status.label))
        saved = replace(wanted, revision=current.revision + 1).with_event(today, what, detail)
        record = renewal_to_record(saved)

        def overwrite(doc: dict) -> None:
            # every field this version knows is written; fields a newer version added stay
            doc.update(record)

        self.store.table(TABLE).update(overwrite, doc_ids=[self._doc_ids[saved.id]])
        self._by_id[saved.id] = saved
        return saved

    def _current(self, renewal: Renewal) -> Renewal:
        current = self._by_id.get(renewal.id)
        if current is None:
            raise NotFoundError(_("renewal {id} no longer exists").format(id=renewal.id))
        if current.revision != renewal.revision:
            raise ConflictError(
                _("renewal {id} was changed elsewhere since you opened it; reopen it and try again").format(
                    id=renewal.id))
        return current
