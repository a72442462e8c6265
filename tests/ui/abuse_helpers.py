"""What the abuse Pilot tests share: the hostile values, typing them as a terminal would, and looking at
exactly what would be sent to the terminal."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import App
from textual.geometry import Region
from textual.keys import _character_to_key
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Input, Static

from tests.abuse_values import HOSTILE_VALUES
from tests.ui.waiting import wait_for
from tui.domain.text import has_control_chars

SIZE = (80, 24)

ABUSE = {
    "empty": "",
    "whitespace": "   ",
    "long": "x" * 10_000,
    "long digits": "9" * 10_000,
    **HOSTILE_VALUES,
}
# What a keyboard can type goes in key by key; the rest is set directly (a paste is sanitised: see the app tests).
TYPED = {name for name, value in ABUSE.items() if len(value) < 100 and not has_control_chars(value)}


def enter_value(pilot, widget: Input, name: str) -> None:
    """Type the value key by key (or set it, when no keyboard can type it); the app handles it next."""
    widget.focus()
    widget.value = ""
    if name in TYPED:
        for char in ABUSE[name]:  # Pilot.press cannot name "👍" or a combining accent: send what a terminal sends
            pilot.app.post_message(events.Key(char if char.isalnum() else _character_to_key(char), char))
    else:
        widget.value = ABUSE[name]


async def until(pilot, done: Callable[[], bool]) -> None:
    """Let the app run until `done()` (the keys are handled); fail saying so if it never is.
    Polling the app's own state is several times faster than Pilot.pause()'s wait for an idle CPU."""
    await wait_for(done, every=0.002)
    await pilot.pause(0)  # let the refresh that follows the change paint


def screen_strips(app: App) -> list[Strip]:
    """Every line as it is sent to the terminal, any dialog over what is beneath it."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens, simplify=True)
    return [Strip.join(list(chops)) for chops in update.strips]


def assert_screen_fits_and_is_safe(app: App, *, skip: Input | None = None) -> None:
    """Every line exactly the terminal's width; no control character outside the field `skip` (set directly,
    it holds what no user path can put there); a dialog and its fields on screen, one line each."""
    width, height = app.size
    strips = screen_strips(app)
    assert len(strips) == height
    for y, strip in enumerate(strips):
        assert strip.cell_length == width, (y, strip.text)
        pieces = [strip]
        if skip is not None and skip.region.y == y:
            pieces = [strip.crop(0, skip.region.x), strip.crop(skip.region.right, width)]
        for piece in pieces:
            assert not has_control_chars(piece.text), (y, piece.text)
    dialogs = app.screen.query(".dialog")
    if dialogs:
        dialog = dialogs.first()
        assert Region(0, 0, width, height).contains_region(dialog.region), dialog.region
        for widget in app.screen.query(Input):
            assert widget.region.height == 1 and dialog.region.contains_region(widget.region), widget


def shown(screen: Screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


