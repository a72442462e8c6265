"""What fills a tab: a pane made with the app's Session, that shows the stored state again when the data
changes (the App's signal, see tui/ui/session.py) and may build its widgets ahead of its first visit."""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult

from tui.ui.session import Session
from tui.ui.widgets.layout import BlankColumn


class TabPane(BlankColumn):
    def __init__(self, session: Session, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.session = session
        self.built = False  # the widgets of `compose_tab` are mounted (a tab that builds them late)
        self._building = asyncio.Lock()

    def on_mount(self) -> None:
        """(Textual calls this besides a subclass's own `on_mount`.) A pane still being built when the data
        changes reads the stored state when it mounts, so it listens from then on."""
        if self.session.changes is not None:
            self.session.changes.subscribe(self, self.reload, immediate=True)

    def reload(self, keep_id: str | None = None) -> None:
        """Show the stored state again, the cursor on `keep_id` if given (else where it was)."""

    async def prepare(self) -> None:
        """Build what the first visit would build, in a quiet moment after start-up (tui/ui/tab_host.py)."""

    def compose_tab(self) -> ComposeResult:
        """The widgets of a tab that builds them late (its `compose` yields nothing)."""
        yield from ()

    async def build_once(self) -> None:
        """Mount `compose_tab()` once: its first visit and the build after start-up may both ask at once."""
        async with self._building:
            if not self.built:
                await self.mount_compose(self.compose_tab())
                self.built = True
