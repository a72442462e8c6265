"""Partner import (all or nothing, with a dry run) and export, in the shipped directory's CSV format."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tui.domain.partner import PARTNER_COLUMNS, Partner, validate_partner
from tui.domain.text import printable
from tui.i18n import _
from tui.store.transfer.csv_reader import read_csv
from tui.store.transfer.import_plan import ImportPlan, plan_import

# Only `id` must be a column: a file may update one column of existing partners (the rest keep their
# stored values); a new partner still needs every required value, and is refused row by row otherwise.
REQUIRED_PARTNER_COLUMNS = frozenset({"id"})


class PartnerImportPlan(ImportPlan[Partner]):
    def item_lines(self) -> list[str]:
        lines = [f"+ {printable(p.id)}  {printable(p.name)}" for p in self.new]
        for old, new in self.changed:
            detail = ", ".join(
                f"{column}: {old.field_text(column) or '∅'} → {new.field_text(column) or '∅'}"
                for column in PARTNER_COLUMNS
                if old.field_text(column) != new.field_text(column)
            )
            lines.append(f"~ {printable(old.id)}  {printable(detail)}")
        return lines


@dataclass
class _PartnerRows:
    """Partner rows: columns left out keep the stored value; a valid partner's id must not repeat."""

    existing: Mapping[str, Partner]

    def check(self, raw: dict[str, str]) -> tuple[Partner | None, dict[str, str]]:
        stored = self.existing.get(raw.get("id", "").strip())
        if stored is not None:
            raw = {column: raw.get(column, stored.field_text(column)) for column in PARTNER_COLUMNS}
        return validate_partner(raw)

    def key(self, partner: Partner | None, raw: dict[str, str], errors: dict[str, str]) -> str | None:
        return partner.id if partner is not None else None

    def repeated(self, partner_id: str, partner: Partner | None, first_line: int) -> tuple[str, str]:
        return "id", _("'{id}' is also on line {line}").format(id=printable(partner_id), line=first_line)

    def same(self, stored: Partner, partner: Partner) -> bool:
        return all(stored.field_text(c) == partner.field_text(c) for c in PARTNER_COLUMNS)


def plan_partner_import(
    path: Path | str, existing: Mapping[str, Partner], *, name: str | None = None
) -> PartnerImportPlan:
    """Validate every row of `path` with the partner rules; raise CsvRejected listing every problem."""
    table = read_csv(path, known=PARTNER_COLUMNS, required=REQUIRED_PARTNER_COLUMNS, name=name)
    return plan_import(table, existing, _PartnerRows(existing), PartnerImportPlan())


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
