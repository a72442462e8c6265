"""The whole app at scale (issue 6, "Scale"): measured against baselines taken in the same run.

    python benchmarks/bench_scale.py [--runs 5] [--presses 12] [--keep FILE]

The data file: 10,000 contracts over 200 products (a fifth edited once, so
they carry two history entries), 2,000 partners (the shipped directory plus
user partners on top of it), 200 products × 36 months of usage (3 samples a
month) and 100 renewals — 60 completed through `RenewalRepository.complete`
(their contracts get a "renewal" history entry) and 40 open drafts.

What is measured, and how:

* Start-up to a painted Overview vs a bare Textual app (Header, Static,
  Footer), target ≤ 1.3×: `paint_once.py` started as a new interpreter,
  timed from its start to the first frame that shows the app (imports
  included), bare and ours interleaved, median of `--runs`; both with their
  bytecode compiled once beforehand, as an installed package has it (see
  `installed_env`).  The file is as a closed session leaves it, with its
  start-up glance (tui/store/file/glance.py); shown apart: the same without a
  glance (a file no session has closed yet), and the time until keys are
  answered (the data file read; with drafts in the file, the "resume the
  draft?" dialog is up by then, as it is for the user).
* Keys — every tab switch (1–4; the first visit of a tab and later ones
  apart), a filter keystroke in the Overview and in the Partners search, and
  a wizard step change (ctrl+n / ctrl+b on a resumed draft, which saves the
  draft each time): target ≤ 50 ms each.  A key is sent through Textual's
  Pilot and timed until the app is idle again (`press` + `pause`).  The
  harness idles between frames, so wall time over-counts; the figure is
  the app's own work: CPU time (all threads) of the key minus the median
  CPU time of a key nothing is bound to (f12), sent the same way.  The wall
  time of a wizard step change is shown too, because its draft save waits
  for fsync, which costs wall time but no CPU.  The keys run with Textual's
  animations off: the tab underline's 0.3 s slide starts after the tab is
  painted and costs ~40 ms of CPU in any TabbedContent; it is shown apart, as
  is a bare Textual app's tab switch (four panes of a few widgets), both ways.
* Peak RSS vs a bare Textual app, target ≤ 2×: `ru_maxrss` of each
  `paint_once.py` process (getrusage of a small launcher's children),
  median of `--runs`; once for start-up, and once for a session that
  opens every tab (`paint_once.py every-tab`: the tabs built after the
  first paint, the forecasts and the partner index all loaded).

Not a test: the machine is shared and noisy; this prints a table of measured
values against the targets.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_forecast import synthetic_samples  # noqa: E402
from bench_partner_search import synthetic_partners  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane  # noqa: E402

from tui.domain.contract import Contract  # noqa: E402
from tui.domain.renewal import new_renewal  # noqa: E402
from tui.store.contracts import ContractRepository  # noqa: E402
from tui.store.file.database import Store  # noqa: E402
from tui.store.first_screen import remember_first_screen  # noqa: E402
from tui.store.partners import PartnerRepository  # noqa: E402
from tui.store.renewals import RenewalRepository  # noqa: E402
from tui.store.usage import UsageRepository  # noqa: E402
from tui.ui.app import create_app  # noqa: E402
from tui.ui.renewal.resume import offer_resume  # noqa: E402

TODAY = date(2026, 1, 15)  # the synthetic usage runs 2023-01 .. 2025-12
PAINT_ONCE = Path(__file__).with_name("paint_once.py")
SIZE = (120, 40)
CONTRACTS, PARTNERS, PRODUCTS, COMPLETED, DRAFTS = 10_000, 2_000, 200, 60, 40
KEY_TARGET_MS = 50.0


# -- the data file ---------------------------------------------------------------------------
def make_database(path: Path) -> None:
    rng = random.Random(6)
    store = Store(path)
    with store.transaction():  # one write of the whole file
        partners = PartnerRepository(store)
        partners.load_directory()
        partners.save_many(synthetic_partners(PARTNERS - len(partners), rng), [])
        partner_ids = [p.id for p in partners.all()]
        contracts = ContractRepository(store)
        made = [
            Contract(f"C-{i:05d}", f"Product {i % PRODUCTS:03d}", 1 + rng.randrange(300),
                     TODAY + timedelta(days=rng.randrange(-120, 1000)), Decimal(rng.randrange(500, 9000)) / 100,
                     rng.choice(("RON", "RON", "EUR", "USD")), start=TODAY - timedelta(days=rng.randrange(400, 2000)),
                     partner=rng.choice(partner_ids), certificate=f"LC-{rng.randrange(10**8):08d}",
                     order=f"PO-{i:06d}", notes="scale benchmark" if i % 3 else "")
            for i in range(CONTRACTS)
        ]
        contracts.save_many(made, [], TODAY - timedelta(days=400))
        edited = [(c, replace(c, notes="edited once", quantity=c.quantity + 1)) for c in contracts.all()[::5]]
        contracts.save_many([], edited, TODAY - timedelta(days=200), source="edit")
        UsageRepository(store).save_many(synthetic_samples(), [])
        renewals = RenewalRepository(store, contracts)
        pool = [c.id for c in contracts.all()]
        rng.shuffle(pool)
        for n in range(COMPLETED + DRAFTS):
            ids = sorted(pool.pop() for _k in range(rng.randint(1, 4)))
            chosen = [contracts.get(i) for i in ids]
            to = max(c.end for c in chosen) + timedelta(days=30)
            if n < COMPLETED:
                draft = new_renewal(ids, TODAY, to=to, partner=rng.choice(partner_ids), request_path="/tmp/r.txt",
                                    certificates={i: f"NEW-{i}" for i in ids}, order=f"PO-R{n}",
                                    confirmed_on=TODAY)
                renewals.complete(renewals.save(draft, TODAY), chosen, TODAY)
            else:
                renewals.save(new_renewal(ids, TODAY, to=to, step=1), TODAY)
    store.close()


# -- start-up ----------------------------------------------------------------------------------
# Started through this small launcher: a child's peak RSS counts what it had before exec, and a
# child forked straight from this (big) interpreter would start with all of it.
LAUNCHER = """import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], check=True, stdout=subprocess.PIPE, text=True)
fields = dict(part.split("=") for part in done.stdout.split()[-2:])
print(float(fields["painted"]) - started, float(fields["ready"]) - started, time.perf_counter() - started,
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def installed_env(cache: Path) -> dict[str, str]:
    """The environment of a child process: bytecode cached (in `cache`), as for an installed package.

    pip compiles an installed package's modules once; a checkout run with
    PYTHONDONTWRITEBYTECODE set (as here) would compile our ~100 modules on
    every start, and not Textual's, which came with their bytecode.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def run_process(*args: str, env: dict[str, str] | None = None) -> tuple[float, float, float, float]:
    """Of a process that starts, paints once and exits: seconds to its first frame showing the app, until
    it is ready for keys, and to its end (see paint_once.py); and its peak RSS in MiB."""
    done = subprocess.run([sys.executable, "-c", LAUNCHER, sys.executable, str(PAINT_ONCE), *args],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        raise RuntimeError(f"paint_once.py {' '.join(args)} failed: {done.stderr}")
    painted, ready, elapsed, rss = done.stdout.split()
    return float(painted), float(ready), float(elapsed), int(rss) / 1024


# -- keys -----------------------------------------------------------------------------------------
TABS = (("2", "Renewal"), ("3", "Forecast"), ("4", "Partners"), ("1", "Overview"))


class BareTabs(App):
    """Textual's own tab switch, the floor for ours: four panes of a few widgets, keys 1–4."""

    BINDINGS = [Binding(str(i), f"show('t{i}')", show=False) for i in range(1, 5)]

    def compose(self) -> ComposeResult:
        with TabbedContent():
            for i in range(1, 5):
                with TabPane(f"{i} Tab", id=f"t{i}"):
                    yield Static("summary")
                    yield Input(compact=True)
                    yield Static("text " * 800)
        yield Footer()

    def action_show(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab


async def press(pilot, *keys: str) -> tuple[float, float]:
    """(wall ms, CPU ms) from sending `keys` until the app is idle again."""
    wall, cpu = time.perf_counter(), time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


Timings = dict[str, list[tuple[float, float]]]


async def measure_keys(path: Path, presses: int) -> Timings:
    app = create_app(path, TODAY)
    app.animation_level = "none"  # see the module docstring; the animated switch is measured at the end
    timings: Timings = {}

    def add(name: str, value: tuple[float, float]) -> None:
        timings.setdefault(name, []).append(value)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.tabs_built.wait()  # the other tabs, built just after the first paint
        if app.screen.is_modal:  # "resume the draft?" at start-up: not now
            await pilot.press("n")
            await pilot.pause()
        for _n in range(presses):
            add("no-op key (f12)", await press(pilot, "f12"))
        for key, tab in TABS:
            add(f"tab {key} {tab}, first visit", await press(pilot, key))
        for _round in range(max(1, presses // 4)):
            for key, tab in TABS:
                add(f"tab {key} {tab}, again", await press(pilot, key))
        await pilot.press("slash")
        for key in "product 017":
            add("Overview filter keystroke", await press(pilot, key if key != " " else "space"))
        for _n in range(len("product 017")):
            add("Overview filter backspace", await press(pilot, "backspace"))
        await pilot.press("escape", "4", "slash")
        await pilot.pause()
        for key in "zorvanta sys":
            add("Partners search keystroke", await press(pilot, key if key != " " else "space"))
        await pilot.press("escape", "1")
        await pilot.pause()
        offer_resume(app, app.session)  # what start-up offered: resume the latest draft
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "RenewalWizard", app.screen
        for _n in range(max(1, presses // 2)):
            add("wizard step change (saves the draft)", await press(pilot, "ctrl+n"))
            add("wizard step change (saves the draft)", await press(pilot, "ctrl+b"))
        for _n in range(presses):
            add("no-op key in the wizard", await press(pilot, "f12"))
        await pilot.press("escape")
        await pilot.pause()
        app.animation_level = "full"
        for _round in range(max(1, presses // 4)):
            for key, _tab in TABS:
                add("(tab switch with the underline animation)", await press(pilot, key))
    return timings


async def measure_bare_tabs(presses: int) -> Timings:
    timings: Timings = {}
    for level in ("none", "full"):
        app = BareTabs()
        app.animation_level = level  # type: ignore[assignment]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for key in "2341":
                await press(pilot, key)
            for _n in range(presses):
                timings.setdefault(f"no-op {level}", []).append(await press(pilot, "f12"))
            for _round in range(max(1, presses // 4)):
                for key in "2341":
                    timings.setdefault(level, []).append(await press(pilot, key))
    return timings


# -- report -----------------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="write the data file here (and reuse it when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "scale.json"
        if not path.exists():
            started = time.perf_counter()
            make_database(path)
            print(f"data file: {path.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - started:.1f} s",
                  file=sys.stderr)
        today = TODAY.isoformat()
        remember_first_screen(Store(path))  # as the last session on the file left it
        bare_p, ours_p, first_p, session_rss = [], [], [], []
        env = installed_env(Path(tmp) / "bytecode")
        run_process("bare", env=env)  # compiles the bytecode once, like an install
        run_process("overview", str(path), today, env=env)
        for _run in range(args.runs):  # interleaved, so all see the same machine load
            bare_p.append(run_process("bare", env=env))
            ours_p.append(run_process("overview", str(path), today, env=env))
            first_p.append(run_process("first-start", str(path), today, env=env))
            session_rss.append(run_process("every-tab", str(path), today, env=env)[3])
        keys = asyncio.run(measure_keys(path, args.presses))
        bare_tabs = asyncio.run(measure_bare_tabs(args.presses))

    rows: list[tuple[str, str, str, bool | None]] = []
    med = statistics.median
    def of(runs: list[tuple[float, ...]], i: int) -> float:
        return med(run[i] for run in runs)

    bp, op, fp = of(bare_p, 0), of(ours_p, 0), of(first_p, 0)
    rows.append(("start-up to the first frame", f"{op * 1000:.0f} ms vs bare {bp * 1000:.0f} ms = {op / bp:.2f}×",
                 "≤ 1.30×", op / bp <= 1.3))
    rows.append(("(the same, no start-up glance yet)", f"{fp * 1000:.0f} ms = {fp / bp:.2f}×", "", None))
    br, orr, fr = of(bare_p, 1), of(ours_p, 1), of(first_p, 1)
    rows.append(("(until keys are answered)", f"{orr * 1000:.0f} ms = {orr / br:.2f}×, no glance "
                 f"{fr * 1000:.0f} ms = {fr / br:.2f}×", "", None))
    noop = med(cpu for _wall, cpu in keys.pop("no-op key (f12)"))
    noop_wizard = med(cpu for _wall, cpu in keys.pop("no-op key in the wizard"))
    for name, values in keys.items():
        base = noop_wizard if name.startswith("wizard") else noop
        cpu = [c - base for _w, c in values]
        shown = f"{med(cpu):.1f} ms (max {max(cpu):.1f})"
        if name.startswith("wizard"):
            shown += f", wall {med(w for w, _c in values):.0f} ms"
        info = name.startswith("(")
        rows.append((name, shown, "" if info else f"≤ {KEY_TARGET_MS:.0f} ms", None if info else med(cpu) <= KEY_TARGET_MS))
    for level, label in (("none", "bare Textual app, tab switch"), ("full", "bare Textual app, animated")):
        base = med(cpu for _w, cpu in bare_tabs[f"no-op {level}"])
        cpu = [c - base for _w, c in bare_tabs[level]]
        rows.append((f"({label})", f"{med(cpu):.1f} ms (max {max(cpu):.1f})", "", None))
    brss, orss = of(bare_p, 3), of(ours_p, 3)
    rows.append(("peak RSS at start-up", f"{orss:.0f} MiB vs bare {brss:.0f} MiB = {orss / brss:.2f}×", "≤ 2.00×",
                 orss / brss <= 2))
    srss = med(session_rss)
    rows.append(("peak RSS, every tab opened", f"{srss:.0f} MiB vs bare {brss:.0f} MiB = {srss / brss:.2f}×",
                 "≤ 2.00×", srss / brss <= 2))

    print(f"{CONTRACTS} contracts, {PARTNERS} partners, {PRODUCTS} products × 36 months of usage, "
          f"{COMPLETED + DRAFTS} renewals; {args.runs} runs; key figures: CPU ms beyond a no-op key "
          f"({noop:.1f} ms; in the wizard {noop_wizard:.1f} ms), median (max)")
    width = max(len(r[0]) for r in rows)
    mwidth = max(len(r[1]) for r in rows)
    print(f"{'what':<{width}}  {'measured':<{mwidth}}  {'target':<8}  verdict")
    for name, measured, target, ok in rows:
        verdict = "" if ok is None else "ok" if ok else "OVER"
        print(f"{name:<{width}}  {measured:<{mwidth}}  {target:<8}  {verdict}")


if __name__ == "__main__":
    main()
