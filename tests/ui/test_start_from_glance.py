"""Starting from the glance: the first screen before the data file is read, keys kept until it is."""

from __future__ import annotations

import gc
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from textual import events
from textual.app import App

from tests.conftest import TODAY, make_contract
from tests.ui.waiting import wait_for
from tui import cli
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.errors import DatabaseRefused
from tui.store.first_screen import remember_first_screen
from tui.store.file.glance import GLANCE_ROWS, glance_is_current, glance_path, read_glance
from tui.ui.app import create_app
from tui.ui.overview.pane import OverviewPane

SIZE = (120, 40)


class HeldStore:
    """Opens the data file only once the test lets it (so the test sees the glance's screen)."""

    release = threading.Event()
    opened: list[Path] = []

    @classmethod
    def open(cls, path) -> Store:
        cls.opened.append(Path(path))
        assert cls.release.wait(20), "the test never let the data file be opened"
        return Store(path)


@pytest.fixture
def held_store(monkeypatch: pytest.MonkeyPatch):
    HeldStore.release = threading.Event()
    HeldStore.opened = []
    monkeypatch.setattr("tui.ui.startup.open_store", HeldStore.open)
    yield HeldStore
    HeldStore.release.set()


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def big_db(tmp_path: Path) -> Path:
    """More contracts than the glance holds, so the table is longer than what the glance knows."""
    path = tmp_path / "big.json"
    contracts = [make_contract(f"C-{i:04d}", end=TODAY.replace(day=1).replace(year=2027 + i % 3, month=1 + i % 12),
                               quantity=1 + i % 9, partner="") for i in range(GLANCE_ROWS + 30)]
    ContractRepository(Store(path)).save_many(contracts, [], TODAY)
    remember_first_screen(Store(path))
    return path


async def until(condition, _pilot=None) -> None:
    """Wait for `condition` (not with Pilot, which waits for the app to take its messages: a held key
    keeps it from doing so)."""
    await wait_for(condition)


async def test_the_first_screen_is_the_glance_and_keys_wait_for_the_data_file(demo_db: Path, held_store) -> None:
    remember_first_screen(Store(demo_db))
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.loaded.is_set()
        text = "\n".join(screen_lines(app))
        assert "2 expired · due ≤30d 2 · ≤60d 3 · ≤90d 5 · yearly 37,980.00 EUR  54,275.00 RON" in text
        assert "SEP-2021-0417" in text and "EXPIRED" in text and "25/25 · show all · sort end date ↑" in text
        assert "Zorvanta Systems SRL" in text  # the partner's name, from the glance
        # A key pressed now waits for the data file, then does what it does.  (Pilot's `press` waits
        # until the key is handled, so the key goes in the way the terminal sends it.)
        app.post_message(events.Key("s", "s"))
        await until(lambda: app.input_waiting == 1)
        assert app.query_one(OverviewPane).query_state.order.value == "end"
        held_store.release.set()
        await until(app.loaded.is_set, pilot)
        await pilot.pause()
        assert "25/25 · show all · sort id ↑" in "\n".join(screen_lines(app))
        assert app.store.path == demo_db and held_store.opened == [demo_db]


async def test_the_screen_from_the_glance_is_the_screen_from_the_data_file(tmp_path: Path, held_store) -> None:
    path = big_db(tmp_path)
    held_store.release.set()
    shown = []
    for use_glance in (True, False):
        app = create_app(path, TODAY, use_glance=use_glance)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.clear_notifications()
            await pilot.pause()
            if use_glance:
                first = screen_lines(app)
                await until(app.loaded.is_set, pilot)
                await pilot.pause()
                assert screen_lines(app) == first  # reading the data file changed nothing on screen
            shown.append(screen_lines(app))
            assert f"{GLANCE_ROWS + 30}/{GLANCE_ROWS + 30}" in "\n".join(shown[-1])
    assert shown[0] == shown[1]


async def test_a_tall_terminal_shows_blank_rows_below_the_glance_until_the_file_is_read(
        tmp_path: Path, held_store) -> None:
    path = big_db(tmp_path)
    app = create_app(path, TODAY)
    async with app.run_test(size=(120, GLANCE_ROWS + 20)) as pilot:
        await pilot.pause()
        pane = app.query_one(OverviewPane)
        assert len(pane.rows) == GLANCE_ROWS + 30 and pane.cells_for(GLANCE_ROWS + 5) == [""] * 8
        held_store.release.set()
        await until(app.loaded.is_set, pilot)
        assert pane.cells_for(GLANCE_ROWS + 5)[0].startswith("C-")


async def test_a_file_changed_since_the_glance_is_read_before_the_first_paint(demo_db: Path) -> None:
    remember_first_screen(Store(demo_db))
    repository = ContractRepository(Store(demo_db))
    contract = repository.get("SEP-2021-0417")
    repository.update(replace(contract, product="Changed Since"), TODAY, base_revision=contract.revision)
    assert read_glance(demo_db) is None
    app = create_app(demo_db, TODAY)
    assert app.loaded.is_set()  # opened the usual way, before the terminal is taken over
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Changed Since" in "\n".join(screen_lines(app))


async def test_a_file_damaged_after_the_glance_was_read_stops_the_app_with_the_reason(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    remember_first_screen(Store(demo_db))

    def damaged(path) -> Store:
        raise DatabaseRefused(Path(path), "not valid JSON (line 1, column 1)")

    monkeypatch.setattr("tui.ui.startup.open_store", damaged)
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: app.return_code is not None, pilot)
    assert app.return_code == 2 and app.failure is not None and "not valid JSON" in app.failure.problem


def test_the_command_line_leaves_a_glance_of_the_file_as_the_app_closed_it(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async def add_one_and_quit(pilot) -> None:
        await pilot.pause()
        app = pilot.app
        app.contracts.add(make_contract("NEW-1"), TODAY)
        app.data_changed()
        await pilot.press("ctrl+q")

    def run_headless(self, *, mouse: bool = True) -> None:
        App.run(self, headless=True, size=SIZE, auto_pilot=add_one_and_quit)

    monkeypatch.setattr("tui.ui.app.RenewalsApp.run", run_headless)
    assert not glance_path(demo_db).exists()
    assert cli.main(["--db", str(demo_db), "--today", TODAY.isoformat()]) == 0
    assert glance_is_current(demo_db, Store(demo_db).signature)
    assert "NEW-1" in [c.id for c in read_glance(demo_db).first]


async def test_any_failure_to_read_the_file_after_the_glance_stops_the_app_instead_of_holding_the_keys(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    remember_first_screen(Store(demo_db))

    def unreadable(path) -> Store:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("tui.ui.startup.open_store", unreadable)
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: app.return_code is not None, pilot)
    assert app.loaded.is_set() and app.return_code == 1 and isinstance(app.failure, PermissionError)


@pytest.mark.parametrize("with_glance", [True, False])
def test_the_garbage_collector_is_off_while_starting_and_on_once_the_file_is_read(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch, with_glance: bool) -> None:
    if with_glance:
        remember_first_screen(Store(demo_db))
    seen: dict[str, bool] = {}
    build = create_app

    def create_app_and_look(*args, **kwargs):
        seen["building"] = gc.isenabled()  # run_app turned it off: Textual is imported and set up without it
        return build(*args, **kwargs)

    async def look_and_quit(pilot) -> None:
        await until(pilot.app.loaded.is_set, pilot)
        await until(gc.isenabled, pilot)  # the thread that read the file turns it on as it finishes
        seen["loaded"] = True
        await pilot.press("ctrl+q")

    def run_headless(self, *, mouse: bool = True) -> None:
        App.run(self, headless=True, size=SIZE, auto_pilot=look_and_quit)

    monkeypatch.setattr("tui.ui.app.create_app", create_app_and_look)
    monkeypatch.setattr("tui.ui.app.RenewalsApp.run", run_headless)
    try:
        assert cli.main(["--db", str(demo_db), "--today", TODAY.isoformat()]) == 0
    finally:
        enabled_at_exit = gc.isenabled()
        gc.enable()  # for the tests after this one, whatever happened
    assert seen == {"building": False, "loaded": True} and enabled_at_exit


async def test_a_start_without_a_current_glance_writes_one_once_the_tabs_are_built(demo_db: Path) -> None:
    """So the next start is painted from it even if this session is killed rather than closed."""
    assert not glance_path(demo_db).exists()
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE):
        await app.build_other_tabs()  # what the app's timer starts half a second after the first paint
        assert glance_is_current(demo_db, Store(demo_db).signature)  # while the app is still open
        assert read_glance(demo_db).count == len(app.contracts.all())
