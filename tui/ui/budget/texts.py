"""The Budget tab's words: the payments table's columns and cells, the totals and rates beside the chart."""

from __future__ import annotations

from decimal import Decimal

from tui.domain.budget import LAPSED, OPEN, QUOTED, RENEWAL
from tui.domain.budget_period import MONTHS, QUARTERS
from tui.domain.budget_summary import BudgetSummary, ConvertedEvent
from tui.formatting import format_date, format_decimal, format_money
from tui.i18n import _
from tui.ui.widgets.virtual_table import Cell, Column

MAX_RATES_SHOWN = 6  # the spend of many years can use a rate per confirmation day: the rest are counted


def kind_labels() -> dict[str, str]:
    return {RENEWAL: _("renewal"), LAPSED: _("lapsed + fee"), OPEN: _("open renewal"), QUOTED: _("quoted"),
            "estimate": _("estimate")}


def event_columns(target: str, *, spend: bool = False) -> list[Column]:
    """The payments' columns (the budget's payments belong to a contract or an open renewal, the spend's to
    a completed renewal); the last is the converted amount, headed by its currency."""
    return [
        Column("date", _("Date"), 10, keep=9),
        Column("ref", _("Renewal") if spend else _("Contract"), 13, keep=8),
        Column("product", _("Product"), 14, flex=True, keep=5),
        Column("kind", _("Kind"), max(map(len, kind_labels().values())), keep=7),  # its longest word whole
        Column("amount", _("Amount"), 16, align="right", keep=9),
        Column("converted", target, 16, align="right", keep=6),
    ]


def event_cells(c: ConvertedEvent, target: str, labels: dict[str, str]) -> list[Cell]:
    e = c.event
    converted: Cell = format_money(c.converted, target) if c.converted is not None else (_("no rate"), "bad")
    kind: Cell = labels[e.kind] if e.kind == RENEWAL else (labels[e.kind], "warn")
    return [format_date(e.on), e.ref, e.product, kind, format_money(e.amount, e.currency), converted]


def rate_text(rate: Decimal) -> str:
    """A rate with all of its decimals (up to the six a derived rate has), in the number format: `4,975`."""
    return format_decimal(rate, max(2, -rate.normalize().as_tuple().exponent))  # type: ignore[operator]


def legend(target: str, grouping: str) -> str:
    """What one bar is, starting with the bar's glyph."""
    per = {MONTHS: _("per month"), QUARTERS: _("per quarter")}.get(grouping, _("per year"))
    return _("█ {target} {per}").format(target=target, per=per)


def totals_text(summary: BudgetSummary, *, spend: bool) -> str:
    """Totals per currency, the converted total (or why there is none) and the rates it used."""
    if not summary.events:
        return _("No completed renewal yet.") if spend else _("Nothing to pay in this period.")
    target = summary.target
    lines = [_("Totals per currency")]
    lines += [f"  {format_money(total, currency)}" for currency, total in summary.totals.items()]
    if summary.converted_total is not None:
        lines.append(_("Converted: {amount}").format(amount=format_money(summary.converted_total, target)))
    else:
        lines.append(_("No converted total: no rate into {target} for {currencies} (r adds one)").format(
            target=target, currencies=", ".join(summary.missing_rates)))
    if summary.rates:
        lines.append(_("Rates used:"))
        for rate in summary.rates[:MAX_RATES_SHOWN]:
            lines.append("  " + _("1 {currency} = {rate} {target} · {date} {source}").format(
                currency=rate.currency, rate=rate_text(rate.rate), target=target, date=format_date(rate.on),
                source=rate.source or _("typed")))
        if len(summary.rates) > MAX_RATES_SHOWN:
            lines.append("  " + _("… and {n} more").format(n=len(summary.rates) - MAX_RATES_SHOWN))
    return "\n".join(lines)
