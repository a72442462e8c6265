"""80×24, 16 colours and NO_COLOR: every tab and wizard step shows what matters whole, keys included.

"Shown" here is what the terminal gets: the active screen as Textual composes it,
line by line, after the start-up notification has been cleared.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Footer, Input
from textual.widget import Widget

from tests.conftest import TODAY
from tests.ui.renewal_helpers import make_renewal_db, start_renewal, wizard
from tui.domain.settings import Settings
from tui.store.file.database import Store
from tui.store.settings import SettingsRepository
from tui.ui.app import create_app
from tui.ui.dialogs.help_screen import HelpScreen
from tui.ui.renewal.summary import CompletionSummary
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.virtual_table import VirtualTable

SIZE = (80, 24)


async def settle(app, pilot) -> None:
    """Let work finish, clear the notifications, and wait for the Footer to be rebuilt and laid out."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.clear_notifications()
    for _attempt in range(50):
        await pilot.pause()
        keys = app.screen.query(KeysFooter)
        if keys and keys.first().keys_shown.strip():
            return
        footer = app.screen.query(Footer)
        if not keys and (not footer or all(item.region.width for item in footer_items(footer.first()))):
            return
    raise AssertionError("the Footer was not rebuilt and laid out after 50 pauses")


def footer_items(footer: Footer) -> list[Widget]:
    """The keys and labels the Footer shows (it may keep hidden ones from before)."""
    def showing(item: Widget) -> bool:
        node = item
        while node is not footer:
            if not node.display:
                return False
            node = node.parent
        return True

    return [item for item in footer.query("FooterKey, FooterLabel") if showing(item)]


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def shown(app) -> str:
    return "\n".join(screen_lines(app))


def header(app, selector: str) -> list[str]:
    """The column titles a table shows, as words."""
    return app.screen.query_one(selector, VirtualTable).render_line(0).text.split()


def footer_keys(app) -> str:
    """The Footer's line; fails if a key or its description runs under the palette key or off the screen."""
    keys = app.screen.query(KeysFooter)
    if keys:  # one widget that leaves out whole the keys that do not fit (tests/ui/test_footer.py)
        return screen_lines(app)[keys.first().region.y]
    footer = app.screen.query_one(Footer)
    items = footer_items(footer)
    palette = [key for key in items if key.has_class("-command-palette")]
    limit = palette[0].region.x if palette else app.size.width
    for item in items:
        if item not in palette:
            assert item.region.width and item.region.right <= limit, f"cut off: {item.render()!s}"
    return screen_lines(app)[footer.region.y]


def assert_key_shown(app, key: str, description: str) -> None:
    line = footer_keys(app)
    assert f"{key} {description}" in line, line


# -- the four tabs -----------------------------------------------------------------


async def test_overview_at_80x24_stacks_the_detail_and_keeps_columns_status_and_keys(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert header(app, "#overview-table") == ["Contract", "Product", "Lic.", "End", "Days", "Status",
                                                  "Annual", "cost"]
        text = shown(app)
        assert "2 expired · due ≤30d 2 · ≤60d 3 · ≤90d 5 · yearly 37,980.00 EUR  54,275.00 RON" in text
        assert "SEP-2021-0417 Endpoint Protect…   250 2026-10-18   -40 EXPIRED   23,750.00 RON" in text
        assert " DUE " in text and " ACTIVE " in text
        table, detail = app.query_one("#overview-table"), app.query_one("#overview-detail")
        assert detail.region.y >= table.region.bottom and detail.region.x == table.region.x  # stacked
        assert "EXPIRED · ended 40 days ago" in text
        assert "Partner: Zorvanta Systems SRL" in str(detail.render())  # a name, so not labelled "Partner id"
        for key, description in (("space", "Mark"), ("aed", "Contract"), ("n", "Renew"), ("^q", "Quit"),
                                 ("f1", "Help"), ("^p", "palette")):
            assert_key_shown(app, key, description)


async def test_renewal_tab_at_80x24_lists_a_draft_with_its_status_and_step(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("escape")  # the draft is kept
        await settle(app, pilot)
        assert header(app, "#renewal-table")[:5] == ["Renewal", "Status", "Step", "Contracts", "T"]
        text = shown(app)
        assert "1 open · 0 completed · 0 cancelled" in text
        row = next(line for line in screen_lines(app) if line.startswith("R-0001"))
        assert row.split()[:4] == ["R-0001", "draft", "1", "Contracts"] and "2028-02-20" in row
        for key, description in (("n", "New renewal"), ("⏎", "Open"), ("c", "Cancel renewal"), ("^q", "Quit"),
                                 ("f1", "Help")):
            assert_key_shown(app, key, description)


async def test_forecast_at_80x24_keeps_the_gap_warning_and_switches_between_chart_numbers_samples(
        demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(app, pilot)
        assert header(app, "#forecast-products") == ["Product", "Owned", "Then", "Forecast", "Rec.",
                                                     "Buy/surplus", "Compliance"]  # Peak gives way first
        text = shown(app)
        assert "horizon: +12 months (2027-11-27) · method: auto · headroom: 15 %" in text
        assert "⚠ GAP 9" in text and "⚠ COMPLIANCE GAP: 18 in use but only 9 owned today (9 over)" in text
        assert "█ usage (monthly peak)   • forecast   ░ 95 % band   ━ owned" in text  # the chart's legend
        for key, description in (("-+c", "Horizon"), ("m", "Method"), ("h", "Headroom"), ("v", "View"),
                                 ("aed", "Sample"), ("^q", "Quit"), ("f1", "Help")):
            assert_key_shown(app, key, description)
        # One of chart / numbers / samples at a time below the product list (v cycles them).
        await pilot.press("v")
        await settle(app, pilot)
        assert "usage (monthly peak)" not in shown(app)
        assert header(app, "#forecast-months")[:3] == ["Month", "In", "use"]
        await pilot.press("v")
        await settle(app, pilot)
        assert header(app, "#forecast-samples") == ["Sample", "date", "In", "use"]
        assert "Sample date" in shown(app) and "Month " not in shown(app)


async def test_partners_at_80x24_stacks_the_detail_and_keeps_the_filter_keys(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(app, pilot)
        assert header(app, "#partners-table") == ["Partner", "Tier", "Type", "City", "CC"]
        text = shown(app)
        assert "/ search: name, city, country, specialisation" in text and "239/239" in text
        assert "Filters: c country · t tier · y type · s specialisation · n near a city" in text
        table, detail = app.query_one("#partners-table"), app.query_one("#partners-detail-box")
        assert detail.region.y >= table.region.bottom and detail.region.x == table.region.x  # stacked
        assert "Bassesta Trade SRL" in screen_lines(app)[detail.region.y + 1]
        for key, description in (("ctysn", "Filter"), ("u", "Set partner"), ("aed", "Partner"), ("^q", "Quit"),
                                 ("f1", "Help")):
            assert_key_shown(app, key, description)


# -- the wizard ----------------------------------------------------------------------


def assert_step(app, n: int, title: str, *keys: tuple[str, str]) -> None:
    lines = screen_lines(app)
    assert wizard(app).step == n
    assert "1 Contracts › 2 Proof › 3 Growth › 4 Partner › 5 Order" in lines[0]
    assert lines[1].strip() == f"Step {n} of 5: {title}"
    for key, description in keys:
        assert_key_shown(app, key, description)


async def test_every_wizard_step_and_the_summary_fit_80x24(tmp_path: Path) -> None:
    app = create_app(make_renewal_db(tmp_path), TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        assert_step(app, 1, "Which contracts", ("^n", "Next"), ("space", "Select"), ("esc", "Close"))
        assert header(app, "#coterm-table") == ["✓", "Contract", "Product", "Lic.", "End", "To", "T", "Amount",
                                                "Reinst."]
        assert "2 selected of 3" in shown(app)

        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert_step(app, 2, "Proof of purchase", ("^b", "Back"), ("^n", "Next"), ("⏎", "Edit proof"))
        assert header(app, "#proof-table")[-1] == "Missing"
        assert "✗ purchase date" in shown(app)  # missing proof is said in words, not only in red

        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert_step(app, 3, "Growth", ("^b", "Back"), ("^n", "Next"), ("esc", "Close"))
        assert header(app, "#growth-products")[:3] == ["Product", "Owned", "Fcst@T"]
        assert "Buy/surplus" in header(app, "#growth-products")

        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert_step(app, 4, "Partner and quote request", ("^b", "Back"), ("^n", "Next"), ("p", "Partner"),
                    ("w", "Write file"))
        assert "Partner: Zorvanta Systems SRL (p0001)" in shown(app)

        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert_step(app, 5, "Order confirmation", ("^b", "Back"), ("^n", "Complete…"), ("a", "Same for all"))
        assert header(app, "#confirm-table")[:4] == ["Contract", "Cert.", "now", "New"]
        assert "✗ 2 certificates missing · order /" in shown(app)

        await pilot.press("ctrl+n")
        await settle(app, pilot)
        message = app.screen.query_one("#wizard-message")
        assert message.display and "Before completing:" in str(message.render())
        await pilot.press("a", *"LC-NEW", "enter")
        await settle(app, pilot)
        await pilot.press("tab", *"PO-1", "tab", *"2026-11-27")
        await settle(app, pilot)
        assert "✓ Ready" in shown(app) and not message.display  # the complaint went with its cause
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert isinstance(app.screen, CompletionSummary)
        text = shown(app)
        assert "Complete renewal R-0001? These changes will be saved:" in text
        assert "Partner: Zorvanta Systems SRL (p0001)" in text
        assert_key_shown(app, "y", "Apply")
        assert_key_shown(app, "n", "Back")


# -- help and palette everywhere -------------------------------------------------------


async def open_and_close_help_and_palette(app, pilot, where: str) -> None:
    underneath = app.screen
    for key in ("f1", "question_mark"):
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen), f"{key} from {where}"
        await pilot.press(key)  # the same key closes it again
        await pilot.pause()
        assert app.screen is underneath, f"{key} from {where}"
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette), f"palette from {where}"
    await pilot.press("escape")
    await pilot.pause()
    assert app.screen is underneath


async def test_help_and_palette_open_from_every_tab_and_the_wizard(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for tab in "12345":
            await pilot.press(tab)
            await pilot.pause()
            await open_and_close_help_and_palette(app, pilot, f"tab {tab}")
        await start_renewal(app, pilot)
        await pilot.press("t", "ctrl+n")
        await pilot.pause()
        assert wizard(app).step == 2
        await open_and_close_help_and_palette(app, pilot, "the wizard")
        assert wizard(app).step == 2


async def test_a_question_mark_typed_into_a_text_field_stays_text(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "question_mark")
        await pilot.pause()
        assert app.query_one("#overview-filter", Input).value == "?"
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")  # F1 still helps from a text field
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_help_prints_the_keys_as_they_are_pressed(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        lines = [line.strip() for line in str(app.screen.query_one("#help-text").render()).splitlines()]
        keys = {line.split("  ")[0] for line in lines if "  " in line}
        assert {"f1, ?", "^q", "^p", "/", "-", "+, =", "e, ⏎", "d, del", "space", "^n, pgdn"} <= keys, keys
        text = "\n".join(lines)
        assert "^n, pgdn       Next step" in text and " / Complete…: " in text and "⏎, e           Edit proof: " in text  # the wizard's
        for raw in ("question_mark", "minus", "plus", "equals_sign", "slash", "ctrl+"):
            assert raw not in text


async def test_ctrl_q_quits_from_inside_the_wizard(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        wizard(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


# -- 16 colours and NO_COLOR -------------------------------------------------------------


@pytest.mark.parametrize("theme,no_color", [("ansi-dark", False), ("ansi-light", False), ("textual-dark", True)])
async def test_status_is_spelled_out_in_16_colours_and_without_colour(
        demo_db: Path, today, monkeypatch: pytest.MonkeyPatch, theme: str, no_color: bool) -> None:
    SettingsRepository(Store(demo_db)).save(replace(Settings(), theme=theme))
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert (app.theme, app.no_color) == (theme, no_color)
        colours = set()
        overview = shown(app)
        assert " EXPIRED " in overview and " DUE " in overview
        colours |= screen_colours(app)
        await pilot.press("3")
        await settle(app, pilot)
        assert "⚠ GAP 9" in shown(app) and "⚠ COMPLIANCE GAP" in shown(app)
        colours |= screen_colours(app)
        await start_renewal(app, pilot)
        await pilot.press("t", "ctrl+n")
        await settle(app, pilot)
        assert "✗ purchase date" in shown(app)  # missing proof of purchase
        colours |= screen_colours(app)
        if theme.startswith("ansi-"):  # nothing a 16-colour terminal would have to approximate
            assert colours <= {"DEFAULT", "STANDARD"}, colours


def screen_colours(app) -> set[str]:
    return {colour.type.name for strip in app.screen._compositor.render_strips() for segment in strip
            if segment.style for colour in (segment.style.color, segment.style.bgcolor) if colour is not None}


async def test_the_proof_checklist_and_the_focused_field_show_without_colour(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under NO_COLOR the colours are dropped on output: ticks and focus must be text or text style."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(make_renewal_db(tmp_path), TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("t", "ctrl+n")
        await pilot.pause()
        await pilot.press("enter")  # A-1's proof of purchase
        await settle(app, pilot)
        focused = app.screen.focused
        assert isinstance(focused, Input)
        assert focused.value == "LC-A"
        x, inside = 0, []
        for segment in app.screen._compositor.render_strips()[focused.region.y]:
            if focused.region.x <= x < focused.region.right and segment.text.strip():
                inside.append(segment)
            x += segment.cell_length
        assert inside and all(s.style.underline for s in inside), inside
        for _field in range(3):
            await pilot.press("tab")
        await pilot.press("space", "down", "down", "space")  # tick the first and the third item
        await pilot.pause()
        text = shown(app)
        assert "[x] licence certificate at hand" in text
        assert "[ ] order / PO document at hand" in text
        assert "[x] agreement / site / account ID noted" in text
