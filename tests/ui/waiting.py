"""Waiting for the app in Pilot tests: bounded by wall-clock time, and failing loudly with what was awaited.

A busy machine makes the app slower, never the test wrong: each wait polls its condition until a
generous deadline, then fails naming the condition (and the last error it raised), instead of giving up
silently after a number of attempts and letting a later assertion fail for an unclear reason.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable

WAIT_SECONDS = 30.0


def describe(condition: Callable[[], object]) -> str:
    """The condition's source line (a lambda) or its name, for the failure message."""
    try:
        return inspect.getsource(condition).strip()
    except (OSError, TypeError):
        return getattr(condition, "__qualname__", repr(condition))


async def wait_for(condition: Callable[[], object], what: str = "", *, pilot=None, seconds: float = WAIT_SECONDS,
                   every: float = 0.01) -> None:
    """Let the app run until `condition()` is true; after `seconds`, fail saying what was awaited.

    With `pilot`, each turn waits as Pilot does (the app's messages handled); without, it only yields to
    the event loop for `every` seconds (0: one turn), for waits that must not wait for the app to idle.
    An exception from `condition` counts as not yet (a widget not mounted yet) and is reported if it lasts.
    """
    deadline = time.monotonic() + seconds
    last_error: Exception | None = None
    while True:
        try:
            if condition():
                return
            last_error = None
        except Exception as error:  # noqa: BLE001 - reported below if it never stops
            last_error = error
        if time.monotonic() > deadline:
            because = f"; the last check raised {last_error!r}" if last_error is not None else ""
            raise AssertionError(f"waited {seconds:g} s for {what or describe(condition)}{because}")
        if pilot is not None:
            await pilot.pause(every)
        else:
            await asyncio.sleep(every)
