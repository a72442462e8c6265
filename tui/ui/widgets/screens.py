"""Screens whose focus changes repaint what the focus changes, not the whole screen.

Textual's `Screen.focused` is a reactive that repaints the entire screen every
time focus moves.  The widgets that look different when focused (`:focus`,
`:focus-within`) restyle and repaint themselves anyway, so the whole-screen
repaint only costs: ~30 ms of a ~70 ms tab switch at full scale (measured with
benchmarks/bench_scale.py), and the same on every wizard step.
"""

from __future__ import annotations

from typing import TypeVar

from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

ResultT = TypeVar("ResultT")


class MainScreen(Screen):
    """The screen that holds the tabs."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class Dialog(ModalScreen[ResultT]):
    """A modal screen (dialogs, forms, the wizard)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
