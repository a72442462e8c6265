"""Checking an exchange rate typed in a form or read from a file: the same rules wherever it comes from."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from tui.domain.exchange import Rate
from tui.domain.money import CURRENCIES
from tui.domain.parsing import ParseError, parse_date
from tui.domain.text import printable
from tui.formatting import format_date
from tui.i18n import _

_NUMBER = re.compile(r"^\d{1,12}(?:\.\d{1,10})?$", re.ASCII)


def parse_rate(text: str, *, decimal_comma: bool = False) -> Decimal:
    """A rate: a plain positive decimal number (4.9750), at most 10 decimal places."""
    value = text.strip()
    if decimal_comma:
        value = value.replace(",", ".")
    if not _NUMBER.match(value):
        raise ParseError(_("'{value}' is not a number (write e.g. 4.9750)").format(value=printable(value)[:30]))
    rate = Decimal(value)
    if rate <= 0:
        raise ParseError(_("a rate must be more than 0"))
    return rate


def parse_rate_day(text: str, today: date) -> date:
    """A rate's day: a real date, not after today (rates are published, never forecast)."""
    day = parse_date(text)
    if day > today:
        raise ParseError(_("{date} is after today").format(date=format_date(day)))
    return day


def parse_multiplier(text: str | None) -> int:
    """BNR's `multiplier` attribute: absent means 1, else a positive whole number."""
    if text is None:
        return 1
    value = text.strip()
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise ParseError(_("'{value}' is not a positive whole number").format(value=printable(value)[:30]))
    return int(value)


def parse_currency(text: str) -> str:
    """One of the app's currencies, in any case."""
    code = text.strip().upper()
    if code not in CURRENCIES:
        raise ParseError(_("unknown currency '{code}' (known: {known})").format(
            code=printable(text.strip())[:12], known=", ".join(sorted(CURRENCIES))))
    return code


def validate_rate(raw: Mapping[str, str], today: date, *, decimal_comma: bool = False,
                  source: str = "typed") -> tuple[Rate | None, dict[str, str]]:
    """A rate from the texts of `date`, `base`, `currency`, `rate` (and `source`), or the problem per field."""
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    for field, parse in (("date", lambda v: parse_rate_day(v, today)), ("base", parse_currency),
                         ("currency", parse_currency),
                         ("rate", lambda v: parse_rate(v, decimal_comma=decimal_comma))):
        try:
            values[field] = parse(raw.get(field) or "")
        except ParseError as error:
            errors[field] = str(error)
    if not errors and values["base"] == values["currency"]:
        errors["currency"] = _("the same as the base currency")
    if errors:
        return None, errors
    return Rate(values["date"], values["base"], values["currency"], values["rate"],  # type: ignore[arg-type]
                (raw.get("source") or "").strip()[:20] or source), {}
