"""Contract import (all or nothing, with a dry run) and export as CSV or JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tui.domain.contract import CONTRACT_COLUMNS, REQUIRED_COLUMNS, Contract, change_text
from tui.domain.contract_validation import validate_contract
from tui.domain.text import printable
from tui.i18n import _
from tui.store.transfer.csv_reader import read_csv
from tui.store.transfer.import_plan import ImportPlan, plan_import
from tui.store.records import history_to_record


class ContractImportPlan(ImportPlan[Contract]):
    def item_lines(self) -> list[str]:
        lines = [f"+ {c.id}  {c.product}" for c in self.new]
        for old, new in self.changed:
            detail = ", ".join("{field}: {old} → {new}".format(field=ch.field, old=texts[0], new=texts[1])
                               for ch in old.changes_to(new) for texts in (change_text(ch),))
            lines.append(f"~ {old.id}  {printable(detail)}")
        return lines


@dataclass
class _ContractRows:
    """Contract rows: columns left out keep the stored value; the id is checked for repeats even in a bad row."""

    existing: Mapping[str, Contract]
    decimal_comma: bool
    partners: Collection[str] | None

    def check(self, raw: dict[str, str]) -> tuple[Contract | None, dict[str, str]]:
        stored = self.existing.get(raw.get("id", "").strip())
        if stored is not None:
            raw = {column: raw.get(column, stored.field_text(column)) for column in CONTRACT_COLUMNS}
        return validate_contract(raw, decimal_comma=self.decimal_comma, from_csv=True,
                                 partners=self.partners, keep_partner=stored.partner if stored else "")

    def key(self, contract: Contract | None, raw: dict[str, str], errors: dict[str, str]) -> str | None:
        contract_id = contract.id if contract is not None else raw.get("id", "").strip()
        return contract_id if contract_id and "id" not in errors else None

    def repeated(self, contract_id: str, contract: Contract | None, first_line: int) -> tuple[str, str]:
        return "id", _("'{id}' is also on line {line}").format(id=printable(contract_id), line=first_line)

    def same(self, stored: Contract, contract: Contract) -> bool:
        return not stored.changes_to(contract)


def plan_contract_import(path: Path | str, existing: Mapping[str, Contract], *, name: str | None = None,
                         partners: Collection[str] | None = None) -> ContractImportPlan:
    """Validate every row of `path` against the contract rules; raise CsvRejected listing every problem.

    Columns left out of the file keep the stored value for existing contracts.  With `partners` (the
    directory's ids) a partner must be one of them, unless the contract already had it.
    """
    table = read_csv(path, known=CONTRACT_COLUMNS, required=REQUIRED_COLUMNS, name=name)
    return plan_import(table, existing, _ContractRows(existing, table.decimal_comma, partners),
                       ContractImportPlan())


def write_contracts_csv(contracts: Iterable[Contract], stream: IO[str]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CONTRACT_COLUMNS)
    for contract in contracts:
        writer.writerow([contract.field_text(column) for column in CONTRACT_COLUMNS])


def contract_to_json(contract: Contract) -> dict:
    data: dict = {column: contract.field_text(column) for column in CONTRACT_COLUMNS}
    data["quantity"] = contract.quantity
    data["history"] = [history_to_record(h) for h in contract.history]
    return data


def write_contracts_json(contracts: Iterable[Contract], stream: IO[str]) -> None:
    json.dump([contract_to_json(c) for c in contracts], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
