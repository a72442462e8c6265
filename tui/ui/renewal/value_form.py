"""Ask for one value in a small modal; the caller's parser decides what is acceptable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from tui.domain.parsing import ParseError
from tui.i18n import N_, _
from tui.ui.widgets.screens import Dialog
from tui.ui.widgets.translated_footer import TranslatedFooter


class ValueForm(Dialog[Any]):
    """Dismisses with `parse(text)`, or None when cancelled; `parse` raises ParseError to refuse."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, title: str, label: str, initial: str, parse: Callable[[str], Any], *, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.initial = initial
        self.parse = parse
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with Grid(classes="form-grid"):
                yield Label(self.label, classes="form-label")
                yield Input(self.initial, id="value-input", compact=True)
                yield Static("", id="value-error", classes="form-error", markup=False)
            yield Static(self.hint or _("enter save · esc cancel"), classes="dialog-hint", markup=False)
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            value = self.parse(event.value)
        except ParseError as error:
            self.query_one("#value-error", Static).update(str(error))
            self.query_one(Input).add_class("-invalid-field")
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
