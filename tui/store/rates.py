"""The rates table: exchange rates, one per (day, base, currency); a new one for the same key replaces it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from tui.domain.exchange import Rate, RateBook
from tui.store.file.database import Store

TABLE = "rates"

Key = tuple[date, str, str]


def rate_to_record(rate: Rate) -> dict:
    return {"date": rate.on.isoformat(), "base": rate.base, "currency": rate.currency, "rate": str(rate.rate),
            "source": rate.source}


def rate_from_record(raw: dict) -> Rate:
    return Rate(date.fromisoformat(raw["date"]), raw["base"], raw["currency"], Decimal(raw["rate"]),
                raw.get("source", ""))


def _stored_key(raw: dict) -> tuple[str, str, str]:
    return raw["date"], raw["base"], raw["currency"]


class RateRepository:
    """A few thousand rates at most (a BNR year is ~250 days × 30 currencies): read whole when asked."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Rate]:
        """Every stored rate, by date, base, currency (of one key stored twice, the last)."""
        self.store.catch_up()
        rates = {}
        for _doc_id, raw in self.store.documents(TABLE):
            rate = rate_from_record(raw)
            rates[rate.key] = rate
        return sorted(rates.values(), key=lambda r: r.key)

    def book(self) -> RateBook:
        return RateBook(self.all())

    def by_key(self) -> dict[Key, Rate]:
        return {rate.key: rate for rate in self.all()}

    def save_many(self, rates: Iterable[Rate]) -> None:
        """Store `rates` in one write; each replaces a stored rate of the same day, base and currency."""
        rates = list(rates)
        if not rates:
            return
        with self.store.transaction():
            wanted = {(r.on.isoformat(), r.base, r.currency): r for r in rates}
            table = self.store.table(TABLE)
            stored = self.store.doc_ids(TABLE, _stored_key, wanted)
            if stored:
                def overwrite(doc: dict) -> None:
                    replacement = rate_to_record(wanted[_stored_key(doc)])
                    doc.clear()
                    doc.update(replacement)

                table.update(overwrite, doc_ids=list(stored.values()))
            table.insert_multiple(rate_to_record(rate) for key, rate in wanted.items() if key not in stored)

    def delete(self, rate: Rate) -> None:
        with self.store.transaction():
            ids = self.store.doc_ids(TABLE, _stored_key, [(rate.on.isoformat(), rate.base, rate.currency)])
            if ids:
                self.store.table(TABLE).remove(doc_ids=list(ids.values()))
