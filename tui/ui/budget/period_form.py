"""Type the Budget tab's period: a first and a last day (both included)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from tui.domain.budget_period import Period
from tui.formatting import date_placeholder, format_date
from tui.i18n import _
from tui.ui.budget.choice import validate_period
from tui.ui.dialogs.validated_form import ValidatedForm
from tui.ui.widgets.translated_footer import TranslatedFooter

PERIOD_FIELDS = ("from", "to")


class PeriodForm(ValidatedForm[Period]):
    """Returns the typed period on save, or None when cancelled."""

    FIELD_PREFIX = "period-"
    ERROR_PREFIX = "period-error-"

    def __init__(self, current: Period) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        labels = {"from": _("From"), "to": _("To (included)")}
        texts = {"from": format_date(self.current.start), "to": format_date(self.current.end)}
        with Vertical(classes="dialog form budget-period"):
            yield Static(_("Budget period"), classes="dialog-title", markup=False)
            with Grid(classes="form-grid"):
                for field in PERIOD_FIELDS:
                    yield Label(labels[field], classes="form-label")
                    yield Input(texts[field], id=f"period-{field}", compact=True, placeholder=date_placeholder())
                    yield Static("", id=f"period-error-{field}", classes="form-error", markup=False)
            yield Static(_("at most 10 years · ctrl+s or enter on the last day applies · esc cancels"),
                         classes="dialog-hint")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#period-from", Input).focus()

    def check(self) -> Period | None:
        period, errors = validate_period({field: self.query_one(f"#period-{field}", Input).value
                                          for field in PERIOD_FIELDS})
        self.show_errors(PERIOD_FIELDS, errors)
        return period

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.prevent_default()  # instead of ValidatedForm's: enter on the last field saves
        if event.input.id == "period-to":
            self.action_save()
        else:
            self.focus_next()
