"""The Pilot tests' hooks: notifications kept for the test, timers held until the test runs them, waits
that fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.notices import notices
from tests.ui.waiting import wait_for
from tui.ui.app import create_app


async def test_a_notification_stays_readable_after_textual_expired_it(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(100, 30)) as pilot:
        app.notify("gone in a moment", timeout=0.01)
        await wait_for(lambda: not any(n.message == "gone in a moment" for n in app._notifications),
                       "Textual to drop the notification", pilot=pilot)
        assert "gone in a moment" in notices(app)


async def test_the_other_tabs_are_built_only_when_the_test_says(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.6)  # past the app's own half-second: the build is still held
        assert not app.tabs_built.is_set()
        await app.build_other_tabs()
        assert app.tabs_built.is_set()


async def test_a_wait_that_never_ends_fails_saying_what_it_waited_for() -> None:
    with pytest.raises(AssertionError, match=r"waited 0.05 s for the moon"):
        await wait_for(lambda: False, "the moon", seconds=0.05)
    with pytest.raises(AssertionError, match=r"lambda: 1 / 0.*ZeroDivisionError"):
        await wait_for(lambda: 1 / 0, seconds=0.05)
