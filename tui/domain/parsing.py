"""Parsers for what people type and spreadsheets export: dates, amounts, counts.

Every parser raises `ParseError` with a message meant for the user; the CSV
readers and the forms share them, so a value is accepted or refused the same
way wherever it comes from.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from tui.domain.text import printable
from tui.i18n import _, ngettext

MIN_YEAR = 1900
MAX_YEAR = 2199

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
_RO = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$", re.ASCII)
_SLASHED = re.compile(r"^\d{1,4}/\d{1,2}/\d{1,4}$", re.ASCII)


class ParseError(ValueError):
    """A value that cannot be accepted; `str(error)` is the message for the user."""


def parse_date(text: str) -> date:
    """Parse `YYYY-MM-DD` or `DD.MM.YYYY`; refuse slashed dates as ambiguous."""
    value = text.strip()
    if not value:
        raise ParseError(_("a date is required"))
    if m := _ISO.match(value):
        year, month, day = (int(g) for g in m.groups())
    elif m := _RO.match(value):
        day, month, year = (int(g) for g in m.groups())
    elif _SLASHED.match(value):
        raise ParseError(
            _("'{value}' is ambiguous (day/month or month/day?); write YYYY-MM-DD or DD.MM.YYYY").format(
                value=_clip(value)
            )
        )
    else:
        raise ParseError(_("'{value}' is not a date; write YYYY-MM-DD or DD.MM.YYYY").format(value=_clip(value)))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ParseError(_("year {year} is out of range ({low}–{high})").format(year=year, low=MIN_YEAR, high=MAX_YEAR))
    try:
        return date(year, month, day)
    except ValueError:
        raise ParseError(_("'{value}' is not a real date").format(value=value)) from None


_PLAIN = re.compile(r"^\d+(?:[.,]\d+)?$", re.ASCII)
_GROUPED_COMMA = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$", re.ASCII)  # 1.234,56
_LONE_POINT_GROUP = re.compile(r"^\d{1,3}\.\d{3}$", re.ASCII)  # 1.234: 1234 or 1.234?
_LONE_COMMA_GROUP = re.compile(r"^\d{1,3},\d{3}$", re.ASCII)  # 1,234: 1234 or 1,234 (a decimal comma)?
_GROUPED_POINT = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$", re.ASCII)  # 1,234.56
_GROUP_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space
_SPACE_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$", re.ASCII)  # 1 234 567,89
# Amounts stop below 10 trillion: price × licences summed over every contract then stays well
# inside Decimal's 28 significant digits, so formatting a total to cents can never fail.
MAX_WHOLE_DIGITS = 13


def parse_amount(text: str, *, decimal_comma: bool = False, max_places: int = 4, from_csv: bool = False) -> Decimal:
    """Parse a non-negative amount as Decimal.

    With `decimal_comma` (spreadsheets that use `;` between columns) `1.234,56`
    and `1234,56` are accepted; otherwise `1,234.56` and `1234.56`.  A lone
    separator followed by exactly three digits in the "wrong" convention
    (`1.234` in a decimal-comma file, `1,234` in a point file) is refused as
    ambiguous rather than guessed; typed in a form (not `from_csv`) the number
    format setting says what the point is, so there `1.234` with
    `decimal_comma` is 1234, and `1,234` without it is 1234 too.
    A space may group thousands (`1 234,56`) but not split a number anywhere
    else (`12 34`).  Exponents, signs and other characters are refused, and
    so are amounts of more than MAX_WHOLE_DIGITS digits before the point.
    `from_csv` also changes the advice given for a decimal comma.
    """
    value = text.strip()
    if not value:
        raise ParseError(_("an amount is required"))
    if value.startswith("-"):
        raise ParseError(_("must not be negative"))
    if any(ch in _GROUP_SPACES for ch in value):
        if not _SPACE_GROUPED.match(value):
            raise ParseError(_("'{value}' is not a number (a space may only separate thousands: 1 234 567)").format(
                value=_clip(value)))
        value = "".join(ch for ch in value if ch not in _GROUP_SPACES)
    if from_csv and (decimal_comma and _LONE_POINT_GROUP.match(value)
                     or not decimal_comma and _LONE_COMMA_GROUP.match(value)):
        raise _ambiguous(value, decimal_comma)
    if decimal_comma and _GROUPED_COMMA.match(value):
        normal = value.replace(".", "").replace(",", ".")
    elif not decimal_comma and _GROUPED_POINT.match(value):
        normal = value.replace(",", "")
    elif _PLAIN.match(value):
        if "," in value and not decimal_comma:
            advice = (_("'{value}' uses a decimal comma; write {fixed} (or use ';' between CSV columns)") if from_csv
                      else _("'{value}' uses a decimal comma; write {fixed} (or choose 1.234,56 as the number "
                             "format in Settings)"))
            raise ParseError(advice.format(value=_clip(value), fixed=_clip(value.replace(",", "."))))
        if "." in value and decimal_comma and len(value.split(".")[1]) == 3:
            raise _ambiguous(value, decimal_comma)
        normal = value.replace(",", ".")
    else:
        raise ParseError(_("'{value}' is not a number").format(value=_clip(value)))
    try:
        amount = Decimal(normal)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        raise ParseError(_("'{value}' is not a number").format(value=_clip(value))) from None
    if amount and amount.adjusted() >= MAX_WHOLE_DIGITS:
        raise ParseError(ngettext("is too large (at most {digits} digit before the decimal point)",
                                  "is too large (at most {digits} digits before the decimal point)",
                                  MAX_WHOLE_DIGITS).format(digits=MAX_WHOLE_DIGITS))
    if -amount.as_tuple().exponent > max_places:
        raise ParseError(_("at most {places} decimal places").format(places=max_places))
    return amount


def _ambiguous(value: str, decimal_comma: bool) -> ParseError:
    """`1.234` in a `;` file, `1,234` in a `,` file: spreadsheets in either locale write these."""
    separator, decimal = (".", ",") if decimal_comma else (",", ".")
    return ParseError(_("'{value}' is ambiguous: thousands or decimals? Write {whole} for the whole number or "
                        "{fraction} for the fraction").format(value=_clip(value, 20), whole=_clip(value.replace(separator, ""), 20),
                                                              fraction=_clip(value.replace(separator, decimal), 20)))


def parse_percent(text: str) -> Decimal:
    """Parse a percentage typed as `25`, `25 %` or `7,5`; returns the fraction (0.25)."""
    value = text.strip().rstrip("%").strip()
    amount = parse_amount(value, decimal_comma="," in value)
    if amount > 1000:
        raise ParseError(_("a percentage must be at most 1000"))
    return amount / 100


def parse_whole(text: str, *, minimum: int = 0, maximum: int = 10**9) -> int:
    """Parse a whole number in [minimum, maximum]; `10.0`, `1e3` and `+5` are refused."""
    value = text.strip()
    if not value:
        raise ParseError(_("a whole number is required"))
    if not value.isascii() or not value.isdigit():
        raise ParseError(_("'{value}' is not a whole number").format(value=_clip(value)))
    digits = value.lstrip("0") or "0"
    if len(digits) > len(str(maximum)):  # also keeps int() below its 4,300-digit limit
        raise ParseError(_("must be at most {maximum}").format(maximum=maximum))
    number = int(digits)
    if number < minimum:
        raise ParseError(_("must be at least {minimum}").format(minimum=minimum))
    if number > maximum:
        raise ParseError(_("must be at most {maximum}").format(maximum=maximum))
    return number


def _clip(value: str, limit: int = 40) -> str:
    """Keep error messages one line long even for a 10,000-character value."""
    value = printable(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
