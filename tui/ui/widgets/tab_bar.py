"""The row of tab titles, and the line under the active one, as one widget.

Textual's TabbedContent builds a widget per title, an animated underline, and
panes that wrap each tab: with the Overview that was ~70 ms of CPU before the
first paint (benchmarks/bench_overview.py, an ablation).  This bar draws the
same two lines — titles with Textual's Tabs colours, and Textual's own `Bar`
underneath — and the app switches panes with a ContentSwitcher.  Tabs are
switched with the number keys (as before) or by clicking a title; the bar
itself takes no focus, so Tab moves between the widgets of the pane.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.widget import Widget


class TabBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"tab-bar--title", "tab-bar--active", "tab-bar--hover", "tab-bar--underline"}
    DEFAULT_CSS = """
    TabBar {
        width: 1fr;
        height: 2;
        .tab-bar--title { color: $foreground 50%; }
        .tab-bar--active { color: $foreground; }
        .tab-bar--hover { color: $foreground; }
        .tab-bar--underline { color: $block-cursor-background; background: $foreground 10%; }
        &:ansi {
            .tab-bar--title { text-style: dim; }
            .tab-bar--active { text-style: not dim bold; }
            .tab-bar--underline { background: $border-blurred; }
        }
    }
    """

    active: reactive[str] = reactive("")

    @dataclass
    class Clicked(Message):
        """A tab's title was clicked."""

        tab: str

    def __init__(self, tabs: Sequence[tuple[str, str]], active: str, *, id: str | None = None) -> None:
        """`tabs`: (id, title) of each tab, left to right."""
        super().__init__(id=id)
        self.tabs = list(tabs)
        self.set_reactive(TabBar.active, active)
        self._hover: str | None = None

    def _places(self) -> list[tuple[int, int, str, str]]:
        """(from x, to x, id, title) of each title, one cell of padding either side."""
        places, x = [], 0
        for tab, title in self.tabs:
            width = len(title) + 2
            places.append((x, x + width, tab, title))
            x += width
        return places

    def render(self) -> Group:
        titles = Text(no_wrap=True, overflow="crop")
        underline = (0, 0)
        for start, end, tab, title in self._places():
            role = "tab-bar--active" if tab == self.active else "tab-bar--title"
            style = self.get_component_rich_style(role)
            if tab == self._hover and tab != self.active:
                style += self.get_component_rich_style("tab-bar--hover")
            titles.append(f" {title} ", style)
            if tab == self.active:
                underline = (start + 1, end - 1)  # under the title, not its padding (as Textual's Tabs)
        bar = self.get_component_rich_style("tab-bar--underline")
        return Group(titles, Bar(highlight_range=underline, highlight_style=Style.from_color(bar.color),
                                 background_style=Style.from_color(bar.bgcolor)))

    def _tab_at(self, x: int) -> str | None:
        return next((tab for start, end, tab, _title in self._places() if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        tab = self._tab_at(event.x)
        if tab is not None:
            self.post_message(self.Clicked(tab))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        tab = self._tab_at(event.x)
        if tab != self._hover:
            self._hover = tab
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
