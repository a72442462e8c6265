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

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from tui.formatting import format_count
from tui.i18n import _

EIGHTHS = " ▁▂▃▄▅▆▇█"
MISSING = "?"
MIN_PLOT_ROWS = 3
MAX_BAR_WIDTH = 5

Cell = tuple[str, str]  # (character, role): role "" or axis, bar, missing


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
        return [_text_row(message, "axis", width)] + [_text_row("", "", width) for _row in range(max(0, height - 1))]
    slot = min(MAX_BAR_WIDTH + 1, plot_width // len(bars))
    bar_width = max(1, slot - 1)
    rows = []
    for top in range(plot_rows):
        row = [(ch, "axis") for ch in labels.get(top, "").rjust(label_width - 1) + ("┤" if top in labels else "│")]
        bottom = plot_rows - 1 - top
        for bar in bars:
            row += [_cell(bar.value, bottom, high, plot_rows)] * bar_width + [(" ", "")] * (slot - bar_width)
        rows.append(_pad(row, width))
    rows.append(_labels([bar.label for bar in bars], label_width, slot, width))
    if with_years:
        years = [bar.year if i == 0 or bar.year != bars[i - 1].year else "" for i, bar in enumerate(bars)]
        rows.append(_labels(years, label_width, slot, width))
    legend = [(data.legend[0], "bar")] + [(ch, "axis") for ch in data.legend[1:]]
    if any(bar.value is None for bar in bars):
        legend += [(ch, "axis") for ch in "   "] + [(MISSING, "missing")] + \
            [(ch, "axis") for ch in " " + _("no rate: no total")]
    rows.append(_pad(legend, width))
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


def _text_row(text: str, role: str, width: int) -> list[Cell]:
    return _pad([(ch, role) for ch in text], width)


def _pad(row: list[Cell], width: int) -> list[Cell]:
    return (row + [(" ", "")] * width)[:width]


class BudgetChart(Widget):
    """Shows `ChartData` (or a message); redrawn only when the data or the size changes."""

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
        self._cells: list[list[Cell]] | None = None
        self._cells_for: tuple[int, int] | None = None
        self._styles: dict[str, Style] | None = None

    def show(self, data: ChartData | None) -> None:
        self.data, self._cells = data, None
        self.refresh()

    def _rows(self) -> list[list[Cell]]:
        width, height = self.size.width, self.size.height
        if self._cells is None or self._cells_for != (width, height):
            data = self.data or ChartData((), " ")
            self._cells = chart_cells(data, width, height)
            self._cells_for = (width, height)
        return self._cells

    def render_line(self, y: int) -> Strip:
        rows = self._rows()
        styles = self._role_styles()
        if y >= len(rows):
            return Strip.blank(self.size.width, styles[""])
        segments, run, role = [], "", ""
        for ch, cell_role in rows[y]:
            if cell_role != role and run:
                segments.append(Segment(run, styles[role]))
                run = ""
            run, role = run + ch, cell_role
        if run:
            segments.append(Segment(run, styles[role]))
        return Strip(segments).adjust_cell_length(self.size.width, styles[""])

    def _role_styles(self) -> dict[str, Style]:
        if self._styles is None:
            base = self.rich_style
            self._styles = {"": base} | {
                role: base + self.get_component_rich_style(f"budget-chart--{role}", partial=True)
                for role in ("axis", "bar", "missing")
            }
        return self._styles

    def notify_style_update(self) -> None:
        self._styles = None
        super().notify_style_update()
