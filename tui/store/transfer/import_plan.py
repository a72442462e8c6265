"""One import plan for every kind of file: check every row, report every problem, say what would change.

An import is all or nothing: `plan_import` reads each row through the kind's `RowRules`, collects every
problem (a bad value, a row repeated in the file) and raises `CsvRejected` with all of them, or returns
an `ImportPlan` that lists what is new, what changes and how many rows change nothing.  Nothing is
written until the caller applies the plan.  Contracts, partners and usage are CSV rows; rate files
(XML or CSV) are read by their own reader and classified with `ImportPlan.add`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from tui.i18n import _
from tui.store.transfer.csv_reader import CsvRejected, CsvRows, Problem

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
Plan = TypeVar("Plan", bound="ImportPlan")


@dataclass
class ImportPlan(Generic[T]):
    """What an import would do; nothing is written until it is applied."""

    new: list[T] = field(default_factory=list)
    changed: list[tuple[T, T]] = field(default_factory=list)  # (stored, from the file)
    unchanged: int = 0

    def add(self, stored: T | None, item: T, same: Callable[[T, T], bool]) -> None:
        """File `item` as new (nothing stored), unchanged (`same` as the stored one) or changed."""
        if stored is None:
            self.new.append(item)
        elif same(stored, item):
            self.unchanged += 1
        else:
            self.changed.append((stored, item))

    def describe(self) -> list[str]:
        """The lines a dry run prints: one per new or changed item (as the kind shows them), then the counts."""
        return [*self.item_lines(), self.summary()]

    def item_lines(self) -> list[str]:
        return []

    def summary(self) -> str:
        return _("{new} new, {changed} changed, {unchanged} unchanged").format(
            new=len(self.new), changed=len(self.changed), unchanged=self.unchanged)


class RowRules(Protocol[K, T]):
    """How one kind of file's rows become items, and what makes two rows the same item."""

    def check(self, raw: dict[str, str]) -> tuple[T | None, dict[str, str]]:
        """The item (None when it cannot be made) and every problem, as {column: message} in report order."""

    def key(self, item: T | None, raw: dict[str, str], errors: dict[str, str]) -> K | None:
        """What identifies the row's item in the file and the store; None: not checked for repeats."""

    def repeated(self, key: K, item: T | None, first_line: int) -> tuple[str, str]:
        """(column, message) for a row whose key an earlier line already had."""

    def same(self, stored: T, item: T) -> bool:
        """True when importing `item` over `stored` would change nothing."""


def plan_import(table: CsvRows, existing: Mapping[K, T], rules: RowRules[K, T], plan: Plan) -> Plan:
    """Fill `plan` from every row of `table`; raise CsvRejected listing every problem in file order.

    A repeated key is reported even when the row has other errors (where the kind's `key` can tell it),
    so one pass shows every problem.
    """
    problems: list[Problem] = []
    first_line: dict[K, int] = {}
    for line, raw in table:
        item, errors = rules.check(raw)
        problems += [Problem(table.name, line, column, message) for column, message in errors.items()]
        key = rules.key(item, raw, errors)
        if key is not None:
            if key in first_line:
                column, message = rules.repeated(key, item, first_line[key])
                problems.append(Problem(table.name, line, column, message))
                continue
            first_line[key] = line
        if item is not None and key is not None:
            plan.add(existing.get(key), item, rules.same)
    if problems:
        raise CsvRejected(problems)
    return plan
