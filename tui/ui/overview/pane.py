"""The Overview tab: every contract, soonest end first, with a filter, a detail panel and edits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from tui.domain.contract import Contract
from tui.domain.contract_query import ContractIndex, ContractQuery
from tui.domain.status import Status, days_left, status_of, summarize
from tui.formatting import format_count, format_date, format_money
from tui.i18n import N_, _, ngettext
from tui.store.errors import StoreError
from tui.ui.messages import StartRenewal
from tui.ui.overview.contract_detail import ContractDetail
from tui.ui.overview.data import OverviewData
from tui.ui.session import Session
from tui.ui.widgets.layout import BlankRow
from tui.ui.widgets.tab_pane import TabPane
from tui.ui.widgets.virtual_table import Cell, Column, VirtualTable
from tui.ui.widgets.screens import focus_now

STATUS_TONE = {Status.EXPIRED: "bad", Status.DUE: "warn", Status.ACTIVE: "good"}


def overview_columns() -> list[Column]:
    return [
        Column("id", _("Contract"), 13, keep=9),
        Column("product", _("Product"), 12, flex=True, keep=8),
        Column("quantity", _("Lic."), 5, align="right", keep=5),
        Column("end", _("End"), 10, keep=7),
        Column("days", _("Days"), 5, align="right", keep=6),
        Column("status", _("Status"), 8, keep=9),  # "EXPIRED↻", "DUE    ↻": ↻ = in an open renewal
        Column("cost", _("Annual cost"), 14, align="right", keep=4),
        Column("partner", _("Partner"), 12, flex=True, keep=3),
    ]


EDIT_GROUP = Binding.Group(N_("Contract"), compact=True)


class OverviewPane(TabPane):
    # What the Footer shows fits 80 columns with help and quit; the rest is in the help (F1). The filter
    # bar says "/ filter" itself and the mode line shows the sort.
    BINDINGS = [
        # A priority binding runs as the key is read, so the keys after it in one burst (a slow link
        # delivers them together) already go to the filter; typed in the filter, "/" is just a character.
        Binding("slash", "focus_filter", N_("Filter"), show=False, priority=True,
                tooltip=N_("Filter the rows as you type: id, product, partner, certificate")),
        Binding("space", "toggle_mark", N_("Mark"),
                tooltip=N_("Mark the contract, to assign a partner (4, u) or renew the marked ones (n)")),
        Binding("f", "cycle_show", N_("Show"), tooltip=N_("Show all → expired + due → expired only")),
        Binding("s", "cycle_sort", N_("Sort"), show=False,
                tooltip=N_("Next sort order: end date, id, product, partner, annual cost")),
        Binding("r", "reverse_sort", N_("Reverse"), show=False, tooltip=N_("Reverse the sort order")),
        Binding("a", "add", N_("Add"), group=EDIT_GROUP, tooltip=N_("Add a contract")),
        Binding("e,enter", "edit", N_("Edit"), group=EDIT_GROUP, tooltip=N_("Edit the highlighted contract")),
        Binding("d,delete", "delete", N_("Delete"), group=EDIT_GROUP,
                tooltip=N_("Delete the highlighted contract (asks first)")),
        Binding("i", "app.import", N_("Import"), tooltip=N_("Import a contracts CSV: check it, see what would change, then import")),
        Binding("n", "renew", N_("Renew"),
                tooltip=N_("New renewal of the marked contracts (none marked: the expired and due ones)")),
    ]

    def __init__(self, session: Session, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(session, id=id, classes=classes)
        self.query_state = ContractQuery()
        self.index = ContractIndex([])
        self.summary = summarize([], date.min)
        self.rows: Sequence[Contract] = []
        self.count = 0  # contracts in the file
        self.in_renewal: dict[str, str] = {}  # contract id -> the open renewal that holds it

    @property
    def marked(self) -> set[str]:
        """Contract ids picked for a partner assignment or a renewal (the session's: other tabs read them)."""
        return self.session.marked

    @marked.setter
    def marked(self, ids: set[str]) -> None:
        self.session.marked = ids


    def compose(self) -> ComposeResult:
        yield Static("", id="overview-summary", markup=False)
        with BlankRow(id="overview-filter-bar"):
            yield Input(placeholder=_("/ filter: id, product, partner, certificate"), id="overview-filter",
                        compact=True)
            yield Static("", id="overview-mode", markup=False)
        yield Static("", id="overview-empty", markup=False)
        with BlankRow(id="overview-body"):
            yield VirtualTable(overview_columns(), self.cells_for, id="overview-table")
            yield ContractDetail("", id="overview-detail")

    def on_mount(self) -> None:
        self.reload()

    # -- data --------------------------------------------------------------
    def reload(self, keep_id: str | None = None) -> None:
        """Re-read the contracts (after a write, or when another process changed the file)."""
        session = self.session
        data = session.take_first_screen()
        if data is None or data.query != self.query_state:
            data = OverviewData.load(session.contracts.all(), session.partner_names(), session.today, session.notice_days,
                                     self.query_state)
        self.index, self.summary, self.count = data.index, data.summary, data.count
        self.marked &= {c.id for c in self.index.contracts}
        self.in_renewal = self.open_renewals()
        self.refilter(keep_id, rows=data.rows)

    def open_renewals(self) -> dict[str, str]:
        """Contract id -> the open renewal (draft or requested) that holds it, as stored now (read afresh:
        the Renewal tab writes through its own repository)."""
        if self.session.repositories is None:  # painted from the start-up glance: no file read yet
            return {}
        return self.session.renewals.busy_contracts()  # (its module is loaded here, after start-up)

    def refilter(self, keep_id: str | None = None, rows: Sequence[Contract] | None = None) -> None:
        """Select and sort the rows for the query (`rows`: already selected for it)."""
        session = self.session
        table = self.query_one(VirtualTable)
        current = self.current()
        keep_id = keep_id or (current.id if current else None)
        self.rows = rows if rows is not None else self.index.select(self.query_state, session.today, session.notice_days)
        cursor = next((i for i, c in enumerate(self.rows) if c.id == keep_id), None)
        table.set_row_count(len(self.rows), cursor=cursor if cursor is not None else 0)
        self.update_texts()
        self.show_detail()

    def update_texts(self) -> None:
        empty = not self.count
        self.query_one("#overview-empty", Static).display = empty
        self.query_one("#overview-body").display = not empty
        if empty:
            self.query_one("#overview-empty", Static).update(
                _("No contracts yet.\n\nPress a to add one, i to import a contracts CSV here, or import it from "
                  "the shell:\n    renewals import contracts FILE.csv\n\nSee the README for the CSV columns.")
            )
        summary = self.summary
        totals = "  ".join(format_money(v, k) for k, v in summary.annual_totals.items()) or "—"
        windows = " · ".join(_("≤{days}d {n}").format(days=days, n=n) for days, n in summary.due)
        self.query_one("#overview-summary", Static).update(
            _("{expired} expired · due {windows} · yearly {totals}").format(
                expired=summary.expired, windows=windows, totals=totals)
        )
        q = self.query_state
        arrow = "↓" if q.descending else "↑"
        self.query_one("#overview-mode", Static).update(
            _("{marked}{shown}/{total} · show {show} · sort {order} {arrow}").format(
                marked=_("{n} marked · ").format(n=len(self.marked)) if self.marked else "",
                shown=format_count(len(self.rows)), total=format_count(self.count),
                show=q.show.label, order=q.order.label, arrow=arrow)
        )

    def cells_for(self, index: int) -> list[Cell]:
        contract = self.rows[index]
        if contract is None:  # below what the start-up glance holds, on a very tall terminal
            return [""] * len(overview_columns())
        session = self.session
        status = status_of(contract, session.today, session.notice_days)
        return [
            ("● " + contract.id, "warn") if contract.id in self.marked else contract.id,
            contract.product,
            format_count(contract.quantity),
            format_date(contract.end),
            str(days_left(contract, session.today)),
            (f"{status.label.upper():<7}↻" if contract.id in self.in_renewal else status.label.upper(),
             STATUS_TONE[status]),
            format_money(contract.annual_cost, contract.currency),
            self.index.partner_label(contract),
        ]

    def show_contract(self, contract_id: str) -> None:
        """Put the cursor on a contract, clearing the filter if it hides it."""
        if not any(c.id == contract_id for c in self.rows):
            self.query_one("#overview-filter", Input).value = ""
            self.query_state = ContractQuery(order=self.query_state.order, descending=self.query_state.descending)
        self.refilter(keep_id=contract_id)
        self.query_one(VirtualTable).focus()

    def action_toggle_mark(self) -> None:
        contract = self.current()
        if contract is None:
            return
        self.marked ^= {contract.id}
        self.query_one(VirtualTable).action_cursor(1)
        self.update_texts()

    def marked_or_current(self) -> list[Contract]:
        """The marked contracts, or else the highlighted one: what an action applies to."""
        by_id = {c.id: c for c in self.index.contracts}
        chosen = [by_id[i] for i in sorted(self.marked) if i in by_id]
        current = self.current()
        return chosen or ([current] if current else [])

    def current(self) -> Contract | None:
        table = self.query_one(VirtualTable)
        if 0 <= table.cursor_row < len(self.rows):
            return self.rows[table.cursor_row]
        return None

    def show_detail(self) -> None:
        contract = self.current()
        session = self.session
        label = self.index.partner_label(contract) if contract else ""
        session.highlighted = contract
        renewal = self.in_renewal.get(contract.id, "") if contract else ""
        self.query_one(ContractDetail).show(contract, session.today, label, session.notice_days, renewal)

    def on_virtual_table_cursor_moved(self, event: VirtualTable.CursorMoved) -> None:
        self.show_detail()

    # -- filter ------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "overview-filter":
            self.query_state = replace(self.query_state, text=event.value)
            self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        focus_now(self.screen, self.query_one(VirtualTable))

    def on_key(self, event) -> None:
        if event.key == "escape" and self.query_one("#overview-filter", Input).has_focus:
            focus_now(self.screen, self.query_one(VirtualTable))
            event.stop()

    async def action_renew(self) -> None:
        """Start a renewal with the marked contracts; none marked: the expired and due ones, as `n` in the
        Renewal tab does (the same key must not mean "the highlighted contract" in one tab only)."""
        self.post_message(StartRenewal())

    def action_focus_filter(self) -> None:
        field = self.query_one("#overview-filter", Input)
        if field.has_focus:
            field.insert_text_at_cursor("/")
        else:
            focus_now(self.screen, field)  # now: the next key read is the filter's

    def action_cycle_show(self) -> None:
        self.query_state = replace(self.query_state, show=self.query_state.show.next())
        self.refilter()

    def action_cycle_sort(self) -> None:
        self.query_state = replace(self.query_state, order=self.query_state.order.next(), descending=False)
        self.refilter()

    def action_reverse_sort(self) -> None:
        self.query_state = replace(self.query_state, descending=not self.query_state.descending)
        self.refilter()

    # -- edits -------------------------------------------------------------
    def action_add(self) -> None:
        from tui.ui.overview.contract_form import ContractForm

        def saved(contract: Contract | None) -> None:
            if contract is not None:
                self.write(lambda: self.session.contracts.add(contract, self.session.today),
                           _("Added {id}.").format(id=contract.id), keep_id=contract.id)

        self.app.push_screen(ContractForm(_("New contract"), None, self.id_taken, self.session.partners), saved)

    def action_edit(self) -> None:
        from tui.ui.overview.contract_form import ContractForm

        original = self.current()
        if original is None:
            return

        def saved(contract: Contract | None) -> None:
            if contract is not None:  # the form stored it (a conflict keeps the form open, see ContractForm)
                self.app.notify(_("Saved {id}.").format(id=contract.id))
                self.session.data_changed(keep_id=contract.id)

        def write(contract: Contract, base_revision: int) -> None:
            self.session.contracts.update(contract, self.session.today, base_revision=base_revision,
                                           original_id=original.id)

        self.app.push_screen(ContractForm(_("Edit {id}").format(id=original.id), original, self.id_taken,
                                          self.session.partners, write=write,
                                          reread=lambda: self.session.contracts.get(original.id)), saved)

    def action_delete(self) -> None:
        from tui.ui.dialogs.confirm import ConfirmScreen

        contract = self.current()
        if contract is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda: self.session.contracts.delete(contract.id, base_revision=contract.revision),
                           _("Deleted {id}.").format(id=contract.id))

        question = ngettext("Delete contract {id} ({product}, {n} licence)? Its history goes with it.",
                            "Delete contract {id} ({product}, {n} licences)? Its history goes with it.",
                            contract.quantity).format(
            id=contract.id, product=contract.product, n=contract.quantity)
        self.app.push_screen(ConfirmScreen(question, yes=_("Delete")), answered)

    def id_taken(self, contract_id: str) -> bool:
        return self.session.contracts.get(contract_id) is not None

    def write(self, operation, done: str, keep_id: str | None = None) -> None:
        """Run a store write; on failure say why (nothing was changed) and show the file's current state."""
        try:
            operation()
        except StoreError as error:
            self.app.notify(str(error), title=_("Not saved"), severity="error", timeout=8)
        else:
            self.app.notify(done)
        self.session.data_changed(keep_id=keep_id)
