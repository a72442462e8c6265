"""Forecast values as text: months and fractional licence counts, in the user's styles.

`tui/formatting.py` knows whole dates and counts; a forecast also shows
months ("2027-11", or "11.2027" in the Romanian style) and expected values
with one decimal.  Both follow the same process-wide styles.  Shared by the
command line and the Forecast tab.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tui.domain.forecast import Recommendation
from tui.formatting import current_styles, format_count, format_decimal
from tui.i18n import _

MONTH_STYLES = {"iso": "%Y-%m", "ro": "%m.%Y"}


def format_month(month: date) -> str:
    return month.strftime(MONTH_STYLES.get(current_styles().date, "%Y-%m"))


def format_estimate(value: float) -> str:
    """An expected value or bound with one decimal: 195.83 -> `195.8` (`1,234.5`, `1.234,5`)."""
    return format_decimal(Decimal(repr(round(value, 1))), places=1)


def format_range(low: float, high: float) -> str:
    return f"{format_estimate(low)}–{format_estimate(high)}"


def advice_text(advice: Recommendation) -> str:
    """`buy 17 more`, `18 surplus` or `enough`: what to do at the horizon."""
    if advice.to_buy:
        return _("buy {n} more").format(n=format_count(advice.to_buy))
    if advice.surplus:
        return _("{n} surplus").format(n=format_count(advice.surplus))
    return _("enough")
