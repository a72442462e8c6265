"""Fixtures that hold back the app's timers, so a test decides when things happen."""

from __future__ import annotations

import pytest


@pytest.fixture
def no_automatic_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app looks at the data file only when the test calls `app.poll_store()`."""
    monkeypatch.setattr("tui.ui.app.POLL_SECONDS", 3600.0)


@pytest.fixture
def no_background_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tabs other than the Overview are built only when they are opened."""
    monkeypatch.setattr("tui.ui.app.BUILD_TABS_AFTER_SECONDS", 3600.0)
