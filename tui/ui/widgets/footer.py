"""The Footer as one widget: the keys that work where the focus is, drawn as one line of text.

Textual's Footer is a container with a widget per key (and per group of
keys), and recomposes — unmounts every key and mounts new ones, CSS and all —
when focus or the bindings change.  Every key widget costs style matching
and layout: at start-up ~50 ms of a ~250 ms first paint, and 20–40 ms on the
first visit to each tab (measured with benchmarks/bench_overview.py and
benchmarks/bench_scale.py).  This footer works out the same line — same
keys, same grouping, same words, same colours (Textual's `footer-key--*`
component classes and theme variables) — and only repaints itself.

Keys are clicked as in Textual's Footer (the key is simulated); hovering
one highlights it and shows its tooltip.  Keys that do not fit the width are
left out whole rather than cut in the middle; the help (F1) lists them all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget

from tui.i18n import N_, _

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True)
class FooterKey:
    """One clickable key: what it shows and what clicking it presses."""

    key: str  # the binding's key, pressed when the key is clicked
    display: str
    description: str
    enabled: bool
    tooltip: str


@dataclass(frozen=True)
class KeyGroup:
    """Keys of one binding group shown together before the group's label ("aed Contract")."""

    keys: tuple[FooterKey, ...]
    label: str


Item = FooterKey | KeyGroup


TEXTUAL_WORDS = (N_("palette"), N_("Open the command palette"))  # the command palette key's, from Textual


def shown(text: str) -> str:
    """A binding's description or tooltip in the current language: bindings are defined once, with `N_`
    (and Textual's own "palette"), and translated here, as they are shown."""
    return _(text) if text else text


def footer_items(screen: Screen) -> tuple[tuple[Item, ...], FooterKey | None]:
    """What Textual's Footer would show for the screen's bindings: the items from the left, and the
    command palette's key (shown on the right)."""
    app = screen.app
    active = screen.active_bindings
    by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
    for _node, binding, enabled, tooltip in active.values():
        if binding.show:
            by_action[binding.action].append((binding, enabled, tooltip))
    items: list[Item] = []
    for group, runs in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
        actions = list(runs)
        if group is not None and len(actions) > 1:
            keys = tuple(FooterKey(b.key, app.get_key_display(b), "", enabled, shown(tooltip or b.description))
                         for b, enabled, tooltip in (bindings[0] for bindings in actions))
            items.append(KeyGroup(keys, shown(group.description)))
        else:
            for bindings in actions:
                binding, enabled, tooltip = bindings[0]
                items.append(FooterKey(binding.key, app.get_key_display(binding), shown(binding.description),
                                       enabled, shown(tooltip)))
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
        palette = FooterKey(binding.key, app.get_key_display(binding), shown(binding.description), enabled,
                            shown(binding.tooltip or binding.description))
    return tuple(items), palette


class KeysFooter(Widget, can_focus=False):
    """A drop-in for `Footer(compact=True)` that is one widget."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer-key--hover", "footer--separator"}
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[tuple[Item, ...], FooterKey | None] | None = None  # None until bindings are known
        self._places: list[tuple[int, int, FooterKey]] = []  # (from x, to x, key) as last drawn
        self._hover: FooterKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.show_current_keys()

    def show_current_keys(self) -> None:
        """Show the keys for the bindings as they are now (whoever moves the focus calls this, so the
        keys change in the same repaint as the focus)."""
        if not self.is_attached:
            return
        shown = footer_items(self.screen)
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    @property
    def keys_shown(self) -> str:
        """The footer's line as text."""
        return self.render().plain

    # -- drawing -------------------------------------------------------------
    def render(self) -> Text:
        self._places = []
        line = Text(no_wrap=True, overflow="crop", end="")
        if self._shown is None:
            return line
        items, palette = self._shown
        width = self.size.width or self.app.size.width
        right = Text(no_wrap=True, end="")
        if palette is not None:
            right.append("▏", self.get_component_rich_style("footer--separator"))
            self._add_key(right, palette)
            right.append(" ")
        room = width - right.cell_len
        for item in items:
            piece = Text(no_wrap=True, end="")
            places = self._draw(piece, item, line.cell_len)
            if line.cell_len + piece.cell_len - 1 > room:  # the trailing gap may be cut
                break
            line.append_text(piece)
            self._places.extend(places)
        line.truncate(room, pad=True)
        if palette is not None:
            self._places.append((room + 1, width, palette))
        line.append_text(right)
        return line

    def _draw(self, piece: Text, item: Item, x: int) -> list[tuple[int, int, FooterKey]]:
        """Append `item` to `piece` (which starts at column `x`); the places of its keys."""
        if isinstance(item, FooterKey):
            start = x + piece.cell_len
            self._add_key(piece, item)
            piece.append(" ")
            return [(start, x + piece.cell_len - 1, item)]
        places = []
        piece.append(" ")
        for key in item.keys:
            start = x + piece.cell_len
            self._add_key(piece, key)
            places.append((start, x + piece.cell_len, key))
        piece.append(" ")
        piece.append(item.label, self.get_component_rich_style("footer-key--description"))
        piece.append(" ")
        return places

    def _add_key(self, text: Text, key: FooterKey) -> None:
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        if key == self._hover and key.enabled:
            hover = self.get_component_rich_style("footer-key--hover")
            key_style, description_style = key_style + hover, description_style + hover
        if not key.enabled:
            key_style, description_style = key_style + Style(dim=True), description_style + Style(dim=True)
        text.append(key.display, key_style)
        if key.description:
            text.append(" " + key.description, description_style)

    # -- mouse -----------------------------------------------------------------
    def _key_at(self, x: int) -> FooterKey | None:
        return next((key for start, end, key in self._places if start <= x < end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
