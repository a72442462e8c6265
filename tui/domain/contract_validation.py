"""One set of rules for a contract, whether it comes from a CSV row or the form."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from tui.domain.contract import Contract
from tui.domain.money import CURRENCIES
from tui.domain.parsing import ParseError, parse_amount, parse_date, parse_whole
from tui.domain.text import has_control_chars, printable
from tui.i18n import _, ngettext

MAX_LENGTH = {"id": 64, "product": 200, "partner": 64, "certificate": 100, "order": 100, "notes": 2000}
MAX_QUANTITY = 10_000_000


def check_text(value: str, name: str, *, required: bool, multiline: bool = False, limit: int | None = None) -> str:
    """Strip and check a free-text field; raises ParseError with the user's message.

    `multiline` fields (notes) may hold line breaks; no field may hold other
    control characters, which could drive the terminal when shown.  The
    length limit is the contract field's, unless another record passes its own.
    """
    text = value.strip()
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if required and not text:
        raise ParseError(_("is required"))
    if has_control_chars(text.replace("\n", "") if multiline else text):
        raise ParseError(_("contains control characters"))
    limit = limit if limit is not None else MAX_LENGTH.get(name, 2000)
    if len(text) > limit:
        raise ParseError(ngettext("is too long ({length} character, at most {limit})",
                                  "is too long ({length} characters, at most {limit})", len(text)).format(
            length=len(text), limit=limit))
    return text


def validate_contract(
    raw: Mapping[str, str], *, decimal_comma: bool = False, from_csv: bool = False,
    partners: Collection[str] | None = None, keep_partner: str = "",
) -> tuple[Contract | None, dict[str, str]]:
    """Turn field texts into a Contract, or say what is wrong with each field.

    Returns `(contract, {})` when every field is valid, else `(None, errors)`
    with one message per failing column, in column order.  `from_csv` words
    the advice for a decimal comma for a file rather than the form.  With
    `partners` (the directory's ids) a partner id must be one of them, unless
    it is `keep_partner` (what the contract already had: a partner removed
    from the directory since does not block other changes).
    """
    errors: dict[str, str] = {}
    values: dict[str, object] = {}

    def take(name: str, parse) -> None:
        try:
            values[name] = parse(raw.get(name) or "")
        except ParseError as error:
            errors[name] = str(error)

    for name in ("id", "product"):
        take(name, lambda v, n=name: check_text(v, n, required=True))
    take("quantity", lambda v: parse_whole(v, minimum=1, maximum=MAX_QUANTITY))
    take("start", lambda v: parse_date(v) if v.strip() else None)
    take("end", parse_date)
    take("unit_price", lambda v: parse_amount(v, decimal_comma=decimal_comma, from_csv=from_csv))
    take("currency", _parse_currency)
    for name in ("partner", "certificate", "order"):
        take(name, lambda v, n=name: check_text(v, n, required=False))
    partner = values.get("partner")
    if partners is not None and partner and partner != keep_partner and partner not in partners:
        errors["partner"] = unknown_partner_text(str(partner), partners, from_csv=from_csv)
    take("notes", lambda v: check_text(v, "notes", required=False, multiline=True))

    start, end = values.get("start"), values.get("end")
    if start is not None and end is not None and end < start:
        errors["end"] = _("end is before start ({start})").format(start=start.isoformat())
    if errors:
        return None, errors
    return Contract(**values), {}


def unknown_partner_text(partner: str, partners: Collection[str], *, from_csv: bool) -> str:
    """Names the valid choice: an id of the partner directory (the range of its ids), or the search."""
    if from_csv:
        ids = sorted(partners)
        known = ngettext("{first} … {last}, {n} partner", "{first} … {last}, {n} partners", len(ids)).format(
            first=ids[0], last=ids[-1], n=len(ids)) if ids \
            else _("the directory is empty")
        return _("unknown partner '{id}': use an id from the partner directory ({known}; "
                 "'renewals partners --format csv' lists them)").format(id=printable(partner[:20]), known=known)
    return _("unknown partner '{id}': choose one from the partner directory (enter searches it by name)").format(
        id=printable(partner[:20]))


def _parse_currency(value: str) -> str:
    code = value.strip().upper()
    if not code:
        raise ParseError(_("is required"))
    if code not in CURRENCIES:
        raise ParseError(
            _("unknown currency '{code}' (use one of {known})").format(
                code=printable(code[:10]), known=", ".join(sorted(CURRENCIES))
            )
        )
    return code
