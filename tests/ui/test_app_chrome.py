"""Help, settings, import and the command palette, driven from the keyboard."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.command import CommandList

from tests.conftest import write_csv
from tests.ui.waiting import wait_for
from tui.store.file.database import Store
from tui.store.settings import SettingsRepository
from tui.ui.app import create_app
from tui.ui.dialogs.help_screen import HelpScreen
from tui.ui.overview.pane import OverviewPane
from tui.ui.dialogs.settings_screen import SettingsScreen
from tui.ui.widgets.virtual_table import VirtualTable

SIZE = (100, 30)


async def wait_until(pilot, condition) -> None:
    """Let the app run until `condition()` holds (the palette searches asynchronously); fail loudly if never."""
    await wait_for(condition, pilot=pilot)


async def test_f1_and_question_mark_open_help_with_keys_and_renewal_steps(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)
            text = str(app.screen.query_one("#help-text").render())
            assert "Overview" in text and "Filter" in text and "Proof of purchase" in text
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)


async def test_help_explains_every_key_in_words(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        text = str(app.screen.query_one("#help-text").render())
        assert "Show all → expired + due → expired only" in text
        key_lines = [line for line in text.splitlines() if line.startswith("  ")]
        assert len(key_lines) > 40
        terse = [line for line in key_lines if len(line[17:].split()) < 3]
        assert not terse, terse


async def test_settings_change_what_is_shown_and_persist(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#setting-date_format").focus()
        await pilot.press("enter", "down", "down", "enter")
        app.screen.query_one("#setting-number_format").focus()
        await pilot.press("enter", "down", "down", "enter")
        app.screen.query_one("#setting-notice_days").focus()
        await pilot.press("backspace", "backspace", *"30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        first_row = app.query_one(VirtualTable).render_line(1).text
        assert "18.10.2026" in first_row and "23.750,00 RON" in first_row
        assert len(app.query_one(OverviewPane).index.select(
            app.query_one(OverviewPane).query_state, today, app.notice_days)) == 25
    saved = SettingsRepository(Store(demo_db)).get()
    assert (saved.date_format, saved.number_format, saved.notice_days) == ("ro", "ro", 30)


async def test_an_invalid_setting_is_refused_beside_the_field(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        app.screen.query_one("#setting-fee_rate").focus()
        await pilot.press("backspace", "backspace", *"abc", "ctrl+s")
        assert isinstance(app.screen, SettingsScreen)
        assert "not a number" in str(app.screen.query_one("#setting-error-fee_rate").render())
    assert SettingsRepository(Store(demo_db)).get().fee_rate == Decimal("0.25")  # unchanged default


async def test_import_from_the_app_checks_then_applies(tmp_path: Path, today) -> None:
    csv_file = write_csv(tmp_path / "c.csv", "IMP-1,Backup Exec,3,,2027-01-31,410,RON,,,,",
                         "IMP-2,Backup Exec,4,,2027-02-28,410,RON,,,,")
    app = create_app(tmp_path / "db.json", today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.press(*str(csv_file), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "2 new" in str(app.screen.query_one("#import-report").render())
        assert app.contracts.get("IMP-1") is None
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(c.id for c in app.query_one(OverviewPane).rows) == ["IMP-1", "IMP-2"]


async def test_import_of_a_bad_file_shows_every_problem_and_changes_nothing(tmp_path: Path, today) -> None:
    csv_file = write_csv(tmp_path / "c.csv", "IMP-1,Backup Exec,zero,,2027-01-31,410,RON,,,,")
    app = create_app(tmp_path / "db.json", today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", *str(csv_file), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"{csv_file}:2: quantity:" in str(app.screen.query_one("#import-report").render())
        await pilot.press("ctrl+s", "escape")
    assert not (tmp_path / "db.json").exists()


async def test_after_a_check_the_path_can_be_corrected_by_typing(tmp_path: Path, today) -> None:
    bad = write_csv(tmp_path / "bad.csv", "IMP-1,Backup Exec,zero,,2027-01-31,410,RON,,,,")
    write_csv(tmp_path / "ok.csv", "IMP-1,Backup Exec,3,,2027-01-31,410,RON,,,,")
    app = create_app(tmp_path / "db.json", today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", *str(bad), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Nothing can be imported" in str(app.screen.query_one("#import-report").render())
        await pilot.press(*["backspace"] * len("bad.csv"), *"ok.csv", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 new" in str(app.screen.query_one("#import-report").render())


async def test_palette_jumps_to_a_contract(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"backup", "enter")
        await pilot.press("ctrl+p")
        await pilot.press(*"CSP-2025-0101")
        palette = app.screen
        await wait_until(pilot, lambda: "CSP-2025-0101" in str(palette.query_one(CommandList).get_option_at_index(0).prompt))
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(OverviewPane).current().id == "CSP-2025-0101"


async def test_changed_formats_and_rates_show_on_every_tab(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        app.screen.query_one("#setting-date_format").focus()
        await pilot.press("enter", "down", "down", "enter")  # as the language → YYYY-MM-DD → DD.MM.YYYY
        app.screen.query_one("#setting-number_format").focus()
        await pilot.press("enter", "down", "down", "enter")  # 1.234,56
        app.screen.query_one("#setting-fee_rate").focus()
        await pilot.press("backspace", "backspace", *"10")
        app.screen.query_one("#setting-headroom").focus()
        await pilot.press("backspace", "backspace", *"20", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)

        overview = str(app.query_one("#overview-summary").render())
        assert "yearly 37.980,00 EUR  54.275,00 RON" in overview
        assert "18.10.2026" in app.query_one("#overview-table", VirtualTable).render_line(1).text

        await pilot.press("3")
        await pilot.pause()
        assert str(app.query_one("#forecast-settings").render()) == \
            "horizon: +12 months (27.11.2027) · method: auto · headroom: 20 % · buy/surplus = recommended − owned then"

        await pilot.press("4", "slash", *"zorvanta", "enter")
        await pilot.pause()
        assert "Endpoint Protection · 18.10.2026" in str(app.query_one("#partners-detail").render())

        await pilot.press("2", "n")
        await pilot.pause()
        assert app.screen.query_one("#coterm-fee").value == "10"  # a new renewal takes the default fee rate
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#coterm-date").value == "20.02.2028"
        first = app.screen.query_one("#coterm-table", VirtualTable).render_line(1).text
        assert "SEP-2021-0417" in first and "31.883,56" in first and "260,27" in first  # 10 % of the lapsed part


async def test_ctrl_p_over_help_opened_from_the_palette_does_not_open_a_second_palette(demo_db: Path, today) -> None:
    """Found by the 10,000-key monkey: Textual checks only the top screen, and a second palette crashed."""
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", "f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert len(app.screen_stack) == 1


async def test_the_budget_settings_are_in_the_settings_dialog(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#setting-base_currency").focus()
        await pilot.press("enter", "up", "enter")  # the currency before RON in the list: PLN
        app.screen.query_one("#setting-rise").focus()
        await pilot.press("backspace", *"4,5")
        app.screen.query_one("#setting-fiscal_start").focus()
        await pilot.press("enter", *["down"] * 9, "enter")  # October
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    saved = SettingsRepository(Store(demo_db)).get()
    assert (saved.base_currency, saved.rise, saved.fiscal_start) == ("PLN", Decimal("0.045"), 10)
