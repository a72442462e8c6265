import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.forecast import ForecastError, MonthlySeries, backtest, forecast

START = date(2025, 1, 1)


def series_of(values):
    return MonthlySeries.from_values(START, values)


@given(st.lists(st.integers(0, 1000), min_size=1, max_size=5), st.integers(1, 24))
def test_fewer_than_six_months_falls_back_to_headroom(values, ahead):
    result = forecast(series_of(values), horizon_month=ahead)
    assert result.method == "headroom"
    assert "6" in result.reason
    assert result.backtest_mae is None
    for point in result.points:
        assert point.expected == pytest.approx(max(values) * 1.15)
        assert point.lower80 == point.upper80 == point.lower95 == point.upper95 == point.expected


def test_six_months_with_gaps_in_between_still_count_as_observed_months_only():
    result = forecast(series_of([10, None, 11, None, 12, 13, None, 14]), horizon_month=2)
    assert result.method == "headroom"
    assert "only 5 months of usage" in result.reason
    assert forecast(series_of([10, 11, 12, 13, 14, 15]), horizon_month=2).method != "headroom"


def test_headroom_looks_at_the_last_twelve_months_only():
    values = [900] + [100] * 11 + [120]
    result = forecast(series_of(values), horizon_month=3, method="headroom", headroom=0.25)
    assert result.at_horizon.expected == pytest.approx(150)
    assert "25 %" in result.reason


def test_a_perfect_line_ties_and_the_simpler_linear_wins():
    result = forecast(series_of([100 + 2 * x for x in range(12)]), horizon_month=6)
    assert result.method == "linear"
    assert result.backtest_mae == pytest.approx(0, abs=1e-9)


def test_holt_wins_when_the_trend_changes():
    """Flat for a year, then climbing by 10 a month: the line fitted on the past lags, Holt follows."""
    values = [100] * 12 + [100 + 10 * k for k in range(1, 13)]
    scored = backtest(series_of(values))
    assert scored.holdout_months == 8
    assert scored.holt_mae < scored.linear_mae
    result = forecast(series_of(values), horizon_month=6)
    assert result.method == "holt"
    assert result.backtest_mae == pytest.approx(scored.holt_mae)
    assert result.reason == "holt: back-test error {:.1f} vs linear {:.1f} (hold-out of last 8 months)".format(
        scored.holt_mae, scored.linear_mae
    )


def test_linear_wins_on_a_noisy_straight_line():
    noise = [3, -2, 4, -4, 1, -3, 2, 0, -1, 4, -2, 3, -4, 1, 2, -3, 0, 3, -1, -2, 4, -3, 1, 0]
    values = [200 + 5 * x + e for x, e in enumerate(noise)]
    result = forecast(series_of(values), horizon_month=6)
    scored = backtest(series_of(values))
    assert scored.linear_mae < scored.holt_mae
    assert result.method == "linear"
    assert result.reason.startswith("linear: back-test error")


def test_holdout_is_the_last_third_of_observed_months_in_calendar_place():
    values = [10, 11, None, 13, 14, 15, None, 17, 18, 19, 20]  # 9 observed → 3 held out
    scored = backtest(series_of(values))
    assert scored.holdout_months == 3
    assert scored.linear_mae == pytest.approx(0, abs=1e-9)


def test_horizon_as_a_date_or_a_month_count_is_the_same():
    series = series_of([100 + x for x in range(12)])
    by_date = forecast(series, horizon_month=date(2026, 6, 30))
    by_count = forecast(series, horizon_month=6)
    assert by_date == by_count
    assert by_date.points[0].month == date(2026, 1, 1)
    assert by_date.at_horizon.month == date(2026, 6, 1)


@pytest.mark.parametrize("horizon", [date(2025, 12, 31), date(2025, 3, 1), 0, -2, 121])
def test_horizon_must_be_after_the_last_month_and_not_too_far(horizon):
    with pytest.raises(ForecastError):
        forecast(series_of([100 + x for x in range(12)]), horizon_month=horizon)


def test_no_usage_no_forecast():
    with pytest.raises(ForecastError, match="no usage"):
        forecast(series_of([]), horizon_month=3)


def test_unknown_method_or_bad_headroom_is_refused():
    series = series_of([1, 2, 3])
    with pytest.raises(ForecastError):
        forecast(series, horizon_month=3, method="arima")
    with pytest.raises(ForecastError):
        forecast(series, horizon_month=3, headroom=-0.1)


def test_history_keeps_gaps():
    result = forecast(series_of([5, None, 7]), horizon_month=1)
    assert result.history == [(date(2025, 1, 1), 5), (date(2025, 2, 1), None), (date(2025, 3, 1), 7)]


def test_the_engine_does_not_import_textual():
    code = "import sys, tui.domain.forecast, tui.domain.usage; sys.exit('textual' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    env_path = {"PYTHONPATH": str(root)}
    assert subprocess.run([sys.executable, "-c", code], cwd=root, env=env_path).returncode == 0


def test_the_reason_writes_numbers_as_the_number_setting_does() -> None:
    from tui.formatting import use_formats

    values = [10, 12, 15, 13, 18, 21, 19, 24, 27, 26, 30, 33, 31, 36]
    use_formats("iso", "ro")
    try:
        reason = forecast(series_of(values), horizon_month=6).reason
    finally:
        use_formats("iso", "en")
    assert re.search(r"back-test error \d+,\d\b", reason), reason
