"""Add or correct one exchange rate in a modal form, with the same rules as `renewals import rates`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from tui.domain.exchange import Rate
from tui.domain.rate_validation import validate_rate
from tui.formatting import current_styles, date_placeholder, format_date
from tui.i18n import _
from tui.store.errors import StoreError
from tui.ui.dialogs.validated_form import ValidatedForm
from tui.ui.widgets.translated_footer import TranslatedFooter

RATE_FIELDS = ("date", "base", "currency", "rate")


def typed_rate(rate: Decimal) -> str:
    """A rate as it is typed (no thousands separator, which the form refuses): `4.975`, or `4,975` in the
    1.234,56 number format."""
    text = format(rate.normalize(), "f")
    return text.replace(".", ",") if current_styles().number == "ro" else text


def rate_labels() -> dict[str, str]:
    return {"date": _("Date"), "base": _("Base currency"), "currency": _("Currency"), "rate": _("Rate")}


class RateForm(ValidatedForm[Rate]):
    """Returns the valid rate on save (a rate of the same day, base and currency replaces the stored one),
    or None when cancelled."""

    FIELD_PREFIX = "rate-"
    ERROR_PREFIX = "rate-error-"

    def __init__(self, title: str, initial: Rate, today: date, *, with_rate: bool,
                 write: Callable[[Rate], object] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.today = today
        self.with_rate = with_rate  # an edit shows the stored rate; an addition starts with an empty field
        self.write = write  # stores the rate; a refused write keeps the form open with what was typed

    def compose(self) -> ComposeResult:
        labels = rate_labels()
        texts = {"date": format_date(self.initial.on), "base": self.initial.base, "currency": self.initial.currency,
                 "rate": typed_rate(self.initial.rate) if self.with_rate else ""}
        placeholders = {"date": _("{format}, not after today").format(format=date_placeholder()),
                        "base": "RON", "currency": "EUR", "rate": typed_rate(Decimal("4.975"))}
        with Vertical(classes="dialog form budget-rate"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with Grid(classes="form-grid"):
                for field in RATE_FIELDS:
                    yield Label(labels[field], classes="form-label")
                    yield Input(texts[field], id=f"rate-{field}", compact=True, placeholder=placeholders[field])
                    yield Static("", id=f"rate-error-{field}", classes="form-error", markup=False)
            yield Static(_("The rate is units of the base currency per 1 of the currency (BNR: 4.975 RON per "
                           "1 EUR); the same day, base and currency replaces the stored rate · ctrl+s or enter "
                           "on the rate saves · esc cancels"), classes="dialog-hint")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#rate-rate", Input).focus()

    def values(self) -> dict[str, str]:
        return {field: self.query_one(f"#rate-{field}", Input).value for field in RATE_FIELDS}

    def check(self) -> Rate | None:
        rate, errors = validate_rate(self.values(), self.today, decimal_comma=current_styles().number == "ro")
        self.show_errors(RATE_FIELDS, errors)
        return rate

    def commit(self, rate: Rate) -> bool:
        if self.write is None:
            return True
        try:
            self.write(rate)
        except StoreError as error:
            self.notify(str(error), title=_("Not saved"), severity="error", timeout=10)
            return False
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.prevent_default()  # instead of ValidatedForm's: enter on the last field saves
        if event.input.id == "rate-rate":
            self.action_save()
        else:
            self.focus_next()
