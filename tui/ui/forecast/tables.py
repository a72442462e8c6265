"""The Forecast tab's three tables — products, monthly numbers, usage samples — as columns and cells.

Every state is said in words as well as colour ("GAP 21", "buy 40",
"no usage"), so the tables read the same in 16 colours or none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tui.domain.forecast import ForecastPoint
from tui.domain.usage import UsageSample
from tui.forecast_format import format_estimate, format_month, format_range
from tui.formatting import format_count, format_date
from tui.i18n import _
from tui.ui.forecast.plans import ProductRow
from tui.ui.widgets.virtual_table import Cell, Column


# An empty last column takes the spare width, so the numbers stay next to their labels.
FILLER = Column("filler", "", 0, flex=True, keep=0)


def product_columns() -> list[Column]:
    return [
        Column("product", _("Product"), 23, flex=True, keep=10),
        Column("owned", _("Owned"), 6, align="right", keep=8),  # today
        Column("owned_then", _("Then"), 6, align="right", keep=8),  # on the horizon date: buy/surplus uses it
        Column("peak", _("Peak"), 6, align="right", keep=1),  # also in the chart: the first to go when narrow
        Column("forecast", _("Forecast"), 8, align="right", keep=5),
        Column("recommended", _("Rec."), 6, align="right", keep=6),
        Column("advice", _("Buy/surplus"), 11, keep=8),
        Column("status", _("Compliance"), 10, keep=9),
        FILLER,  # shares the spare width with the product names on a wide screen
    ]


def advice_cell(row: ProductRow) -> tuple[str, str]:
    """What to do at the horizon, short: `buy 17`, `surplus 18` or `enough` (and its tone)."""
    if row.plan is None:
        return "—", ""
    advice = row.plan.recommendation
    if advice.to_buy:
        return _("buy {n}").format(n=format_count(advice.to_buy)), "warn"
    if advice.surplus:
        return _("surplus {n}").format(n=format_count(advice.surplus)), "muted"
    return _("enough"), "good"


def status_cell(row: ProductRow) -> Cell:
    if row.latest_peak is None:
        return _("no usage"), "muted"
    if row.gap:
        return _("⚠ GAP {n}").format(n=format_count(row.gap)), "bad"
    return _("ok"), "good"


def product_cells(row: ProductRow) -> list[Cell]:
    plan = row.plan
    return [
        row.product,
        format_count(row.owned_now),
        "—" if row.owned_at_horizon is None else format_count(row.owned_at_horizon),
        "—" if row.latest_peak is None else format_count(row.latest_peak),
        format_estimate(plan.result.at_horizon.expected) if plan else (_("n/a"), "muted"),
        format_count(plan.recommendation.recommended) if plan else "—",
        advice_cell(row),
        status_cell(row),
        "",
    ]


def month_columns() -> list[Column]:
    return [
        Column("month", _("Month"), 8, keep=9),
        Column("value", _("In use"), 8, align="right", keep=8),
        Column("band80", _("80 %"), 13, align="right", keep=5),
        Column("band95", _("95 %"), 13, align="right", keep=7),
        Column("owned", _("Owned"), 6, align="right", keep=6),
        FILLER,
    ]


@dataclass(frozen=True)
class MonthRow:
    month: date
    in_use: int | None = None  # an observed month (None with no point: a gap)
    point: ForecastPoint | None = None  # a forecast month
    owned: int = 0


def month_cells(row: MonthRow) -> list[Cell]:
    owned = format_count(row.owned)
    if row.point is not None:
        p = row.point
        return [format_month(row.month), ("≈" + format_estimate(p.expected), "warn"),
                format_range(p.lower80, p.upper80), format_range(p.lower95, p.upper95), owned, ""]
    if row.in_use is None:
        return [format_month(row.month), (_("no data"), "muted"), "", "", owned, ""]
    return [format_month(row.month), format_count(row.in_use), "", "", owned, ""]


def sample_columns() -> list[Column]:
    return [
        Column("date", _("Sample date"), 11, keep=9),
        Column("in_use", _("In use"), 7, align="right", keep=8),
        FILLER,
    ]


def sample_cells(sample: UsageSample) -> list[Cell]:
    return [format_date(sample.on), format_count(sample.in_use), ""]
