"""The one import plan every kind of file uses: every problem in one pass, then new / changed / unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tui.domain.exchange import Rate
from tui.store.transfer.csv_reader import CsvRejected, read_csv
from tui.store.transfer.import_plan import ImportPlan, plan_import
from tui.store.transfer.partner_csv import plan_partner_import
from tui.store.transfer.rate_files import plan_rate_import


@dataclass(frozen=True)
class Item:
    name: str
    value: int


class ItemRows:
    """A toy kind: `name,value`; a value must be a whole number; a name may not repeat."""

    def check(self, raw: dict[str, str]) -> tuple[Item | None, dict[str, str]]:
        errors = {}
        if not raw.get("name", "").strip():
            errors["name"] = "is required"
        if not raw.get("value", "").strip().isdigit():
            errors["value"] = "is not a whole number"
        return (None if errors else Item(raw["name"].strip(), int(raw["value"]))), errors

    def key(self, item: Item | None, raw: dict[str, str], errors: dict[str, str]) -> str | None:
        name = raw.get("name", "").strip()
        return name if name and "name" not in errors else None

    def repeated(self, key: str, item: Item | None, first_line: int) -> tuple[str, str]:
        return "name", f"{key} is also on line {first_line}"

    def same(self, stored: Item, item: Item) -> bool:
        return stored.value == item.value


def plan_of(path: Path, existing: dict[str, Item]) -> ImportPlan[Item]:
    table = read_csv(path, known=("name", "value"), required=("name", "value"), name="items.csv")
    return plan_import(table, existing, ItemRows(), ImportPlan())


def test_rows_are_sorted_into_new_changed_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_text("name,value\na,1\nb,2\nc,3\n", encoding="utf-8")
    stored = {"b": Item("b", 2), "c": Item("c", 30)}
    plan = plan_of(path, stored)
    assert plan.new == [Item("a", 1)]
    assert plan.changed == [(Item("c", 30), Item("c", 3))]
    assert plan.unchanged == 1
    assert plan.describe() == ["1 new, 1 changed, 1 unchanged"]


def test_every_problem_is_reported_in_file_order_and_nothing_is_planned(tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_text("name,value\na,1\n,x\na,2\nb,y\nb,3\n", encoding="utf-8")
    with pytest.raises(CsvRejected) as rejected:
        plan_of(path, {})
    assert [str(p) for p in rejected.value.problems] == [
        "items.csv:3: name: is required",
        "items.csv:3: value: is not a whole number",
        "items.csv:4: name: a is also on line 2",
        "items.csv:5: value: is not a whole number",
        "items.csv:6: name: b is also on line 5",  # a bad row still claims its key
    ]


def test_a_repeated_row_is_not_planned_twice(tmp_path: Path) -> None:
    """Reported, and not added: even if the caller caught the rejection, no item would be counted twice."""
    path = tmp_path / "items.csv"
    path.write_text("name,value\na,1\na,1\n", encoding="utf-8")
    plan: ImportPlan[Item] = ImportPlan()
    table = read_csv(path, known=("name", "value"), required=("name", "value"))
    with pytest.raises(CsvRejected):
        plan_import(table, {}, ItemRows(), plan)
    assert plan.new == [Item("a", 1)]


def test_a_kind_shows_its_own_lines_before_the_counts(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id,name,tier,kind,country,city\n"
                    "acme,Acme SRL,Gold,reseller,RO,Cluj-Napoca\n", encoding="utf-8")
    plan = plan_partner_import(path, {})
    assert plan.describe() == ["+ acme  Acme SRL", "1 new, 0 changed, 0 unchanged"]


def test_rate_files_use_the_same_classification(tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text("date,base,currency,rate\n2026-11-02,RON,EUR,4.97\n2026-11-03,RON,EUR,4.98\n",
                    encoding="utf-8")
    stored = plan_rate_import(path, {}, today=date(2026, 12, 1)).new
    assert [r.on for r in stored] == [date(2026, 11, 2), date(2026, 11, 3)]
    first, second = stored
    existing = {first.key: first, second.key: Rate(second.on, second.base, second.currency,
                                                   second.rate * 2, second.source)}
    plan = plan_rate_import(path, existing, today=date(2026, 12, 1))
    assert (plan.new, plan.unchanged, [new for _old, new in plan.changed]) == ([], 1, [second])
    assert plan.describe()[-1] == "CSV file: 0 new rates, 1 replaced, 1 unchanged"
