"""Renewals exported as JSON (the stored records) or CSV (one row per renewal and contract)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from tui.domain.renewal import Renewal
from tui.store.renewal_records import renewal_to_record

RENEWAL_CSV_COLUMNS = (
    "renewal", "status", "to", "uplift", "fee_rate", "partner", "sent_on", "order", "confirmed_on",
    "created_on", "updated_on", "contract", "product", "quantity", "new_quantity", "end", "years", "days",
    "amount", "reinstatement_fee", "additional_amount", "total", "currency", "new_certificate", "quoted",
)


def write_renewals_json(renewals: Iterable[Renewal], stream: IO[str]) -> None:
    json.dump([renewal_to_record(r) for r in renewals], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_renewals_csv(renewals: Iterable[Renewal], stream: IO[str]) -> None:
    """Amounts are the quote as last saved; a renewal not yet priced has empty amount columns."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(RENEWAL_CSV_COLUMNS)
    for renewal in renewals:
        record = renewal_to_record(renewal)
        head = [renewal.id, renewal.status.value, record["to"] or "", record["uplift"], record["fee_rate"],
                renewal.partner, record["sent_on"] or "", renewal.order, record["confirmed_on"] or "",
                record["created_on"] or "", record["updated_on"] or ""]
        lines = {line.contract_id: line for line in renewal.quote.lines} if renewal.quote else {}
        for contract_id in renewal.contract_ids or ("",):
            line = lines.get(contract_id)
            if line is None:
                priced = [""] * 11
            else:
                priced = [line.product, line.quantity, line.quantity + line.added, line.end.isoformat(),
                          line.years, line.days, line.amount, line.reinstatement_fee, line.additional_amount,
                          line.total, line.currency]
            quoted = renewal.quoted.get(line.currency, "") if line else ""
            writer.writerow(head + [contract_id, *priced, renewal.certificates.get(contract_id, ""), quoted])
