"""Step 3: growth — the forecast at T per product, and the new quantity per contract."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.domain.contract import Contract
from tui.domain.coterm import QuoteLine
from tui.domain.contract_validation import MAX_QUANTITY
from tui.domain.forecast import method_label
from tui.domain.parsing import parse_whole
from tui.domain.renewal_growth import GrowthRow, growth_rows, recommended_quantity
from tui.formatting import format_count, format_date, format_decimal, format_money
from tui.i18n import N_, _
from tui.ui.renewal.step_base import WizardStep
from tui.ui.renewal.value_form import ValueForm
from tui.ui.widgets.virtual_table import Cell, Column, VirtualTable


def product_columns() -> list[Column]:
    return [
        Column("product", _("Product"), 12, flex=True, keep=9),
        Column("owned", _("Owned"), 5, align="right", keep=8),
        Column("forecast", _("Fcst@T"), 6, align="right", keep=7),
        Column("band", _("95 % band"), 11, align="right", keep=5),
        Column("method", _("Method"), 8, keep=3),
        Column("recommended", _("Rec."), 5, align="right", keep=8),
        Column("planned", _("Plan"), 5, align="right", keep=6),
        Column("advice", _("Buy/surplus"), 11, keep=8),
    ]


def contract_columns(widths: Sequence[int] = ()) -> list[Column]:
    """`widths`: the widest cell of each column, so numbers are never cut (the product gives way)."""
    columns = [
        Column("id", _("Contract"), 13, keep=9),
        Column("product", _("Product"), 10, flex=True, keep=2),
        Column("quantity", _("Lic."), 5, align="right", keep=7),
        Column("new", _("New"), 5, align="right", keep=9),
        Column("change", _("±"), 5, align="right", keep=6),
        Column("additional", _("Added cost"), 10, align="right", keep=5),
        Column("total", _("Line total"), 11, align="right", keep=8),
        Column("currency", "", 3, keep=7),
    ]
    return [replace(c, width=max(c.width, width)) if c.align == "right" else c
            for c, width in zip(columns, list(widths) + [0] * len(columns))]


def signed_count(value: int) -> str:
    """+21, −5, or nothing for no change."""
    if not value:
        return ""
    return ("+" if value > 0 else "−") + format_count(abs(value))


def one_decimal(value: float) -> str:
    return format_decimal(Decimal(str(round(value, 1))), 1)


class StepGrowth(WizardStep):
    number = 3
    BINDINGS = [
        Binding("enter,e", "edit", N_("New quantity"), tooltip=N_("Type the contract's new number of licences")),
        Binding("r", "recommend", N_("Use recommendation"), tooltip=N_("Take the forecast's recommended quantity")),
        Binding("u", "keep", N_("Keep (undo)"), tooltip=N_("Keep the current quantity (undoes a change)")),
        Binding("plus", "adjust(1)", "+1", show=False, tooltip=N_("One licence more")),
        Binding("minus", "adjust(-1)", "-1", show=False, tooltip=N_("One licence fewer")),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.products: list[GrowthRow] = []
        self.rows: list[Contract] = []
        self.lines: dict[str, QuoteLine] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="growth-note", classes="wizard-note", markup=False)
        yield VirtualTable(product_columns(), self.product_cells, id="growth-products")
        yield Static("", id="growth-reason", classes="wizard-note", markup=False)
        yield VirtualTable(contract_columns(), self.contract_cells, id="growth-contracts")
        yield Static("", id="growth-totals", markup=False)

    def first_focus(self):
        return self.query_one("#growth-contracts", VirtualTable)

    def load(self) -> None:
        wizard = self.wizard
        self.samples = wizard.session.usage.by_product()  # read again only when the file changed
        self.rows = wizard.selected()
        self.query_one("#growth-note", Static).update(
            _("Licences needed on T = {to}, forecast from the monthly usage peaks; owned = licences under "
              "contract on T if this renewal keeps today's quantities.").format(to=format_date(wizard.renewal.to)))
        self.query_one("#growth-contracts", VirtualTable).set_row_count(len(self.rows))
        self.recompute()

    def recompute(self) -> None:
        wizard = self.wizard
        session = wizard.session
        headroom = float(getattr(session.settings, "headroom", Decimal("0.15")))
        self.products = growth_rows(wizard.renewal, self.rows, list(wizard.everyone.values()), self.samples,
                                    session.today, headroom)
        quote = wizard.quote()
        self.lines = {line.contract_id: line for line in quote.lines} if quote else {}
        products = self.query_one("#growth-products", VirtualTable)
        products.set_row_count(len(self.products))
        self.fit_contract_columns()
        self.query_one("#growth-contracts", VirtualTable).refresh()
        self.show_reason()
        money = " · ".join(format_money(v, k) for k, v in quote.totals.items()) if quote else "—"
        self.query_one("#growth-totals", Static).update(_("Quote total {money}").format(money=money))

    def fit_contract_columns(self) -> None:
        table = self.query_one("#growth-contracts", VirtualTable)
        rows = [self.contract_cells(i) for i in range(len(self.rows))]
        widths = [max((len(cell if isinstance(cell, str) else cell[0]) for cell in column), default=0)
                  for column in zip(*rows)]
        columns = contract_columns(widths)
        if [c.width for c in columns] != [c.width for c in table.columns]:
            table.set_columns(columns)

    def show_reason(self) -> None:
        index = self.query_one("#growth-products", VirtualTable).cursor_row
        if not 0 <= index < len(self.products):
            text = ""
        else:
            row = self.products[index]
            text = f"{row.product}: " + (row.plan.result.reason if row.plan else _("no forecast: {why}").format(
                why=row.problem))
        self.query_one("#growth-reason", Static).update(text)

    def on_virtual_table_cursor_moved(self, event: VirtualTable.CursorMoved) -> None:
        if event.table.id == "growth-products":
            self.show_reason()

    # -- cells ---------------------------------------------------------------
    def product_cells(self, index: int) -> list[Cell]:
        row = self.products[index]
        if row.plan is None:
            return [row.product, format_count(row.owned), "—", "", (_("no data"), "muted"), "—",
                    format_count(row.planned), ""]
        point = row.plan.result.at_horizon
        if row.to_buy:
            advice: Cell = (_("buy {n}").format(n=format_count(row.to_buy)), "bad")
        elif row.surplus:
            advice = (_("surplus {n}").format(n=format_count(row.surplus)), "warn")
        else:
            advice = (_("covered"), "good")
        return [row.product, format_count(row.owned), one_decimal(point.expected),
                f"{one_decimal(point.lower95)}–{one_decimal(point.upper95)}", method_label(row.plan.result.method),
                format_count(row.recommended), format_count(row.planned), advice]

    def contract_cells(self, index: int) -> list[Cell]:
        contract = self.rows[index]
        new = self.wizard.renewal.quantity_for(contract.id, contract.quantity)
        change = new - contract.quantity
        line = self.lines.get(contract.id)
        return [
            contract.id, contract.product, format_count(contract.quantity),
            (format_count(new), "warn") if change else format_count(new),
            signed_count(change),
            format_decimal(line.additional_amount) if line and line.added else "",
            format_decimal(line.total) if line else "—",
            contract.currency,
        ]

    # -- keys --------------------------------------------------------------
    def current(self) -> Contract | None:
        table = self.query_one("#growth-contracts", VirtualTable)
        return self.rows[table.cursor_row] if 0 <= table.cursor_row < len(self.rows) else None

    def set_quantity(self, contract: Contract, quantity: int | None) -> None:
        quantities = dict(self.wizard.renewal.quantities)
        if quantity is None or quantity == contract.quantity:
            quantities.pop(contract.id, None)
        else:
            quantities[contract.id] = quantity
        self.wizard.update(quantities=quantities)
        self.wizard.typed()
        self.recompute()

    def action_edit(self) -> None:
        contract = self.current()
        if contract is None:
            return
        current = self.wizard.renewal.quantity_for(contract.id, contract.quantity)

        def chosen(quantity: int | None) -> None:
            if quantity is not None:
                self.set_quantity(contract, quantity)
                self.wizard.keep()

        self.app.push_screen(ValueForm(
            _("New quantity · {id} · {product}").format(id=contract.id, product=contract.product),
            _("Licences"), str(current), lambda text: parse_whole(text, minimum=1, maximum=MAX_QUANTITY),
            hint=_("now {n}; more adds licences priced from today to T · enter save · esc cancel").format(
                n=format_count(contract.quantity))), chosen)

    def action_recommend(self) -> None:
        contract = self.current()
        row = next((r for r in self.products if contract and r.product == contract.product), None)
        if contract is None or row is None or row.recommended is None:
            self.app.notify(_("No recommendation for this product (no usage forecast)."), severity="warning")
            return
        self.set_quantity(contract, recommended_quantity(row, contract, self.wizard.renewal))

    def action_keep(self) -> None:
        contract = self.current()
        if contract is not None:
            self.set_quantity(contract, None)

    def action_adjust(self, delta: int) -> None:
        contract = self.current()
        if contract is not None:
            new = self.wizard.renewal.quantity_for(contract.id, contract.quantity) + delta
            self.set_quantity(contract, max(1, min(MAX_QUANTITY, new)))
