"""Textual's Footer, rebuilt only when the keys it shows change, and keeping the keys it built.

Textual's Footer recomposes — unmounts every key and mounts new ones, CSS
and all — each time focus or the bindings change: 4 to 5 times per tab
switch, ~20 ms each, though what it shows is the same each time after the
first (measured in benchmarks/bench_scale.py).  This one

* compares what it would show with what it shows, and does nothing when
  they are equal;
* keeps the keys it built for each set of bindings (the last few sets), and
  shows them again instead of building new ones: going back to a tab swaps
  the footer's keys without mounting anything;
* shows kept keys as soon as the bindings change rather than after the
  next repaint, so a tab switch or a wizard step paints once, with its keys
  (and checks again after the repaint, as Textual's Footer does).

The widgets, classes and CSS are Textual's own, so it looks and clicks the same.
"""

from __future__ import annotations

from textual.compose import compose
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

KEPT_SETS = 8


class KeysFooter(Footer):
    """A drop-in Footer: same widgets, same look; builds a set of keys once."""

    def __init__(self, *children: Widget, **kwargs) -> None:
        super().__init__(*children, **kwargs)
        self._sets: list[tuple[object, list[Widget]]] = []  # (what they show, the widgets), newest last

    def _what_to_show(self) -> object:
        """Everything Footer.compose reads; equal values compose equal keys."""
        bindings = self.screen.active_bindings
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return (
            self.compact,
            self.show_command_palette,
            self.combine_groups,
            self.app.ENABLE_COMMAND_PALETTE,
            tuple((binding, enabled, tooltip) for _node, binding, enabled, tooltip in bindings.values()
                  if binding.show),
            palette[1:] if palette else None,
        )

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._show_kept(self._what_to_show())  # in the same repaint as what changed them
            self.call_after_refresh(self.recompose)  # as Textual's Footer: builds keys not seen before

    def show_kept_keys(self) -> None:
        """Show the keys for the bindings as they are now, if this footer built them before; called by
        whoever just moved the focus, so the keys change in the same layout as the focus."""
        if self.is_attached and self._bindings_ready:
            self._show_kept(self._what_to_show())

    def _show_kept(self, shown: object) -> bool:
        """Show the keys built before for `shown`; False when there are none."""
        if self._sets and self._sets[-1][0] == shown:
            return True
        found = next((i for i, (what, _widgets) in enumerate(self._sets) if what == shown), None)
        if found is None:
            return False
        for widget in self._sets[-1][1]:
            widget.display = False
        self._sets.append(self._sets.pop(found))
        for widget in self._sets[-1][1]:
            widget.display = True
        return True

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning or not self._bindings_ready:
            return
        shown = self._what_to_show()
        if self._show_kept(shown):
            return
        async with self.batch():
            for widget in self._sets[-1][1] if self._sets else ():
                widget.display = False
            widgets = compose(self)
            self._sets.append((shown, widgets))
            stale = self._sets[:-KEPT_SETS]
            del self._sets[:-KEPT_SETS]
            for _what, old in stale:
                await self.remove_children(old)
            await self.mount_all(widgets)
