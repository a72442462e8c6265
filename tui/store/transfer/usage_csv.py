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
from tui.store.transfer.csv_reader import read_csv
from tui.store.transfer.import_plan import ImportPlan, plan_import
from tui.store.usage import Key


@dataclass
class UsageImportPlan(ImportPlan[UsageSample]):
    new_products: list[str] = field(default_factory=list)

    def item_lines(self) -> list[str]:
        lines = [_("+ new product: {product}").format(product=printable(p)) for p in self.new_products]
        lines += [
            _("~ {product} {date}: in use {old} → {new} (replaces the stored sample)").format(
                product=printable(new.product), date=new.on.isoformat(), old=old.in_use, new=new.in_use)
            for old, new in self.changed
        ]
        return lines

    def summary(self) -> str:
        return _("{new} new samples, {changed} replaced, {unchanged} unchanged").format(
            new=len(self.new), changed=len(self.changed), unchanged=self.unchanged)


@dataclass
class _UsageRows:
    """Usage rows: a product spelled as it is known (or new, when allowed); one sample a product a day."""

    spelling: dict[str, str]  # folded product -> its known spelling
    today: date
    allow_new_products: bool
    new_products: list[str]  # the plan's: a product first seen in the file, as first spelled

    def check(self, raw: dict[str, str]) -> tuple[UsageSample | None, dict[str, str]]:
        # The product is matched here rather than by validate_usage: one dict lookup a row instead of a scan.
        sample, errors = validate_usage(raw, today=self.today, known_products=None)
        product = (raw.get("product") or "").strip()
        if "product" not in errors and not self.allow_new_products and fold(product) not in self.spelling:
            errors["product"] = _("unknown product '{name}' (no contract or usage has it; "
                                  "--allow-new-product adds it)").format(name=printable(product)[:60])
            sample = None
        errors = {column: errors[column] for column in USAGE_COLUMNS if column in errors}
        if sample is None:
            return None, errors
        if fold(sample.product) not in self.spelling:
            self.spelling[fold(sample.product)] = sample.product
            self.new_products.append(sample.product)
        return UsageSample(self.spelling[fold(sample.product)], sample.on, sample.in_use), errors

    def key(self, sample: UsageSample | None, raw: dict[str, str], errors: dict[str, str]) -> Key | None:
        return duplicate_key(sample) if sample is not None else None

    def repeated(self, key: Key, sample: UsageSample | None, first_line: int) -> tuple[str, str]:
        product, day = key
        return "date", _("{product} on {date} is also on line {line}").format(
            product=printable(product)[:60], date=day.isoformat(), line=first_line)

    def same(self, stored: UsageSample, sample: UsageSample) -> bool:
        return stored.in_use == sample.in_use


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
    plan = UsageImportPlan()
    rows = _UsageRows({fold(product): product for product in known_products}, today, allow_new_products,
                      plan.new_products)
    return plan_import(table, existing, rows, plan)


def write_usage_csv(samples: Iterable[UsageSample], stream: IO[str]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(USAGE_COLUMNS)
    for sample in samples:
        writer.writerow([sample.product, sample.on.isoformat(), sample.in_use])


def write_usage_json(samples: Iterable[UsageSample], stream: IO[str]) -> None:
    items = [{"product": s.product, "date": s.on.isoformat(), "in_use": s.in_use} for s in samples]
    json.dump(items, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
