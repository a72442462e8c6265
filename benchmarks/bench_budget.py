"""`renewals budget` and the budget computation with 10,000 contracts.

    python benchmarks/bench_budget.py [--runs 7]

The data file is bench_scale's (10,000 contracts in RON, EUR and USD, 400 completed and 40 open
renewals) plus the demo BNR rates.  Prints: `renewals budget` (text and JSON) against `renewals due`
on the same file, each a whole process, runs interleaved (target ≤ 1.2×); and, in this process, the
domain work a Budget tab would do for 36 months: the first build (events, then each converted) and a
re-group by month or quarter, the per-key work (target ≤ 50 ms).  Not a test: the machine is shared
and noisy.
"""

from __future__ import annotations

import argparse
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
from tui.store.database import Store  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        make_database(path)
        RateRepository(Store(path)).save_many(demo_rates(TODAY))
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
