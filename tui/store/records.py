"""Contracts to and from the JSON documents stored in TinyDB (ISO dates, prices as strings)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any

from tui.domain.contract import Contract, FieldChange, HistoryEntry

# Reading 10,000 contracts is on the way to the first screen, so records become objects without the
# frozen dataclasses' __init__ and its keyword handling: each slot is set directly.
_new = object.__new__
_set = object.__setattr__
assert [f.name for f in fields(Contract)] == ["id", "product", "quantity", "end", "unit_price", "currency", "start",
                                             "partner", "certificate", "order", "notes", "history", "revision"], \
    "update contract_from_record"
assert [f.name for f in fields(HistoryEntry)] == ["on", "source", "changes"], "update history_from_record"
assert [f.name for f in fields(FieldChange)] == ["field", "old", "new"], "update history_from_record"


class SharedValues:
    """Equal values that many records repeat — a product, a currency, a partner, a day, a price, a
    history entry without changes — made once and shared: they are immutable.  Pass one instance
    when reading many records; with 10,000 contracts that is some 3 MB less."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.days: dict[str, date] = {}
        self.prices: dict[str, Decimal] = {}
        self.entries: dict[tuple[str, str], HistoryEntry] = {}

    def text(self, text: str) -> str:
        return self.texts.setdefault(text, text)

    def day(self, text: str) -> date:
        day = self.days.get(text)
        if day is None:
            day = self.days[text] = date.fromisoformat(text)
        return day

    def price(self, text: str) -> Decimal:
        price = self.prices.get(text)
        if price is None:
            price = self.prices[text] = Decimal(text)
        return price


def history_to_record(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "on": entry.on.isoformat(),
        "source": entry.source,
        "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in entry.changes],
    }


def history_from_record(raw: dict[str, Any], shared: SharedValues | None = None) -> HistoryEntry:
    """The entry for `raw`; entries without changes (a creation, an import of the same day) are equal
    for many contracts, so with `shared` one immutable object serves them all."""
    shared = shared or SharedValues()
    changes = raw["changes"]
    if not changes:
        key = (raw["on"], raw["source"])
        entry = shared.entries.get(key)
        if entry is not None:
            return entry
    entry = _new(HistoryEntry)
    field_changes = []
    for c in changes:
        change = _new(FieldChange)
        _set(change, "field", shared.text(c["field"]))
        _set(change, "old", c["old"])
        _set(change, "new", c["new"])
        field_changes.append(change)
    _set(entry, "on", shared.day(raw["on"]))
    _set(entry, "source", shared.text(raw["source"]))
    _set(entry, "changes", tuple(field_changes))
    if not changes:
        shared.entries[key] = entry
    return entry


def contract_to_record(contract: Contract) -> dict[str, Any]:
    return {
        "id": contract.id,
        "product": contract.product,
        "quantity": contract.quantity,
        "start": contract.start.isoformat() if contract.start else None,
        "end": contract.end.isoformat(),
        "unit_price": str(contract.unit_price),
        "currency": contract.currency,
        "partner": contract.partner,
        "certificate": contract.certificate,
        "order": contract.order,
        "notes": contract.notes,
        "history": [history_to_record(h) for h in contract.history],
        "revision": contract.revision,
    }


def contract_from_record(raw: dict[str, Any], shared: SharedValues | None = None) -> Contract:
    """The contract stored as `raw`; pass the same `shared` when reading many (see SharedValues)."""
    shared = shared or SharedValues()
    text = shared.texts.setdefault
    day = shared.day
    start = raw.get("start")
    product, currency = raw["product"], raw["currency"]
    partner, notes = raw.get("partner", ""), raw.get("notes", "")
    contract = _new(Contract)
    for set_slot, value in zip(_CONTRACT_SLOTS, (
        raw["id"], text(product, product), raw["quantity"], day(raw["end"]), shared.price(raw["unit_price"]),
        text(currency, currency), day(start) if start else None, text(partner, partner),
        raw.get("certificate", ""), raw.get("order", ""), text(notes, notes),
        tuple([history_from_record(h, shared) for h in raw.get("history", ())]), raw.get("revision", 0),
    )):
        set_slot(contract, value)
    return contract


# Each field's slot setter, in field order (a frozen dataclass refuses setattr; its slots do not).
_CONTRACT_SLOTS = tuple(getattr(Contract, f.name).__set__ for f in fields(Contract))
