"""Partner import (all or nothing, with a dry run) and export, in the shipped directory's CSV format."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tui.domain.partner import PARTNER_COLUMNS, Partner, validate_partner
from tui.domain.text import printable
from tui.i18n import _
from tui.store.transfer.csv_reader import CsvRejected, Problem, read_csv

# Only `id` must be a column: a file may update one column of existing partners (the rest keep their
# stored values); a new partner still needs every required value, and is refused row by row otherwise.
REQUIRED_PARTNER_COLUMNS = frozenset({"id"})


@dataclass
class PartnerImportPlan:
    """What an import would do; nothing is written until it is applied."""

    new: list[Partner] = field(default_factory=list)
    changed: list[tuple[Partner, Partner]] = field(default_factory=list)  # (stored, from the file)
    unchanged: int = 0

    def describe(self) -> list[str]:
        lines = [f"+ {printable(p.id)}  {printable(p.name)}" for p in self.new]
        for old, new in self.changed:
            detail = ", ".join(
                f"{column}: {old.field_text(column) or '∅'} → {new.field_text(column) or '∅'}"
                for column in PARTNER_COLUMNS
                if old.field_text(column) != new.field_text(column)
            )
            lines.append(f"~ {printable(old.id)}  {printable(detail)}")
        lines.append(
            _("{new} new, {changed} changed, {unchanged} unchanged").format(
                new=len(self.new), changed=len(self.changed), unchanged=self.unchanged
            )
        )
        return lines


def plan_partner_import(
    path: Path | str, existing: Mapping[str, Partner], *, name: str | None = None
) -> PartnerImportPlan:
    """Validate every row of `path` with the partner rules; raise CsvRejected listing every problem."""
    table = read_csv(path, known=PARTNER_COLUMNS, required=REQUIRED_PARTNER_COLUMNS, name=name)
    problems: list[Problem] = []
    plan = PartnerImportPlan()
    first_line: dict[str, int] = {}
    for line, raw in table:
        stored = existing.get(raw.get("id", "").strip())
        if stored is not None:
            raw = {column: raw.get(column, stored.field_text(column)) for column in PARTNER_COLUMNS}
        partner, errors = validate_partner(raw)
        problems += [Problem(table.name, line, column, message) for column, message in errors.items()]
        if partner is None:
            continue
        if partner.id in first_line:
            problems.append(Problem(table.name, line, "id", _("'{id}' is also on line {line}").format(
                id=printable(partner.id), line=first_line[partner.id])))
            continue
        first_line[partner.id] = line
        if stored is None:
            plan.new.append(partner)
        elif any(stored.field_text(c) != partner.field_text(c) for c in PARTNER_COLUMNS):
            plan.changed.append((stored, partner))
        else:
            plan.unchanged += 1
    if problems:
        raise CsvRejected(problems)
    return plan


def write_partners_csv(partners: Iterable[Partner], stream: IO[str]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(PARTNER_COLUMNS)
    for partner in partners:
        writer.writerow([partner.field_text(column) for column in PARTNER_COLUMNS])


def partner_to_json(partner: Partner, distance_km: float | None = None) -> dict:
    """The CSV fields as strings (lists `;`-joined, as in the file), plus `distance_km` when given."""
    data: dict = {column: partner.field_text(column) for column in PARTNER_COLUMNS}
    if distance_km is not None:
        data["distance_km"] = round(distance_km, 1)
    return data
