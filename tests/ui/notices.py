"""What the app told the user, as the tests read it: every notification, in order, kept for the test.

Textual's own store (`app._notifications`) drops a notification once its timeout has passed by the
wall clock, so on a busy machine a 3-second notice could be gone before a test looked for it.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def record_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app notification is also appended to the app's `notices` list (see `notices()`)."""
    from tui.ui.app import RenewalsApp

    shown = RenewalsApp.notify

    def notify(self, message: str, **options) -> None:
        vars(self).setdefault("notices", []).append(message)
        shown(self, message, **options)

    monkeypatch.setattr(RenewalsApp, "notify", notify)


def notices(app) -> list[str]:
    """Every message `app` notified so far, in order, expired or not."""
    return vars(app).get("notices", [])
