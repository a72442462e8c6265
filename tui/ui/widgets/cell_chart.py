"""A chart drawn as text: rows of (character, role) cells, each role styled by a component class.

The Forecast and Budget charts draw into cells (a pure function of their data and the size) and this
widget paints them: one Rich style per role, looked up once until the styles or the theme change, and the
cells kept until the data or the size changes. Every series has its own glyph, so a chart reads the same
in 16 colours, in monochrome and with NO_COLOR; colours only help.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

Cell = tuple[str, str]  # (character, role): role "" (plain) or one of the chart's ROLES


def text_row(text: str, role: str, width: int) -> list[Cell]:
    return pad([(ch, role) for ch in text], width)


def pad(row: list[Cell], width: int) -> list[Cell]:
    return (row + [(" ", "")] * width)[:width]


class CellChart(Widget):
    """Paints `cells(width, height)`; subclasses name their component classes `{ROLE_PREFIX}--{role}`."""

    ROLE_PREFIX: ClassVar[str] = ""
    ROLES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._cells: list[list[Cell]] | None = None
        self._cells_for: tuple[int, int] | None = None
        self._styles: dict[str, Style] | None = None

    def cells(self, width: int, height: int) -> list[list[Cell]]:
        raise NotImplementedError

    def redraw(self) -> None:
        """The data changed: draw the cells again."""
        self._cells = None
        self.refresh()

    def _rows(self) -> list[list[Cell]]:
        width, height = self.size.width, self.size.height
        if self._cells is None or self._cells_for != (width, height):
            self._cells = self.cells(width, height)
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
        """Each role's Rich style, looked up once (not per line) until the styles or theme change."""
        if self._styles is None:
            base = self.rich_style
            self._styles = {"": base} | {
                role: base + self.get_component_rich_style(f"{self.ROLE_PREFIX}--{role}", partial=True)
                for role in self.ROLES
            }
        return self._styles

    def notify_style_update(self) -> None:
        self._styles = None
        super().notify_style_update()
