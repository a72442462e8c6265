"""Contracts to and from the JSON documents stored in TinyDB (ISO dates, prices as strings)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tui.domain.contract import Contract, FieldChange, HistoryEntry


def history_to_record(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "on": entry.on.isoformat(),
        "source": entry.source,
        "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in entry.changes],
    }


def history_from_record(raw: dict[str, Any]) -> HistoryEntry:
    return HistoryEntry(
        on=date.fromisoformat(raw["on"]),
        source=raw["source"],
        changes=tuple(FieldChange(c["field"], c["old"], c["new"]) for c in raw["changes"]),
    )


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


def contract_from_record(raw: dict[str, Any]) -> Contract:
    start = raw.get("start")
    return Contract(
        id=raw["id"],
        product=raw["product"],
        quantity=raw["quantity"],
        start=date.fromisoformat(start) if start else None,
        end=date.fromisoformat(raw["end"]),
        unit_price=Decimal(raw["unit_price"]),
        currency=raw["currency"],
        partner=raw.get("partner", ""),
        certificate=raw.get("certificate", ""),
        order=raw.get("order", ""),
        notes=raw.get("notes", ""),
        history=tuple(history_from_record(h) for h in raw.get("history", ())),
        revision=raw.get("revision", 0),
    )
