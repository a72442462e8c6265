"""Pilot tests of the Budget tab (5): the keys a user presses, what they see, what gets saved.

The data file holds the worked contract of domain.md (20.00 RON × 50, ending 2027-03-31) and one contract
per currency of its worked rates (1,000 EUR, 10,000 HUF, 100 USD); today is domain.md's 2026-12-06.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from textual.command import CommandList

from tests.budget_data import store_completed_renewal, worked_contracts
from tests.store.test_rate_files import BNR_DAY
from tests.ui.test_app_chrome import wait_until
from tests.ui.test_terminals import assert_key_shown, header, screen_colours, settle, shown
from tui.domain.renewal import new_renewal
from tui.domain.settings import Settings
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.transfer.rate_files import plan_rate_import
from tui.store.rates import RateRepository
from tui.store.renewals import RenewalRepository
from tui.store.settings import SettingsRepository
from tui.ui.app import create_app
from tui.ui.budget.chart import BudgetChart
from tui.ui.budget.pane import BudgetPane
from tui.ui.budget.period_form import PeriodForm
from tui.ui.budget.rate_form import RateForm
from tui.ui.overview.pane import OverviewPane
from tui.ui.widgets.virtual_table import VirtualTable

TODAY = date(2026, 12, 6)
SIZE = (120, 40)
D = Decimal


@pytest.fixture
def db(db_path: Path) -> Path:
    store = Store(db_path)
    ContractRepository(store).save_many(worked_contracts(), [], TODAY, source="test")
    store.close()
    return db_path


@pytest.fixture
def rated_db(db: Path, tmp_path: Path) -> Path:
    """The same, with the worked BNR day (EUR 4.9750, USD 4.3210, HUF 1.2345 per 100) imported."""
    path = tmp_path / "nbrfxrates.xml"
    path.write_text(BNR_DAY, encoding="utf-8")
    plan = plan_rate_import(path, {}, today=TODAY, name=path.name)
    store = Store(db)
    RateRepository(store).save_many(plan.new)
    store.close()
    return db


def save_settings(db: Path, **changes) -> None:
    SettingsRepository(Store(db)).save(replace(Settings(), **changes))


def rows(app) -> list[str]:
    """Every payment row of the table as shown (not only those on screen)."""
    table = app.query_one("#budget-events", VirtualTable)
    return [table._strip(table.cells_for(i), table.rich_style, table.content_width).text
            for i in range(table.row_count)]


def row_of(app, *words: str) -> str:
    return next(line for line in rows(app) if all(word in line for word in words))


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def chart_text(app) -> str:
    chart = app.query_one(BudgetChart)
    return "\n".join(chart.render_line(y).text for y in range(chart.size.height))


async def open_tab(app, pilot) -> BudgetPane:
    await settle(app, pilot)
    if app.screen.is_modal:  # "resume the draft?" at start-up: not now
        await pilot.press("n")
    await pilot.press("5")
    await settle(app, pilot)
    return app.query_one(BudgetPane)


async def put_cursor_on(app, pilot, *words: str) -> None:
    """Move the payments' cursor down to the row holding `words`, with the keys."""
    table = app.query_one("#budget-events", VirtualTable)
    await pilot.press("home")
    for _row in range(table.row_count):
        if all(word in rows(app)[table.cursor_row] for word in words):
            return
        await pilot.press("down")
    raise AssertionError(f"no row with {words}")


async def test_the_worked_numbers_of_domain_md_show_in_the_tab(rated_db: Path) -> None:
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)
        assert app.active_tab == "budget" and app.focused is app.query_one("#budget-events")
        assert text_of(app, "#budget-settings").startswith(
            "2026-12-06 – 2027-12-05 · 12 months · by month · rise 0 % · in RON")
        assert header(app, "#budget-events") == ["Date", "Contract", "Product", "Kind", "Amount", "RON"]
        assert row_of(app, "C-RON").split() == ["2027-03-31", "C-RON", "Backup", "Exec", "renewal", "1,000.00", "RON",
                                                 "1,000.00", "RON"]
        assert row_of(app, "C-EUR").split()[-4:] == ["1,000.00", "EUR", "4,975.00", "RON"]
        assert row_of(app, "C-HUF").split()[-4:] == ["10,000.00", "HUF", "123.45", "RON"]
        assert row_of(app, "C-USD").split()[-4:] == ["100.00", "USD", "432.10", "RON"]
        totals = text_of(app, "#budget-totals")
        assert "Converted: 6,530.55 RON" in totals  # 1,000 + 4,975 + 123.45 + 432.10
        for line in ("1 EUR = 4.975 RON · 2026-12-04 BNR", "1 HUF = 0.012345 RON · 2026-12-04 BNR",
                     "1 USD = 4.321 RON · 2026-12-04 BNR", "1,000.00 EUR", "10,000.00 HUF", "100.00 USD"):
            assert line in totals, line
        chart = chart_text(app)
        assert "█ RON per month" in chart and "2027" in chart and "?" not in chart


async def test_the_rise_and_a_typed_period_give_the_worked_renewals(rated_db: Path) -> None:
    save_settings(rated_db, rise=D("0.05"))
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)
        await pilot.press("p")
        assert isinstance(app.screen, PeriodForm)
        await pilot.press("ctrl+u", *"2027-01-01", "enter", "ctrl+u", *"2028-12-31", "enter")
        await settle(app, pilot)
        assert text_of(app, "#budget-settings").startswith(
            "2027-01-01 – 2028-12-31 · typed period · by month · rise 5 % · in RON")
        assert [line.split()[0] + " " + line.split()[-2] for line in rows(app) if "C-RON" in line] == [
            "2027-03-31 1,050.00", "2028-03-31 1,102.50"]


async def test_a_typed_period_that_ends_before_it_starts_is_refused_beside_the_field(rated_db: Path) -> None:
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)
        await pilot.press("p", "ctrl+u", *"2027-05-01", "tab", "ctrl+u", *"2027-04-30", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeriodForm)
        assert "the period ends (2027-04-30) before it starts (2027-05-01)" in text_of(app, "#period-error-to")
        await pilot.press("ctrl+u", *"2027-02-30")
        await pilot.pause()
        assert "not a real date" in text_of(app, "#period-error-to")
        await pilot.press("escape")
        await settle(app, pilot)
        assert text_of(app, "#budget-settings").startswith("2026-12-06 – 2027-12-05 · 12 months")  # unchanged


async def test_brackets_move_the_period_and_y_cycles_calendar_and_fiscal_years(rated_db: Path) -> None:
    save_settings(rated_db, fiscal_start=10)
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)

        def heading() -> str:
            return text_of(app, "#budget-settings")

        await pilot.press("right_square_bracket")
        assert heading().startswith("2027-12-06 – 2028-12-05 · 12 months")
        assert [line.split()[0] for line in rows(app)] == ["2028-03-31", "2028-05-01", "2028-06-01", "2028-07-01"]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert heading().startswith("2025-12-06 – 2026-12-05 · 12 months")
        assert rows(app) == [] and "Nothing to pay in this period." in text_of(app, "#budget-totals")
        await pilot.press("right_square_bracket", "y")  # the year that holds most of the next 12 months
        assert heading().startswith("2027-01-01 – 2027-12-31 · calendar year 2027")
        await pilot.press("y")
        assert heading().startswith("2026-10-01 – 2027-09-30 · fiscal year 2026")
        await pilot.press("right_square_bracket")
        assert heading().startswith("2027-10-01 – 2028-09-30 · fiscal year 2027")
        await pilot.press("y")
        assert heading().startswith("2026-12-06 – 2027-12-05 · 12 months")


async def test_g_groups_by_quarter_and_back_keeping_the_highlighted_payment(rated_db: Path) -> None:
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_tab(app, pilot)
        await put_cursor_on(app, pilot, "C-HUF")
        assert [g.key for g in pane.summary.groups][:2] == ["2026-12", "2027-01"]
        await pilot.press("g")
        await settle(app, pilot)
        assert [(g.key, g.converted) for g in pane.summary.groups] == [
            ("2026-Q4", D("0.00")), ("2027-Q1", D("1000.00")), ("2027-Q2", D("5098.45")), ("2027-Q3", D("432.10")),
            ("2027-Q4", D("0.00"))]
        assert "by quarter" in text_of(app, "#budget-settings")
        chart = chart_text(app)
        assert "█ RON per quarter" in chart and "Q1" in chart and "Q4" in chart
        assert "C-HUF" in rows(app)[pane.query_one("#budget-events", VirtualTable).cursor_row]
        await pilot.press("g")
        assert "by month" in text_of(app, "#budget-settings") and "█ RON per month" in chart_text(app)


async def test_a_missing_rate_is_shown_and_the_converted_total_withheld_until_one_is_added(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)
        totals = text_of(app, "#budget-totals")
        assert "No converted total: no rate into RON for EUR, HUF, USD (r adds one)" in totals
        assert "Converted" not in totals and "1,000.00 EUR" in totals and "10,000.00 HUF" in totals
        assert row_of(app, "C-EUR").split()[-4:] == ["1,000.00", "EUR", "no", "rate"]  # listed, not dropped
        assert row_of(app, "C-RON").split()[-2:] == ["1,000.00", "RON"]
        assert "?" in chart_text(app) and "no rate: no total" in chart_text(app)

        await pilot.press("r")
        form = app.screen
        assert isinstance(form, RateForm)
        assert [form.query_one(f"#rate-{f}").value for f in ("date", "base", "currency", "rate")] == [
            "2026-12-06", "RON", "EUR", ""]
        await pilot.press(*"0", "enter")
        await pilot.pause()
        assert app.screen is form and "a rate must be more than 0" in text_of(app, "#rate-error-rate")
        await pilot.press("ctrl+u", *"4.975", "enter")
        await settle(app, pilot)
        assert [(r.on, r.base, r.currency, r.rate, r.source) for r in RateRepository(Store(db)).all()] == [
            (TODAY, "RON", "EUR", D("4.975"), "typed")]
        assert row_of(app, "C-EUR").split()[-4:] == ["1,000.00", "EUR", "4,975.00", "RON"]
        assert "no rate into RON for HUF, USD" in text_of(app, "#budget-totals")


async def test_e_edits_the_rate_of_the_highlighted_payment_and_refuses_a_day_after_today(rated_db: Path) -> None:
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)
        await put_cursor_on(app, pilot, "C-EUR")
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, RateForm)
        assert [form.query_one(f"#rate-{f}").value for f in ("date", "base", "currency", "rate")] == [
            "2026-12-04", "RON", "EUR", "4.975"]
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "ctrl+u", *"2026-12-07", "ctrl+s")
        await pilot.pause()
        assert app.screen is form and "2026-12-07 is after today" in text_of(app, "#rate-error-date")
        await pilot.press("ctrl+u", *"2026-12-04", "tab", "tab", "tab", "ctrl+u", *"5", "ctrl+s")
        await settle(app, pilot)
        stored = RateRepository(Store(rated_db)).all()
        assert len(stored) == 3  # replaced, not added
        assert [(r.on, r.rate, r.source) for r in stored if r.currency == "EUR"] == [(date(2026, 12, 4), D("5"),
                                                                                     "typed")]
        assert row_of(app, "C-EUR").split()[-2:] == ["5,000.00", "RON"]
        await put_cursor_on(app, pilot, "C-RON")
        await pilot.press("e")  # a payment in the budget's own currency needs no rate
        await pilot.pause()
        assert not isinstance(app.screen, RateForm)


async def test_enter_on_a_payment_jumps_to_its_contract_or_its_renewal(rated_db: Path) -> None:
    store = Store(rated_db)
    RenewalRepository(store).save(new_renewal(["C-USD"], TODAY, to=date(2028, 7, 1)), TODAY)
    store.close()
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)
        assert row_of(app, "R-0001").split()[:5] == ["2027-07-01", "R-0001", "Proxy", "open", "renewal"]
        await put_cursor_on(app, pilot, "C-HUF")
        await pilot.press("enter")
        await settle(app, pilot)
        overview = app.query_one(OverviewPane)
        assert app.active_tab == "overview" and overview.current().id == "C-HUF"
        await pilot.press("5")
        await settle(app, pilot)
        await put_cursor_on(app, pilot, "R-0001")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.active_tab == "renewal" and app.query_one("#renewal-pane").current().id == "R-0001"


async def test_v_shows_what_completed_renewals_cost_by_year(rated_db: Path) -> None:
    store_completed_renewal(rated_db)
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_tab(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        assert text_of(app, "#budget-settings").startswith("Spend of every completed renewal, by year")
        assert header(app, "#budget-events")[:2] == ["Date", "Renewal"]
        assert rows(app)[0].split() == ["2026-03-02", "R-0001", "Backup", "Exec", "estimate", "753.42", "RON",
                                        "753.42", "RON"]
        assert [(g.key, g.converted) for g in pane.summary.groups] == [("2026", D("753.42"))]
        assert "█ RON per year" in chart_text(app) and "2026" in chart_text(app)
        await pilot.press("right_square_bracket", "g")  # the spend is every year's, by year: no period keys
        assert [(g.key, g.converted) for g in pane.summary.groups] == [("2026", D("753.42"))]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.active_tab == "renewal" and app.query_one("#renewal-pane").current().id == "R-0001"
        await pilot.press("5", "v")
        await settle(app, pilot)
        assert text_of(app, "#budget-settings").startswith("2026-12-06 – 2027-12-05 · 12 months")


async def test_a_rate_imported_elsewhere_shows_after_the_poll(db: Path, tmp_path: Path, no_automatic_poll) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)
        assert "No converted total" in text_of(app, "#budget-totals")
        path = tmp_path / "nbrfxrates.xml"
        path.write_text(BNR_DAY, encoding="utf-8")
        other = Store(db)  # another terminal: renewals import rates
        RateRepository(other).save_many(plan_rate_import(path, {}, today=TODAY, name=path.name).new)
        other.close()
        app.poll_store()
        await settle(app, pilot)
        assert "Converted: 6,530.55 RON" in text_of(app, "#budget-totals")


async def test_the_palette_opens_the_budget(rated_db: Path) -> None:
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Budget")
        palette = app.screen
        await wait_until(pilot, lambda: "Budget" in str(palette.query_one(CommandList).get_option_at_index(0).prompt))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.active_tab == "budget")
        await settle(app, pilot)
        assert "Converted: 6,530.55 RON" in text_of(app, "#budget-totals")


@pytest.mark.parametrize("theme,no_color", [("ansi-dark", False), ("textual-dark", True)])
async def test_the_tab_at_80x24_in_16_colours_and_without_colour(
        db: Path, monkeypatch: pytest.MonkeyPatch, theme: str, no_color: bool) -> None:
    save_settings(db, theme=theme)
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(db, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(app, pilot)
        assert (app.theme, app.no_color) == (theme, no_color)
        text = shown(app)
        assert "2026-12-06 – 2027-12-05 · 12 months · by month · rise 0 % · in RON" in text
        assert "█ RON per month" in text and "? no rate: no total" in text  # glyphs, not colours
        assert "No converted total: no rate into RON for EUR, HUF, USD (r adds one)" in text_of(app, "#budget-totals")
        assert "for EUR, HUF, USD (r adds one)" in text  # on screen, not cut off below the panel
        assert "no rate" in " ".join(row_of(app, "C-EUR").split())
        assert header(app, "#budget-events")[:2] == ["Date", "Contract"]
        for key, description in (("[]yp", "Period"), ("g", "Group"), ("v", "Spend"), ("⏎", "Go to"),
                                 ("re", "Rate"), ("^q", "Quit"), ("f1", "Help")):
            assert_key_shown(app, key, description)
        if theme.startswith("ansi-"):
            assert screen_colours(app) <= {"DEFAULT", "STANDARD"}


async def test_the_tab_and_the_rate_form_follow_the_date_and_number_formats(rated_db: Path) -> None:
    save_settings(rated_db, date_format="ro", number_format="ro")
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)
        assert text_of(app, "#budget-settings").startswith("06.12.2026 – 05.12.2027 · 12 months")
        assert row_of(app, "C-EUR").split()[0] == "01.05.2027"
        assert row_of(app, "C-EUR").split()[-4:] == ["1.000,00", "EUR", "4.975,00", "RON"]
        assert "1 HUF = 0,012345 RON · 04.12.2026 BNR" in text_of(app, "#budget-totals")
        await put_cursor_on(app, pilot, "C-EUR")
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, RateForm) and form.query_one("#rate-rate").value == "4,975"
        assert form.query_one("#rate-date").value == "04.12.2026"
        await pilot.press("ctrl+u", *"4,98", "enter")
        await settle(app, pilot)
        assert row_of(app, "C-EUR").split()[-2:] == ["4.980,00", "RON"]


async def test_a_rate_the_file_refuses_keeps_the_form_open_with_what_was_typed(rated_db: Path) -> None:
    app = create_app(rated_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(app, pilot)
        before = rated_db.read_bytes()
        app.store.storage.read_only = True  # what the store finds for a file it may not write (root may)
        await pilot.press("r", *"4.99", "enter")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RateForm) and form.query_one("#rate-rate").value == "4.99"
        assert rated_db.read_bytes() == before
        app.store.storage.read_only = False
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, RateForm)
        assert [r.rate for r in RateRepository(Store(rated_db)).all() if r.currency == "EUR"] == [D("4.975"), D("4.99")]
