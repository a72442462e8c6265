"""User settings: how dates and numbers are written, the notice window, default rates, the theme."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from tui.domain.money import CURRENCIES
from tui.domain.parsing import ParseError, parse_percent, parse_whole
from tui.formatting import AUTOMATIC, format_percent
from tui.i18n import N_, _

# `auto` (the default) follows the language: a file that never chose a format shows each user theirs.
DATE_FORMATS = {AUTOMATIC: N_("as the language"), "iso": "YYYY-MM-DD", "ro": "DD.MM.YYYY"}
NUMBER_FORMATS = {AUTOMATIC: N_("as the language"), "en": "1,234.56", "ro": "1.234,56"}
THEMES = ("textual-dark", "textual-light", "ansi-dark", "ansi-light", "nord", "gruvbox", "solarized-light")


@dataclass(frozen=True)
class Settings:
    date_format: str = AUTOMATIC
    number_format: str = AUTOMATIC
    notice_days: int = 90
    fee_rate: Decimal = Decimal("0.25")  # reinstatement fee on the lapsed part
    headroom: Decimal = Decimal("0.15")  # forecast headroom
    theme: str = "textual-dark"
    base_currency: str = "RON"  # the budget's converted totals
    rise: Decimal = Decimal(0)  # expected yearly price rise of maintenance, a fraction
    fiscal_start: int = 1  # first month of the fiscal year (1 = the calendar year)


SETTING_FIELDS = ("date_format", "number_format", "notice_days", "fee_rate", "headroom", "base_currency", "rise",
                  "fiscal_start", "theme")


def settings_to_text(settings: Settings) -> dict[str, str]:
    """Field texts as a form shows them (rates as percentages)."""
    return {
        "date_format": settings.date_format,
        "number_format": settings.number_format,
        "notice_days": str(settings.notice_days),
        "fee_rate": format_percent(settings.fee_rate).removesuffix(" %"),  # 12,5 with the 1.234,56 format
        "headroom": format_percent(settings.headroom).removesuffix(" %"),
        "theme": settings.theme,
        "base_currency": settings.base_currency,
        "rise": format((settings.rise * 100).normalize(), "f"),
        "fiscal_start": str(settings.fiscal_start),
    }


def validate_settings(raw: Mapping[str, str]) -> tuple[Settings | None, dict[str, str]]:
    errors: dict[str, str] = {}
    values: dict[str, object] = {}

    def choice(name: str, choices) -> None:
        value = (raw.get(name) or "").strip()
        if value in choices:
            values[name] = value
        else:
            errors[name] = _("choose one of {choices}").format(choices=", ".join(choices))

    choice("date_format", tuple(DATE_FORMATS))
    choice("number_format", tuple(NUMBER_FORMATS))
    choice("theme", THEMES)
    choice("base_currency", tuple(sorted(CURRENCIES)))
    try:
        values["fiscal_start"] = parse_whole(raw.get("fiscal_start") or "", minimum=1, maximum=12)
    except ParseError as error:
        errors["fiscal_start"] = str(error)
    try:
        rise = parse_percent(raw.get("rise") or "")
        if rise > 1:
            raise ParseError(_("at most 100 %"))
        values["rise"] = rise
    except ParseError as error:
        errors["rise"] = str(error)
    try:
        values["notice_days"] = parse_whole(raw.get("notice_days") or "", minimum=1, maximum=730)
    except ParseError as error:
        errors["notice_days"] = str(error)
    for name in ("fee_rate", "headroom"):
        try:
            rate = parse_percent(raw.get(name) or "")
            if rate > 5:
                raise ParseError(_("at most 500 %"))
            values[name] = rate
        except ParseError as error:
            errors[name] = str(error)
    if errors:
        return None, errors
    return Settings(**values), {}
