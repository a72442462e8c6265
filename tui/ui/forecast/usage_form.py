"""Add or correct one usage sample in a modal form, with the same rules as `renewals import usage`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from tui.domain.usage import USAGE_COLUMNS, UsageSample, validate_usage
from tui.formatting import date_placeholder, format_date
from tui.i18n import _
from tui.ui.dialogs.validated_form import ValidatedForm
from tui.ui.widgets.translated_footer import TranslatedFooter


def usage_labels() -> dict[str, str]:
    return {"product": _("Product"), "date": _("Date"), "in_use": _("Licences in use")}


class UsageForm(ValidatedForm[UsageSample]):
    """Returns the valid sample on save, or None when cancelled.

    `taken(product, day)` says whether another stored sample already has that
    key; the form refuses it rather than silently overwriting that sample.
    """

    FIELD_PREFIX = "usage-"
    ERROR_PREFIX = "usage-error-"

    def __init__(self, title: str, initial: UsageSample, *, known_products: Sequence[str], today: date,
                 taken: Callable[[str, date], bool], editing: bool) -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.known_products = list(known_products)
        self.today = today
        self.taken = taken
        self.editing = editing

    def compose(self) -> ComposeResult:
        labels = usage_labels()
        texts = {"product": self.initial.product, "date": format_date(self.initial.on),
                 "in_use": str(self.initial.in_use) if self.editing else ""}
        placeholders = {"date": _("{format}, not after today").format(format=date_placeholder()), "in_use": _("whole number ≥ 0")}
        with Vertical(classes="dialog form"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with Grid(classes="form-grid"):
                for column in USAGE_COLUMNS:
                    yield Label(labels[column], classes="form-label")
                    yield Input(texts[column], id=f"usage-{column}", compact=True,
                                placeholder=placeholders.get(column, ""))
                    yield Static("", id=f"usage-error-{column}", classes="form-error", markup=False)
            yield Static(_("ctrl+s or enter on the last field saves · esc cancels"), classes="dialog-hint")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#usage-in_use", Input).focus()

    def values(self) -> dict[str, str]:
        return {column: self.query_one(f"#usage-{column}", Input).value for column in USAGE_COLUMNS}

    def check(self) -> UsageSample | None:
        sample, errors = validate_usage(self.values(), today=self.today, known_products=self.known_products)
        moved = not self.editing or (sample and (sample.product, sample.on) != (self.initial.product, self.initial.on))
        if sample is not None and moved and self.taken(sample.product, sample.on):
            errors["date"] = _("{product} already has a sample on this day; edit that one").format(
                product=sample.product)
            sample = None
        self.show_errors(USAGE_COLUMNS, errors)
        return sample

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "usage-in_use":
            self.action_save()
        else:
            self.focus_next()

