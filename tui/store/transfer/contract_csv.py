"""Contract import (all or nothing, with a dry run) and export as CSV or JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tui.domain.contract import CONTRACT_COLUMNS, REQUIRED_COLUMNS, Contract, change_text
from tui.domain.contract_validation import validate_contract
from tui.domain.text import printable
from tui.i18n import _
from tui.store.transfer.csv_reader import CsvRejected, Problem, read_csv
from tui.store.records import history_to_record


@dataclass
class ContractImportPlan:
    """What an import would do; nothing is written until it is applied."""

    new: list[Contract] = field(default_factory=list)
    changed: list[tuple[Contract, Contract]] = field(default_factory=list)  # (stored, from the file)
    unchanged: int = 0

    def describe(self) -> list[str]:
        lines = [f"+ {c.id}  {c.product}" for c in self.new]
        for old, new in self.changed:
            detail = ", ".join("{field}: {old} → {new}".format(field=ch.field, old=texts[0], new=texts[1])
                               for ch in old.changes_to(new) for texts in (change_text(ch),))
            lines.append(f"~ {old.id}  {printable(detail)}")
        lines.append(
            _("{new} new, {changed} changed, {unchanged} unchanged").format(
                new=len(self.new), changed=len(self.changed), unchanged=self.unchanged
            )
        )
        return lines


def plan_contract_import(path: Path | str, existing: Mapping[str, Contract], *, name: str | None = None,
                         partners: Collection[str] | None = None) -> ContractImportPlan:
    """Validate every row of `path` against the contract rules; raise CsvRejected listing every problem.

    Columns left out of the file keep the stored value for existing contracts.  With `partners` (the
    directory's ids) a partner must be one of them, unless the contract already had it.
    """
    table = read_csv(path, known=CONTRACT_COLUMNS, required=REQUIRED_COLUMNS, name=name)
    problems: list[Problem] = []
    plan = ContractImportPlan()
    first_line: dict[str, int] = {}
    for line, raw in table:
        stored = existing.get(raw.get("id", "").strip())
        if stored is not None:
            raw = {column: raw.get(column, stored.field_text(column)) for column in CONTRACT_COLUMNS}
        contract, errors = validate_contract(raw, decimal_comma=table.decimal_comma, from_csv=True,
                                             partners=partners, keep_partner=stored.partner if stored else "")
        problems += [Problem(table.name, line, column, message) for column, message in errors.items()]
        # A repeated id is reported even when the row has other errors: one pass shows every problem.
        contract_id = contract.id if contract is not None else raw.get("id", "").strip()
        if contract_id and "id" not in errors:
            if contract_id in first_line:
                problems.append(Problem(table.name, line, "id", _("'{id}' is also on line {line}").format(
                    id=printable(contract_id), line=first_line[contract_id])))
                continue
            first_line[contract_id] = line
        if contract is None:
            continue
        if stored is None:
            plan.new.append(contract)
        elif stored.changes_to(contract):
            plan.changed.append((stored, contract))
        else:
            plan.unchanged += 1
    if problems:
        raise CsvRejected(problems)
    return plan


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
