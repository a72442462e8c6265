"""Usage import (all or nothing, with a dry run) and export as CSV or JSON.

Rules: columns `product,date,in_use`; every row valid or nothing is written;
a product must already be known (a contract's or existing usage's) unless
new products are allowed; `in_use` a whole number ≥ 0; no day after today;
the same (product, day) twice in the file is an error.  A row for a day that
already has a stored sample replaces its value, and the plan says so.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from tui.domain.text import fold, printable
from tui.domain.usage import USAGE_COLUMNS, UsageSample, duplicate_key, validate_usage
from tui.i18n import _
from tui.store.transfer.csv_reader import CsvRejected, Problem, read_csv
from tui.store.usage import Key


@dataclass
class UsageImportPlan:
    """What an import would do; nothing is written until it is applied."""

    new: list[UsageSample] = field(default_factory=list)
    changed: list[tuple[UsageSample, UsageSample]] = field(default_factory=list)  # (stored, from the file)
    unchanged: int = 0
    new_products: list[str] = field(default_factory=list)

    def describe(self) -> list[str]:
        lines = [_("+ new product: {product}").format(product=printable(p)) for p in self.new_products]
        lines += [
            _("~ {product} {date}: in use {old} → {new} (replaces the stored sample)").format(
                product=printable(new.product), date=new.on.isoformat(), old=old.in_use, new=new.in_use)
            for old, new in self.changed
        ]
        lines.append(
            _("{new} new samples, {changed} replaced, {unchanged} unchanged").format(
                new=len(self.new), changed=len(self.changed), unchanged=self.unchanged
            )
        )
        return lines


def plan_usage_import(
    path: Path | str,
    existing: Mapping[Key, UsageSample],
    known_products: Collection[str],
    *,
    today: date,
    allow_new_products: bool = False,
    name: str | None = None,
) -> UsageImportPlan:
    """Validate every row of `path`; raise CsvRejected listing every problem.

    `existing` maps `(product, day)` to the stored samples; `known_products`
    are the products of the contracts and of the stored usage.  A product is
    stored with its known spelling ("endpoint protection" → "Endpoint
    Protection"); with `allow_new_products` an unknown one is added as first
    spelled in the file.
    """
    table = read_csv(path, known=USAGE_COLUMNS, required=USAGE_COLUMNS, name=name)
    spelling = {fold(product): product for product in known_products}
    plan = UsageImportPlan()
    problems: list[Problem] = []
    first_line: dict[Key, int] = {}
    for line, raw in table:
        # Matched here rather than by validate_usage: one dict lookup a row instead of a scan.
        sample, errors = validate_usage(raw, today=today, known_products=None)
        product = (raw.get("product") or "").strip()
        if "product" not in errors and not allow_new_products and fold(product) not in spelling:
            errors["product"] = _("unknown product '{name}' (no contract or usage has it; "
                                  "--allow-new-product adds it)").format(name=printable(product)[:60])
            sample = None
        problems += [Problem(table.name, line, column, errors[column]) for column in USAGE_COLUMNS
                     if column in errors]
        if sample is None:
            continue
        if fold(sample.product) not in spelling:
            spelling[fold(sample.product)] = sample.product
            plan.new_products.append(sample.product)
        sample = UsageSample(spelling[fold(sample.product)], sample.on, sample.in_use)
        key = duplicate_key(sample)
        if key in first_line:
            problems.append(Problem(table.name, line, "date", _("{product} on {date} is also on line {line}").format(
                product=printable(sample.product)[:60], date=sample.on.isoformat(), line=first_line[key])))
            continue
        first_line[key] = line
        stored = existing.get(key)
        if stored is None:
            plan.new.append(sample)
        elif stored.in_use != sample.in_use:
            plan.changed.append((stored, sample))
        else:
            plan.unchanged += 1
    if problems:
        raise CsvRejected(problems)
    return plan


def write_usage_csv(samples: Iterable[UsageSample], stream: IO[str]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(USAGE_COLUMNS)
    for sample in samples:
        writer.writerow([sample.product, sample.on.isoformat(), sample.in_use])


def write_usage_json(samples: Iterable[UsageSample], stream: IO[str]) -> None:
    items = [{"product": s.product, "date": s.on.isoformat(), "in_use": s.in_use} for s in samples]
    json.dump(items, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
