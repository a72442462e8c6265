"""The one place that turns dates, amounts and counts into text for people.

Styles are process-wide and set once from the settings (`use_styles`), so the
CLI, the app and the quote request all print the same way.  A style left at
`auto` follows the language of the moment (`tui.i18n`): ISO dates and `1,234.56`
in English, `DD.MM.YYYY` and `1.234,56` in Romanian.  Machine formats (CSV,
JSON) never go through here: they use ISO dates and plain decimals.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tui.i18n import current_language

AUTOMATIC = "auto"  # a style that follows the language
DATE_STYLES = {"iso": "%Y-%m-%d", "ro": "%d.%m.%Y"}
# (thousands separator, decimal separator)
NUMBER_STYLES = {"en": (",", "."), "ro": (".", ",")}
LANGUAGE_STYLES = {"en": ("iso", "en"), "ro": ("ro", "ro")}  # what `auto` means in each language: (date, number)


@dataclass(frozen=True)
class Styles:
    date: str = AUTOMATIC
    number: str = AUTOMATIC


_styles = Styles()


def use_styles(styles: Styles) -> None:
    """Switch the date and number style for everything printed from now on."""
    global _styles
    if styles.date not in (*DATE_STYLES, AUTOMATIC) or styles.number not in (*NUMBER_STYLES, AUTOMATIC):
        raise ValueError(f"unknown style {styles!r}")
    _styles = styles


def use_formats(date_format: str, number_format: str) -> None:
    """Shorthand for the settings' two format fields."""
    use_styles(Styles(date=date_format, number=number_format))


def current_styles() -> Styles:
    """The styles in force: `auto` replaced by the current language's style."""
    return Styles(date=_date_style(), number=_number_style())


def _date_style() -> str:
    if _styles.date == AUTOMATIC:
        return LANGUAGE_STYLES.get(current_language(), LANGUAGE_STYLES["en"])[0]
    return _styles.date


def _number_style() -> str:
    if _styles.number == AUTOMATIC:
        return LANGUAGE_STYLES.get(current_language(), LANGUAGE_STYLES["en"])[1]
    return _styles.number


@contextmanager
def machine_styles() -> Iterator[None]:
    """ISO dates and `1234.56`-style numbers for the duration, whatever the settings and the language: for text
    that machine output carries (a forecast's reason in JSON)."""
    global _styles
    before = _styles
    _styles = Styles(date="iso", number="en")
    try:
        yield
    finally:
        _styles = before


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return value.strftime(DATE_STYLES[_date_style()])


def date_placeholder() -> str:
    """How a date is typed in the current style: `YYYY-MM-DD` or `DD.MM.YYYY` (both are accepted)."""
    return {"iso": "YYYY-MM-DD", "ro": "DD.MM.YYYY"}[_date_style()]


def format_decimal(value: Decimal, places: int = 2) -> str:
    """`1234.5` -> `1,234.50` (en) or `1.234,50` (ro)."""
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded.copy_abs() if not rounded else rounded:,.{places}f}"  # -0.001 is "0.00", not "-0.00"
    thousands, point = NUMBER_STYLES[_number_style()]
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)


def format_money(value: Decimal, currency: str) -> str:
    """An amount with its currency after it, as both styles write it."""
    return f"{format_decimal(value)} {currency}"


def format_unit_price(value: Decimal) -> str:
    """A price per licence: two decimals, or up to the four a price may have (`0.001` stays `0.001`)."""
    places = min(4, max(2, -value.normalize().as_tuple().exponent)) if value.is_finite() else 2
    return format_decimal(value, places)


def format_count(value: int) -> str:
    thousands, _point = NUMBER_STYLES[_number_style()]
    return f"{value:,}".replace(",", thousands)


def format_percent(value: Decimal) -> str:
    """A rate given as a fraction: Decimal('0.25') -> `25 %`."""
    pct = (value * 100).normalize()
    text = format(pct, "f")
    if "." in text:
        text = text.replace(".", NUMBER_STYLES[_number_style()][1])
    return f"{text} %"


def format_km(distance: float) -> str:
    """A distance in whole kilometres: `1,234 km` (en) or `1.234 km` (ro)."""
    return f"{format_count(round(distance))} km"
