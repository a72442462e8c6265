import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.forecast import ForecastError, MonthlySeries, fit_holt, forecast
from tui.domain.forecast.holt import fill_gaps, one_step_sse

Z95 = 1.959964


def test_hand_computed_steps():
    """y = 10, 12, 15, 15 with α = 0.5, β = 0.4, l1 = y1, b1 = y2 − y1.

    t=2: l=12, b=2 (fixed by the initialisation).
    t=3: forecast 14, error 1;    l = .5·15 + .5·14 = 14.5,   b = .4·2.5 + .6·2 = 2.2
    t=4: forecast 16.7, error −1.7; l = .5·15 + .5·16.7 = 15.85, b = .4·1.35 + .6·2.2 = 1.86
    SSE = 1 + 2.89 = 3.89 over 2 errors → σ² = 1.945.
    """
    fit = fit_holt([10, 12, 15, 15], alpha=0.5, beta=0.4)
    assert fit.level == pytest.approx(15.85)
    assert fit.trend == pytest.approx(1.86)
    assert fit.sigma2 == pytest.approx(1.945)
    assert fit.predict(1) == pytest.approx(17.71)
    assert fit.predict(2) == pytest.approx(19.57)
    assert one_step_sse([10, 12, 15, 15], 0.5, 0.4) == pytest.approx(3.89)


def test_hand_computed_interval_variance():
    """σ²·[1 + (h−1)(α² + αβ'h + β'²h(2h−1)/6)] with β' = αβ = 0.2 (error-correction trend gain)."""
    fit = fit_holt([10, 12, 15, 15], alpha=0.5, beta=0.4)
    assert fit.variance(1) == pytest.approx(1.945)
    assert fit.variance(2) == pytest.approx(1.945 * (1 + 0.25 + 0.5 * 0.2 * 2 + 0.04 * 2 * 3 / 6))
    low, high = fit.interval(2, 0.95)
    assert (low + high) / 2 == pytest.approx(19.57)
    assert (high - low) / 2 == pytest.approx(Z95 * math.sqrt(1.945 * 1.49), rel=1e-6)


def test_alpha_one_beta_zero_is_a_random_walk_with_the_first_step_as_drift():
    fit = fit_holt([3, 5, 4, 9, 6], alpha=1.0, beta=0.0)
    assert (fit.level, fit.trend) == (6, 2)


def test_gaps_are_filled_by_straight_lines():
    assert fill_gaps([1, None, None, 4, None, 0]) == [1, 2, 3, 4, 2, 0]
    with pytest.raises(ValueError):
        fill_gaps([None, 1])


def test_a_gap_is_fitted_as_its_interpolation():
    with_gap = fit_holt([10, 12, None, 15, 15], alpha=0.5, beta=0.4)
    filled = fit_holt([10, 12, 13.5, 15, 15], alpha=0.5, beta=0.4)
    assert (with_gap.level, with_gap.trend) == (filled.level, filled.trend)


def test_search_beats_every_point_of_the_starting_grid():
    y = [120, 118, 125, 131, 128, 135, 140, 138, 146, 150, 149, 157, 149, 160, 171, 168]
    fit = fit_holt(y)
    grid = [0.1, 0.3, 0.5, 0.7, 0.9]
    assert one_step_sse(y, fit.alpha, fit.beta) <= min(one_step_sse(y, a, b) for a in grid for b in grid)
    assert 0.01 <= fit.alpha <= 1 and 0 <= fit.beta <= 1


def test_search_lands_near_the_fine_grid_optimum():
    y = [50, 52, 55, 61, 60, 66, 75, 73, 80, 91, 90, 97, 108, 104, 115, 126]
    fit = fit_holt(y)
    fine = min(one_step_sse(y, a / 50, b / 50) for a in range(1, 51) for b in range(51))
    assert one_step_sse(y, fit.alpha, fit.beta) <= fine * 1.05


@pytest.mark.parametrize("values", [[], [5], [5, 6]])
def test_requested_holt_needs_three_months(values):
    with pytest.raises(ForecastError):
        forecast(MonthlySeries.from_values(date(2025, 1, 1), values), horizon_month=3, method="holt")


def test_fit_refuses_two_points():
    with pytest.raises(ForecastError, match="at least 3"):
        fit_holt([1, 2])


@given(st.integers(0, 500), st.integers(-5, 20), st.integers(3, 36), st.integers(1, 24))
def test_a_perfect_line_is_forecast_exactly_with_no_band(intercept, slope, n, ahead):
    values = [intercept + 1000 + slope * x for x in range(1, n + 1)]
    result = forecast(MonthlySeries.from_values(date(2023, 1, 1), values), horizon_month=ahead, method="holt")
    for h, point in enumerate(result.points, start=1):
        assert point.expected == pytest.approx(intercept + 1000 + slope * (n + h), abs=1e-6)
        assert point.upper95 - point.lower95 == pytest.approx(0, abs=1e-6)


@given(st.lists(st.integers(0, 1000), min_size=3, max_size=36), st.integers(1, 36))
def test_95_band_contains_80_band_around_the_expected(values, ahead):
    result = forecast(MonthlySeries.from_values(date(2023, 1, 1), values), horizon_month=ahead, method="holt")
    for p in result.points:
        assert 0 <= p.lower95 <= p.lower80 <= p.expected <= p.upper80 <= p.upper95


@given(st.lists(st.integers(0, 1000), min_size=4, max_size=36))
def test_band_never_narrows_further_ahead(values):
    fit = fit_holt(values)
    widths = [fit.variance(h) for h in range(1, 25)]
    assert widths == sorted(widths)
