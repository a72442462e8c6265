"""Start a process, paint one screen headless, exit: what a user waits for at start-up.

    python benchmarks/paint_once.py bare
    python benchmarks/paint_once.py overview DB_PATH [TODAY]
    python benchmarks/paint_once.py every-tab DB_PATH [TODAY]   # then open every tab (for peak memory)
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


async def paint_and_exit(pilot) -> None:
    await pilot.pause()
    pilot.app.exit()


async def open_every_tab_and_exit(pilot) -> None:
    await pilot.pause()
    await pilot.app.tabs_built.wait()
    if pilot.app.screen.is_modal:  # "resume the draft?"
        await pilot.press("n")
    for key in "2341":
        await pilot.press(key)
        await pilot.pause()
    pilot.app.exit()


def main() -> None:
    if sys.argv[1] == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Static

        class BareApp(App):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Static("hello")
                yield Footer()

        app = BareApp()
    else:
        from tui.ui.app import create_app

        today = date.fromisoformat(sys.argv[3]) if len(sys.argv) > 3 else date(2026, 11, 27)
        app = create_app(Path(sys.argv[2]), today)
    app.run(headless=True, size=(120, 40),
            auto_pilot=open_every_tab_and_exit if sys.argv[1] == "every-tab" else paint_and_exit)


if __name__ == "__main__":
    main()
