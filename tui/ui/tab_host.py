"""Hosting the tabs: building a tab's pane when it is first wanted (or in the background after the first
paint), laying it out while hidden, and switching to it with its focus.  A mixin of `RenewalsApp`, which
holds the state it uses (`session`, `_building_tab`, `loaded`, `tabs_built`, `closing`,
`started_from_glance`) and `remember_first_screen`.

Textual's private API, used here and nowhere else: `textual._compositor.Compositor` and
`Widget._size_updated` (`_size_while_hidden`)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import cast

from textual._compositor import Compositor
from textual.css.query import NoMatches
from textual.widgets import ContentSwitcher, Input

from tui.ui.startup import set_long_lived_aside
from tui.ui.tabs import TAB_BY_ID, TABS
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.screens import focus_now, in_one_layout
from tui.ui.widgets.tab_bar import TabBar
from tui.ui.widgets.tab_pane import TabPane


class TabHost:
    async def tab_content(self, tab: str) -> TabPane:
        """The pane inside a tab, built and mounted first if that has not happened yet."""
        async with self._building_tab:
            # Through the main screen: a dialog may be the current screen.
            holder = self.tabs.get_child_by_id(tab)
            if not holder.children:
                self._read_styles(TAB_BY_ID[tab].styles_path)
                await holder.mount(TAB_BY_ID[tab].build(self.session))
            return cast(TabPane, holder.children[0])

    def _read_styles(self, path: Path | None) -> None:
        """Add a tab's own stylesheet before its widgets mount (they are styled as they mount; nothing
        shown already matches its rules, so nothing is restyled)."""
        if path is not None and not self.stylesheet.has_source(str(path)):
            self.stylesheet.read(path)

    @property
    def tabs(self) -> ContentSwitcher:
        """What holds the tabs' panes (one shown at a time)."""
        return self.screen_stack[0].query_one("#tabs", ContentSwitcher)

    @property
    def active_tab(self) -> str:
        return self.tabs.current or ""

    async def build_other_tabs(self) -> None:
        """Fill the tabs not yet shown, one per turn of the event loop, so keys pressed meanwhile wait
        for one tab at most."""
        await self.loaded.wait()
        for spec in TABS:
            if self.closing:
                return
            try:
                pane = await self.tab_content(spec.id)
                await asyncio.sleep(0)
                await pane.prepare()  # a tab that builds its widgets when first shown: now
                await asyncio.sleep(0)
                self._size_while_hidden(spec.id)
                await asyncio.sleep(0)
            except (NoMatches, IndexError):  # the app is closing: its screens are gone
                return
        # A start without a current glance (a file no session closed, or changed since): write one now,
        # so the next start is painted from it even if this session is killed rather than closed.
        if not self.started_from_glance:
            self.remember_first_screen()
        set_long_lived_aside()
        self.tabs_built.set()

    def _size_while_hidden(self, tab: str) -> None:
        """Lay a built tab out once without showing it, so that its first visit costs what later ones do.

        Textual gives a widget its size the first time it is laid out, and a widget whose size changes
        asks for another layout: a tab's first display took three layout passes (Forecast and Partners
        ~100 ms at 10,000 contracts, later visits ~30 ms).  Here the hidden tab is arranged by a
        compositor of its own, in the room the shown tab has, and its widgets take their sizes; the
        screen, the shown tab and the focus are not touched.
        """
        holder = self.tabs.get_child_by_id(tab)
        room = self.tabs.size
        if tab == self.active_tab or self.closing or not room or not holder.children:
            return
        pane = holder.children[0]  # (the holder itself is hidden: a compositor gives it no room)
        for _pass in range(3):  # a widget sized for the first time can change its neighbours' sizes
            compositor = Compositor()
            compositor.reflow(pane, room)
            changed = [widget._size_updated(region.size, virtual_size, container_size, layout=False)
                       for widget, (region, _order, _clip, virtual_size, container_size, _, _)
                       in compositor.layers]
            if not any(changed):
                break

    async def redraw_in_language(self) -> None:
        """The language changed: the tab titles, the Footer and every built tab again, in it. Each built
        pane is replaced by a new one on the same session (its texts are composed in the language); the
        tab shown stays shown."""
        if self.closing:
            return
        main = self.screen_stack[0]
        bar = main.query_one(TabBar)
        bar.tabs = [(spec.id, spec.title) for spec in TABS]
        bar.refresh()
        shown = self.active_tab
        async with self._building_tab:
            for spec in TABS:
                holder = self.tabs.get_child_by_id(spec.id)
                if holder.children:
                    await holder.remove_children()
                    await holder.mount(spec.build(self.session))
                    if spec.id == shown:  # the others are prepared when shown (action_show_tab)
                        await cast(TabPane, holder.children[0]).prepare()
        self._focus_in_tab(shown)
        for footer in main.query(KeysFooter):
            footer.show_current_keys()

    async def on_tab_bar_clicked(self, event: TabBar.Clicked) -> None:
        await self.action_show_tab(event.tab)

    async def action_show_tab(self, tab: str) -> None:
        pane = await self.tab_content(tab)
        if hasattr(pane, "prepare") and self.loaded.is_set():  # its widgets exist before the focus moves,
            await pane.prepare()  # so the keys typed after the tab's number in one burst are the tab's
        await in_one_layout(self, lambda: self.show_tab(tab))

    def show_tab(self, tab: str) -> None:
        """Switch to a tab whose pane is built (`action_show_tab` builds it first if need be)."""
        self.tabs.current = tab
        self.screen_stack[0].query_one(TabBar).active = tab
        self._focus_in_tab(tab)  # now, not after a repaint: the tab is painted once, with its focus

    def _focus_in_tab(self, tab: str) -> None:
        """Keys follow the tab: focus its first focusable widget that is not a text field (typing a
        letter should run the tab's keys, not fill a filter), unless focus is already inside it."""
        main = self.screen_stack[0]  # the tabs' screen, also when a dialog is on top of it
        pane = self.tabs.get_child_by_id(tab)
        if main.focused is not None and pane in main.focused.ancestors:
            return
        focusable = [w for w in pane.query("*") if w.focusable]
        target = next((w for w in focusable if not isinstance(w, Input)), None) or next(iter(focusable), None)
        if target is not None:
            focus_now(main, target)
