"""Time `auto` forecasting of 200 products × 36 months (target: ≤ 0.2 s in total).

Run from the repository root:  python benchmarks/bench_forecast.py
Not a test: timings depend on the machine; this prints them for a human.
The exit status is 1 when the median of the runs misses the target.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.domain.forecast import add_months, forecast, series_by_product  # noqa: E402
from tui.domain.usage import UsageSample  # noqa: E402

PRODUCTS = 200
MONTHS = 36
TARGET_SECONDS = 0.2
REPEATS = 5  # other processes only ever add time; the median is the honest figure
FIRST_MONTH = date(2023, 1, 1)


def synthetic_samples(seed: int = 7) -> list[UsageSample]:
    """Three samples a month per product: a random level, trend, step and noise."""
    rng = random.Random(seed)
    samples = []
    for p in range(PRODUCTS):
        base, slope = rng.uniform(10, 500), rng.uniform(-2, 4)
        step_at, step = rng.randrange(MONTHS), rng.choice((0, 0, rng.uniform(-40, 60)))
        noise = rng.uniform(0.5, 10)
        for m in range(MONTHS):
            month = add_months(FIRST_MONTH, m)
            level = base + slope * m + (step if m >= step_at else 0)
            for day in (4, 13, 22):
                value = max(0, round(level + rng.gauss(0, noise)))
                samples.append(UsageSample(f"Product {p:03d}", month.replace(day=day), value))
    return samples


def time_auto(series) -> tuple[float, dict[str, int]]:
    methods: dict[str, int] = {}
    started = time.perf_counter()
    for product_series in series.values():
        result = forecast(product_series, horizon_month=12, method="auto")
        methods[result.method] = methods.get(result.method, 0) + 1
    return time.perf_counter() - started, methods


def main() -> int:
    samples = synthetic_samples()
    started = time.perf_counter()
    series = series_by_product(samples)
    aggregated = time.perf_counter() - started
    runs = [time_auto(series) for _run in range(REPEATS)]
    seconds = sorted(run[0] for run in runs)
    median = seconds[len(seconds) // 2]
    print(f"{len(series)} products × {MONTHS} months, {len(samples)} samples")
    print(f"monthly peaks: {aggregated:.3f} s")
    print(f"auto forecasts, {REPEATS} runs: " + ", ".join(f"{run[0]:.3f}" for run in runs) + " s")
    print(f"median {median:.3f} s ({median / len(series) * 1000:.2f} ms per product); methods {runs[0][1]}")
    verdict = "within" if median <= TARGET_SECONDS else "OVER"
    print(f"{verdict} the {TARGET_SECONDS} s target (first, cold run: {runs[0][0]:.3f} s)")
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
