"""Overview speed at 10,000 contracts, as ratios against baselines measured in the same run.

    python benchmarks/bench_overview.py [--contracts 10000] [--runs 5]

Prints: start-up to a painted Overview vs a bare Textual app (target ≤ 1.3×; new processes with
their bytecode compiled once, as installed, timed from their start to the first frame showing the app,
see paint_once.py; the Overview as a closed session leaves the file, with its start-up glance, and
also without one; and until keys are answered),
a filter keystroke (target ≤ 50 ms), and saving one edit vs json.dump + fsync
of the same data (target ≤ 1.5×).  Not a test: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Footer, Header, Static  # noqa: E402

from tui.domain.contract import Contract  # noqa: E402
from tui.store.contracts import ContractRepository  # noqa: E402
from tui.store.file.database import Store  # noqa: E402
from tui.ui.app import create_app  # noqa: E402
from tui.ui.overview.pane import OverviewPane  # noqa: E402
from benchmarks.paint_once import start_times  # noqa: E402
from tui.store.first_screen import remember_first_screen  # noqa: E402

TODAY = date(2026, 11, 27)
PAINT_ONCE = Path(__file__).with_name("paint_once.py")
SIZE = (120, 40)
PRODUCTS = ["Endpoint Protection", "Backup Exec", "Messaging Gateway", "Data Loss Prevention", "Web Security Service"]


class BareApp(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("hello")
        yield Footer()


def make_database(path: Path, count: int) -> None:
    contracts = [
        Contract(f"C-{i:05d}", PRODUCTS[i % len(PRODUCTS)], 1 + i % 300, TODAY + timedelta(days=i % 900 - 100),
                 Decimal("12.50") + i % 40, "RON" if i % 3 else "EUR", partner=f"p{i % 160:04d}",
                 certificate=f"LC-{i}", notes="bench")
        for i in range(count)
    ]
    ContractRepository(Store(path)).save_many(contracts, [], TODAY)


async def time_paint(factory) -> float:
    started = time.perf_counter()
    app = factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        elapsed = time.perf_counter() - started
    return elapsed


async def time_keystrokes(path: Path) -> tuple[list[float], float]:
    """CPU seconds per filter keystroke sent through Pilot until the screen is idle, and the median
    CPU of a key nothing is bound to (f12) sent the same way: Pilot's own waiting is wall time, and
    its own work is in both."""
    app = create_app(path, TODAY)
    timings, noop = [], []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.tabs_built.wait()  # built after the first paint: not part of a keystroke
        for _n in range(12):
            started = time.process_time()
            await pilot.press("f12")
            await pilot.pause()
            noop.append(time.process_time() - started)
        await pilot.press("slash")
        await pilot.pause()
        for key in "c-0001":
            started = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            timings.append(time.process_time() - started)
        assert app.query_one(OverviewPane).rows
    return timings, statistics.median(noop)


def installed_env(cache: Path) -> dict[str, str]:
    """A child's environment with bytecode cached in `cache`, as for an installed package (pip compiles
    it once); with PYTHONDONTWRITEBYTECODE set, every start would compile our modules but not Textual's."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def time_process(*args: str, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Seconds from starting a process that paints once and exits to its first frame showing the app,
    to the app being ready for keys, and to its end (see paint_once.py)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(PAINT_ONCE), *args], check=True, capture_output=True, env=env,
                          text=True)
    ended = time.perf_counter()
    return (*start_times(done.stdout, started), ended - started)


def time_refilter(path: Path) -> list[float]:
    """Our own work per filter keystroke: filter + sort 10,000 rows and format the rows on screen."""

    async def run() -> list[float]:
        app = create_app(path, TODAY)
        timings = []
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            pane = app.query_one(OverviewPane)
            table = app.query_one("#overview-table")
            typed = ""
            for key in "c-0001":
                typed += key
                started = time.perf_counter()
                pane.query_state = replace(pane.query_state, text=typed)
                pane.refilter()
                for y in range(table.size.height):
                    table.render_line(y)
                timings.append(time.perf_counter() - started)
        return timings

    return asyncio.run(run())


def time_save(path: Path, runs: int) -> tuple[float, float]:
    repository = ContractRepository(Store(path))
    repository.add(replace(repository.all()[0], id="warm-up"), TODAY)  # the once-per-process backup
    saves, dumps = [], []
    for i in range(runs):
        current = repository.get("C-00001")
        started = time.perf_counter()
        repository.update(replace(current, quantity=current.quantity + 1), TODAY, base_revision=current.revision)
        saves.append(time.perf_counter() - started)
        data = json.loads(path.read_text())
        started = time.perf_counter()
        with open(path.with_suffix(".plain"), "w") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        dumps.append(time.perf_counter() - started)
    return statistics.median(saves), statistics.median(dumps)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contracts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        make_database(path, args.contracts)
        remember_first_screen(Store(path))  # as the last session on the file left it
        bare, ours = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            bare.append(asyncio.run(time_paint(BareApp)))
            ours.append(asyncio.run(time_paint(lambda: create_app(path, TODAY))))
        bare_s, ours_s = statistics.median(bare), statistics.median(ours)
        bare_p, ours_p, first_p = [], [], []
        env = installed_env(Path(tmp) / "bytecode")
        time_process("bare", env=env)  # compile the bytecode once, as an install does
        time_process("overview", str(path), env=env)
        for _ in range(args.runs):  # interleaved, so all see the same machine load
            bare_p.append(time_process("bare", env=env))
            ours_p.append(time_process("overview", str(path), env=env))
            first_p.append(time_process("first-start", str(path), env=env))
        keys, noop = asyncio.run(time_keystrokes(path))
        ours_keys = time_refilter(path)
        save_s, dump_s = time_save(path, args.runs * 2)
    print(f"contracts: {args.contracts}")
    def med(runs: list[tuple[float, float, float]], i: int) -> float:
        return statistics.median(run[i] for run in runs)

    bp, op, fp = med(bare_p, 0), med(ours_p, 0), med(first_p, 0)
    print(f"start-up, process start to the first frame showing the app: bare app {bp * 1000:.0f} ms, "
          f"Overview {op * 1000:.0f} ms, ratio {op / bp:.2f} (target <= 1.30)")
    print(f"  the same on a file no session has closed yet (no start-up glance): {fp * 1000:.0f} ms, "
          f"ratio {fp / bp:.2f}")
    br, orr, fr = med(bare_p, 1), med(ours_p, 1), med(first_p, 1)
    print(f"  until keys are answered (the data file read): bare {br * 1000:.0f} ms, Overview "
          f"{orr * 1000:.0f} ms ({orr / br:.2f}), without the glance {fr * 1000:.0f} ms ({fr / br:.2f})")
    bw, ow = med(bare_p, 2), med(ours_p, 2)
    print(f"  whole process (start, paint, read, exit): bare {bw * 1000:.0f} ms, Overview {ow * 1000:.0f} ms "
          f"({ow / bw:.2f})")
    print(f"paint inside a running interpreter: bare app {bare_s * 1000:.0f} ms, Overview {ours_s * 1000:.0f} ms, "
          f"ratio {ours_s / bare_s:.2f}")
    print(f"filter keystroke, our work (filter+sort+format visible rows): median "
          f"{statistics.median(ours_keys) * 1000:.1f} ms, max {max(ours_keys) * 1000:.1f} ms (target <= 50 ms)")
    beyond = [k - noop for k in keys]
    print(f"filter keystroke, whole app (Pilot press to idle, CPU beyond a no-op key's {noop * 1000:.1f} ms): "
          f"median {statistics.median(beyond) * 1000:.1f} ms, max {max(beyond) * 1000:.1f} ms")
    print(f"save one edit: {save_s * 1000:.1f} ms vs json.dump+fsync {dump_s * 1000:.1f} ms, "
          f"ratio {save_s / dump_s:.2f} (target <= 1.50)")


if __name__ == "__main__":
    main()
