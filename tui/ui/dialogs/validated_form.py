"""The shared behaviour of the add/edit dialogs: domain rules decide, errors sit beside the fields."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

from textual.binding import Binding
from textual.widgets import Input, Static

from tui.i18n import N_, _
from tui.ui.widgets.screens import Dialog

ResultT = TypeVar("ResultT")


class ValidatedForm(Dialog[ResultT | None], Generic[ResultT]):
    """Returns the valid record on save (ctrl+s), None on cancel (escape).

    Subclasses implement `check()`: validate the fields, show the errors
    (`show_errors`), and return the record or None.  Errors appear only once
    the user has tried to save, then follow every keystroke.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save")),
        Binding("escape", "cancel", N_("Cancel")),
    ]
    FIELD_PREFIX = "field-"
    ERROR_PREFIX = "error-"

    def __init__(self) -> None:
        super().__init__()
        self.tried = False

    def check(self) -> ResultT | None:
        raise NotImplementedError

    def show_errors(self, columns: Iterable[str], errors: Mapping[str, str]) -> None:
        for column in columns:
            message = errors.get(column, "")
            self.query_one(f"#{self.ERROR_PREFIX}{column}", Static).update(message)
            self.query_one(f"#{self.FIELD_PREFIX}{column}").set_class(bool(message), "-invalid-field")

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.tried:
            self.check()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def commit(self, result: ResultT) -> bool:
        """Write `result` (forms that write it themselves); False keeps the form open with what was typed."""
        return True

    def action_save(self) -> None:
        self.tried = True
        result = self.check()
        if result is None:
            self.query(".-invalid-field").first().focus()
            self.notify(_("Fix the fields marked in red; nothing was saved yet."), severity="warning")
            return
        if self.commit(result):
            self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
