"""Step 1: which contracts, the common end date T, and the quote table per contract."""

from __future__ import annotations

from decimal import Decimal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from tui.domain.contract import Contract
from tui.domain.contract_query import ContractQuery
from tui.domain.coterm import CotermError, QuoteLine, build_quote, method_note, suggested_dates
from tui.domain.parsing import ParseError, parse_percent
from tui.domain.renewal_plan import step_problems
from tui.domain.status import Status, status_of
from tui.formatting import date_placeholder, format_count, format_date, format_decimal, format_money, format_percent
from tui.i18n import N_, _
from tui.ui.renewal.step_base import WizardStep, read_date
from tui.ui.widgets.virtual_table import Cell, Column, VirtualTable
from tui.ui.widgets.screens import focus_now

TONE = {Status.EXPIRED: "bad", Status.DUE: "warn", Status.ACTIVE: ""}


def percent_text(value: Decimal) -> str:
    return format_percent(value).removesuffix(" %")


def coterm_columns() -> list[Column]:
    return [
        Column("mark", "✓", 1, keep=10),
        Column("id", _("Contract"), 13, keep=9),
        Column("product", _("Product"), 10, flex=True, keep=2),
        Column("quantity", _("Lic."), 5, align="right", keep=5),
        Column("end", _("End"), 10, keep=8),
        Column("span", _("To T"), 7, align="right", keep=7),
        Column("amount", _("Amount"), 10, align="right", keep=6),
        Column("fee", _("Reinst."), 8, align="right", keep=4),
        Column("currency", "", 3, keep=6),
    ]


class StepContracts(WizardStep):
    number = 1
    BINDINGS = [
        Binding("space", "toggle", N_("Select"), tooltip=N_("Select or leave out the highlighted contract")),
        Binding("t", "suggest(0)", N_("T=latest+1y"), tooltip=N_("T = the latest end date + 1 year")),
        Binding("l", "suggest(1)", N_("T=latest"), tooltip=N_("T = the latest end date")),
        Binding("slash", "filter", N_("Filter"), priority=True, tooltip=N_("Filter the contracts as you type")),  # at once: see the Overview's filter
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Contract] = []
        self.lines: dict[str, QuoteLine] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(classes="wizard-row"):
            yield Label(_("Co-term date T"), classes="wizard-label")
            yield Input(id="coterm-date", compact=True, placeholder=date_placeholder(), classes="wizard-date")
            yield Label(_("Uplift %"), classes="wizard-label-short")
            yield Input(id="coterm-uplift", compact=True, classes="wizard-number")
            yield Label(_("Reinst. fee %"), classes="wizard-label-short")
            yield Input(id="coterm-fee", compact=True, classes="wizard-number")
            yield Input(id="coterm-filter", compact=True, placeholder=_("/ filter"))
        yield Static("", id="coterm-suggestions", classes="wizard-note", markup=False)
        yield Static(method_note(), id="coterm-method", classes="wizard-note", markup=False)
        yield VirtualTable(coterm_columns(), self.cells_for, id="coterm-table")
        yield Static("", id="coterm-totals", markup=False)

    def first_focus(self):
        return self.query_one(VirtualTable)

    # -- state <-> widgets ---------------------------------------------------
    def load(self) -> None:
        renewal = self.wizard.renewal
        with self.prevent(Input.Changed):
            self.query_one("#coterm-date", Input).value = format_date(renewal.to)
            self.query_one("#coterm-uplift", Input).value = percent_text(renewal.uplift)
            self.query_one("#coterm-fee", Input).value = percent_text(renewal.fee_rate)
        self.refilter()

    def collect(self) -> list[str]:
        problems: list[str] = []
        to = read_date(self.query_one("#coterm-date", Input), _("T"), problems)
        changes = {"to": to}
        for field, widget_id, label in (("uplift", "#coterm-uplift", _("Uplift")),
                                        ("fee_rate", "#coterm-fee", _("Reinstatement fee"))):
            try:
                changes[field] = parse_percent(self.query_one(widget_id, Input).value or "0")
            except ParseError as error:
                problems.append(f"{label}: {error}")
        self.wizard.update(**changes)
        return problems

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "coterm-filter":
            self.refilter()
        else:
            self.recompute(self.collect())
            self.wizard.typed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(VirtualTable).focus()

    # -- the table -----------------------------------------------------------
    def refilter(self) -> None:
        wizard = self.wizard
        table = self.query_one(VirtualTable)
        current = self.rows[table.cursor_row].id if 0 <= table.cursor_row < len(self.rows) else None
        text = self.query_one("#coterm-filter", Input).value
        self.rows = wizard.index.select(ContractQuery(text=text), wizard.session.today, wizard.session.notice_days)
        cursor = next((i for i, c in enumerate(self.rows) if c.id == current), 0)
        table.set_row_count(len(self.rows), cursor=cursor)
        self.recompute([])

    def recompute(self, input_problems: list[str]) -> None:
        """Price every selected contract that T allows, and say what stops the others."""
        wizard = self.wizard
        renewal, selected, today = wizard.renewal, wizard.selected(), wizard.session.today
        self.lines = {}
        problems = list(input_problems)
        if renewal.to is not None:
            fits = [c for c in selected if c.end <= renewal.to]
            try:
                if fits:
                    quote = build_quote(fits, renewal.to, today, uplift=renewal.uplift, fee_rate=renewal.fee_rate,
                                        new_quantities={c.id: renewal.quantities[c.id] for c in fits
                                                        if c.id in renewal.quantities})
                    self.lines = {line.contract_id: line for line in quote.lines}
            except CotermError as error:
                problems.append(str(error))
        problems += [p for p in step_problems(1, renewal, selected, today, wizard.busy()) if p not in problems]
        self.show_totals(selected, problems)
        self.query_one(VirtualTable).refresh()

    def show_totals(self, selected: list[Contract], problems: list[str]) -> None:
        totals: dict[str, Decimal] = {}
        for line in self.lines.values():
            totals[line.currency] = totals.get(line.currency, Decimal(0)) + line.total
        money = " · ".join(format_money(v, k) for k, v in sorted(totals.items())) or "—"
        text = _("{n} selected of {total} · total {money}").format(
            n=len(selected), total=format_count(len(self.wizard.everyone)), money=money)
        if problems:
            text += "\n⚠ " + problems[0]
        totals_widget = self.query_one("#coterm-totals", Static)
        totals_widget.update(text)
        totals_widget.set_class(bool(problems), "-problem")
        if selected:
            later, latest = suggested_dates(selected, self.wizard.session.today)
            hint = _("Suggestions: t {later} (latest end + 1 year) · l {latest} (latest end)").format(
                later=format_date(later), latest=format_date(latest))
        else:
            hint = _("select contracts (space) to get suggestions")
        self.query_one("#coterm-suggestions", Static).update(hint)

    def cells_for(self, index: int) -> list[Cell]:
        contract = self.rows[index]
        wizard = self.wizard
        chosen = contract.id in wizard.renewal.contract_ids
        status = status_of(contract, wizard.session.today, wizard.session.notice_days)
        cells: list[Cell] = [("●", "warn") if chosen else " ", contract.id, contract.product,
                             format_count(contract.quantity), (format_date(contract.end), TONE[status])]
        line = self.lines.get(contract.id)
        to = wizard.renewal.to
        if chosen and to is not None and contract.end > to:
            return cells + [(_("after T"), "bad"), "", "", ""]
        if not chosen or line is None:
            return cells + ["", "", "", ""]
        fee = format_decimal(line.reinstatement_fee) if line.reinstatement_fee else "—"
        return cells + [_("{y}y {d}d").format(y=line.years, d=line.days), format_decimal(line.amount),
                        (fee, "warn") if line.reinstatement_fee else fee, line.currency]

    # -- keys --------------------------------------------------------------
    def action_toggle(self) -> None:
        table = self.query_one(VirtualTable)
        if not 0 <= table.cursor_row < len(self.rows):
            return
        contract = self.rows[table.cursor_row]
        wizard = self.wizard
        chosen = set(wizard.renewal.contract_ids) ^ {contract.id}
        ordered = sorted((wizard.everyone[i] for i in chosen if i in wizard.everyone), key=lambda c: (c.end, c.id))
        wizard.update(contract_ids=tuple(c.id for c in ordered))
        table.action_cursor(1)
        self.recompute(self.collect())
        self.wizard.typed()

    def action_suggest(self, which: int) -> None:
        selected = self.wizard.selected()
        if not selected:
            self.app.bell()
            return
        self.query_one("#coterm-date", Input).value = format_date(suggested_dates(selected, self.wizard.session.today)[which])

    def action_filter(self) -> None:
        focused = self.screen.focused
        if isinstance(focused, Input):  # typed in a field, "/" is just a character
            focused.insert_text_at_cursor("/")
        else:
            focus_now(self.screen, self.query_one("#coterm-filter", Input))  # the keys typed next are the filter's
