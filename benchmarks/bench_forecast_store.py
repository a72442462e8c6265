"""Forecast every product of a data file: 200 products × 36 months, through the store (target ≤ 0.2 s).

    python benchmarks/bench_forecast_store.py [--runs 5]

Builds a real data file (contracts + 3 usage samples a month), then times,
in a fresh process-like state each run: opening it and grouping the usage
by product, and `plan_product` (auto method, 12-month horizon, owned
licences from the contracts) for every product — what the Forecast tab and
`renewals forecast` do.  Not a test: prints timings for a human; exit 1 when
the median forecasting time misses the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_forecast import MONTHS, PRODUCTS, synthetic_samples  # noqa: E402

from tui.domain.contract import Contract  # noqa: E402
from tui.domain.forecast.planning import horizon_in_months, plan_product  # noqa: E402
from tui.store.contracts import ContractRepository  # noqa: E402
from tui.store.file.database import Store  # noqa: E402
from tui.store.usage import UsageRepository  # noqa: E402

TODAY = date(2026, 1, 15)  # the synthetic usage runs 2023-01 .. 2025-12
TARGET_SECONDS = 0.2


def make_database(path: Path) -> int:
    samples = synthetic_samples()
    contracts = [Contract(f"C-{p:03d}-{k}", f"Product {p:03d}", 50 + 10 * k, TODAY + timedelta(days=90 * k + p),
                          Decimal("10.00"), "RON") for p in range(PRODUCTS) for k in range(3)]
    store = Store(path)
    with store.transaction():
        ContractRepository(store).save_many(contracts, [], TODAY)
        UsageRepository(store).save_many(samples, [])
    store.close()
    return len(samples)


def one_run(path: Path) -> tuple[float, float, dict[str, int]]:
    started = time.perf_counter()
    store = Store(path)
    by_product = UsageRepository(store).by_product()
    contracts = ContractRepository(store).all()
    loaded = time.perf_counter()
    horizon = horizon_in_months(TODAY, 12)
    methods: dict[str, int] = {}
    for product, samples in by_product.items():
        mine = [c for c in contracts if c.product == product]
        plan = plan_product(product, samples, mine, horizon, TODAY)
        methods[plan.result.method] = methods.get(plan.result.method, 0) + 1
    done = time.perf_counter()
    store.close()
    return loaded - started, done - loaded, methods


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        count = make_database(path)
        runs = [one_run(path) for _run in range(args.runs)]
    load = statistics.median(r[0] for r in runs)
    plan = statistics.median(r[1] for r in runs)
    print(f"{PRODUCTS} products × {MONTHS} months, {count} samples, {PRODUCTS * 3} contracts "
          f"({path.name}, {args.runs} runs)")
    print(f"open + read + group by product: median {load:.3f} s")
    print(f"plan_product for every product: median {plan:.3f} s ({plan / PRODUCTS * 1000:.2f} ms each), "
          f"runs " + ", ".join(f"{r[1]:.3f}" for r in runs) + f"; methods {runs[0][2]}")
    verdict = "within" if plan <= TARGET_SECONDS else "OVER"
    print(f"{verdict} the {TARGET_SECONDS} s target for forecasting (with loading: {load + plan:.3f} s)")
    return 0 if plan <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
