"""Edit one contract's proof of purchase: certificate, order, purchase date and the checklist."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, SelectionList, Static

from tui.domain.contract import Contract
from tui.domain.contract_validation import check_text
from tui.domain.parsing import ParseError
from tui.domain.renewal import CHECKLIST, Proof, checklist_labels
from tui.domain.renewal_plan import future_purchase_text
from tui.formatting import date_placeholder, format_date
from tui.i18n import N_, _
from tui.ui.renewal.step_base import read_date
from tui.ui.widgets.screens import Dialog
from tui.ui.widgets.tick_list import TickList
from tui.ui.widgets.translated_footer import TranslatedFooter


class ProofForm(Dialog[Proof | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save")),
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def __init__(self, contract: Contract, proof: Proof, today: date | None = None) -> None:
        super().__init__()
        self.contract = contract
        self.proof = proof
        self.today = today  # a purchase date after it is refused

    def compose(self) -> ComposeResult:
        proof = self.proof
        with Vertical(classes="dialog form"):
            yield Static(_("Proof of purchase · {id} · {product}").format(
                id=self.contract.id, product=self.contract.product), classes="dialog-title", markup=False)
            with Grid(classes="form-grid"):
                for field, label, value, hint in (
                        ("certificate", _("Certificate"), proof.certificate, ""),
                        ("order", _("Order / PO"), proof.order, ""),
                        ("purchase", _("Purchase date"), format_date(proof.purchase_date),
                         date_placeholder())):
                    yield Label(label, classes="form-label")
                    yield Input(value, id=f"proof-{field}", compact=True, placeholder=hint)
                    yield Static("", id=f"proof-{field}-error", classes="form-error", markup=False)
            labels = checklist_labels()
            yield TickList(*[(labels[item], item, item in proof.checked) for item in CHECKLIST],
                                     id="proof-checklist", compact=True)
            yield Static(_("space ticks an item · tab next field · ctrl+s save · esc cancel"),
                         classes="dialog-hint")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#proof-certificate", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def action_save(self) -> None:
        errors: dict[str, str] = {}
        values: dict[str, str] = {}
        for field in ("certificate", "order"):
            try:
                values[field] = check_text(self.query_one(f"#proof-{field}", Input).value, field, required=False)
            except ParseError as error:
                errors[field] = str(error)
        problems: list[str] = []
        purchase = read_date(self.query_one("#proof-purchase", Input), _("Purchase date"), problems)
        if problems:
            errors["purchase"] = problems[0].split(": ", 1)[1]
        elif purchase is not None and self.today is not None and purchase > self.today:
            errors["purchase"] = future_purchase_text(purchase, self.today)
        for field in ("certificate", "order", "purchase"):
            self.query_one(f"#proof-{field}-error", Static).update(errors.get(field, ""))
            self.query_one(f"#proof-{field}", Input).set_class(field in errors, "-invalid-field")
        if errors:
            self.notify(_("Fix the fields marked in red."), severity="warning")
            return
        checked = frozenset(self.query_one(SelectionList).selected)
        self.dismiss(Proof(values["certificate"], values["order"], purchase, checked))

    def action_cancel(self) -> None:
        self.dismiss(None)
