"""`renewals budget` and the budget computation with 10,000 contracts.

    python benchmarks/bench_budget.py [--runs 7]

The data file is bench_scale's (10,000 contracts in RON, EUR and USD, 400 completed and 40 open
renewals) plus the demo BNR rates.  Prints: `renewals budget` (text and JSON) against `renewals due`
on the same file, each a whole process, runs interleaved (target ≤ 1.2×); and, in this process, the
domain work a Budget tab would do for 36 months: the first build (events, then each converted) and a
re-group by month or quarter, the per-key work (target ≤ 50 ms).  Then the Budget tab itself, headless
at 120×40 (`--tab-only` runs just this): the tab opened (first build), a period of 36 months typed, and
then keys timed as bench_scale times them — CPU time from the key until the app is idle, minus that of a
key nothing is bound to: opening the tab again (`1` then `5`), re-grouping (`g`), and moving the
period (`]`, `[`: a period not converted yet, so a build), target ≤ 50 ms for opening and re-grouping.
Not a test: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import TODAY, make_database  # noqa: E402

from tui.domain.budget import budget_events  # noqa: E402
from tui.domain.budget_period import Period, next_months  # noqa: E402
from tui.domain.budget_summary import convert_events, summarise  # noqa: E402
from tui.store.contracts import ContractRepository  # noqa: E402
from tui.store.file.database import Store  # noqa: E402
from tui.store.demo import demo_rates  # noqa: E402
from tui.store.rates import RateRepository  # noqa: E402
from tui.store.renewals import RenewalRepository  # noqa: E402


def time_process(*args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, cwd=Path(__file__).parents[1])
    assert done.returncode in (0, 1), done.stderr
    return time.perf_counter() - started


def timed(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def domain(path: Path, runs: int) -> None:
    store = Store(path)
    contracts, renewals = ContractRepository(store).all(), RenewalRepository(store).all()
    book = RateRepository(store).book()
    period = next_months(TODAY, 36)

    def build():
        events = budget_events(contracts, renewals, period.start, period.end, TODAY)
        return convert_events(events, book, "RON")

    build_time, converted = timed(build, runs)
    print(f"domain, 36 months: {len(contracts)} contracts -> {len(converted)} events")
    print(f"  first build (events + conversion)  {build_time * 1000:7.1f} ms")
    for grouping in ("month", "quarter"):
        regroup, summary = timed(lambda g=grouping: summarise(converted, "RON", period, g), runs)
        print(f"  re-group by {grouping:7s}               {regroup * 1000:7.1f} ms  (target <= 50 ms)"
              f"  converted total {summary.converted_total}")
    later = Period(period.start + timedelta(days=365), period.end)
    moved, _summary = timed(lambda: summarise(converted, "RON", later, "month"), runs)
    print(f"  a shorter period of the same events {moved * 1000:7.1f} ms")


async def press(pilot, *keys: str) -> tuple[float, float]:
    """(wall ms, CPU ms) from sending `keys` until the app is idle again."""
    wall, cpu = time.perf_counter(), time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


async def measure_tab(path: Path, presses: int) -> dict[str, list[tuple[float, float]]]:
    from tui.ui.app import create_app

    app = create_app(path, TODAY)
    app.animation_level = "none"  # as bench_scale: the tab underline's slide is not the tab's work
    timings: dict[str, list[tuple[float, float]]] = {}

    def add(name: str, value: tuple[float, float]) -> None:
        timings.setdefault(name, []).append(value)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.tabs_built.wait()
        if app.screen.is_modal:  # "resume the draft?"
            await pilot.press("n")
            await pilot.pause()
        end = next_months(TODAY, 36).end.isoformat()
        add("(12 months, built after start-up: the first visit)", await press(pilot, "5"))
        add("(typing a period of 36 months: its first build)",
            await press(pilot, "p", "ctrl+u", *TODAY.isoformat(), "tab", "ctrl+u", *end, "enter"))
        assert app.query_one("#budget-pane").summary.events, "no payments: the typed period was not taken"
        for _n in range(presses):
            add("no-op key (f12)", await press(pilot, "f12"))
        for _n in range(presses):
            await press(pilot, "1")
            add("open the tab again (5)", await press(pilot, "5"))
        for _n in range(presses):
            add("re-group (g)", await press(pilot, "g"))
        for _n in range(max(1, presses // 4)):
            add("(move the period: ] or [, a new build)", await press(pilot, "right_square_bracket"))
            add("(move the period: ] or [, a new build)", await press(pilot, "left_square_bracket"))
        events = len(app.query_one("#budget-pane").summary.events)
    print(f"Budget tab, 36 months, 120x40: {events} payments")
    return timings


def report_tab(timings: dict[str, list[tuple[float, float]]]) -> None:
    noop = statistics.median(cpu for _wall, cpu in timings.pop("no-op key (f12)"))
    for name, values in timings.items():
        cpu = [c - noop for _w, c in values]
        info = name.startswith("(")
        verdict = "" if info else ("  ok" if statistics.median(cpu) <= 50 else "  OVER")
        print(f"  {name:52s} {statistics.median(cpu):7.1f} ms CPU (max {max(cpu):6.1f})"
              + ("" if info else "  target <= 50 ms") + verdict)
    print(f"  (a key nothing is bound to: {noop:.1f} ms CPU)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=12)
    parser.add_argument("--tab-only", action="store_true", help="only the Budget tab")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        make_database(path)
        RateRepository(Store(path)).save_many(demo_rates(TODAY))
        report_tab(asyncio.run(measure_tab(path, args.presses)))
        if args.tab_only:
            return
        domain(path, args.runs)
        common = ("--db", str(path), "--today", TODAY.isoformat())
        commands = {"due": ("due", *common), "budget": ("budget", *common),
                    "budget --format json": ("budget", "--format", "json", *common),
                    "budget --months 36": ("budget", "--months", "36", *common)}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so every command sees the same machine load
            for name, argv in commands.items():
                times[name].append(time_process(*argv))
    due = statistics.median(times["due"])
    for name in commands:
        median = statistics.median(times[name])
        print(f"renewals {name:22s} {median * 1000:6.0f} ms  ratio to due {median / due:.2f} (target <= 1.20)")


if __name__ == "__main__":
    main()
