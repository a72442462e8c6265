import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.forecast import ForecastError, MonthlySeries, fit_linear, forecast, recommend
from tui.domain.forecast.tdist import t_quantile

WORKED = [120, 118, 125, 131, 128, 135, 140, 138, 146, 150, 149, 157]


def test_worked_example_fit():
    fit = fit_linear(list(enumerate(WORKED, start=1)))
    assert fit.slope == pytest.approx(3.3951, abs=1e-4)
    assert fit.intercept == pytest.approx(114.3485, abs=1e-4)
    assert fit.s == pytest.approx(2.5806, abs=1e-4)


def test_worked_example_twelve_months_ahead():
    series = MonthlySeries.from_values(date(2025, 1, 1), WORKED)
    result = forecast(series, horizon_month=date(2026, 12, 15), method="linear")
    point = result.at_horizon
    assert result.method == "linear"
    assert point.month == date(2026, 12, 1)
    assert point.expected == pytest.approx(195.83, abs=0.005)
    assert point.lower95 == pytest.approx(185.5, abs=0.05)
    assert point.upper95 == pytest.approx(206.2, abs=0.05)
    assert recommend(result, owned=0).recommended == 207


def test_worked_example_uses_t_with_ten_degrees_of_freedom():
    fit = fit_linear(list(enumerate(WORKED, start=1)))
    low, high = fit.interval(24, 0.95)
    spread = fit.s * math.sqrt(1 + 1 / 12 + (24 - 6.5) ** 2 / 143)
    assert (high - low) / 2 / spread == pytest.approx(2.2281, abs=1e-4)
    low80, high80 = fit.interval(24, 0.80)
    assert (high80 - low80) / 2 / spread == pytest.approx(t_quantile(0.9, 10))


def test_points_run_from_the_month_after_the_last_to_the_horizon():
    series = MonthlySeries.from_values(date(2025, 1, 1), WORKED)
    result = forecast(series, horizon_month=3, method="linear")
    assert [p.month for p in result.points] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert result.history == list(zip(series.months, WORKED))


@pytest.mark.parametrize("values", [[], [5], [5, 6], [5, None, None, 6]])
def test_requested_linear_needs_three_observed_months(values):
    series = MonthlySeries.from_values(date(2025, 1, 1), values)
    with pytest.raises(ForecastError):
        forecast(series, horizon_month=6, method="linear")


def test_fit_refuses_two_points():
    with pytest.raises(ForecastError, match="at least 3"):
        fit_linear([(1, 5), (2, 7)])


linear_series = st.tuples(st.integers(0, 500), st.integers(-5, 20), st.integers(3, 36), st.integers(1, 24))


@given(linear_series)
def test_a_perfect_line_is_forecast_exactly_with_no_band(case):
    intercept, slope, n, ahead = case
    values = [intercept + 1000 + slope * x for x in range(1, n + 1)]
    series = MonthlySeries.from_values(date(2023, 1, 1), values)
    for h, point in enumerate(forecast(series, horizon_month=ahead, method="linear").points, start=1):
        assert point.expected == pytest.approx(intercept + 1000 + slope * (n + h), abs=1e-6)
        assert point.upper95 - point.lower95 == pytest.approx(0, abs=1e-6)


@given(linear_series, st.data())
def test_gaps_keep_their_calendar_place(case, data):
    """Dropping inner months from a perfect line must not change the line (x counts months)."""
    intercept, slope, n, ahead = case
    values = [intercept + 1000 + slope * x for x in range(1, n + 3)]
    inner = data.draw(st.sets(st.integers(1, n), max_size=max(0, n - 1)))
    holed = [None if i in inner else v for i, v in enumerate(values)]
    series = MonthlySeries.from_values(date(2023, 1, 1), holed)
    point = forecast(series, horizon_month=ahead, method="linear").at_horizon
    assert point.expected == pytest.approx(intercept + 1000 + slope * (n + 2 + ahead), abs=1e-6)


@given(st.lists(st.integers(0, 1000), min_size=3, max_size=36), st.integers(1, 36))
def test_95_band_contains_80_band_around_the_expected(values, ahead):
    series = MonthlySeries.from_values(date(2023, 1, 1), values)
    for p in forecast(series, horizon_month=ahead, method="linear").points:
        assert 0 <= p.lower95 <= p.lower80 <= p.expected <= p.upper80 <= p.upper95


def test_forecasts_below_zero_are_cut_at_zero():
    series = MonthlySeries.from_values(date(2025, 1, 1), [50, 40, 31, 20, 10, 1])
    point = forecast(series, horizon_month=6, method="linear").at_horizon
    assert point.expected == 0 and point.lower95 == 0
