"""Start a process, paint one screen headless, exit: what a user waits for at start-up.

    python benchmarks/paint_once.py bare
    python benchmarks/paint_once.py overview DB_PATH [TODAY]     # `renewals --db DB_PATH --today TODAY`
    python benchmarks/paint_once.py first-start DB_PATH [TODAY]  # the same without the start-up glance
    python benchmarks/paint_once.py every-tab DB_PATH [TODAY]    # then open every tab (for peak memory)

The app is started as a user starts it, through `tui.cli.main` (argument parsing included), and run
headless at 120×40.

Prints `painted=T ready=T`: `time.perf_counter()` (CLOCK_MONOTONIC, the same clock in every process on
Linux, so a parent can subtract its own start time) when the first frame showing the app's content was
drawn — the bare app's text, the Overview's summary line — and when the data file had been read (keys
are answered from then on; without a start-up glance that is before the first frame).  Headless Textual draws no bytes, so each frame is rendered to text
here, for both apps alike, as a terminal would need it.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


TIMES: dict[str, float] = {}


def watch_first_frame(marker: str) -> None:
    from textual._compositor import CompositorUpdate
    from textual.app import App

    original = App._display

    def display(self, screen, renderable) -> None:
        if "painted" not in TIMES and isinstance(renderable, CompositorUpdate) \
                and marker in renderable.render_segments(self.console):
            TIMES["painted"] = time.perf_counter()
        original(self, screen, renderable)

    App._display = display


def watch_loaded(app) -> None:
    """Note when the app has read its data file (before its first frame unless it paints a glance)."""
    loaded = getattr(app, "loaded", None)
    if loaded is None or loaded.is_set():
        return
    original = loaded.set

    def set_loaded() -> None:
        TIMES["loaded"] = time.perf_counter()
        original()

    loaded.set = set_loaded


async def paint_and_exit(pilot) -> None:
    """Exit once the app is painted and has read its data: not at the first idle moment, which with a
    glance comes after the other tabs were built in the background (not start-up, and more memory)."""
    while "painted" not in TIMES:
        await asyncio.sleep(0.001)
    loaded = getattr(pilot.app, "loaded", None)
    if loaded is not None:
        await loaded.wait()
    TIMES["ready"] = max(TIMES.get("loaded", 0), TIMES["painted"])
    pilot.app.exit()


async def open_every_tab_and_exit(pilot) -> None:
    await pilot.pause()
    await pilot.app.tabs_built.wait()
    if pilot.app.screen.is_modal:  # "resume the draft?"
        await pilot.press("n")
    for key in "23451":
        await pilot.press(key)
        await pilot.pause()
    pilot.app.exit()


def main() -> None:
    if sys.argv[1] == "bare":
        watch_first_frame("hello")
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Static

        class BareApp(App):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Static("hello")
                yield Footer()

        app = BareApp()
        watch_loaded(app)
        app.run(headless=True, size=(120, 40), auto_pilot=paint_and_exit)
    else:
        run_renewals(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "2026-11-27")
    print(f"painted={TIMES.get('painted', 0)} ready={TIMES.get('ready', 0)}")


def run_renewals(mode: str, db: str, today: str) -> None:
    """`renewals --db DB --today TODAY` as a user starts it (tui.cli.main), with the app run headless.

    The probes go in where `run_app` starts: with the garbage collector off, as `run_app` turns it off
    before it imports Textual (the probes import it a moment earlier)."""
    import gc

    from tui import cli

    open_app = cli.run_app

    def run_app_headless(ctx, **options) -> int:
        gc.disable()
        watch_first_frame("yearly")
        from textual.app import App

        if mode == "first-start":  # as on a file no session has closed yet: no start-up glance to paint first
            import tui.store.file.glance

            tui.store.file.glance.read_glance = lambda path: None
        run = App.run

        def run_headless(app, *args, **kwargs):
            watch_loaded(app)
            return run(app, headless=True, size=(120, 40),
                       auto_pilot=open_every_tab_and_exit if mode == "every-tab" else paint_and_exit)

        App.run = run_headless
        return open_app(ctx, **options)

    cli.run_app = run_app_headless
    status = cli.main(["--db", db, "--today", today])
    if status:
        raise SystemExit(f"renewals exited with {status}")


if __name__ == "__main__":
    main()


def start_times(output: str, started: float) -> tuple[float, float]:
    """(seconds to the first frame, seconds until ready) from this script's output, for a parent that
    read `time.perf_counter()` just before starting it."""
    fields = dict(part.split("=") for part in output.split()[-2:])
    return float(fields["painted"]) - started, float(fields["ready"]) - started
