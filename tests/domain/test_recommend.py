from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.contract import Contract
from tui.domain.forecast import (
    ForecastPoint,
    ForecastResult,
    compliance_gap,
    owned_on,
    recommend,
    recommended_licences,
)


def contract(id, product, quantity, end):
    return Contract(id=id, product=product, quantity=quantity, end=end, unit_price=Decimal("10"), currency="EUR")


CONTRACTS = [
    contract("a", "Backup Exec", 12, date(2025, 12, 23)),
    contract("b", "Backup Exec", 4, date(2026, 5, 11)),
    contract("c", "Backup Exec", 2, date(2026, 11, 27)),
    contract("d", "ProxySG", 2, date(2027, 1, 1)),
]


def result_with_upper95(value):
    point = ForecastPoint(date(2026, 12, 1), value, value, value, value, value)
    return ForecastResult("headroom", "", None, [], [point])


def test_owned_counts_contracts_not_expired_on_the_day():
    assert owned_on(CONTRACTS, "Backup Exec", date(2025, 12, 1)) == 18
    assert owned_on(CONTRACTS, "Backup Exec", date(2025, 12, 23)) == 18  # last day still covered
    assert owned_on(CONTRACTS, "Backup Exec", date(2025, 12, 24)) == 6
    assert owned_on(CONTRACTS, "Backup Exec", date(2026, 6, 1)) == 2
    assert owned_on(CONTRACTS, "Backup Exec", date(2027, 1, 1)) == 0


def test_owned_counts_only_that_product():
    assert owned_on(CONTRACTS, "ProxySG", date(2026, 1, 1)) == 2
    assert owned_on(CONTRACTS, "Endpoint Protection", date(2026, 1, 1)) == 0


def test_worked_example_recommendation():
    advice = recommend(result_with_upper95(206.1567), owned=180)
    assert advice == type(advice)(owned=180, recommended=207, to_buy=27, surplus=0)


def test_surplus_when_owning_more_than_needed():
    advice = recommend(result_with_upper95(95.2), owned=120)
    assert (advice.recommended, advice.to_buy, advice.surplus) == (96, 0, 24)


def test_exact_need_neither_buys_nor_spares():
    advice = recommend(result_with_upper95(40.0), owned=40)
    assert (advice.to_buy, advice.surplus) == (0, 0)


def test_float_noise_does_not_add_a_licence():
    assert recommended_licences(100 * 1.1) == 110
    assert recommended_licences(110.001) == 111


def test_recommendation_is_never_negative():
    assert recommended_licences(-3.5) == 0


@given(st.floats(0, 1e6), st.integers(0, 10**6))
def test_buy_and_surplus_balance(upper, owned):
    advice = recommend(result_with_upper95(upper), owned)
    assert advice.recommended >= upper - 1e-6
    assert advice.owned + advice.to_buy - advice.surplus == advice.recommended
    assert min(advice.to_buy, advice.surplus) == 0


@pytest.mark.parametrize(("peak", "owned", "gap"), [(531, 510, 21), (510, 510, 0), (236, 340, 0), (5, 0, 5)])
def test_compliance_gap(peak, owned, gap):
    assert compliance_gap(peak, owned) == gap
