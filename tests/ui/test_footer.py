"""The one-widget Footer: the line Textual's Footer shows, whole keys only, and keys that click."""

from __future__ import annotations

from pathlib import Path

from tui.ui.app import create_app
from tui.ui.contract_form import ContractForm
from tui.ui.help_screen import HelpScreen
from tui.ui.widgets.footer import KeysFooter


def footer_line(app) -> str:
    footer = app.screen.query_one(KeysFooter)
    return app.screen._compositor.render_strips()[footer.region.y].text


async def test_the_line_is_what_textuals_compact_footer_showed(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = footer_line(app)
        # Textual's Footer(compact=True) showed exactly this (key widgets, group label, palette docked right)
        assert line == "space Mark f Show  aed Contract i Import n Renew ^q Quit f1 Help    ▏^p palette "
        await pilot.press("slash")  # in the filter only the app's keys work
        await pilot.pause()
        assert footer_line(app).startswith("^q Quit f1 Help ") and footer_line(app).endswith("▏^p palette ")


async def test_keys_that_do_not_fit_are_left_out_whole(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        line = footer_line(app)
        assert line.startswith(" -+c Horizon m Method h Headroom v View ")
        assert "Sam" not in line  # Textual's Footer cut "aed Sample" to "aed Sam" under the palette key
        assert line.endswith("▏^p palette ") and len(line) == 60


async def test_clicking_a_key_presses_it_and_hovering_shows_what_it_does(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        line = footer_line(app)
        await pilot.hover(KeysFooter, offset=(line.index("aed") + 1, 0))  # the "e" of the Contract group
        assert footer.tooltip == "Edit the highlighted contract"
        await pilot.click(KeysFooter, offset=(line.index("aed"), 0))  # "a": add a contract
        await pilot.pause()
        assert isinstance(app.screen, ContractForm)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click(KeysFooter, offset=(line.index("Help"), 0))  # a description clicks too
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
