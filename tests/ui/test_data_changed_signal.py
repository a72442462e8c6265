"""A pane that fails to show the changed data ends the app with its error, instead of the error being logged
and dropped by Textual's Signal (the pane then went on showing old data without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.renewal_helpers import SIZE
from tui.ui.app import create_app
from tui.ui.overview.pane import OverviewPane


async def test_a_pane_whose_reload_fails_ends_the_app_with_that_error(
        demo_db: Path, today, monkeypatch: pytest.MonkeyPatch) -> None:
    failing = []
    shown_again = OverviewPane.reload

    def reload(self, keep_id: str | None = None) -> None:
        if failing:
            raise RuntimeError("the Overview could not show the change")
        shown_again(self, keep_id)

    monkeypatch.setattr(OverviewPane, "reload", reload)
    app = create_app(demo_db, today)
    with pytest.raises(RuntimeError, match="could not show the change"):
        async with app.run_test(size=SIZE) as pilot:
            failing.append(True)
            app.session.data_changed()
            await pilot.pause()
            assert not app.is_running  # ended by the error, not by the test
    assert app.return_code == 1
