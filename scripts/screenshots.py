"""Regenerate screenshots/*.svg from the demo data on a fixed "today" (same data → same files).

    python scripts/screenshots.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.store.demo import create_demo_database  # noqa: E402
from tui.ui.app import create_app  # noqa: E402

TODAY = date(2026, 11, 27)
SIZE = (120, 36)
OUT = ROOT / "screenshots"

# (file name, keys pressed from a fresh start, widget id to focus first or None)
SHOTS: list[tuple[str, list[str]]] = [
    ("overview", []),
    ("overview-80x24", []),
]


async def shoot(db: Path, name: str, keys: list[str]) -> None:
    app = create_app(db, TODAY)
    size = (80, 24) if name.endswith("80x24") else SIZE
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.clear_notifications()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        app.save_screenshot(filename=f"{name}.svg", path=str(OUT))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, keys in SHOTS:
            db = Path(tmp) / f"{name}.json"
            create_demo_database(db, TODAY).close()
            asyncio.run(shoot(db, name, keys))
            print(OUT / f"{name}.svg")


if __name__ == "__main__":
    main()
