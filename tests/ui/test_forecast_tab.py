"""Pilot tests of the Forecast tab: the keys a user presses, what they see, what gets saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.domain.usage import UsageSample
from tui.store.file.database import Store
from tui.store.usage import UsageRepository
from tui.ui.app import create_app
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.forecast.pane import ForecastPane
from tui.ui.forecast.chart import ForecastChart
from tui.ui.forecast.usage_form import UsageForm
from tui.ui.widgets.virtual_table import VirtualTable

SIZE = (120, 40)


def text_of(app, selector: str) -> str:
    return str(app.query_one(selector).render())


def table_lines(app, selector: str) -> list[str]:
    table = app.query_one(selector, VirtualTable)
    return [table.render_line(y).text for y in range(table.size.height)]


def chart_text(app) -> str:
    chart = app.query_one(ForecastChart)
    return "\n".join(chart.render_line(y).text for y in range(chart.size.height))


async def open_tab(pilot) -> ForecastPane:
    await pilot.press("3")
    await pilot.pause()
    return pilot.app.query_one(ForecastPane)


async def test_the_list_shows_each_product_with_the_gap_said_in_words(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_tab(pilot)
        assert app.focused is app.query_one("#forecast-products")
        lines = table_lines(app, "#forecast-products")
        assert lines[0].split()[:4] == ["Product", "Owned", "Then", "Peak"]
        wss = next(line for line in lines if line.startswith("Web Security Service"))
        assert wss.split()[3] == "510" and wss.split()[5] == "531" and "⚠ GAP 21" in wss
        proxy = next(line for line in lines if line.startswith("ProxySG"))
        assert "GAP" not in proxy and "ok" in proxy
        assert text_of(app, "#forecast-settings").startswith(
            "horizon: +12 months (2027-11-27) · method: auto · headroom: 15 % · buy/surplus = recommended − owned then")
        assert pane.current_product() == "Backup Exec"
        assert "COMPLIANCE GAP: 18 in use but only 9 owned today (9 over)" in text_of(app, "#forecast-warning")


async def test_moving_through_products_redraws_heading_chart_and_numbers(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_tab(pilot)
        await pilot.press("down", "down", "down")
        assert pane.current_product() == "Data Loss Prevention"
        assert text_of(app, "#forecast-heading").startswith(
            "Data Loss Prevention · on 2027-11-27: recommended 306, owned then 40 → buy 266 (owned now 240)")
        dlp = next(line for line in table_lines(app, "#forecast-products") if line.startswith("Data Loss"))
        assert dlp.split()[3:5] == ["240", "40"] and "buy 266" in dlp  # owned now, owned then
        assert text_of(app, "#forecast-warning") == ""
        chart = chart_text(app)
        assert "█" in chart and "•" in chart and "━" in chart and "95 % band" in chart
        months = table_lines(app, "#forecast-months")
        assert any(line.startswith("2026-11") and "≈" in line for line in months)
        newest = UsageRepository(Store(demo_db)).samples("Data Loss Prevention")[-1]
        assert table_lines(app, "#forecast-samples")[1].split() == [newest.on.isoformat(), str(newest.in_use)]
        await pilot.press("end")
        assert pane.current_product() == "Web Security Service"
        assert "COMPLIANCE GAP" in text_of(app, "#forecast-warning")


async def test_horizon_keys_move_it_by_months_or_to_the_contract_end(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("plus", "plus")
        assert text_of(app, "#forecast-settings").startswith("horizon: +14 months (2028-01-27)")
        assert "· on 2028-01-27:" in text_of(app, "#forecast-heading")
        await pilot.press("minus", "minus", "minus")
        assert text_of(app, "#forecast-settings").startswith("horizon: +11 months (2027-10-27)")
        await pilot.press("c")
        assert text_of(app, "#forecast-settings").startswith("horizon: each product's contract end")
        assert "· on 2028-08-28:" in text_of(app, "#forecast-heading")  # Backup Exec's last contract end
        await pilot.press("c")
        assert text_of(app, "#forecast-settings").startswith("horizon: +11 months")


async def test_method_cycles_and_headroom_is_asked_for_and_applied(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_tab(pilot)
        await pilot.press("m")
        assert "method: linear" in text_of(app, "#forecast-settings")
        assert "linear (requested): back-test error" in text_of(app, "#forecast-heading")
        await pilot.press("m", "m")
        assert "method: headroom · headroom: 15 %" in text_of(app, "#forecast-settings")
        await pilot.press("h", "ctrl+a", "ctrl+k", *"abc", "enter")
        assert "not a number" in text_of(app.screen, "#headroom-error")
        await pilot.press("ctrl+a", "ctrl+k", *"50", "enter")
        await pilot.pause()
        assert "headroom: 50 %" in text_of(app, "#forecast-settings")
        row = pane.current_row()
        assert row.plan.recommendation.recommended == 29  # Backup Exec: peak of the last 12 months 19 × 1.5 = 28.5
        assert "recommended 29" in text_of(app, "#forecast-heading")
        await pilot.press("m")
        assert "method: auto" in text_of(app, "#forecast-settings")


async def test_adding_a_sample_validates_then_saves_it_and_the_forecast_uses_it(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_tab(pilot)
        await pilot.press("end", "a")
        assert isinstance(app.screen, UsageForm)
        await pilot.press(*"-5", "enter")
        assert isinstance(app.screen, UsageForm)
        assert "must not be negative" in text_of(app.screen, "#usage-error-in_use")
        await pilot.press("backspace", "backspace", *"560", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, UsageForm)
        saved = UsageRepository(Store(demo_db)).get("Web Security Service", today)
        assert saved == UsageSample("Web Security Service", today, 560)
        assert table_lines(app, "#forecast-samples")[1].split() == ["2026-11-27", "560"]
        assert pane.current_row().latest_peak == 560
        assert "COMPLIANCE GAP: 560 in use but only 510 owned today (50 over)" in text_of(app, "#forecast-warning")


async def test_a_day_that_already_has_a_sample_is_refused_in_the_form(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("a")
        app.screen.query_one("#usage-date").value = "2026-10-23"
        await pilot.press(*"1", "ctrl+s")
        assert "already has a sample on this day" in text_of(app.screen, "#usage-error-date")


async def test_edit_and_delete_act_on_the_highlighted_sample_and_delete_asks_first(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        latest = UsageRepository(Store(demo_db)).samples("Backup Exec")[-1]
        await pilot.press("e")
        assert isinstance(app.screen, UsageForm)
        await pilot.press("ctrl+a", "ctrl+k", *"25", "ctrl+s")
        await pilot.pause()
        assert UsageRepository(Store(demo_db)).get("Backup Exec", latest.on).in_use == 25
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert UsageRepository(Store(demo_db)).get("Backup Exec", latest.on) is not None
        await pilot.press("tab", "tab", "down", "d", "y")  # to the samples table (past the months), one older
        await pilot.pause()
        stored = UsageRepository(Store(demo_db)).samples("Backup Exec")
        assert stored[-1].on == latest.on and len(stored) == 109


async def test_usable_at_80x24_where_v_switches_chart_numbers_and_samples(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_tab(pilot)
        chart, months = app.query_one(ForecastChart), app.query_one("#forecast-months")
        assert chart.region.height >= 8 and chart.region.width >= 76 and months.region.height == 0
        assert "usage (monthly peak)" in chart_text(app)
        header = table_lines(app, "#forecast-products")[0]
        for label in ("Product", "Owned", "Then", "Forecast", "Rec.", "Buy/surplus", "Compliance"):
            assert label in header
        assert "Peak" not in header  # the first column to give way (the chart shows it)
        await pilot.press("v")
        assert pane.view == "numbers" and months.region.height >= 8 and chart.region.height == 0
        await pilot.press("down")
        assert pane.current_product() == "Control Compliance Suite"  # the list keeps the keys
        await pilot.press("v")
        assert app.query_one("#forecast-samples").region.height >= 8
        await pilot.press("v")
        assert pane.view == "chart" and chart.region.height >= 8


async def test_a_sample_written_by_another_process_shows_up(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_tab(pilot)
        UsageRepository(Store(demo_db)).add(UsageSample("Backup Exec", date(2026, 11, 2), 40))
        app.poll_store()
        await pilot.pause()
        assert pane.current_row().latest_peak == 40
        assert table_lines(app, "#forecast-samples")[1].split() == ["2026-11-02", "40"]


async def test_no_forecast_for_a_past_contract_end_and_old_usage_is_said(demo_db: Path) -> None:
    later = date(2027, 6, 1)  # Mail Security's contracts all ended on 2027-05-06; the usage ends in October 2026
    app = create_app(demo_db, later)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_tab(pilot)
        assert "⚠ usage data is 7 months old (newest sample 2026-10-" in text_of(app, "#forecast-warning")
        await pilot.press("c")
        for _step in range(pane.data.products.index("Mail Security for Exchange")):
            await pilot.press("down")
        assert pane.current_product() == "Mail Security for Exchange"
        heading = text_of(app, "#forecast-heading")
        assert "latest contract ended on 2027-05-06: no forecast for a past date" in heading
        row = next(line for line in table_lines(app, "#forecast-products") if line.startswith("Mail Security"))
        assert "n/a" in row and "buy" not in row and "surplus" not in row
        assert "No chart" in chart_text(app)
