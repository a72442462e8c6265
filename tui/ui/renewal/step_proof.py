"""Step 2: proof of purchase per contract; what is missing is flagged in red but never blocks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.domain.contract import Contract
from tui.domain.renewal import CHECKLIST, Proof
from tui.domain.renewal_plan import proof_for
from tui.formatting import format_date
from tui.i18n import N_, _, ngettext
from tui.ui.renewal.proof_form import ProofForm
from tui.ui.renewal.step_base import WizardStep
from tui.ui.widgets.virtual_table import Cell, Column, VirtualTable


def proof_columns() -> list[Column]:
    return [
        Column("id", _("Contract"), 13, keep=9),
        Column("product", _("Product"), 10, flex=True, keep=1),
        Column("certificate", _("Certificate"), 12, keep=8),
        Column("order", _("Order"), 11, keep=7),
        Column("purchased", _("Purchased"), 10, keep=6),
        Column("checklist", _("List"), 4, align="right", keep=5),
        Column("missing", _("Missing"), 14, flex=True, keep=8),
    ]


class StepProof(WizardStep):
    number = 2
    BINDINGS = [Binding("enter,e", "edit", N_("Edit proof"),
                        tooltip=N_("Edit the contract's certificate, order, purchase date and checklist"))]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Contract] = []

    def compose(self) -> ComposeResult:
        yield Static(_("The vendor asks for proof that the licences were bought: the licence certificate, the "
                       "order number and the purchase date. Enter edits a contract's proof and checklist."),
                     classes="wizard-note", markup=False)
        yield VirtualTable(proof_columns(), self.cells_for, id="proof-table")
        yield Static("", id="proof-summary", markup=False)

    def first_focus(self):
        return self.query_one(VirtualTable)

    def load(self) -> None:
        self.rows = self.wizard.selected()
        self.query_one(VirtualTable).set_row_count(len(self.rows))
        self.show_summary()

    def proof(self, contract: Contract) -> Proof:
        return proof_for(self.wizard.renewal, contract)

    def cells_for(self, index: int) -> list[Cell]:
        contract = self.rows[index]
        proof = self.proof(contract)
        missing = proof.missing()
        return [
            contract.id, contract.product,
            proof.certificate or ("✗", "bad"), proof.order or ("✗", "bad"),
            format_date(proof.purchase_date) or ("✗", "bad"),
            f"{len(proof.checked)}/{len(CHECKLIST)}",
            (_("✗ {what}").format(what=", ".join(missing)), "bad") if missing else (_("✓ complete"), "good"),
        ]

    def show_summary(self) -> None:
        lacking = sum(1 for c in self.rows if self.proof(c).missing())
        summary = self.query_one("#proof-summary", Static)
        if lacking:
            summary.update(ngettext(
                "✗ {n} contract lacks proof of purchase. That does not block: vendors may find it themselves.",
                "✗ {n} contracts lack proof of purchase. That does not block: vendors may find it themselves.",
                lacking).format(n=lacking))
        else:
            summary.update(_("✓ Proof of purchase complete for every contract."))
        summary.set_class(bool(lacking), "-problem")

    def action_edit(self) -> None:
        table = self.query_one(VirtualTable)
        if not 0 <= table.cursor_row < len(self.rows):
            return
        contract = self.rows[table.cursor_row]

        def saved(proof: Proof | None) -> None:
            if proof is not None:
                proofs = dict(self.wizard.renewal.proofs)
                proofs[contract.id] = proof
                self.wizard.update(proofs=proofs)
                self.wizard.keep()
                table.refresh()
                self.show_summary()

        self.app.push_screen(ProofForm(contract, self.proof(contract), self.wizard.session.today), saved)
