"""Opening the app on a path with no data file makes one there, and the app says where."""

from __future__ import annotations

from pathlib import Path

from tests.ui.notices import notices
from tui.cli import open_app
from tui.commands.context import CliContext
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store


async def test_the_app_creates_a_missing_data_file_and_says_where(tmp_path: Path, today) -> None:
    db = tmp_path / "new.json"
    app = open_app(CliContext(db_path=db, today=today))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert notices(app) == [f"Created a new data file: {db}"]
        assert "No contracts yet." in str(app.query_one("#overview-empty").render())
    assert ContractRepository(Store(db)).all() == []


async def test_an_existing_data_file_gets_no_such_notice(demo_db: Path, today) -> None:
    app = open_app(CliContext(db_path=demo_db, today=today))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert not any("new data file" in n for n in notices(app))
        assert any("expired" in n for n in notices(app))  # the usual start-up notice
