"""Add or edit a contract in a modal form, validated with the same rules as the CSV import."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from tui.domain.contract import CONTRACT_COLUMNS, Contract
from tui.domain.contract_validation import validate_contract
from tui.formatting import current_styles, format_date
from tui.i18n import _


def field_labels() -> dict[str, str]:
    return {
        "id": _("Contract no."), "product": _("Product"), "quantity": _("Licences"), "start": _("Start"),
        "end": _("End"), "unit_price": _("Price/licence/yr"), "currency": _("Currency"), "partner": _("Partner id"),
        "certificate": _("Certificate"), "order": _("Order / PO"), "notes": _("Notes"),
    }


def initial_text(contract: Contract | None, column: str) -> str:
    if contract is None:
        return ""
    value = getattr(contract, column)
    if column in ("start", "end"):
        return format_date(value)
    if column == "unit_price" and current_styles().number == "ro":
        return str(value).replace(".", ",")
    return contract.field_text(column)


class ContractForm(ModalScreen[Contract | None]):
    """Returns the valid Contract on save, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", _("Save")),
        Binding("escape", "cancel", _("Cancel")),
    ]

    def __init__(self, title: str, contract: Contract | None, id_taken: Callable[[str], bool]) -> None:
        super().__init__()
        self.title_text = title
        self.contract = contract
        self.id_taken = id_taken
        self.tried = False  # show errors only once the user tried to save

    def compose(self) -> ComposeResult:
        labels = field_labels()
        with Vertical(classes="dialog form"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with Grid(classes="form-grid"):
                for column in CONTRACT_COLUMNS:
                    yield Label(labels[column], classes="form-label")
                    yield Input(initial_text(self.contract, column), id=f"field-{column}", compact=True,
                                placeholder=self.placeholder(column))
                    yield Static("", id=f"error-{column}", classes="form-error", markup=False)
            yield Static(_("ctrl+s save · esc cancel · tab next field"), classes="dialog-hint")
        yield Footer()

    @staticmethod
    def placeholder(column: str) -> str:
        return {"start": _("optional, YYYY-MM-DD"), "end": "YYYY-MM-DD", "currency": "RON, EUR, …",
                "quantity": _("whole number ≥ 1")}.get(column, "")

    def values(self) -> dict[str, str]:
        return {column: self.query_one(f"#field-{column}", Input).value for column in CONTRACT_COLUMNS}

    def check(self) -> Contract | None:
        contract, errors = validate_contract(self.values(), decimal_comma=current_styles().number == "ro")
        if contract is not None and contract.id != (self.contract.id if self.contract else None):
            if self.id_taken(contract.id):
                errors["id"] = _("is already used by another contract")
                contract = None
        for column in CONTRACT_COLUMNS:
            message = errors.get(column, "")
            self.query_one(f"#error-{column}", Static).update(message)
            self.query_one(f"#field-{column}", Input).set_class(bool(message), "-invalid-field")
        return contract if not errors else None

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.tried:
            self.check()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def action_save(self) -> None:
        self.tried = True
        contract = self.check()
        if contract is None:
            first_bad = next(i for i in self.query(".-invalid-field").results(Input))
            first_bad.focus()
            self.notify(_("Fix the fields marked in red; nothing was saved yet."), severity="warning")
            return
        self.dismiss(contract)

    def action_cancel(self) -> None:
        self.dismiss(None)
