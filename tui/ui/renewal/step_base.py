"""What every wizard step shares: access to the wizard's state, loading and collecting answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input

from tui.domain.parsing import ParseError, parse_date
from tui.i18n import _

if TYPE_CHECKING:
    from tui.ui.renewal.wizard import RenewalWizard


class WizardStep(Vertical):
    """One step: `load()` shows the wizard's renewal, `collect()` writes typed answers back.

    `collect()` returns what cannot be read (a date that is not a date); the
    step's own requirements are checked by the domain (`step_problems`).
    """

    BLANK = True  # painted as blank lines: see tui/ui/widgets/layout.py
    number = 0

    @property
    def wizard(self) -> RenewalWizard:
        return self.screen  # type: ignore[return-value]

    def load(self) -> None:
        """Show the wizard's current state (called each time the step is shown)."""

    def collect(self) -> list[str]:
        """Store what was typed into the wizard's renewal; return what could not be read."""
        return []

    def before_next(self) -> list[str]:
        """Work to do before moving on (step 4 writes the quote request); returns what went wrong."""
        return []

    def before_back(self) -> list[str]:
        """Work to do before going back (step 4 rewrites an out-of-date request); returns what went wrong."""
        return []

    def first_focus(self) -> Widget | None:
        return None


def read_date(widget: Input, label: str, problems: list[str], *, required: bool = False):
    """The date typed in `widget` (None when empty); a problem is added when it cannot be read."""
    text = widget.value.strip()
    if not text:
        if required:
            problems.append(f"{label}: " + _("a date is required"))
        return None
    try:
        return parse_date(text)
    except ParseError as error:
        problems.append(f"{label}: {error}")
        return None

