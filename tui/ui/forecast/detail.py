"""What the Forecast tab says about the highlighted product: the heading, the warning, the monthly rows."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from tui.domain.forecast.planning import stale_usage_text
from tui.formatting import format_count, format_date
from tui.i18n import _
from tui.ui.forecast.plans import PlanBook, ProductRow
from tui.ui.forecast.tables import MonthRow, advice_cell


def heading_text(row: ProductRow) -> Text:
    """Product · horizon: owned, recommended → advice; then the method and why (built with append: no markup)."""
    text = Text()
    text.append(row.product, style="bold")
    plan = row.plan
    if plan is None:
        text.append(" · " + row.problem)
        return text
    advice = plan.recommendation
    text.append(" · " + _("on {date}: recommended {recommended}, owned then {owned} → {advice} "
                          "(owned now {now})").format(
        date=format_date(plan.horizon), owned=format_count(advice.owned), now=format_count(row.owned_now),
        recommended=format_count(advice.recommended), advice=advice_cell(row)[0]))
    text.append("\n" + plan.result.reason, style="dim")
    return text


def warning_text(row: ProductRow, today: date) -> str:
    """The compliance gap and old usage data in words ("" when usage is covered and recent)."""
    warnings = []
    if row.gap:
        warnings.append(_("⚠ COMPLIANCE GAP: {used} in use but only {owned} owned today ({gap} over)").format(
            used=format_count(row.latest_peak or 0), owned=format_count(row.owned_now), gap=format_count(row.gap)))
    stale = stale_usage_text(row.latest_sample, today)
    if stale:
        warnings.append("⚠ " + stale)
    return " · ".join(warnings)


def month_rows(book: PlanBook, row: ProductRow) -> list[MonthRow]:
    """Every month of the chart: observed peaks (or gaps), then the forecast, with the licences owned."""
    if row.plan is None:
        return []
    result = row.plan.result
    months = [m for m, _v in result.history] + [p.month for p in result.points]
    owned = book.owned_by_month(row.product, months, row.plan.horizon)
    rows = [MonthRow(m, v, None, o) for (m, v), o in zip(result.history, owned)]
    return rows + [MonthRow(p.month, None, p, o) for p, o in zip(result.points, owned[len(rows):])]
