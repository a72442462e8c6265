"""Fixtures that hold back the app's timers, so a test decides when things happen.

In every Pilot test the app's file poll and its background build of the other tabs wait until the test
calls them (`app.poll_store()`, `await app.build_other_tabs()`): what happens no longer depends on how
fast a busy machine reaches a timer, so a seed reproduces a monkey run.  A test that is about the
timers themselves is marked `@pytest.mark.app_timers`.
"""

from __future__ import annotations

import pytest

from tests.ui.notices import record_notifications  # noqa: F401 - an autouse fixture for every UI test

HELD = 3600.0  # a timer that never fires within a test


@pytest.fixture(autouse=True)
def timers_held(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("app_timers") is None:
        monkeypatch.setattr("tui.ui.app.POLL_SECONDS", HELD)
        monkeypatch.setattr("tui.ui.app.BUILD_TABS_AFTER_SECONDS", HELD)


@pytest.fixture
def no_automatic_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app looks at the data file only when the test calls `app.poll_store()` (also under app_timers)."""
    monkeypatch.setattr("tui.ui.app.POLL_SECONDS", HELD)


@pytest.fixture
def no_background_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tabs other than the Overview are built only when they are opened (also under app_timers)."""
    monkeypatch.setattr("tui.ui.app.BUILD_TABS_AFTER_SECONDS", HELD)
