"""A monkey at the keyboard: random keys across every tab and dialog must never crash the app or the file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.first_screen import remember_first_screen
from tui.ui.app import create_app

KEYS = (
    [*"abcdefghijklmnopqrstuvwxyz0123456789-./ ", "1", "2", "3", "4"] * 2
    + ["tab", "shift+tab", "enter", "escape", "space", "up", "down", "left", "right", "pageup", "pagedown",
       "home", "end", "backspace", "delete", "ctrl+s", "ctrl+n", "ctrl+b", "ctrl+p", "f1", "f2", "question_mark",
       "slash", "plus", "minus", "ctrl+r", "ctrl+e"]
)


async def monkey(db: Path, today, presses: int, seed: int, *, from_glance: bool = False) -> None:
    rng = random.Random(seed)
    app = create_app(db, today)
    assert app.loaded.is_set() is not from_glance  # with a glance, the file is read after the first paint
    build_at = rng.randrange(presses)  # the background build of the other tabs, at a key the seed chooses
    async with app.run_test(size=(80, 24)) as pilot:
        for press in range(presses):
            if press == build_at:
                await app.build_other_tabs()
            await pilot.press(rng.choice(KEYS))
        await pilot.pause()
        assert app.is_running
    assert app.return_code in (None, 0)
    ContractRepository(Store(db)).all()  # the file still opens


async def test_300_random_keys(demo_db: Path, today) -> None:
    await monkey(demo_db, today, presses=300, seed=20261127)


async def test_300_random_keys_from_the_first_key_of_a_start_from_the_glance(demo_db: Path, today) -> None:
    """Keys pressed while the data file is still being read wait for it (tui/store/file/glance.py)."""
    remember_first_screen(Store(demo_db))
    await monkey(demo_db, today, presses=300, seed=20261128, from_glance=True)


@pytest.mark.slow
@pytest.mark.timeout(3600)
async def test_10000_random_keys(demo_db: Path, today) -> None:
    await monkey(demo_db, today, presses=10_000, seed=7)
