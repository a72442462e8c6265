"""Layout-only containers, painted as blank lines.

Textual paints every container on screen line by line, background and all, before its children cover
it, and cuts each of those lines at every child's edge. The Overview's screen, tab switcher, tab, pane
and body are five such full-screen layers: 1,022 line pieces for the first frame of a 120×40 terminal,
half of that frame's time. A widget marked `BLANK` (Textual's own switch, for widgets with "no border, no
content") is painted as one shared blank line in its background colour instead: 443 pieces, and the
cuts of a line already cut are cached.

Use these (or set `BLANK` on a class) only for containers with no border, outline or content of their
own (padding is fine: it is background too); tests/ui/test_blank_layout.py checks that every tab and
wizard step looks the same with and without the switch.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher


class BlankColumn(Vertical):
    """A `Vertical` that only lays out its children."""

    BLANK = True


class BlankRow(Horizontal):
    """A `Horizontal` that only lays out its children."""

    BLANK = True


class BlankSwitcher(ContentSwitcher):
    """A `ContentSwitcher` that only shows one of its children."""

    BLANK = True
