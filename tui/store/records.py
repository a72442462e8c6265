"""Contracts to and from the JSON documents stored in TinyDB (ISO dates, prices as strings)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any

from tui.domain.contract import Contract, FieldChange, HistoryEntry

# Reading 10,000 contracts is on the way to the first screen, so records become objects without the
# frozen dataclasses' __init__ (one object.__setattr__ per field): the same attributes, set directly.
_new = object.__new__
assert [f.name for f in fields(Contract)] == ["id", "product", "quantity", "end", "unit_price", "currency", "start",
                                             "partner", "certificate", "order", "notes", "history", "revision"], \
    "update contract_from_record"
assert [f.name for f in fields(HistoryEntry)] == ["on", "source", "changes"], "update history_from_record"
assert [f.name for f in fields(FieldChange)] == ["field", "old", "new"], "update history_from_record"


def history_to_record(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "on": entry.on.isoformat(),
        "source": entry.source,
        "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in entry.changes],
    }


def history_from_record(raw: dict[str, Any], shared: dict[tuple[str, str], HistoryEntry] | None = None) -> HistoryEntry:
    """The entry for `raw`; entries without changes (a creation, an import of the same day) are equal
    for many contracts, so with `shared` one immutable object serves them all."""
    changes = raw["changes"]
    if not changes and shared is not None:
        key = (raw["on"], raw["source"])
        entry = shared.get(key)
        if entry is None:
            entry = shared[key] = history_from_record(raw)
        return entry
    entry = _new(HistoryEntry)
    field_changes = []
    for c in changes:
        change = _new(FieldChange)
        values = change.__dict__  # item by item, in field order: the instances keep sharing their keys
        values["field"] = c["field"]
        values["old"] = c["old"]
        values["new"] = c["new"]
        field_changes.append(change)
    values = entry.__dict__
    values["on"] = date.fromisoformat(raw["on"])
    values["source"] = raw["source"]
    values["changes"] = tuple(field_changes)
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


def contract_from_record(raw: dict[str, Any], shared: dict[tuple[str, str], HistoryEntry] | None = None) -> Contract:
    """The contract stored as `raw`; pass the same `shared` dict when reading many (see history_from_record)."""
    start = raw.get("start")
    contract = _new(Contract)
    values = contract.__dict__  # item by item, in field order, as __init__ sets them: the instances share keys
    values["id"] = raw["id"]
    values["product"] = raw["product"]
    values["quantity"] = raw["quantity"]
    values["end"] = date.fromisoformat(raw["end"])
    values["unit_price"] = Decimal(raw["unit_price"])
    values["currency"] = raw["currency"]
    values["start"] = date.fromisoformat(start) if start else None
    values["partner"] = raw.get("partner", "")
    values["certificate"] = raw.get("certificate", "")
    values["order"] = raw.get("order", "")
    values["notes"] = raw.get("notes", "")
    values["history"] = tuple([history_from_record(h, shared) for h in raw.get("history", ())])
    values["revision"] = raw.get("revision", 0)
    return contract
