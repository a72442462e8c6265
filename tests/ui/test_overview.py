"""Pilot tests of the Overview tab: keys a user presses, what they see, what gets saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from textual import events
from textual.widgets import Input

from tests.conftest import make_contract
from tests.ui.notices import notices
from tui.domain.contract_query import Show, SortOrder
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.settings import SettingsRepository
from tui.domain.settings import Settings
from tui.ui.app import create_app
from tui.ui.overview.contract_form import ContractForm
from tui.ui.overview.pane import OverviewPane
from tui.ui.dialogs.partner_picker import PartnerPicker
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


async def test_the_summary_and_the_start_notification_follow_the_notice_window(tmp_path: Path, today) -> None:
    store = Store(tmp_path / "db.json")
    repository = ContractRepository(store)
    repository.add(make_contract("SOON", end=today + timedelta(days=50)), today)
    repository.add(make_contract("LATER", end=today + timedelta(days=75)), today)
    SettingsRepository(store).save(Settings(notice_days=60))
    store.close()
    app = create_app(tmp_path / "db.json", today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        summary = str(app.query_one("#overview-summary").render())
        assert "due ≤30d 0 · ≤60d 1 · yearly" in summary
        assert "1 due within 60 days" in notices(app)
        assert not any("90" in n for n in notices(app))


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


async def test_sorting_by_annual_cost_goes_the_way_the_arrow_points_within_each_currency(
        tmp_path: Path, today) -> None:
    repository = ContractRepository(Store(tmp_path / "db.json"))
    for contract_id, quantity, currency in (("R-BIG", 100, "RON"), ("E-SMALL", 1, "EUR"), ("R-SMALL", 2, "RON"),
                                            ("E-BIG", 50, "EUR")):
        repository.add(make_contract(contract_id, quantity=quantity, currency=currency), today)
    app = create_app(tmp_path / "db.json", today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "s", "s", "s")
        assert app.query_one(OverviewPane).query_state.order is SortOrder.COST
        mode = str(app.query_one("#overview-mode").render())
        assert "sort annual cost ↑" in mode
        assert shown_ids(app) == ["E-SMALL", "E-BIG", "R-SMALL", "R-BIG"]  # ↑: smallest first
        await pilot.press("r")
        assert "sort annual cost ↓" in str(app.query_one("#overview-mode").render())
        assert shown_ids(app) == ["E-BIG", "E-SMALL", "R-BIG", "R-SMALL"]  # ↓: largest first, currencies kept


async def test_add_refuses_an_invalid_value_then_saves_a_valid_one_that_survives_a_restart(
        tmp_path: Path, today) -> None:
    db = tmp_path / "db.json"
    app = create_app(db, today)
    async with app.run_test(size=SIZE) as pilot:
        assert "No contracts yet" in str(app.query_one("#overview-empty").render())
        assert "i to import a contracts CSV here" in str(app.query_one("#overview-empty").render())
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


async def test_the_form_picks_the_partner_from_the_directory_by_name(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")  # SEP-2021-0417, partner p0001
        form = app.screen
        assert isinstance(form, ContractForm)
        field = form.query_one("#field-partner")
        assert str(field.render()) == "Zorvanta Systems SRL (p0001)"
        field.focus()
        await pilot.press(*"quelmira")  # typing a name searches the directory
        await pilot.pause()
        assert isinstance(app.screen, PartnerPicker)
        assert app.screen.query_one("#picker-query", Input).value == "quelmira"
        chosen = app.screen.hits[0].partner
        assert chosen.id == "p0002"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form and str(field.render()) == f"{chosen.name} ({chosen.id})"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.contracts.get("SEP-2021-0417").partner == chosen.id


async def test_the_picker_opened_from_the_overview_has_its_styles(demo_db: Path, today) -> None:
    """Its styles are the app's, not the Renewal tab's (whose stylesheet loads only with that tab)."""
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#field-partner").focus()
        await pilot.press(*"quelmira")
        await pilot.pause()
        assert isinstance(app.screen, PartnerPicker)
        height = app.screen.query_one(".partner-picker").styles.height
        assert height is not None and not height.is_auto and height.value == 90  # "height: 90%"


async def test_a_partner_id_no_longer_in_the_directory_is_kept_but_never_newly_chosen(demo_db: Path, today) -> None:
    repository = ContractRepository(Store(demo_db))
    stored = repository.get("SEP-2021-0417")
    repository.update(replace(stored, partner="p9999"), today, base_revision=stored.revision, source="test")
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert str(app.screen.query_one("#field-partner").render()) == "p9999 (not in the directory)"
        app.screen.query_one("#field-quantity").focus()
        await pilot.press(*["backspace"] * 3, *"260", "ctrl+s")  # another change still saves
        await pilot.pause()
        assert app.contracts.get("SEP-2021-0417").quantity == 260


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
        # The form stays open with what was typed, says what the other session changed, takes their
        # value in the fields not typed in; ctrl+s again re-applies the typed values over theirs.
        assert isinstance(app.screen, ContractForm)
        assert app.screen.query_one("#field-quantity").value == "999"
        assert app.screen.query_one("#field-notes").value == "changed elsewhere"
        conflict = str(app.screen.query_one("#form-conflict").render())
        assert "changed in another session" in conflict and "→ changed elsewhere" in conflict
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ContractForm)
        stored = ContractRepository(Store(demo_db)).get("SEP-2021-0417")
        assert stored.notes == "changed elsewhere" and stored.quantity == 999


async def test_a_stale_edit_can_be_discarded_keeping_theirs(demo_db: Path, today) -> None:
    from dataclasses import replace
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        other = ContractRepository(Store(demo_db))
        current = other.get("SEP-2021-0417")
        other.update(replace(current, quantity=300), today, base_revision=current.revision)
        app.screen.query_one("#field-quantity").focus()
        await pilot.press(*["backspace"] * 3, *"999", "ctrl+s")
        await pilot.pause()
        assert "Licences: 250 → 300" in str(app.screen.query_one("#form-conflict").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ContractForm)
        assert ContractRepository(Store(demo_db)).get("SEP-2021-0417").quantity == 300


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


async def test_a_partner_name_typed_in_one_burst_all_goes_to_the_search(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#field-partner").focus()
        for character in "quelmira":  # queued at once, as a slow SSH link delivers them
            app.post_message(events.Key(character, character))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PartnerPicker)
        assert app.screen.query_one("#picker-query", Input).value == "quelmira"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContractForm)  # one search was opened, not one per key


async def test_form_messages_are_wrapped_in_full_with_the_valid_values_at_80x24(tmp_path: Path, today) -> None:
    app = create_app(tmp_path / "db.json", today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.press(*"NEW-1", "tab", *"Backup Exec", "tab", *"3", "tab", *"31.02.2026", "tab",
                          *"2027-06-30", "tab", *"410", "tab", *"xyz", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContractForm)
        screen = " ".join(" ".join(strip.text.replace("█", " ").split())
                          for strip in app.screen._compositor.render_strips())
        assert "'31.02.2026' is not a real date" in screen
        assert "unknown currency 'XYZ' (use one of BGN, CHF, CZK, DKK, EUR, GBP, HUF, NOK, PLN, RON, SEK, USD)" \
            in screen


async def test_keys_typed_in_one_burst_across_a_tab_switch_all_go_to_the_new_tab(demo_db: Path, today) -> None:
    """"4/backup" at once: the switch happens as "4" is read, so "/" and the rest are the Partners tab's."""
    app = create_app(demo_db, today)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key, character in [("4", "4"), ("slash", "/"), *((c, c) for c in "backup")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert app.active_tab == "partners"
        assert app.query_one("#partners-search", Input).value == "backup"
        assert app.query_one("#overview-filter", Input).value == ""
        await pilot.press("escape", "1", "slash", *"a4")  # typed in a text field, a digit is a character
        await pilot.pause()
        assert app.active_tab == "overview"
        assert app.query_one("#overview-filter", Input).value == "a4"


async def test_at_120x40_the_partner_name_shows_and_a_contract_in_an_open_renewal_is_marked(
        demo_db: Path, today) -> None:
    from tui.domain.renewal import new_renewal
    from tui.store.renewals import RenewalRepository

    RenewalRepository(Store(demo_db)).save(new_renewal(["SEP-2021-0417"], today), today)
    app = create_app(demo_db, today)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        assert "Partner" in table.render_line(0).text
        first, second = table.render_line(1).text, table.render_line(2).text
        assert first.startswith("SEP-2021-0417") and "Zorvanta" in first and "EXPIRED↻" in first
        assert second.startswith("BE-2022-0112") and "↻" not in second
        assert "in open renewal R-0001" in str(app.query_one("#overview-detail").render())
        await pilot.press("n")  # not now to resuming R-0001
        await pilot.press("down", "space", "n")  # BE-2022-0112 marked, renewed: its draft kept by esc
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert "EXPIRED↻" in table.render_line(2).text


async def test_at_80x24_the_summary_wraps_rather_than_cut_a_currency_total(demo_db: Path, today) -> None:
    from decimal import Decimal

    ContractRepository(Store(demo_db)).add(
        make_contract("USD-1", currency="USD", unit_price=Decimal("1234.50"), quantity=10), today)
    app = create_app(demo_db, today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        summary = " ".join(str(app.query_one("#overview-summary").render()).split())
        for total in ("37,980.00 EUR", "54,275.00 RON", "12,345.00 USD"):
            assert total in summary, summary
        region = app.query_one("#overview-summary").region
        shown = " ".join(strip.text for strip in app.screen._compositor.render_strips()[region.y:region.bottom])
        for total in ("37,980.00 EUR", "54,275.00 RON", "12,345.00 USD"):
            assert total in shown, shown
