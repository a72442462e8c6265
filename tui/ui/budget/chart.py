"""The budget chart, drawn with text: one bar per month, quarter or year, the converted total.

Bars are `█` with an eighth block on top (so a 6-row chart still shows a change of 1/48 of its
range), a group whose total cannot be converted (a rate is missing) is `?`, and the axis and labels
are plain text: the chart reads the same in 16 colours, in monochrome and with NO_COLOR.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from tui.formatting import format_count
from tui.i18n import _
from tui.ui.widgets.cell_chart import Cell, CellChart, pad, text_row

EIGHTHS = " ▁▂▃▄▅▆▇█"
MISSING = "?"
MIN_PLOT_ROWS = 3
MAX_BAR_WIDTH = 5



@dataclass(frozen=True)
class Bar:
    label: str  # under the bar: "03", "Q1", "2027"
    year: str  # on the line below, where the year changes ("" for yearly bars: the label says it)
    value: Decimal | None  # None: the group's total could not be converted


@dataclass(frozen=True)
class ChartData:
    bars: Sequence[Bar]
    legend: str  # what a bar is: "█ RON per month"


def bars_for(keys_and_values: Sequence[tuple[str, Decimal | None]]) -> list[Bar]:
    """Bars from the machine keys of budget_period (`2027-03`, `2027-Q1`, `2027`) and their totals."""
    bars = []
    for key, value in keys_and_values:
        year, _sep, part = key.partition("-")
        bars.append(Bar(part or year, year if part else "", value))
    return bars


def chart_cells(data: ChartData, width: int, height: int) -> list[list[Cell]]:
    """`height` rows of `width` cells: the plot, the labels (and years), and the legend."""
    bars = data.bars
    with_years = any(bar.year for bar in bars)
    plot_rows = height - 2 - with_years
    values = [float(bar.value) for bar in bars if bar.value is not None]
    high = _nice(max(values, default=0.0))
    labels = {0: format_count(round(high)), plot_rows - 1: "0"}
    if plot_rows >= 5:  # the middle row, labelled with the value at its centre
        middle = (plot_rows - 1) // 2
        labels[middle] = format_count(round(high * (plot_rows - middle - 0.5) / plot_rows))
    label_width = max(len(text) for text in labels.values()) + 1
    plot_width = width - label_width
    if not bars or plot_rows < MIN_PLOT_ROWS or plot_width < len(bars):
        message = "" if not bars else _("(too small for the chart: g groups by quarter)") \
            if plot_width < len(bars) and plot_rows >= MIN_PLOT_ROWS else _("(too small for the chart)")
        return [text_row(message, "axis", width)] + [text_row("", "", width) for _row in range(max(0, height - 1))]
    slot = min(MAX_BAR_WIDTH + 1, plot_width // len(bars))
    bar_width = max(1, slot - 1)
    rows = []
    for top in range(plot_rows):
        row = [(ch, "axis") for ch in labels.get(top, "").rjust(label_width - 1) + ("┤" if top in labels else "│")]
        bottom = plot_rows - 1 - top
        for bar in bars:
            row += [_cell(bar.value, bottom, high, plot_rows)] * bar_width + [(" ", "")] * (slot - bar_width)
        rows.append(pad(row, width))
    rows.append(_labels([bar.label for bar in bars], label_width, slot, width))
    if with_years:
        years = [bar.year if i == 0 or bar.year != bars[i - 1].year else "" for i, bar in enumerate(bars)]
        rows.append(_labels(years, label_width, slot, width))
    legend = [(data.legend[0], "bar")] + [(ch, "axis") for ch in data.legend[1:]]
    if any(bar.value is None for bar in bars):
        legend += [(ch, "axis") for ch in "   "] + [(MISSING, "missing")] + \
            [(ch, "axis") for ch in " " + _("no rate: no total")]
    rows.append(pad(legend, width))
    return rows


def _nice(value: float) -> float:
    """The top of the scale: a round number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten) at least `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= value)


def _cell(value: Decimal | None, bottom: int, high: float, rows: int) -> Cell:
    if value is None:
        return (MISSING, "missing") if bottom == 0 else (" ", "")
    eighths = round(float(value) / high * rows * 8) - bottom * 8
    if eighths <= 0 and bottom == 0 and value > 0:
        eighths = 1  # a small amount is still more than nothing
    return (EIGHTHS[min(8, eighths)], "bar") if eighths > 0 else (" ", "")


def _labels(texts: Sequence[str], offset: int, slot: int, width: int) -> list[Cell]:
    """Each text under its bar, left to right, where it does not run into the one before."""
    row: list[Cell] = [(" ", "")] * width
    free_from = 0
    for index, text in enumerate(texts):
        at = offset + index * slot
        if not text or at < free_from or at + len(text) > width:
            continue
        row[at:at + len(text)] = [(ch, "axis") for ch in text]
        free_from = at + len(text) + 1
    return row


class BudgetChart(CellChart):
    """Shows `ChartData` (or a message); redrawn only when the data or the size changes."""

    ROLE_PREFIX, ROLES = "budget-chart", ("axis", "bar", "missing")
    COMPONENT_CLASSES = {"budget-chart--axis", "budget-chart--bar", "budget-chart--missing"}
    DEFAULT_CSS = """
    BudgetChart { height: 1fr; }
    BudgetChart > .budget-chart--axis { color: $text-muted; }
    BudgetChart > .budget-chart--bar { color: $primary; }
    BudgetChart > .budget-chart--missing { color: $error; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.data: ChartData | None = None

    def show(self, data: ChartData | None) -> None:
        self.data = data
        self.redraw()

    def cells(self, width: int, height: int) -> list[list[Cell]]:
        return chart_cells(self.data or ChartData((), " "), width, height)
