"""Forecasting licence needs from usage history (pure: no Textual, no files, no clock).

Typical use::

    series = monthly_peaks(samples_of_one_product)
    result = forecast(series, horizon_month=contract_end)          # method="auto"
    advice = recommend(result, owned_on(contracts, product, contract_end))
"""

from tui.domain.forecast.backtest import Backtest, backtest
from tui.domain.forecast.engine import (
    MAX_HORIZON_MONTHS,
    METHODS,
    MIN_TREND_MONTHS,
    ForecastPoint,
    ForecastResult,
    forecast,
    method_label,
)
from tui.domain.forecast.errors import ForecastError
from tui.domain.forecast.headroom import DEFAULT_HEADROOM, headroom_value, recent_peak
from tui.domain.forecast.holt import HoltFit, fit_holt
from tui.domain.forecast.linear import LinearFit, fit_linear
from tui.domain.forecast.recommend import (
    Recommendation,
    compliance_gap,
    owned_on,
    recommend,
    recommended_licences,
)
from tui.domain.forecast.series import (
    MonthlySeries,
    add_months,
    month_of,
    monthly_peaks,
    months_between,
    series_by_product,
)
from tui.domain.forecast.tdist import t_quantile

__all__ = [
    "DEFAULT_HEADROOM",
    "MAX_HORIZON_MONTHS",
    "METHODS",
    "MIN_TREND_MONTHS",
    "Backtest",
    "ForecastError",
    "ForecastPoint",
    "ForecastResult",
    "HoltFit",
    "LinearFit",
    "MonthlySeries",
    "Recommendation",
    "add_months",
    "backtest",
    "compliance_gap",
    "fit_holt",
    "fit_linear",
    "forecast",
    "headroom_value",
    "method_label",
    "month_of",
    "monthly_peaks",
    "months_between",
    "owned_on",
    "recent_peak",
    "recommend",
    "recommended_licences",
    "series_by_product",
    "t_quantile",
]
