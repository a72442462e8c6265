"""Ordinary least squares trend `y = b0 + b1·x` with prediction intervals.

At `x0` the interval is `ŷ ± t(1−α/2, n−2) · s · sqrt(1 + 1/n + (x0 − x̄)²/Sxx)`
with `s = sqrt(SSE/(n−2))`: it covers where one future monthly peak will
fall, not just the line, so it widens away from the middle of the data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from math import fsum
from statistics import linear_regression

from tui.domain.forecast.errors import ForecastError
from tui.domain.forecast.tdist import t_quantile
from tui.i18n import _, ngettext

MIN_LINEAR_POINTS = 3  # two parameters, and at least one degree of freedom left for s


@dataclass(frozen=True)
class LinearFit:
    intercept: float  # b0
    slope: float  # b1, licences per month
    s: float  # residual standard error
    n: int
    x_mean: float
    sxx: float

    def predict(self, x: float) -> float:
        return self.intercept + self.slope * x

    def interval(self, x: float, level: float) -> tuple[float, float]:
        """The two-sided prediction interval at `x` with coverage `level` (0.95 for 95 %)."""
        t = t_quantile(1.0 - (1.0 - level) / 2.0, self.n - 2)
        half = t * self.s * math.sqrt(1.0 + 1.0 / self.n + (x - self.x_mean) ** 2 / self.sxx)
        centre = self.predict(x)
        return centre - half, centre + half


def fit_linear(points: Sequence[tuple[float, float]]) -> LinearFit:
    """Fit `(x, y)` points (distinct x) by least squares."""
    n = len(points)
    if n < MIN_LINEAR_POINTS:
        raise ForecastError(
            ngettext("a linear trend needs at least {minimum} month of usage; there are {count}",
                     "a linear trend needs at least {minimum} months of usage; there are {count}",
                     MIN_LINEAR_POINTS).format(
                minimum=MIN_LINEAR_POINTS, count=n
            )
        )
    xs = [float(x) for x, _y in points]
    ys = [float(y) for _x, y in points]
    slope, intercept = linear_regression(xs, ys)
    x_mean = fsum(xs) / n
    sxx = fsum((x - x_mean) ** 2 for x in xs)
    sse = fsum((y - intercept - slope * x) ** 2 for x, y in zip(xs, ys))
    return LinearFit(intercept, slope, math.sqrt(sse / (n - 2)), n, x_mean, sxx)
