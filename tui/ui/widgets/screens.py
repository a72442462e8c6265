"""Screens whose focus changes repaint what the focus changes, not the whole screen.

Textual's `Screen.focused` is a reactive that repaints the entire screen every
time focus moves.  The widgets that look different when focused (`:focus`,
`:focus-within`) restyle and repaint themselves anyway, so the whole-screen
repaint only costs: ~30 ms of a ~70 ms tab switch at full scale (measured with
benchmarks/bench_scale.py), and the same on every wizard step.

A tab switch or wizard step also asks for one layout, not two, when the focus and the Footer's keys
change with the panes (`focus_now`) inside one batch (`in_one_layout`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from textual.app import App
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from tui.ui.widgets.footer import KeysFooter

ResultT = TypeVar("ResultT")


class MainScreen(Screen):
    """The screen that holds the tabs."""

    BLANK = True  # its background is all it paints: see tui/ui/widgets/layout.py
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class Dialog(ModalScreen[ResultT]):
    """A modal screen (dialogs, forms, the wizard)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


def focus_now(screen: Screen, widget: Widget) -> None:
    """Focus `widget`, and show the Footer keys that go with it, now rather than on the next turns of
    the event loop (after the panes that changed have been laid out once already)."""
    screen.set_focus(widget)
    screen.query_one(KeysFooter).show_current_keys()


async def in_one_layout(app: App, change: Callable[[], None]) -> None:
    """Make `change` in one batch: every widget it touched asks for its layout in the same turn, so
    the screen is laid out and painted once."""
    with app.batch_update():
        change()
        await asyncio.sleep(0)
