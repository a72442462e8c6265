"""Regenerate screenshots/*.svg from the demo data on a fixed "today" (same data → same files).

    python scripts/screenshots.py            # every shot
    python scripts/screenshots.py forecast   # just the ones named

Each shot starts the app on a fresh copy of the demo data in the same folder
(its path shows in the wizard's step 4), presses its keys, clears the
notifications and saves an SVG: each tab and the renewal wizard's five steps
and completion summary at 120×36, and the Overview at 80×24; the same again in
Romanian in screenshots/ro/ (a shot named `ro/…`).  A shot whose keys
go on from another shot's is taken in the same run (the wizard's steps: one run).
tests/test_screenshots.py renders them all and compares them with the committed ones.
"""

from __future__ import annotations

import asyncio
import fcntl
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.i18n import DEFAULT_LANGUAGE, use_language  # noqa: E402
from tui.store.demo import create_demo_database  # noqa: E402
from tui.ui.app import create_app  # noqa: E402

TODAY = date(2026, 11, 27)
WIDE = (120, 36)
NARROW = (80, 24)
OUT = ROOT / "screenshots"
WORK = Path(tempfile.gettempdir()) / "renewals-demo"  # a fixed path: it is shown in step 4

# Keys pressed from a fresh start, in batches: the app settles after each batch.
STEP_1 = [["2"], ["n"]]  # the expired and due contracts, T suggested
STEP_2 = STEP_1 + [["t", "ctrl+n"]]
STEP_3 = STEP_2 + [["ctrl+n"]]
STEP_4 = STEP_3 + [["ctrl+n"]]
STEP_5 = STEP_4 + [["ctrl+n"]]  # going on writes the quote request
SUMMARY = STEP_5 + [["a", *"LC-2027-0001", "enter"], ["tab", *"PO-2026-0300", "tab", *"2026-11-27"], ["ctrl+n"]]

SHOTS: dict[str, tuple[tuple[int, int], list[list[str]]]] = {
    "overview": (WIDE, []),
    "overview-80x24": (NARROW, []),
    "renewal": (WIDE, STEP_3 + [["escape"]]),  # a draft left at step 3, as the tab lists it
    "forecast": (WIDE, [["3"]]),
    "partners": (WIDE, [["4"]]),
    "budget": (WIDE, [["5"]]),
    "wizard-1-contracts": (WIDE, STEP_1),
    "wizard-2-proof": (WIDE, STEP_2),
    "wizard-3-growth": (WIDE, STEP_3),
    "wizard-4-partner": (WIDE, STEP_4),
    "wizard-5-order": (WIDE, STEP_5),
    "wizard-summary": (WIDE, SUMMARY),
}
SHOTS.update({f"ro/{name}": shot for name, shot in list(SHOTS.items())})  # the same screens in Romanian


def language_of(name: str) -> str:
    """A shot's language: the folder it is saved in (`ro/overview`), English without one."""
    return name.split("/")[0] if "/" in name else DEFAULT_LANGUAGE


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def shoot(name: str, out: Path = OUT, work: Path = WORK) -> Path:
    """Save `out/<name>.svg`: the app on fresh demo data in `work`, after the shot's keys."""
    return (await shoot_run([name], out, work))[0]


def runs(names: list[str]) -> list[list[str]]:
    """The shots grouped into runs of one app each: a shot joins the run whose last shot's keys its own
    keys go on from (same terminal size)."""
    def extends(longer: str, shorter: str) -> bool:
        return SHOTS[longer][0] == SHOTS[shorter][0] and language_of(longer) == language_of(shorter) and \
            SHOTS[longer][1][:len(SHOTS[shorter][1])] == SHOTS[shorter][1]

    grouped: list[list[str]] = []
    # Shorter first; of two that go on from the same shot, the one more shots go on from.
    for name in sorted(names, key=lambda n: (len(SHOTS[n][1]), -sum(extends(o, n) for o in names if o != n))):
        run = next((run for run in grouped if extends(name, run[-1])), None)
        if run is None:
            grouped.append([name])
        else:
            run.append(name)
    return grouped


async def shoot_run(names: list[str], out: Path = OUT, work: Path = WORK) -> list[Path]:
    """Save `out/<name>.svg` for shots of one run (see `runs`): one app on fresh demo data in `work`
    (one run at a time in it: its path is on screen, so every checkout uses the same folder)."""
    work.parent.mkdir(parents=True, exist_ok=True)
    with open(work.parent / f"{work.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return await _shoot_run(names, out, work)


async def _shoot_run(names: list[str], out: Path, work: Path) -> list[Path]:
    use_language(language_of(names[0]))
    try:
        return await _shoot_in_language(names, out, work)
    finally:
        use_language(DEFAULT_LANGUAGE)


async def _shoot_in_language(names: list[str], out: Path, work: Path) -> list[Path]:
    size = SHOTS[names[0]][0]
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db = work / "demo.json"
    create_demo_database(db, TODAY).close()
    app = create_app(db, TODAY)
    paths = []
    done = 0  # key batches pressed so far
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for name in names:
            for keys in SHOTS[name][1][done:]:
                await pilot.press(*keys)
                await settle(app, pilot)
            done = len(SHOTS[name][1])
            app.clear_notifications()
            await settle(app, pilot)
            folder = (out / name).parent
            folder.mkdir(parents=True, exist_ok=True)
            paths.append(Path(app.save_screenshot(filename=f"{Path(name).name}.svg", path=str(folder))))
    shutil.rmtree(work, ignore_errors=True)
    return paths


def main(names: list[str]) -> None:
    unknown = [n for n in names if n not in SHOTS]
    if unknown:
        sys.exit(f"unknown shot(s): {', '.join(unknown)}; known: {', '.join(SHOTS)}")
    for run in runs(names or list(SHOTS)):
        for path in asyncio.run(shoot_run(run)):
            print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
