"""The usage table: licence-usage samples, one per (product, day), and safe writes.

A sample has no id of its own: `(product, day)` is its key (`duplicate_key`).
Instead of a revision number, every change names the sample as the caller saw
it, and the write is refused with ConflictError when the stored sample is no
longer that (another session changed or removed it meanwhile).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from datetime import date

from tui.domain.usage import UsageSample, duplicate_key
from tui.i18n import _
from tui.store.file.database import Store
from tui.store.errors import ConflictError, NotFoundError
from tui.store.table_index import TableIndex

TABLE = "usage"

Key = tuple[str, date]


def sample_to_record(sample: UsageSample) -> dict:
    return {"product": sample.product, "date": sample.on.isoformat(), "in_use": sample.in_use}


def describe_key(key: Key) -> str:
    return f"{key[0]} {key[1].isoformat()}"


class UsageRepository(TableIndex):
    """Reads come from the samples grouped by product, rebuilt only when the file was reloaded; every
    write is one transaction.

    With 200 products × 36 months of samples (21,600) an index by key and the
    document ids of every sample took half the memory of the samples
    themselves; a lookup is a binary search in the product's samples instead,
    and a write finds the document ids it needs in the stored table.
    """

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._groups: dict[str, list[UsageSample]] = {}  # product -> its samples by date; products sorted

    # -- reading -----------------------------------------------------------
    def _rebuild(self) -> None:
        by_product: dict[str, dict[date, UsageSample]] = {}
        days: dict[str, date] = {}  # a few hundred distinct days among many samples: parse each once
        products: dict[str, str] = {}  # and a few hundred products: one text each
        for _doc_id, raw in self.store.documents(TABLE):  # one at a time: never all in memory as documents
            text = raw["date"]
            day = days.get(text) or days.setdefault(text, date.fromisoformat(text))
            product = products.setdefault(raw["product"], raw["product"])
            samples = by_product.get(product)
            if samples is None:
                samples = by_product[product] = {}
            samples[day] = UsageSample(product, day, raw["in_use"])  # the last of the same day, as stored
        self._groups = {product: sorted(by_product[product].values(), key=_day) for product in sorted(by_product)}

    def samples(self, product: str | None = None) -> list[UsageSample]:
        """Every sample (or one product's, by its exact stored name), sorted by product, then date."""
        self._sync()
        if product is None:
            return [sample for samples in self._groups.values() for sample in samples]
        return list(self._groups.get(product, ()))

    def by_product(self) -> dict[str, list[UsageSample]]:
        """Each product's samples, sorted by date (one pass: cheaper than `samples(p)` for every product)."""
        self._sync()
        return {product: list(samples) for product, samples in self._groups.items()}

    def products(self) -> list[str]:
        """The products that have usage, sorted."""
        self._sync()
        return list(self._groups)

    def get(self, product: str, on: date) -> UsageSample | None:
        self._sync()
        return self._find((product, on))

    def __len__(self) -> int:
        self._sync()
        return sum(len(samples) for samples in self._groups.values())

    def _find(self, key: Key) -> UsageSample | None:
        samples = self._groups.get(key[0], ())
        at = bisect_left(samples, key[1], key=_day)
        return samples[at] if at < len(samples) and samples[at].on == key[1] else None

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
            self.store.table(TABLE).remove(doc_ids=self._doc_ids([key]))
            self._forget(key)

    def save_many(self, new: Iterable[UsageSample], changed: Iterable[tuple[UsageSample, UsageSample]]) -> None:
        """Insert `new` and apply `changed` (as seen, wanted) pairs in one all-or-nothing write."""
        new, changed = list(new), list(changed)
        with self.store.transaction():
            self._sync()
            for old, _wanted in changed:
                self._check_unchanged(old)
            freed = {duplicate_key(old) for old, wanted in changed if duplicate_key(old) != duplicate_key(wanted)}
            added: set[Key] = set()
            for sample in new + [wanted for old, wanted in changed if duplicate_key(old) != duplicate_key(wanted)]:
                key = duplicate_key(sample)
                if key in added or (key not in freed and self._find(key) is not None):
                    raise ConflictError(
                        _("there is already a usage sample for {key}; nothing was saved").format(key=describe_key(key))
                    )
                added.add(key)
            table = self.store.table(TABLE)
            if changed:
                records = {describe_key(duplicate_key(old)): sample_to_record(wanted) for old, wanted in changed}

                def overwrite(doc: dict) -> None:
                    replacement = records[f"{doc['product']} {doc['date']}"]
                    # every field this version knows is written; fields a newer version added stay
                    doc.update(replacement)

                table.update(overwrite, doc_ids=self._doc_ids(duplicate_key(old) for old, _wanted in changed))
                for old, _wanted in changed:
                    self._forget(duplicate_key(old))
                for _old, wanted in changed:
                    self._remember(wanted)
            if new:
                table.insert_multiple(sample_to_record(s) for s in new)
                for sample in new:
                    self._remember(sample)

    def _doc_ids(self, keys: Iterable[Key]) -> list[int]:
        """The stored documents' ids of `keys` (samples known to be stored)."""
        stored = [(product, day.isoformat()) for product, day in keys]
        return list(self.store.doc_ids(TABLE, _stored_key, stored).values())

    def _check_unchanged(self, seen: UsageSample) -> None:
        key = duplicate_key(seen)
        current = self._find(key)
        if current is None:
            raise NotFoundError(_("the usage sample {key} no longer exists").format(key=describe_key(key)))
        if current != seen:
            raise ConflictError(
                _("the usage sample {key} was changed elsewhere meanwhile; nothing was saved").format(
                    key=describe_key(key))
            )

    def _forget(self, key: Key) -> None:
        samples = self._groups[key[0]]
        samples.remove(self._find(key))
        if not samples:
            del self._groups[key[0]]

    def _remember(self, sample: UsageSample) -> None:
        if sample.product not in self._groups:
            self._groups = dict(sorted({**self._groups, sample.product: []}.items()))
        insort(self._groups[sample.product], sample, key=_day)


def _day(sample: UsageSample) -> date:
    return sample.on


def _stored_key(raw: dict) -> tuple[str, str]:
    return raw["product"], raw["date"]
