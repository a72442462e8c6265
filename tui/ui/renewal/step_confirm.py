"""Step 5: the order confirmation — new certificate per contract, order / PO number, confirmation date."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from tui.domain.contract import Contract
from tui.domain.contract_validation import check_text
from tui.domain.parsing import ParseError
from tui.formatting import date_placeholder, format_count, format_date
from tui.i18n import N_, _, ngettext
from tui.ui.renewal.step_base import WizardStep, read_date
from tui.ui.renewal.value_form import ValueForm
from tui.ui.widgets.virtual_table import Cell, Column, VirtualTable


def confirm_columns() -> list[Column]:
    return [
        Column("id", _("Contract"), 13, keep=9),
        Column("old", _("Cert. now"), 13, keep=5),
        Column("new", _("New certificate"), 15, flex=True, keep=8),
        Column("quantity", _("Licences"), 11, keep=6),
        Column("end", _("Ends now"), 10, keep=7),
    ]


def parse_certificate(text: str) -> str:
    return check_text(text, "certificate", required=True)


class StepConfirm(WizardStep):
    number = 5
    BINDINGS = [
        Binding("enter,e", "edit", N_("Certificate"), tooltip=N_("Type the contract's new licence certificate")),
        Binding("a", "all", N_("Same for all"), tooltip=N_("One new certificate for every contract")),
        Binding("t", "today", N_("Confirmed today"), tooltip=N_("The order was confirmed today")),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Contract] = []

    def compose(self) -> ComposeResult:
        yield Static(_("From the vendor's confirmation: the new licence certificate of each contract, the order "
                       "/ PO number and the date. ctrl+n shows every change; nothing is applied before you "
                       "confirm it."), classes="wizard-note", markup=False)
        yield VirtualTable(confirm_columns(), self.cells_for, id="confirm-table")
        with Horizontal(classes="wizard-row"):
            yield Label(_("Order / PO"), classes="wizard-label")
            yield Input(id="confirm-order", compact=True, classes="wizard-order")
            yield Label(_("Confirmed on"), classes="wizard-label-short")
            yield Input(id="confirm-date", compact=True, placeholder=date_placeholder(), classes="wizard-date")
        yield Static("", id="confirm-status", markup=False)

    def first_focus(self):
        return self.query_one(VirtualTable)

    def load(self) -> None:
        renewal = self.wizard.renewal
        self.rows = self.wizard.selected()
        with self.prevent(Input.Changed):
            self.query_one("#confirm-order", Input).value = renewal.order
            self.query_one("#confirm-date", Input).value = format_date(renewal.confirmed_on)
        self.query_one(VirtualTable).set_row_count(len(self.rows))
        self.show_status()

    def collect(self) -> list[str]:
        problems: list[str] = []
        changes: dict = {}
        try:
            changes["order"] = check_text(self.query_one("#confirm-order", Input).value, "order", required=False)
        except ParseError as error:
            problems.append(_("Order / PO: {problem}").format(problem=error))
        changes["confirmed_on"] = read_date(self.query_one("#confirm-date", Input), _("Confirmed on"), problems)
        self.wizard.update(**changes)
        return problems

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        problems = self.collect()
        self.wizard.typed()
        self.show_status()
        if event.input.id == "confirm-order" and problems:  # refused at once (e.g. too long), said
            self.wizard.say(problems, _("Not taken:"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def cells_for(self, index: int) -> list[Cell]:
        contract = self.rows[index]
        renewal = self.wizard.renewal
        new = renewal.certificates.get(contract.id, "")
        quantity = renewal.quantity_for(contract.id, contract.quantity)
        licences = format_count(quantity) if quantity == contract.quantity else \
            f"{format_count(contract.quantity)} → {format_count(quantity)}"
        return [contract.id, contract.certificate or "—", new or (_("✗ missing"), "bad"), licences,
                format_date(contract.end)]

    def show_status(self) -> None:
        renewal = self.wizard.renewal
        missing = sum(1 for c in self.rows if not renewal.certificates.get(c.id, "").strip())
        parts = []
        if missing:
            parts.append(ngettext("{n} certificate missing", "{n} certificates missing", missing).format(n=missing))
        if not renewal.order.strip():
            parts.append(_("order / PO missing"))
        if renewal.confirmed_on is None:
            parts.append(_("date missing"))
        status = self.query_one("#confirm-status", Static)
        ends = _("Every contract will end on T = {to}.").format(to=format_date(renewal.to))
        status.update(ends + " " + (("✗ " + " · ".join(parts)) if parts else
                                    _("✓ Ready: ctrl+n shows the summary to confirm.")))
        status.set_class(bool(parts), "-problem")
        if not parts:  # an earlier "Before completing: …" no longer holds
            self.wizard.say([])

    def set_certificates(self, contracts: list[Contract], certificate: str) -> None:
        certificates = dict(self.wizard.renewal.certificates)
        certificates.update({c.id: certificate for c in contracts})
        self.wizard.update(certificates=certificates)
        self.wizard.keep()
        self.query_one(VirtualTable).refresh()
        self.show_status()

    def action_edit(self) -> None:
        table = self.query_one(VirtualTable)
        if not 0 <= table.cursor_row < len(self.rows):
            return
        contract = self.rows[table.cursor_row]

        def chosen(certificate: str | None) -> None:
            if certificate is not None:
                self.set_certificates([contract], certificate)
                table.action_cursor(1)

        current = self.wizard.renewal.certificates.get(contract.id, "")
        self.app.push_screen(ValueForm(_("New licence certificate · {id}").format(id=contract.id),
                                       _("Certificate"), current, parse_certificate), chosen)

    def action_all(self) -> None:
        def chosen(certificate: str | None) -> None:
            if certificate is not None:
                self.set_certificates(self.rows, certificate)

        self.app.push_screen(ValueForm(_("One certificate for every contract of this renewal"),
                                       _("Certificate"), "", parse_certificate), chosen)

    def action_today(self) -> None:
        self.query_one("#confirm-date", Input).value = format_date(self.wizard.session.today)
