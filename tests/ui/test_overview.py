"""Pilot tests of the Overview tab: keys a user presses, what they see, what gets saved."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from tests.conftest import make_contract
from tests.ui.notices import notices
from tui.domain.contract_query import Show, SortOrder
from tui.store.contracts import ContractRepository
from tui.store.database import Store
from tui.ui.app import create_app
from tui.ui.contract_form import ContractForm
from tui.ui.overview import OverviewPane
from tui.ui.widgets.virtual_table import VirtualTable

SIZE = (100, 30)


def shown_ids(app) -> list[str]:
    return [c.id for c in app.query_one(OverviewPane).rows]


async def test_rows_start_soonest_end_first_and_the_start_notification_sums_up(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(OverviewPane)
        ends = [c.end for c in pane.rows]
        assert ends == sorted(ends) and len(ends) == 25
        assert any("2 expired, 2 due within 30 days" in n for n in notices(app))
        first = app.query_one(VirtualTable).render_line(1).text
        assert "SEP-2021-0417" in first and "EXPIRED" in first


async def test_filter_narrows_as_you_type_ignoring_case_and_diacritics(tmp_path: Path, today) -> None:
    repository = ContractRepository(Store(tmp_path / "db.json"))
    repository.add(make_contract("RO-1", product="Protecție Endpoint"), today)
    repository.add(make_contract("RO-2", product="Backup Exec"), today)
    app = create_app(tmp_path / "db.json", today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"PROTECTIE")
        assert shown_ids(app) == ["RO-1"]
        await pilot.press("escape")
        assert app.focused is app.query_one(VirtualTable)
        await pilot.press("slash", *["backspace"] * 9)
        assert sorted(shown_ids(app)) == ["RO-1", "RO-2"]


async def test_show_cycles_all_due_expired_and_sort_changes_order(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(OverviewPane)
        await pilot.press("f")
        assert pane.query_state.show is Show.DUE and len(pane.rows) == 7
        await pilot.press("f")
        assert pane.query_state.show is Show.EXPIRED and shown_ids(app) == ["SEP-2021-0417", "BE-2022-0112"]
        await pilot.press("f", "s")
        assert pane.query_state.order is SortOrder.ID
        assert shown_ids(app) == sorted(shown_ids(app), key=str.casefold)
        await pilot.press("r")
        assert shown_ids(app) == sorted(shown_ids(app), key=str.casefold, reverse=True)


async def test_add_refuses_an_invalid_value_then_saves_a_valid_one_that_survives_a_restart(
        tmp_path: Path, today) -> None:
    db = tmp_path / "db.json"
    app = create_app(db, today)
    async with app.run_test(size=SIZE) as pilot:
        assert "No contracts yet" in str(app.query_one("#overview-empty").render())
        await pilot.press("a")
        assert isinstance(app.screen, ContractForm)
        await pilot.press(*"NEW-1", "tab", *"Backup Exec", "tab", *"abc", "tab", "tab", *"2027-06-30",
                          "tab", *"410", "tab", *"ron")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContractForm)
        assert "not a whole number" in str(app.screen.query_one("#error-quantity").render())
        assert not db.exists()
        app.screen.query_one("#field-quantity").focus()
        await pilot.press(*["backspace"] * 3, *"12")
        assert str(app.screen.query_one("#error-quantity").render()) == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ContractForm)
        assert shown_ids(app) == ["NEW-1"]
    restarted = create_app(db, today)
    async with restarted.run_test(size=SIZE) as pilot:
        saved = restarted.contracts.get("NEW-1")
        assert (saved.quantity, saved.currency, str(saved.unit_price)) == (12, "RON", "410")
        assert shown_ids(restarted) == ["NEW-1"]


async def test_edit_records_history_shown_in_the_detail_panel(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#field-quantity").focus()
        await pilot.press(*["backspace"] * 3, *"260", "ctrl+s")
        await pilot.pause()
        assert app.contracts.get("SEP-2021-0417").quantity == 260
        detail = str(app.query_one("#overview-detail").render())
        assert "quantity: 250 → 260" in detail


async def test_delete_asks_first(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d", "n")
        assert app.contracts.get("SEP-2021-0417") is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.contracts.get("SEP-2021-0417") is None
        assert "SEP-2021-0417" not in shown_ids(app)
    assert ContractRepository(Store(demo_db)).get("SEP-2021-0417") is None


async def test_a_change_made_by_another_process_appears(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        ContractRepository(Store(demo_db)).add(make_contract("FROM-ELSEWHERE", end=today), today)
        app.poll_store()
        await pilot.pause()
        assert shown_ids(app)[2] == "FROM-ELSEWHERE"


async def test_a_stale_edit_is_refused_not_silently_overwritten(demo_db: Path, today) -> None:
    from dataclasses import replace
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        other = ContractRepository(Store(demo_db))
        current = other.get("SEP-2021-0417")
        other.update(replace(current, notes="changed elsewhere"), today, base_revision=current.revision)
        app.screen.query_one("#field-quantity").focus()
        await pilot.press(*["backspace"] * 3, *"999", "ctrl+s")
        await pilot.pause()
        stored = ContractRepository(Store(demo_db)).get("SEP-2021-0417")
        assert stored.notes == "changed elsewhere" and stored.quantity == 250
        assert any("changed elsewhere" in n for n in notices(app))


async def test_usable_at_80x24(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        header = table.render_line(0).text
        for label in ("Contract", "Product", "End", "Status", "Annual cost"):
            assert label in header
        assert app.query_one("#overview-detail").region.height >= 5


async def test_space_marks_contracts_for_the_next_action(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(OverviewPane)
        assert [c.id for c in pane.marked_or_current()] == ["SEP-2021-0417"]
        await pilot.press("space", "space")
        assert pane.marked == {"SEP-2021-0417", "BE-2022-0112"}
        assert "●" in app.query_one(VirtualTable).render_line(1).text
        await pilot.press("up", "space")
        assert [c.id for c in pane.marked_or_current()] == ["SEP-2021-0417"]


async def test_keys_typed_in_one_burst_after_slash_go_to_the_filter(demo_db: Path, today) -> None:
    """Over a slow link keys arrive together: "/" must move the focus before the next key is read."""
    app = create_app(demo_db, today)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key, character in [("slash", "/"), *((c, c) for c in "backup")]:
            app.post_message(events.Key(key, character))  # as the terminal sends them, without waiting
        await pilot.pause()
        assert app.query_one("#overview-filter", Input).value == "backup"
        assert app.query_one(OverviewPane).query_state.text == "backup"
        await pilot.press("slash", "x")  # in the filter, "/" is a character like any other
        assert app.query_one("#overview-filter", Input).value == "backup/x"
