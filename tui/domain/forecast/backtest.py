"""Which trend method would have predicted the recent past better?

The last third of the observed months is held out; linear and Holt are fitted
on the months before it and scored by mean absolute error on the held-out
months.  Held-out months keep their calendar position (gaps do not shift
them), and forecasts below zero count as zero, as in the real forecast.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import fsum

from tui.domain.forecast.holt import fit_holt
from tui.domain.forecast.linear import fit_linear
from tui.domain.forecast.series import MonthlySeries

MIN_BACKTEST_MONTHS = 6  # leaves at least 4 months to fit on and 2 to test


@dataclass(frozen=True)
class Backtest:
    linear_mae: float
    holt_mae: float
    holdout_months: int  # observed months held out

    def mae_of(self, method: str) -> float:
        return self.linear_mae if method == "linear" else self.holt_mae


def backtest(series: MonthlySeries) -> Backtest | None:
    """Score both trend methods on the last third, or None with fewer than 6 observed months."""
    observed = series.observed
    if len(observed) < MIN_BACKTEST_MONTHS:
        return None
    holdout = len(observed) // 3
    train_last_x = observed[-holdout - 1][0]
    train = series.upto(train_last_x)
    tested = observed[-holdout:]
    line = fit_linear(train.observed)
    holt = fit_holt(train.values)
    linear_mae = fsum(abs(y - max(0.0, line.predict(x))) for x, y in tested) / holdout
    holt_mae = fsum(abs(y - max(0.0, holt.predict(x - train_last_x))) for x, y in tested) / holdout
    return Backtest(linear_mae, holt_mae, holdout)
