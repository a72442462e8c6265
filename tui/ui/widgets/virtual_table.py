"""A table that renders only the rows on screen (Textual's Line API).

Textual's DataTable builds every row up front (~1.5 s for 10,000 rows);
this table asks its owner for a row's cells only when that row is painted,
so 10,000 contracts cost no more to show than 20.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.domain.text import printable

# A cell is its text, or (text, tone) where tone names a style: "bad", "warn", "good", "muted".
Cell = str | tuple[str, str]
PARTS = ("header", "cursor")  # full styles; the tones are partial (laid over the row's style)
T = TypeVar("T")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int
    align: str = "left"  # or "right"
    flex: bool = False  # takes the room left over
    keep: int = 0  # when the table is narrow, columns with the lowest `keep` are hidden first


class VirtualTable(ScrollView, can_focus=True):
    """A cursor-driven table over `row_count` rows whose cells come from `cells_for(index)`."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]
    COMPONENT_CLASSES = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--bad",
        "virtual-table--warn",
        "virtual-table--good",
        "virtual-table--muted",
    }
    DEFAULT_CSS = """
    VirtualTable { height: 1fr; overflow-x: hidden; }
    VirtualTable > .virtual-table--header { text-style: bold; background: $panel; }
    VirtualTable > .virtual-table--cursor { background: $surface-lighten-2; }
    VirtualTable:focus > .virtual-table--cursor { background: $accent; color: $text; }
    VirtualTable > .virtual-table--bad { color: $error; text-style: bold; }
    VirtualTable > .virtual-table--warn { color: $warning; text-style: bold; }
    VirtualTable > .virtual-table--good { color: $success; }
    VirtualTable > .virtual-table--muted { color: $text-muted; }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False)
    _paint: dict[str, object] | None = None  # what one repaint looked up already (render_lines)

    class CursorMoved(Message):
        def __init__(self, table: VirtualTable, index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(self, columns: Sequence[Column], cells_for: Callable[[int], Sequence[Cell]], *,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = list(columns)
        self.cells_for = cells_for
        self.row_count = 0
        self._layout: list[tuple[int, int]] = []  # (column index, width) of visible columns
        self._layout_width = -1

    # -- data --------------------------------------------------------------
    def set_row_count(self, count: int, *, cursor: int | None = None) -> None:
        """Say how many rows there are now (the cells may have changed too): repaint."""
        self.row_count = count
        self.virtual_size = self._virtual_size()
        target = self.cursor_row if cursor is None else cursor
        self.cursor_row = max(0, min(target, count - 1))
        self.refresh()

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Show different columns (the layout is worked out again on the next paint)."""
        self.columns = list(columns)
        self._layout_width = -1
        self.refresh()

    # -- cursor ------------------------------------------------------------
    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.CursorMoved(self, new))

    def _scroll_cursor_into_view(self) -> None:
        if not self.size.height:  # hidden (another tab): on_resize does it when shown again
            return
        visible = max(1, self.size.height - 1)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        if self.row_count:
            self.cursor_row = max(0, min(self.row_count - 1, self.cursor_row + delta))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.size.height - 2))

    def action_jump(self, where: int) -> None:
        if self.row_count:
            self.cursor_row = where % self.row_count

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= index < self.row_count:
            self.cursor_row = index

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_cursor_into_view()

    def _virtual_size(self) -> Size:
        """One line per row plus the header.  No width: the columns are fitted to the width, never
        scrolled sideways, so being shown or resized does not change it and costs no second layout."""
        return Size(0, self.row_count + 1)

    # -- painting ----------------------------------------------------------
    def _column_layout(self, width: int) -> list[tuple[int, int]]:
        """Which columns fit in `width`, and how wide each is drawn."""
        if width == self._layout_width:
            return self._layout
        shown = list(range(len(self.columns)))
        while len(shown) > 1 and sum(self.columns[i].width + 1 for i in shown) - 1 > width:
            shown.remove(min(shown, key=lambda i: (self.columns[i].keep, -i)))
        spare = width - (sum(self.columns[i].width + 1 for i in shown) - 1)
        flex = [i for i in shown if self.columns[i].flex] or shown[-1:]
        layout = []
        for i in shown:
            extra = spare // len(flex) if i in flex and spare > 0 else 0
            layout.append((i, self.columns[i].width + extra))
        self._layout, self._layout_width = layout, width
        return layout

    @property
    def content_width(self) -> int:
        """Width left for cells once the vertical scrollbar is drawn."""
        return self.scrollable_content_region.width

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint = {}
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def _once_per_paint(self, key: str, look_up: Callable[[], T]) -> T:
        """`look_up()`, done once per repaint: the width and the styles walk the DOM (~40 % of a repaint)."""
        paint = self._paint
        if paint is None:
            return look_up()
        if key not in paint:
            paint[key] = look_up()
        return paint[key]  # type: ignore[return-value]

    def _part_style(self, part: str) -> Style:
        return self._once_per_paint(part, lambda: self.get_component_rich_style(f"virtual-table--{part}",
                                                                                partial=part not in PARTS))

    def render_line(self, y: int) -> Strip:
        width = self._once_per_paint("width", lambda: self.content_width)
        base = self._once_per_paint("", lambda: self.rich_style)
        if y == 0:
            return self._strip([c.label for c in self.columns], base + self._part_style("header"), width)
        index = round(self.scroll_y) + y - 1
        if index >= self.row_count:
            return Strip.blank(width, base)
        style = base
        if index == self.cursor_row:
            style = base + self._part_style("cursor")
        return self._strip(self.cells_for(index), style, width)

    def _strip(self, cells: Sequence[Cell], style: Style, width: int) -> Strip:
        segments = []
        for position, (i, column_width) in enumerate(self._column_layout(width)):
            cell = cells[i]
            text, tone = (cell, "") if isinstance(cell, str) else cell
            text = fit(printable(text).replace("\t", " "), column_width, self.columns[i].align)
            cell_style = style
            if tone:
                cell_style = style + self._part_style(tone)
            if position:
                segments.append(Segment(" ", style))
            segments.append(Segment(text, cell_style))
        return Strip(segments).adjust_cell_length(width, style)


def fit(text: str, width: int, align: str) -> str:
    """Pad or cut `text` to exactly `width` cells, marking a cut with an ellipsis."""
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…" if width else ""
    padding = " " * (width - cell_len(text))
    return padding + text if align == "right" else text + padding
