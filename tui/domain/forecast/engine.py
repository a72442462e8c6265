"""One entry point: forecast a product's monthly peaks up to a horizon month.

`auto` back-tests linear and Holt on the last third of the observed months
and keeps the one with the smaller mean absolute error (linear on a tie, as
the simpler model); with fewer than six observed months it uses headroom.
Usage cannot be negative, so every forecast value and bound is cut at zero.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tui.domain.forecast.backtest import MIN_BACKTEST_MONTHS, Backtest, backtest
from tui.domain.forecast.errors import ForecastError
from tui.domain.forecast.headroom import DEFAULT_HEADROOM, LOOKBACK_MONTHS, check_headroom, headroom_value, recent_peak
from tui.domain.forecast.holt import fit_holt
from tui.domain.forecast.linear import fit_linear
from tui.domain.forecast.series import MonthlySeries, add_months, month_of, months_between
from tui.formatting import format_decimal, format_percent
from tui.i18n import _, ngettext

METHODS = ("auto", "linear", "holt", "headroom")
MIN_TREND_MONTHS = MIN_BACKTEST_MONTHS
MIN_FIT_MONTHS = 3
MAX_HORIZON_MONTHS = 120

# (lower80, upper80, lower95, upper95) at `h` months after the last month
Bands = Callable[[int], tuple[float, float, float, float]]


@dataclass(frozen=True)
class ForecastPoint:
    month: date
    expected: float
    lower80: float
    upper80: float
    lower95: float
    upper95: float


@dataclass(frozen=True)
class ForecastResult:
    method: str  # the method used: "linear", "holt" or "headroom"
    reason: str  # which method and why, for the user
    backtest_mae: float | None  # mean absolute error of `method` on the hold-out
    history: list[tuple[date, int | None]]
    points: list[ForecastPoint]  # every month after the last observed one, up to the horizon

    @property
    def at_horizon(self) -> ForecastPoint:
        return self.points[-1]


def method_label(method: str) -> str:
    return {"auto": _("auto"), "linear": _("linear"), "holt": _("holt"), "headroom": _("headroom")}[method]


def forecast(
    series: MonthlySeries,
    *,
    horizon_month: date | int,
    method: str = "auto",
    headroom: float = DEFAULT_HEADROOM,
) -> ForecastResult:
    """Forecast up to `horizon_month` (a date in that month, or a count of months after the last one)."""
    if method not in METHODS:
        raise ForecastError(_("unknown forecasting method '{method}'").format(method=str(method)[:20]))
    check_headroom(headroom)
    if not series.observed:
        raise ForecastError(_("there is no usage recorded for this product"))
    ahead = _months_ahead(series, horizon_month)
    observed = len(series.observed)
    tested = backtest(series) if method in ("auto", "linear", "holt") else None

    if method == "auto":
        if tested is None:
            method, reason = "headroom", _too_few_reason(observed, headroom)
        else:
            method = "holt" if tested.holt_mae < tested.linear_mae else "linear"
            reason = _auto_reason(method, tested)
    elif method == "headroom":
        reason = ngettext("headroom (requested): peak of the last {months} month ({peak}) + {pct:g} %",
                          "headroom (requested): peak of the last {months} months ({peak}) + {pct:g} %",
                          LOOKBACK_MONTHS).format(
            months=LOOKBACK_MONTHS, peak=recent_peak(series), pct=round(headroom * 100, 2)
        )
    else:
        if observed < MIN_FIT_MONTHS:
            raise ForecastError(
                ngettext("{method} needs at least {minimum} month of usage; there are {count}",
                         "{method} needs at least {minimum} months of usage; there are {count}",
                         MIN_FIT_MONTHS).format(
                    method=method_label(method), minimum=MIN_FIT_MONTHS, count=observed
                )
            )
        reason = _requested_reason(method, tested)

    bands, expected = _model(series, method, headroom)
    last = series.last_month
    points = [_point(add_months(last, h), expected(h), bands(h)) for h in range(1, ahead + 1)]
    mae = tested.mae_of(method) if tested is not None and method != "headroom" else None
    return ForecastResult(method, reason, mae, series.history(), points)


def _months_ahead(series: MonthlySeries, horizon_month: date | int) -> int:
    if isinstance(horizon_month, date):
        ahead = months_between(series.last_month, month_of(horizon_month))
    else:
        ahead = int(horizon_month)
    if ahead < 1:
        raise ForecastError(
            _("the horizon must be after the last month with usage ({month})").format(
                month=series.last_month.strftime("%Y-%m")
            )
        )
    if ahead > MAX_HORIZON_MONTHS:
        raise ForecastError(
            ngettext("the horizon is too far: at most {limit} month after the last usage",
                     "the horizon is too far: at most {limit} months after the last usage",
                     MAX_HORIZON_MONTHS).format(limit=MAX_HORIZON_MONTHS)
        )
    return ahead


def _model(series: MonthlySeries, method: str, headroom: float) -> tuple[Bands, Callable[[int], float]]:
    """The band and expected-value functions of `h` (months after the last month) for `method`."""
    if method == "linear":
        line = fit_linear(series.observed)
        n = len(series)

        def linear_bands(h: int) -> tuple[float, float, float, float]:
            return (*line.interval(n + h, 0.80), *line.interval(n + h, 0.95))

        return linear_bands, lambda h: line.predict(n + h)
    if method == "holt":
        holt = fit_holt(series.values)

        def holt_bands(h: int) -> tuple[float, float, float, float]:
            return (*holt.interval(h, 0.80), *holt.interval(h, 0.95))

        return holt_bands, holt.predict
    value = headroom_value(series, headroom)
    return (lambda h: (value, value, value, value)), (lambda h: value)


def _point(month: date, expected: float, bands: tuple[float, float, float, float]) -> ForecastPoint:
    low80, high80, low95, high95 = (max(0.0, bound) for bound in bands)
    return ForecastPoint(month, max(0.0, expected), low80, high80, low95, high95)


def _auto_reason(winner: str, tested: Backtest) -> str:
    loser = "linear" if winner == "holt" else "holt"
    return ngettext("{winner}: back-test error {won} vs {loser} {lost} (hold-out of last {months} month)",
                    "{winner}: back-test error {won} vs {loser} {lost} (hold-out of last {months} months)",
                    tested.holdout_months).format(
        winner=method_label(winner),
        won=_one_place(tested.mae_of(winner)),
        loser=method_label(loser),
        lost=_one_place(tested.mae_of(loser)),
        months=tested.holdout_months,
    )


def _requested_reason(method: str, tested: Backtest | None) -> str:
    if tested is None:
        return _("{method} (requested); too few months for a back-test").format(method=method_label(method))
    return ngettext("{method} (requested): back-test error {error} (hold-out of last {months} month)",
                    "{method} (requested): back-test error {error} (hold-out of last {months} months)",
                    tested.holdout_months).format(
        method=method_label(method), error=_one_place(tested.mae_of(method)), months=tested.holdout_months
    )


def _too_few_reason(observed: int, headroom: float) -> str:
    months = ngettext("only {n} month of usage", "only {n} months of usage", observed).format(n=observed)
    return ngettext(
        "headroom: {months}, a trend needs at least {minimum}; peak of the last {lookback} month + {pct}",
        "headroom: {months}, a trend needs at least {minimum}; peak of the last {lookback} months + {pct}",
        LOOKBACK_MONTHS,
    ).format(months=months, minimum=MIN_TREND_MONTHS, lookback=LOOKBACK_MONTHS,
             pct=format_percent(Decimal(str(round(headroom, 4)))))


def _one_place(value: float) -> str:
    """A back-test error as the number setting writes it: `1,234.5` or `1.234,5`."""
    return format_decimal(Decimal(repr(value)), places=1)
