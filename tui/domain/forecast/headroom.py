"""The no-trend rule: the peak of the last 12 months plus a safety margin.

With fewer than six months of data a trend is guesswork, so the honest
forecast is "what we needed at the busiest point lately, plus headroom".
It is not a statistical model and has no spread: the expected value and all
four bounds are the same number, so the recommendation is simply that value
rounded up.
"""

from __future__ import annotations

from tui.domain.forecast.errors import ForecastError
from tui.domain.forecast.series import MonthlySeries
from tui.i18n import _

DEFAULT_HEADROOM = 0.15
LOOKBACK_MONTHS = 12


def recent_peak(series: MonthlySeries, months: int = LOOKBACK_MONTHS) -> int:
    """The highest monthly peak in the last `months` months of the series."""
    observed = [value for value in series.values[-months:] if value is not None]
    if not observed:
        raise ForecastError(_("there is no usage recorded for this product"))
    return max(observed)


def check_headroom(headroom: float) -> None:
    """Refuse a margin outside 0–1000 % (or not a number)."""
    if not 0.0 <= headroom <= 10.0:
        raise ForecastError(_("headroom must be between 0 % and 1000 %"))


def headroom_value(series: MonthlySeries, headroom: float = DEFAULT_HEADROOM) -> float:
    """`peak of the last 12 months × (1 + headroom)`."""
    check_headroom(headroom)
    return recent_peak(series) * (1.0 + headroom)
