"""Ask for the headroom percentage of the headroom method (a modal with one field)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.domain.parsing import ParseError, parse_percent
from tui.i18n import N_, _
from tui.ui.widgets.screens import Dialog
from tui.ui.widgets.translated_footer import TranslatedFooter

MAX_HEADROOM = 10.0  # 1000 %, the engine's limit


class HeadroomPrompt(Dialog[float | None]):
    """Returns the headroom as a fraction (0.2 for 20 %), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, current: float) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog headroom-dialog"):
            yield Static(_("Headroom: the margin added to the peak of the last 12 months "
                           "by the headroom method (and by auto with under 6 months of usage)."),
                         classes="dialog-title", markup=False)
            yield Input(f"{round(self.current * 100, 2):g}", id="headroom-value", compact=True,
                        placeholder=_("percent, e.g. 15"))
            yield Static("", id="headroom-error", classes="form-error", markup=False)
            yield Static(_("enter applies · esc cancels"), classes="dialog-hint")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            value = float(parse_percent(event.value))
            if value > MAX_HEADROOM:
                raise ParseError(_("a percentage must be at most 1000"))
        except ParseError as error:
            self.query_one("#headroom-error", Static).update(str(error))
            event.input.add_class("-invalid-field")
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
