"""plan_product: the forecast and the purchase advice for one product at a horizon date."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import make_contract
from tui.domain.forecast import ForecastError
from tui.domain.forecast.planning import (
    contract_end,
    horizon_in_months,
    known_products,
    match_product,
    owned_licences,
    plan_product,
    shift_months,
    stale_usage_text,
    usage_age_months,
)
from tui.domain.forecast.series import add_months
from tui.domain.usage import UsageSample

WORKED = (120, 118, 125, 131, 128, 135, 140, 138, 146, 150, 149, 157)  # domain.md


def worked_samples(product: str = "Endpoint Protection") -> list[UsageSample]:
    """The worked example's 12 monthly peaks, Jan–Dec 2025, each with a lower sample earlier in the month."""
    samples = []
    for i, peak in enumerate(WORKED):
        month = add_months(date(2025, 1, 1), i)
        samples += [UsageSample(product, month.replace(day=3), peak - 5),
                    UsageSample(product, month.replace(day=20), peak)]
    return samples


def test_the_worked_example_gives_207_and_compares_with_what_is_owned_then() -> None:
    contracts = [make_contract("A", product="Endpoint Protection", quantity=150, end=date(2026, 12, 31)),
                 make_contract("B", product="Endpoint Protection", quantity=30, end=date(2026, 6, 30)),
                 make_contract("C", product="Backup Exec", quantity=999, end=date(2027, 12, 31))]
    plan = plan_product("Endpoint Protection", worked_samples(), contracts, date(2026, 12, 15), date(2026, 1, 10),
                        method="linear")
    assert round(plan.result.at_horizon.expected, 2) == 195.83
    assert plan.recommendation.recommended == 207
    assert (plan.recommendation.owned, plan.recommendation.to_buy, plan.recommendation.surplus) == (150, 57, 0)
    assert (plan.owned_now, plan.latest_peak, plan.latest_month) == (180, 157, date(2025, 12, 1))
    assert plan.gap == 0


def test_the_product_is_matched_ignoring_case_and_diacritics_in_samples_and_contracts() -> None:
    contracts = [make_contract("A", product="protecție endpoint", quantity=10, end=date(2027, 1, 1))]
    samples = [UsageSample("Protecţie Endpoint", s.on, s.in_use) for s in worked_samples()]
    plan = plan_product("PROTECTIE ENDPOINT", samples, contracts, date(2026, 12, 15), date(2026, 1, 10))
    assert plan.owned_now == 10 and plan.gap == 147
    assert plan.recommendation.owned == 10


def test_no_usage_or_a_horizon_not_after_the_last_month_is_a_forecast_error() -> None:
    with pytest.raises(ForecastError, match="no usage"):
        plan_product("Backup Exec", worked_samples(), [], date(2026, 12, 1), date(2026, 1, 10))
    with pytest.raises(ForecastError, match="after the last month"):
        plan_product("Endpoint Protection", worked_samples(), [], date(2025, 12, 31), date(2025, 12, 21))


@pytest.mark.parametrize("horizon", [date(2026, 1, 9), date(2026, 1, 10)])
def test_a_horizon_not_after_today_is_refused(horizon) -> None:
    with pytest.raises(ForecastError, match="is not after today"):
        plan_product("Endpoint Protection", worked_samples(), [], horizon, date(2026, 1, 10))


def test_old_usage_is_said_after_three_months() -> None:
    newest = date(2025, 12, 20)
    assert stale_usage_text(newest, date(2026, 3, 20)) == ""
    assert stale_usage_text(newest, date(2026, 3, 21)) == "usage data is 3 months old (newest sample 2025-12-20)"
    assert stale_usage_text(newest, date(2026, 12, 6)) == "usage data is 11 months old (newest sample 2025-12-20)"
    assert usage_age_months(date(2025, 1, 31), date(2025, 2, 27)) == 0
    assert usage_age_months(date(2025, 1, 31), date(2025, 2, 28)) == 1  # the month is over: clamped to its end
    plan = plan_product("Endpoint Protection", worked_samples(), [], date(2026, 6, 1), date(2026, 1, 10))
    assert plan.latest_sample == date(2025, 12, 20)


def test_few_months_fall_back_to_headroom_with_the_given_margin() -> None:
    samples = worked_samples()[:8]  # 4 months
    plan = plan_product("Endpoint Protection", samples, [], date(2026, 1, 1), date(2025, 5, 1), headroom=0.5)
    assert plan.result.method == "headroom"
    assert plan.recommendation.recommended == 197  # ceil(131 × 1.5)


def test_helpers_months_products_and_contract_end() -> None:
    assert shift_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert shift_months(date(2026, 3, 15), -14) == date(2025, 1, 15)
    assert horizon_in_months(date(2026, 11, 27), 12) == date(2027, 11, 27)
    contracts = [make_contract("A", product="Backup Exec", end=date(2027, 3, 31)),
                 make_contract("B", product="backup exec", end=date(2028, 1, 31), quantity=5)]
    samples = [UsageSample("ProxySG", date(2026, 1, 1), 2)]
    assert known_products(contracts, samples) == ["Backup Exec", "ProxySG"]
    assert match_product("  proxysg ", ["Backup Exec", "ProxySG"]) == "ProxySG"
    assert match_product("Proxy", ["ProxySG"]) is None
    assert contract_end("BACKUP EXEC", contracts) == date(2028, 1, 31)
    assert contract_end("ProxySG", contracts) is None
    assert owned_licences("Backup Exec", contracts, date(2027, 6, 1)) == 5
    assert owned_licences("Backup Exec", contracts, date(2027, 3, 31)) == 15
