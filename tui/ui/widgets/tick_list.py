"""A SelectionList whose boxes read `[x]` / `[ ]`: ticked and unticked differ without colour (NO_COLOR)."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist


class TickList(SelectionList[str]):
    """Textual draws the same `▐X▌` for both states and tells them apart by colour alone."""

    DEFAULT_CSS = """
    TickList:focus > .option-list--option-highlighted { text-style: bold underline; }
    """

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        if len(segments) < 4:
            return line
        left, button, right, *rest = segments
        mark = "x" if selection.value in self.selected else " "
        return Strip([Segment("[", rest[0].style), Segment(mark, button.style), Segment("]", rest[0].style), *rest])
