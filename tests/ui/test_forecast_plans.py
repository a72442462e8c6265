"""The Forecast tab's model: products from contracts and usage, one cached plan per product and setting."""

from __future__ import annotations

from datetime import date

from tests.conftest import make_contract
from tui.domain.forecast import add_months
from tui.domain.usage import UsageSample
from tui.ui.forecast.plans import ForecastData, ForecastSettings, PlanBook

TODAY = date(2026, 11, 27)


def usage(product: str, months: int = 12, start: int = 100) -> list[UsageSample]:
    first = add_months(date(2026, 11, 1), -months)
    return [UsageSample(product, add_months(first, i).replace(day=10), start + 2 * i) for i in range(months)]


def book(settings: ForecastSettings = ForecastSettings()) -> PlanBook:
    contracts = [make_contract("A", product="Backup Exec", quantity=90, end=date(2027, 6, 30)),
                 make_contract("B", product="Vault Suite", quantity=5, end=date(2027, 1, 31))]
    samples = {"Backup Exec": usage("Backup Exec"), "ProxySG": usage("ProxySG", 3, 2),
               "backup exec": [UsageSample("backup exec", date(2026, 11, 2), 150)]}
    return PlanBook(ForecastData(contracts, samples), TODAY, settings)


def test_products_come_from_contracts_and_usage_once_each_whatever_the_spelling() -> None:
    plans = book()
    assert plans.data.products == ["Backup Exec", "ProxySG", "Vault Suite"]
    merged = plans.data.samples_for("BACKUP EXEC")
    assert [s.on for s in merged] == sorted(s.on for s in merged) and merged[-1].in_use == 150


def test_rows_are_computed_once_and_say_why_there_is_no_plan() -> None:
    plans = book()
    row = plans.row("Backup Exec")
    assert plans.row("Backup Exec") is row
    assert (row.owned_now, row.latest_peak, row.gap) == (90, 150, 60)
    assert row.plan.horizon == date(2027, 11, 27) and row.plan.recommendation.owned == 0
    vault = plans.row("Vault Suite")
    assert (vault.plan, vault.latest_peak, vault.problem) == (None, None, "no usage recorded")
    assert plans.row("ProxySG").plan.result.method == "headroom"  # 3 months: too few for a trend


def test_at_the_contract_end_each_product_gets_its_own_horizon() -> None:
    plans = book(ForecastSettings(months=None))
    assert plans.row("Backup Exec").plan.horizon == date(2027, 6, 30)
    assert plans.row("Backup Exec").plan.recommendation.owned == 90
    assert plans.row("ProxySG").problem == "no contract, so no end date"
    assert plans.owned_by_month("Backup Exec", [date(2027, 5, 1), date(2027, 6, 1), date(2027, 7, 1)],
                                date(2027, 6, 30)) == [90, 90, 0]
