"""The one place that turns dates, amounts and counts into text for people.

Styles are process-wide and set once from the settings (`use_styles`), so the
CLI, the app and the quote request all print the same way.  Machine formats
(CSV, JSON) never go through here: they use ISO dates and plain decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

DATE_STYLES = {"iso": "%Y-%m-%d", "ro": "%d.%m.%Y"}
# (thousands separator, decimal separator)
NUMBER_STYLES = {"en": (",", "."), "ro": (".", ",")}


@dataclass(frozen=True)
class Styles:
    date: str = "iso"
    number: str = "en"


_styles = Styles()


def use_styles(styles: Styles) -> None:
    """Switch the date and number style for everything printed from now on."""
    global _styles
    if styles.date not in DATE_STYLES or styles.number not in NUMBER_STYLES:
        raise ValueError(f"unknown style {styles!r}")
    _styles = styles


def use_formats(date_format: str, number_format: str) -> None:
    """Shorthand for the settings' two format fields."""
    use_styles(Styles(date=date_format, number=number_format))


def current_styles() -> Styles:
    return _styles


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return value.strftime(DATE_STYLES[_styles.date])


def date_placeholder() -> str:
    """How a date is typed in the current style: `YYYY-MM-DD` or `DD.MM.YYYY` (both are accepted)."""
    return {"iso": "YYYY-MM-DD", "ro": "DD.MM.YYYY"}[_styles.date]


def format_decimal(value: Decimal, places: int = 2) -> str:
    """`1234.5` -> `1,234.50` (en) or `1.234,50` (ro)."""
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded.copy_abs() if not rounded else rounded:,.{places}f}"  # -0.001 is "0.00", not "-0.00"
    thousands, point = NUMBER_STYLES[_styles.number]
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)


def format_money(value: Decimal, currency: str) -> str:
    """An amount with its currency after it, as both styles write it."""
    return f"{format_decimal(value)} {currency}"


def format_unit_price(value: Decimal) -> str:
    """A price per licence: two decimals, or up to the four a price may have (`0.001` stays `0.001`)."""
    places = min(4, max(2, -value.normalize().as_tuple().exponent)) if value.is_finite() else 2
    return format_decimal(value, places)


def format_count(value: int) -> str:
    thousands, _point = NUMBER_STYLES[_styles.number]
    return f"{value:,}".replace(",", thousands)


def format_percent(value: Decimal) -> str:
    """A rate given as a fraction: Decimal('0.25') -> `25 %`."""
    pct = (value * 100).normalize()
    text = format(pct, "f")
    if "." in text:
        text = text.replace(".", NUMBER_STYLES[_styles.number][1])
    return f"{text} %"


def format_km(distance: float) -> str:
    """A distance in whole kilometres: `1,234 km` (en) or `1.234 km` (ro)."""
    return f"{format_count(round(distance))} km"
