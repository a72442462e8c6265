"""Only the Overview is built at start-up; every other tab is built when it is first wanted.

Start-up then imports and mounts one tab instead of four (see tui/ui/tabs.py). These tests hold
back the build that normally follows the first paint, and check that every way into a tab that
was not built yet still works: its number key, a mouse click, the palette, `n` in the Overview,
resuming a draft and the help.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from textual.command import CommandList

from tests.ui.test_app_chrome import wait_until
from tests.ui.waiting import wait_for
from tui.ui.app import create_app
from tui.ui.dialogs.help_screen import HelpScreen
from tui.ui.renewal.wizard import RenewalWizard

SIZE = (120, 40)
ROOT = Path(__file__).resolve().parents[2]


def built(app) -> set[str]:
    return {pane.id for pane in app.query(".data-pane")}


def test_opening_the_app_module_does_not_import_the_other_tabs() -> None:
    code = ("import sys, tui.ui.app; print(sorted(m for m in sys.modules if m.startswith("
            "('tui.ui.forecast', 'tui.ui.partners', 'tui.ui.renewal.pane', 'tui.ui.renewal.wizard', "
            "'tui.domain.forecast', 'tui.domain.partner_search', 'tui.ui.budget', 'tui.domain.budget'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.app_timers
async def test_the_other_tabs_are_built_after_the_first_paint(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_for(app.tabs_built.is_set, "the background build of the other tabs", pilot=pilot)
        assert built(app) == {"overview-pane", "renewal-pane", "forecast-pane", "partners-pane", "budget-pane"}


async def test_tabs_built_in_the_background_are_sized_while_hidden_and_leave_the_focus_alone(
        demo_db: Path, today) -> None:
    """Their first visit then lays the screen out once, like any later one (tui/ui/app.py)."""
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.build_other_tabs()  # what the app's timer starts half a second after the first paint
        if app.screen.is_modal:  # "resume the draft?"
            await pilot.press("n")
        await pilot.pause()
        assert app.active_tab == "overview" and app.focused is app.query_one("#overview-table")
        for tab, table in (("renewal", "#renewal-summary"), ("forecast", "#forecast-products"),
                           ("partners", "#partners-table"), ("budget", "#budget-events")):
            assert not app.tabs.get_child_by_id(tab).display  # never shown
            widget = app.query_one(table)
            assert widget.outer_size.width > 0 and widget.outer_size.height > 0, table
        await pilot.press("4")
        await pilot.pause()
        assert app.query_one("#partners-table").size.height > 0


@pytest.mark.usefixtures("no_background_build")
async def test_a_number_key_builds_its_tab_and_focuses_it(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert built(app) == {"overview-pane"}
        await pilot.press("3")
        await pilot.pause()
        assert built(app) == {"overview-pane", "forecast-pane"}
        assert app.active_tab == "forecast"
        assert app.focused is not None and app.query_one("#forecast-pane") in app.focused.ancestors
        await pilot.press("1", "3")  # built once: going back shows the same pane
        await pilot.pause()
        assert len(app.query("#forecast-pane")) == 1


@pytest.mark.usefixtures("no_background_build")
async def test_a_clicked_tab_is_built(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = app.screen._compositor.render_strips()[0].text
        await pilot.click("#tab-bar", offset=(titles.index("4 Partners") + 2, 0))
        await pilot.pause()
        assert "partners-pane" in built(app)
        assert app.active_tab == "partners"
        assert app.focused is not None and app.query_one("#partners-pane") in app.focused.ancestors
        underline = app.screen._compositor.render_strips()[1].text
        assert underline.index("╸") == titles.index("4 Partners") - 1  # the line is under the title


@pytest.mark.usefixtures("no_background_build")
async def test_the_palette_jumps_to_a_partner_in_a_tab_not_built_yet(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Quelmira Secure")
        palette = app.screen
        await wait_until(pilot, lambda: "Quelmira" in str(palette.query_one(CommandList).get_option_at_index(0).prompt))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.query_one("#partners-pane").current().id == "p0002")
        assert app.active_tab == "partners"


@pytest.mark.usefixtures("no_background_build")
async def test_n_in_the_overview_starts_a_renewal_before_the_renewal_tab_is_built(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if app.screen.is_modal:  # the demo has a draft: "resume it?" — not now
            await pilot.press("n")
            await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RenewalWizard)
        assert "renewal-pane" in built(app)


@pytest.mark.usefixtures("no_background_build")
async def test_help_lists_the_keys_of_tabs_not_built_yet(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        text = str(app.screen.query_one("#help-text").render())
        assert isinstance(app.screen, HelpScreen)
        for title in ("1 Overview", "2 Renewal", "3 Forecast", "4 Partners", "5 Budget"):
            assert title in text
        assert "New renewal" in text and "Cancel renewal" in text  # the Renewal tab's own keys
        assert "Add an exchange rate" in text  # the Budget tab's
        assert built(app) == {"overview-pane"}


@pytest.mark.usefixtures("no_background_build")
async def test_a_change_on_disk_while_a_tab_is_being_built_is_shown_in_it(demo_db: Path, today) -> None:
    """The poll can find a change between a tab's pane entering the screen and its first load."""
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        building = asyncio.ensure_future(app.tab_content("renewal"))
        await wait_for(lambda: app.query("#renewal-pane"), "the Renewal pane to enter the screen",
                       every=0)  # one turn of the loop at a time: before the pane's first load
        app.data_changed()  # what the poll does when the file changed
        await building
        await pilot.pause()
        pane = app.query_one("#renewal-pane")
        assert pane.rows or str(pane.query_one("#renewal-empty").render()).strip()  # loaded, not failed



@pytest.mark.usefixtures("no_background_build")
async def test_a_tab_built_just_as_the_app_quits_does_not_crash_it(
        demo_db: Path, today, monkeypatch: pytest.MonkeyPatch) -> None:
    """The background build can be mounting a tab's pane when quitting begins; Textual then composes
    nothing into it (found as a rare failure in CI)."""
    from tui.ui.renewal.pane import RenewalPane

    composed = RenewalPane.compose

    def compose_while_quitting(self):
        self.app.exit()
        yield from composed(self)

    monkeypatch.setattr(RenewalPane, "compose", compose_while_quitting)
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.tab_content("renewal")
        await app.build_other_tabs()  # quitting: builds nothing more
    assert app.return_code == 0


@pytest.mark.parametrize("tab", ["forecast", "partners", "budget"])
async def test_the_background_build_and_a_first_visit_at_once_build_the_tab_once(
        demo_db: Path, today, tab: str) -> None:
    """The background build (`prepare`) and a tab opened at that moment (`on_show`) both ask for the
    widgets: they were mounted twice (DuplicateIds), which brought the app down."""
    app = create_app(demo_db, today)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = await app.tab_content(tab)
        await asyncio.gather(pane.prepare(), pane.prepare())
        await pilot.pause()
        assert pane.built  # and built once: a second mount raised DuplicateIds in the gather above
