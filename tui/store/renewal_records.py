"""Renewals to and from the JSON documents stored in TinyDB (ISO dates, amounts as strings).

The same dictionaries are what `renewals export renewals --format json` prints.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tui.domain.coterm import Quote, QuoteLine
from tui.domain.money import totals_by_currency
from tui.domain.renewal import Proof, Renewal, RenewalEvent, RenewalStatus

_LINE_AMOUNTS = ("amount", "reinstatement_fee", "additional_amount", "total")


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def quote_line_to_record(line: QuoteLine) -> dict[str, Any]:
    return {
        "id": line.contract_id, "product": line.product, "currency": line.currency,
        "quantity": line.quantity, "added": line.added, "end": line.end.isoformat(),
        "years": line.years, "days": line.days,
        **{name: str(getattr(line, name)) for name in _LINE_AMOUNTS},
    }


def quote_line_from_record(raw: dict[str, Any]) -> QuoteLine:
    return QuoteLine(
        contract_id=raw["id"], product=raw["product"], currency=raw["currency"], quantity=raw["quantity"],
        added=raw["added"], end=date.fromisoformat(raw["end"]), years=raw["years"], days=raw["days"],
        **{name: Decimal(raw[name]) for name in _LINE_AMOUNTS},
    )


def quote_to_record(quote: Quote | None) -> dict[str, Any] | None:
    if quote is None:
        return None
    return {
        "to": quote.to.isoformat(),
        "lines": [quote_line_to_record(line) for line in quote.lines],
        "totals": {currency: str(total) for currency, total in quote.totals.items()},
    }


def quote_from_record(raw: dict[str, Any] | None) -> Quote | None:
    if not raw:
        return None
    lines = tuple(quote_line_from_record(line) for line in raw["lines"])
    return Quote(date.fromisoformat(raw["to"]), lines, totals_by_currency((l.currency, l.total) for l in lines))


def proof_to_record(proof: Proof) -> dict[str, Any]:
    return {"certificate": proof.certificate, "order": proof.order,
            "purchase_date": _day(proof.purchase_date), "checked": sorted(proof.checked)}


def proof_from_record(raw: dict[str, Any]) -> Proof:
    return Proof(certificate=raw.get("certificate", ""), order=raw.get("order", ""),
                 purchase_date=_parse_day(raw.get("purchase_date")), checked=frozenset(raw.get("checked", ())))


def renewal_to_record(renewal: Renewal) -> dict[str, Any]:
    return {
        "id": renewal.id,
        "status": renewal.status.value,
        "step": renewal.step,
        "contracts": list(renewal.contract_ids),
        "to": _day(renewal.to),
        "uplift": str(renewal.uplift),
        "fee_rate": str(renewal.fee_rate),
        "proofs": {cid: proof_to_record(p) for cid, p in renewal.proofs.items()},
        "quantities": dict(renewal.quantities),
        "quote": quote_to_record(renewal.quote),
        "partner": renewal.partner,
        "contact": renewal.contact,
        "request_folder": renewal.request_folder,
        "request_path": renewal.request_path,
        "request_text": renewal.request_text,
        "sent_on": _day(renewal.sent_on),
        "quoted": {currency: str(amount) for currency, amount in renewal.quoted.items()},
        "certificates": dict(renewal.certificates),
        "order": renewal.order,
        "confirmed_on": _day(renewal.confirmed_on),
        **({"set_partner": True} if renewal.set_partner else {}),
        "created_on": _day(renewal.created_on),
        "updated_on": _day(renewal.updated_on),
        "events": [{"on": e.on.isoformat(), "seq": e.seq, "what": e.what, "detail": e.detail}
                   for e in renewal.events],
        "revision": renewal.revision,
    }


def renewal_from_record(raw: dict[str, Any]) -> Renewal:
    return Renewal(
        id=raw["id"],
        status=RenewalStatus(raw["status"]),
        step=raw.get("step", 1),
        contract_ids=tuple(raw.get("contracts", ())),
        to=_parse_day(raw.get("to")),
        uplift=Decimal(raw.get("uplift", "0")),
        fee_rate=Decimal(raw.get("fee_rate", "0.25")),
        proofs={cid: proof_from_record(p) for cid, p in raw.get("proofs", {}).items()},
        quantities={cid: int(q) for cid, q in raw.get("quantities", {}).items()},
        quote=quote_from_record(raw.get("quote")),
        partner=raw.get("partner", ""),
        contact=raw.get("contact", ""),
        request_folder=raw.get("request_folder", ""),
        request_path=raw.get("request_path", ""),
        request_text=raw.get("request_text", ""),
        sent_on=_parse_day(raw.get("sent_on")),
        quoted={currency: Decimal(amount) for currency, amount in raw.get("quoted", {}).items()},
        certificates=dict(raw.get("certificates", {})),
        order=raw.get("order", ""),
        set_partner=bool(raw.get("set_partner", False)),
        confirmed_on=_parse_day(raw.get("confirmed_on")),
        events=tuple(RenewalEvent(date.fromisoformat(e["on"]), e["seq"], e["what"], e.get("detail", ""))
                     for e in raw.get("events", ())),
        revision=raw.get("revision", 0),
    )
