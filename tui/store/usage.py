"""The usage table: licence-usage samples, one per (product, day), and safe writes.

A sample has no id of its own: `(product, day)` is its key (`duplicate_key`).
Instead of a revision number, every change names the sample as the caller saw
it, and the write is refused with ConflictError when the stored sample is no
longer that (another session changed or removed it meanwhile).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tui.domain.usage import UsageSample, duplicate_key
from tui.i18n import _
from tui.store.database import Store
from tui.store.errors import ConflictError, NotFoundError

TABLE = "usage"

Key = tuple[str, date]


def sample_to_record(sample: UsageSample) -> dict:
    return {"product": sample.product, "date": sample.on.isoformat(), "in_use": sample.in_use}


def describe_key(key: Key) -> str:
    return f"{key[0]} {key[1].isoformat()}"


class UsageRepository:
    """Reads come from an index rebuilt only when the file was reloaded; every write is one transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._generation = -1
        self._by_key: dict[Key, UsageSample] = {}
        self._doc_ids: dict[Key, int] = {}
        self._groups: dict[str, list[UsageSample]] | None = None  # samples by product, dropped on any change

    # -- reading -----------------------------------------------------------
    def _sync(self) -> None:
        self.store.raw_table(TABLE)  # reloads the file if it changed
        if self._generation == self.store.generation:
            return
        by_key: dict[Key, UsageSample] = {}
        doc_ids: dict[Key, int] = {}
        days: dict[str, date] = {}  # a few hundred distinct days among many samples: parse each once
        for doc_id, raw in self.store.raw_table(TABLE).items():
            text = raw["date"]
            day = days.get(text) or days.setdefault(text, date.fromisoformat(text))
            key = (raw["product"], day)
            by_key[key] = UsageSample(key[0], day, raw["in_use"])
            doc_ids[key] = int(doc_id)
        self._by_key, self._doc_ids, self._groups = by_key, doc_ids, None
        self._generation = self.store.generation

    def _grouped(self) -> dict[str, list[UsageSample]]:
        self._sync()
        if self._groups is None:
            groups: dict[str, list[UsageSample]] = {}
            for (product, day), sample in sorted(self._by_key.items()):  # keys sort as (product, day)
                groups.setdefault(product, []).append(sample)
            self._groups = groups
        return self._groups

    def samples(self, product: str | None = None) -> list[UsageSample]:
        """Every sample (or one product's, by its exact stored name), sorted by product, then date."""
        groups = self._grouped()
        if product is None:
            return [sample for samples in groups.values() for sample in samples]
        return list(groups.get(product, ()))

    def by_product(self) -> dict[str, list[UsageSample]]:
        """Each product's samples, sorted by date (one pass: cheaper than `samples(p)` for every product)."""
        return {product: list(samples) for product, samples in self._grouped().items()}

    def products(self) -> list[str]:
        """The products that have usage, sorted."""
        return list(self._grouped())

    def get(self, product: str, on: date) -> UsageSample | None:
        self._sync()
        return self._by_key.get((product, on))

    def __len__(self) -> int:
        self._sync()
        return len(self._by_key)

    # -- writing -----------------------------------------------------------
    def add(self, sample: UsageSample) -> UsageSample:
        self.save_many([sample], [])
        return sample

    def update(self, old: UsageSample, new: UsageSample) -> UsageSample:
        """Replace `old` (as the caller saw it) by `new`; the day or product may change too."""
        self.save_many([], [(old, new)])
        return new

    def delete(self, sample: UsageSample) -> None:
        with self.store.transaction():
            self._sync()
            self._check_unchanged(sample)
            key = duplicate_key(sample)
            self.store.table(TABLE).remove(doc_ids=[self._doc_ids[key]])
            self._forget(key)

    def save_many(self, new: Iterable[UsageSample], changed: Iterable[tuple[UsageSample, UsageSample]]) -> None:
        """Insert `new` and apply `changed` (as seen, wanted) pairs in one all-or-nothing write."""
        new, changed = list(new), list(changed)
        with self.store.transaction():
            self._sync()
            for old, _wanted in changed:
                self._check_unchanged(old)
            freed = {duplicate_key(old) for old, wanted in changed if duplicate_key(old) != duplicate_key(wanted)}
            taken = set(self._by_key) - freed
            for sample in new + [wanted for old, wanted in changed if duplicate_key(old) != duplicate_key(wanted)]:
                key = duplicate_key(sample)
                if key in taken:
                    raise ConflictError(
                        _("there is already a usage sample for {key}; nothing was saved").format(key=describe_key(key))
                    )
                taken.add(key)
            table = self.store.table(TABLE)
            if changed:
                records = {describe_key(duplicate_key(old)): sample_to_record(wanted) for old, wanted in changed}

                def overwrite(doc: dict) -> None:
                    replacement = records[f"{doc['product']} {doc['date']}"]
                    doc.clear()
                    doc.update(replacement)

                doc_ids = [self._doc_ids[duplicate_key(old)] for old, _wanted in changed]
                table.update(overwrite, doc_ids=doc_ids)
                for old, _wanted in changed:
                    self._forget(duplicate_key(old))
                for (_old, wanted), doc_id in zip(changed, doc_ids):
                    self._remember(wanted, doc_id)
            if new:
                for sample, doc_id in zip(new, table.insert_multiple(sample_to_record(s) for s in new)):
                    self._remember(sample, doc_id)

    def _check_unchanged(self, seen: UsageSample) -> None:
        key = duplicate_key(seen)
        current = self._by_key.get(key)
        if current is None:
            raise NotFoundError(_("the usage sample {key} no longer exists").format(key=describe_key(key)))
        if current != seen:
            raise ConflictError(
                _("the usage sample {key} was changed elsewhere meanwhile; nothing was saved").format(
                    key=describe_key(key))
            )

    def _forget(self, key: Key) -> None:
        del self._by_key[key]
        del self._doc_ids[key]
        self._groups = None

    def _remember(self, sample: UsageSample, doc_id: int) -> None:
        key = duplicate_key(sample)
        self._by_key[key] = sample
        self._doc_ids[key] = doc_id
        self._groups = None
