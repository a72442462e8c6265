"""Partners tab and `renewals partners` speed with 5,000 partners in the data file.

    python benchmarks/bench_partners.py [--partners 5000] [--runs 7]

Prints: a keystroke in the Partners search box — our work (search, repaint the
visible rows, the detail panel) against the 30 ms target, and a Pilot key
press until the screen is idle; and `renewals partners` (all 5,000, text) and
`renewals partners QUERY --near CITY` against `renewals due` on the same file
(target ≤ 1.2×), each a whole process, runs interleaved.  Not a test: the
machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_partner_search import synthetic_partners  # noqa: E402

from tui.store.file.database import Store  # noqa: E402
from tui.store.demo import create_demo_database  # noqa: E402
from tui.store.partners import PartnerRepository  # noqa: E402
from tui.ui.app import create_app  # noqa: E402
from tui.ui.partners.pane import PartnersPane  # noqa: E402

TODAY = date(2026, 11, 27)
SIZE = (120, 40)
TYPED = ["timisoara endpoint", "zorvnta", "bkup recovery", "cluj"]


def make_database(path: Path, count: int) -> None:
    """The demo company (contracts, usage, the shipped directory) plus `count` more partners."""
    create_demo_database(path, TODAY).close()
    partners = synthetic_partners(count - 239, random.Random(7))
    PartnerRepository(Store(path)).save_many(partners, [])


async def keystrokes(path: Path) -> tuple[list[float], list[float]]:
    app = create_app(path, TODAY)
    ours, pressed = [], []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        pane = app.query_one(PartnersPane)
        table = app.query_one("#partners-table")
        detail = app.query_one("#partners-detail")
        for text in TYPED:
            for n in range(1, len(text) + 1):
                started = time.perf_counter()
                pane.text = text[:n]
                pane.refilter()
                for y in range(table.size.height):
                    table.render_line(y)
                detail.render_lines(detail.region.reset_offset)
                ours.append(time.perf_counter() - started)
        pane.text = ""
        await pilot.press("slash")
        for text in TYPED:
            for key in text.replace(" ", ""):
                started = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                pressed.append(time.perf_counter() - started)
            await pilot.press(*["backspace"] * len(text.replace(" ", "")))
        assert len(pane.index) >= 5000
    return ours, pressed


def time_process(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, cwd=Path(__file__).parents[1])
    return time.perf_counter() - started


def percentile(values: list[float], pct: int) -> float:
    return statistics.quantiles(values, n=100)[pct - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--partners", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        make_database(path, args.partners)
        ours, pressed = asyncio.run(keystrokes(path))
        common = ("--db", str(path), "--today", TODAY.isoformat())
        commands = {
            "due": ("due", *common),
            "partners": ("partners", *common),
            "partners endpoint --near": ("partners", "endpoint", "--near", "Brașov", "--km", "300", *common),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so every command sees the same machine load
            for name, argv in commands.items():
                times[name].append(time_process(*argv))
    print(f"partners in the file: {args.partners}")
    print(f"search keystroke, our work (search + visible rows + detail): median "
          f"{statistics.median(ours) * 1000:.1f} ms, 90th percentile {percentile(ours, 90) * 1000:.1f} ms, "
          f"max {max(ours) * 1000:.1f} ms (target <= 30 ms)")
    print(f"search keystroke, Pilot press to idle screen: median {statistics.median(pressed) * 1000:.1f} ms, "
          f"max {max(pressed) * 1000:.1f} ms")
    due = statistics.median(times["due"])
    for name in commands:
        median = statistics.median(times[name])
        print(f"renewals {name:24s} {median * 1000:6.0f} ms  ratio to due {median / due:.2f} (target <= 1.20)")


if __name__ == "__main__":
    main()
