"""Licence usage samples: how many licences of a product were in use on a day.

One rule set for a usage row, whether it comes from a CSV file or a form.
Two samples of the same product on the same day are duplicates; the key is
`duplicate_key(sample)` = `(product, on)` and the CSV reader refuses repeats.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from tui.domain.contract_validation import check_text
from tui.domain.parsing import ParseError, parse_date, parse_whole
from tui.domain.text import fold
from tui.i18n import _

# The CSV columns, in file order.
USAGE_COLUMNS = ("product", "date", "in_use")
MAX_IN_USE = 10_000_000


@dataclass(frozen=True, slots=True)
class UsageSample:
    product: str
    on: date
    in_use: int


def duplicate_key(sample: UsageSample) -> tuple[str, date]:
    """What makes two samples the same observation: one product, one day."""
    return (sample.product, sample.on)


def validate_usage(
    raw: Mapping[str, str], *, today: date, known_products: Collection[str] | None
) -> tuple[UsageSample | None, dict[str, str]]:
    """Turn field texts into a UsageSample, or say what is wrong with each column.

    `known_products=None` accepts any product name (new products allowed);
    otherwise the product must be one of them.  The match ignores case and
    Romanian diacritics, and the sample takes the known spelling, so
    "endpoint protection" is stored as "Endpoint Protection".
    Returns `(sample, {})` or `(None, errors)` with one message per column.
    """
    errors: dict[str, str] = {}
    product = on = in_use = None
    try:
        product = _parse_product(raw.get("product") or "", known_products)
    except ParseError as error:
        errors["product"] = str(error)
    try:
        on = parse_date(raw.get("date") or "")
        if on > today:
            raise ParseError(_("is in the future (after {today})").format(today=today.isoformat()))
    except ParseError as error:
        errors["date"] = str(error)
    try:
        in_use = _parse_in_use(raw.get("in_use") or "")
    except ParseError as error:
        errors["in_use"] = str(error)
    if errors:
        return None, errors
    return UsageSample(product, on, in_use), {}


def _parse_in_use(value: str) -> int:
    if value.strip().startswith("-"):
        raise ParseError(_("must not be negative"))
    return parse_whole(value, minimum=0, maximum=MAX_IN_USE)


def _parse_product(value: str, known_products: Collection[str] | None) -> str:
    name = check_text(value, "product", required=True)
    if known_products is None:
        return name
    by_folded = {fold(known): known for known in known_products}
    if (known := by_folded.get(fold(name))) is not None:
        return known
    raise ParseError(_("unknown product '{name}' (no contract has it)").format(name=name[:60]))
