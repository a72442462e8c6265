"""The data file changed under the open app in other ways: settings saved by another session, and the
file replaced by something unreadable.  (Imports, edits and renewals by another session are in
test_two_sessions.py.)  The app's poll is switched off: each test decides when the app looks."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.ui.test_two_sessions import SIZE, messages
from tui.store.file.database import Store
from tui.store.settings import SettingsRepository
from tui.ui.app import create_app
from tui.ui.overview.contract_form import ContractForm
from tui.ui.overview.pane import OverviewPane
from tui.ui.widgets.virtual_table import VirtualTable


pytestmark = pytest.mark.usefixtures("no_automatic_poll")


async def test_settings_saved_in_a_stale_session_keep_what_another_session_changed(demo_db: Path, today) -> None:
    """F2 in one session, the notice window changed by another meanwhile: saving the theme keeps it,
    and the app picks up the other session's settings when it looks at the file."""
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        other = SettingsRepository(Store(demo_db))
        other.save(replace(other.get(), notice_days=30), base=other.get())
        app.screen.query_one("#setting-theme").focus()
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await pilot.pause()
        stored = SettingsRepository(Store(demo_db)).get()
        assert stored.notice_days == 30 and stored.theme == "textual-light"
        assert app.notice_days == 30 and app.theme == "textual-light"
        other.save(replace(stored, date_format="ro"), base=stored)
        app.poll_store()
        await pilot.pause()
        assert app.settings.date_format == "ro"
        assert re.search(r"\b\d\d\.\d\d\.\d{4}\b", app.query_one(VirtualTable).render_line(1).text)  # DD.MM.YYYY


@pytest.mark.usefixtures("no_background_build")
async def test_a_file_replaced_by_something_unreadable_leaves_the_last_good_state_on_screen(demo_db: Path) -> None:
    """Every tab still opens (showing the last good state), an edit is refused with a message, and the
    replaced file is left exactly as it is."""
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if app.screen.is_modal:  # "resume the draft?"
            await pilot.press("n")
        demo_db.write_bytes(b"garbage{")
        app.poll_store()
        await pilot.pause()
        assert any("replaced by something unreadable" in m for m in messages(app))
        for key in "3421":
            # A crashed app leaves Pilot waiting for ever: fail instead.
            await asyncio.wait_for(pilot.press(key), timeout=20)
            await pilot.pause()
        assert app.query_one(OverviewPane).rows  # the last good state
        assert len(app.query(".data-pane")) == 4
        await pilot.press("e")
        assert isinstance(app.screen, ContractForm)
        app.screen.query_one("#field-quantity").focus()
        await pilot.press("backspace", *"7", "ctrl+s")
        await pilot.pause()
        assert demo_db.read_bytes() == b"garbage{"
        assert any("not valid JSON" in m for m in messages(app)[-2:])
