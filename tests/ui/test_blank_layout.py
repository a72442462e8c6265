"""Layout containers painted as blank lines (tui/ui/widgets/layout.py) look exactly as Textual would paint them.

Each screen is composed twice, with Textual's `BLANK` switch on for our layout-only containers (what the
app does) and off (Textual paints them line by line), and compared cell by cell: character and style.
A container given a border, padding or content of its own would show only in the second.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import import_module
from pathlib import Path

import pytest
from rich.style import Style
from textual.widget import Widget

from tests.ui.renewal_helpers import start_renewal, wizard
from tests.ui.test_terminals import settle
from tui.domain.settings import Settings
from tui.store.file.database import Store
from tui.store.settings import SettingsRepository
from tui.ui.app import create_app


def our_widget_classes() -> set[type[Widget]]:
    for module in ("tui.ui.app", "tui.ui.forecast.pane", "tui.ui.partners.pane", "tui.ui.renewal.wizard",
                   "tui.ui.budget.pane"):
        import_module(module)  # every tab's widget classes, loaded

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    return {cls for cls in subclasses(Widget) if cls.__module__.startswith("tui.")}


def blank_classes() -> list[type[Widget]]:
    """Our classes that switch `BLANK` on themselves (their subclasses inherit it)."""
    return [cls for cls in our_widget_classes() if cls.__dict__.get("BLANK")]


def cells(app) -> list[list[tuple[str, object]]]:
    """Every cell of the screen as it looks: its character and style, without the foreground colour of a
    blank where no foreground shows (Textual's blank lines carry the widget's text colour, its painted
    lines only the background: the same on screen)."""
    def look(char: str, style: Style | None) -> tuple[str, object]:
        if char == " " and style is not None and not (style.underline or style.strike or style.reverse
                                                       or style.overline or style.underline2):
            style = style.without_color + Style(bgcolor=style.bgcolor)
        return char, style

    return [[look(char, segment.style) for segment in strip for char in segment.text]
            for strip in app.screen._compositor.render_strips()]


def blank_layout_matches(app, monkeypatch: pytest.MonkeyPatch) -> tuple[bool, int]:
    """(the screen looks the same painted both ways, how many blank containers it has)."""
    blank = [widget for widget in app.screen.walk_children(with_self=True) if widget.BLANK and widget.display]
    with_switch = cells(app)
    with monkeypatch.context() as patch:
        for cls in blank_classes():
            patch.setattr(cls, "BLANK", False)
        without_switch = cells(app)
    return with_switch == without_switch, len(blank)


@pytest.mark.parametrize("size,theme", [((120, 40), "textual-dark"), ((80, 24), "ansi-dark"),
                                        ((100, 30), "textual-light")])
async def test_every_tab_and_wizard_step_looks_the_same_with_blank_containers(
        demo_db: Path, today, monkeypatch: pytest.MonkeyPatch, size, theme: str) -> None:
    SettingsRepository(Store(demo_db)).save(replace(Settings(), theme=theme))
    app = create_app(demo_db, today)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for key in "12345":
            await pilot.press(key)
            await settle(app, pilot)
            same, containers = blank_layout_matches(app, monkeypatch)
            assert containers >= 3, key  # screen, switcher, tab, pane…: the comparison compares something
            assert same, f"tab {key}"
        await start_renewal(app, pilot)
        for step in range(1, 4):
            assert wizard(app).step == step
            await settle(app, pilot)
            same, containers = blank_layout_matches(app, monkeypatch)
            assert containers >= 2 and same, f"wizard step {step}"
            await pilot.press("t", "ctrl+n")  # mark the first contract, next step


def test_only_layout_containers_are_blank() -> None:
    """The switch is for containers with nothing of their own to paint: none of our widgets with content has it."""
    blank = {cls.__name__ for cls in our_widget_classes() if cls.BLANK}
    assert blank == {"BlankColumn", "BlankRow", "BlankSwitcher", "MainScreen", "OverviewPane", "RenewalPane",
                     "ForecastPane", "PartnersPane", "TabPane", "BudgetPane", "RenewalWizard", "WizardStep",
                     "StepContracts", "StepProof",
                     "StepGrowth", "StepPartner", "StepConfirm"}
