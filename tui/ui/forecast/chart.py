"""The forecast chart, drawn with text: history bars, forecast dots, the 95 % band, the owned line.

Every series has its own glyph — `█▆▃` bars for usage, `•` for the expected
forecast, `░` for the 95 % band, `━` for licences owned — so the chart reads
the same in 16 colours, in monochrome and with NO_COLOR; colours only help.
Bars use eighth blocks, so a 10-row chart still shows a change of 1/80 of
its range.  One column per month (up to three when there is room; months
share a column when there are more months than columns).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tui.domain.forecast import ForecastPoint
from tui.forecast_format import format_month
from tui.formatting import format_count
from tui.i18n import _
from tui.ui.widgets.cell_chart import Cell, CellChart, pad, text_row

EIGHTHS = " ▁▂▃▄▅▆▇█"
BAND, DOT, OWNED = "░", "•", "━"
MIN_PLOT_ROWS = 3



@dataclass(frozen=True)
class ChartData:
    history: Sequence[tuple[date, int | None]]
    points: Sequence[ForecastPoint]
    owned: Sequence[int]  # licences owned in each month of history + points


@dataclass(frozen=True)
class _Column:
    history: int | None = None
    band: tuple[float, float] | None = None
    expected: float | None = None
    owned: int | None = None


def chart_cells(data: ChartData, width: int, height: int) -> list[list[Cell]]:
    """`height` rows of `width` cells: the plot, a row of month labels, and a legend."""
    plot_rows = height - 2
    if plot_rows < MIN_PLOT_ROWS or width < 20 or not data.history:
        return [text_row(_("(too small for the chart)") if data.history else "", "axis", width)] + \
            [text_row("", "", width) for _row in range(max(0, height - 1))]
    low, high = _scale(data)
    labels = {0: format_count(round(high)), plot_rows - 1: format_count(round(low))}
    if plot_rows >= 5:  # the middle row, labelled with the value at its centre
        middle = (plot_rows - 1) // 2
        labels[middle] = format_count(round(low + (high - low) * (plot_rows - middle - 0.5) / plot_rows))
    label_width = max(len(text) for text in labels.values()) + 1
    columns, starts = _columns(data, width - label_width)
    rows = []
    for top in range(plot_rows):
        row = [(ch, "axis") for ch in labels.get(top, "").rjust(label_width - 1) + ("┤" if top in labels else "│")]
        bottom = plot_rows - 1 - top  # this row covers [low + bottom·step, low + (bottom+1)·step)
        for column in columns:
            row.append(_cell(column, bottom, low, high, plot_rows))
        rows.append(pad(row, width))
    rows.append(_month_labels(data, starts, label_width, width))
    rows.append(_legend(width))
    return rows


def _scale(data: ChartData) -> tuple[float, float]:
    """The value range: usage and the 95 % band, widened for the owned line unless that would flatten them.

    The range starts at 0 only when the data already comes near it; an owned
    line far outside is drawn at the edge as `↑`/`↓` instead of squashing
    the usage into a few rows.
    """
    values = [v for _m, v in data.history if v is not None]
    values += [v for p in data.points for v in (p.lower95, p.upper95, p.expected)]
    top, bottom = max(values), min(values)
    span = max(top - bottom, 1.0)
    owned = [v for v in data.owned if bottom - 1.5 * span <= v <= top + 1.5 * span]
    top, bottom = max([top] + owned), min([bottom] + owned)
    span = max(top - bottom, 1.0)
    unit = _nice(max(span / 4, 1.0))  # licences are whole: no finer steps than 1
    low = 0.0 if bottom <= top / 3 else max(0.0, math.floor((bottom - span * 0.05) / unit) * unit)
    high = math.ceil((top + span * 0.05) / unit) * unit
    return low, max(high, low + 1)


def _nice(rough: float) -> float:
    """1, 2 or 5 × a power of ten, at least `rough`."""
    power = 10 ** math.floor(math.log10(rough)) if rough > 0 else 1
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)


def _columns(data: ChartData, plot_width: int) -> tuple[list[_Column], dict[int, int]]:
    """One `_Column` per screen column, and the screen column where each month starts."""
    past = len(data.history)
    count = past + len(data.points)
    per_month = max(1, min(3, plot_width // count))
    expand = count * per_month <= plot_width
    total = count * per_month if expand else plot_width
    columns: list[_Column] = []
    starts: dict[int, int] = {}  # month index -> first screen column showing it
    for c in range(total):
        first, last = (c // per_month, c // per_month + 1) if expand else (c * count // total,
                                                                            (c + 1) * count // total)
        for month in range(first, last):
            starts.setdefault(month, c)
        history = [data.history[i][1] for i in range(first, min(last, past)) if data.history[i][1] is not None]
        ahead = [data.points[i - past] for i in range(max(first, past), last)]
        columns.append(_Column(
            history=max(history) if history else None,
            band=(min(p.lower95 for p in ahead), max(p.upper95 for p in ahead)) if ahead else None,
            expected=ahead[-1].expected if ahead else None,
            owned=data.owned[last - 1] if last - 1 < len(data.owned) else None,
        ))
    return columns, starts


def _cell(column: _Column, bottom: int, low: float, high: float, rows: int) -> Cell:
    step = (high - low) / rows

    def row_of(value: float) -> int:
        return min(rows - 1, max(0, int((value - low) / step)))

    if column.expected is not None and row_of(column.expected) == bottom:
        return DOT, "forecast"
    if column.owned is not None and row_of(column.owned) == bottom:
        return (OWNED if low <= column.owned <= high else "↓" if column.owned < low else "↑"), "owned"
    if column.history is not None:
        eighths = round((column.history - low) / step * 8) - bottom * 8
        if eighths > 0:
            return EIGHTHS[min(8, eighths)], "history"
    if column.band is not None:
        lower, upper = column.band
        if lower < low + (bottom + 1) * step and upper >= low + bottom * step:
            return BAND, "band"
    return " ", ""


def _month_labels(data: ChartData, starts: dict[int, int], offset: int, width: int) -> list[Cell]:
    """Month labels by priority — first, last, first forecast month, then each January — where they fit."""
    months = [m for m, _v in data.history] + [p.month for p in data.points]
    wanted = [0, len(months) - 1, len(data.history)] + [i for i, m in enumerate(months) if m.month == 1]
    row: list[Cell] = [(" ", "")] * width
    taken: list[tuple[int, int]] = []
    for index in wanted:
        if index not in starts:
            continue
        text = format_month(months[index])
        at = min(offset + starts[index], width - len(text))
        if at < 0 or any(at < end + 2 and begin < at + len(text) + 2 for begin, end in taken):
            continue
        taken.append((at, at + len(text)))
        row[at:at + len(text)] = [(ch, "axis") for ch in text]
    return row


def _legend(width: int) -> list[Cell]:
    row: list[Cell] = []
    for glyph, role, label in ((EIGHTHS[8], "history", _("usage (monthly peak)")),
                               (DOT, "forecast", _("forecast")), (BAND, "band", _("95 % band")),
                               (OWNED, "owned", _("owned"))):
        row += [(glyph, role)] + [(ch, "axis") for ch in f" {label}   "]
    return pad(row, width)


class ForecastChart(CellChart):
    """Shows `ChartData` (or a message); redrawn only when the data or the size changes."""

    ROLE_PREFIX, ROLES = "forecast-chart", ("axis", "history", "band", "forecast", "owned")
    COMPONENT_CLASSES = {"forecast-chart--axis", "forecast-chart--history", "forecast-chart--band",
                         "forecast-chart--forecast", "forecast-chart--owned"}
    DEFAULT_CSS = """
    ForecastChart { height: 1fr; }
    ForecastChart > .forecast-chart--axis { color: $text-muted; }
    ForecastChart > .forecast-chart--history { color: $primary; }
    ForecastChart > .forecast-chart--band { color: $secondary; }
    ForecastChart > .forecast-chart--forecast { color: $accent; text-style: bold; }
    ForecastChart > .forecast-chart--owned { color: $warning; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.data: ChartData | None = None
        self.message = ""

    def show(self, data: ChartData | None, message: str = "") -> None:
        self.data, self.message = data, message
        self.redraw()

    def cells(self, width: int, height: int) -> list[list[Cell]]:
        if self.data is None:
            return [text_row(self.message, "axis", width)] + [text_row("", "", width)] * (height - 1)
        return chart_cells(self.data, width, height)
