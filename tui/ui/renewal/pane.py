"""The Renewal tab: every renewal (drafts first to mind), and keys to start, resume or cancel one."""

from __future__ import annotations


from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.domain.contract import Contract
from tui.domain.coterm import suggested_dates
from tui.domain.renewal import Renewal, RenewalStatus, new_renewal
from tui.domain.status import Status, status_of
from tui.formatting import format_date, format_money
from tui.i18n import N_, _, ngettext
from tui.store.errors import StoreError
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.renewal.summary import RenewalView
from tui.ui.renewal.step_titles import short_step_titles
from tui.ui.renewal.wizard import RenewalWizard
from tui.ui.messages import ShowRenewals
from tui.ui.session import Session
from tui.ui.widgets.layout import BlankColumn
from tui.ui.widgets.tab_pane import TabPane
from tui.ui.widgets.virtual_table import Cell, Column, VirtualTable

STATUS_TONE = {RenewalStatus.DRAFT: "warn", RenewalStatus.REQUESTED: "warn", RenewalStatus.COMPLETED: "good",
               RenewalStatus.CANCELLED: "muted"}


def renewal_columns(estimate_width: int = 16) -> list[Column]:
    """The estimate is as wide as its widest total (every currency's), and gives way after the list of
    contracts, which is cut first: a total is never cut."""
    return [
        Column("id", _("Renewal"), 7, keep=9),
        Column("status", _("Status"), 9, keep=8),
        Column("step", _("Step"), 11, keep=6),
        Column("contracts", _("Contracts"), 8, flex=True, keep=5),
        Column("to", "T", 10, keep=7),
        Column("estimate", _("Estimate"), max(16, estimate_width), align="right", keep=7),
        Column("updated", _("Updated"), 10, keep=2),
    ]


def estimate_text(renewal: Renewal) -> str:
    """Every currency's total ("14,443.50 EUR + 5,000.00 RON"): amounts in two currencies are never added."""
    totals = renewal.quote.totals if renewal.quote else {}
    return " + ".join(format_money(total, currency) for currency, total in totals.items())


class RenewalPane(TabPane):
    BINDINGS = [
        Binding("n", "new", N_("New renewal"),
                tooltip=N_("New renewal of the expired and due contracts (or those marked in the Overview)")),
        Binding("enter,o", "open", N_("Open"), tooltip=N_("Resume the highlighted draft, or view a closed renewal")),
        Binding("c", "cancel_renewal", N_("Cancel renewal"), tooltip=N_("Cancel the highlighted renewal (asks first)")),
    ]

    def __init__(self, session: Session, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(session, id=id, classes=classes)
        self.rows: list[Renewal] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="renewal-summary", markup=False)
        yield Static("", id="renewal-empty", markup=False)
        with BlankColumn(id="renewal-body"):
            yield VirtualTable(renewal_columns(), self.cells_for, id="renewal-table")
            yield Static("", id="renewal-detail", markup=False)

    def on_mount(self) -> None:
        self.repository = self.session.renewals
        if self.app.return_code is None:  # not built in the background just as the app quits (nothing composed)
            self.reload()

    # -- data --------------------------------------------------------------
    def reload(self, keep_id: str | None = None) -> None:
        table = self.query_one(VirtualTable)
        current = self.current()
        keep_id = keep_id or (current.id if current else None)
        self.rows = self.repository.all()
        table.set_columns(renewal_columns(max((len(estimate_text(r)) for r in self.rows), default=0)))
        cursor = next((i for i, r in enumerate(self.rows) if r.id == keep_id), 0)
        table.set_row_count(len(self.rows), cursor=cursor)
        drafts = sum(1 for r in self.rows if r.status.is_open)
        count = {status: sum(1 for r in self.rows if r.status is status) for status in RenewalStatus}
        self.query_one("#renewal-summary", Static).update(
            _("{open} open · {done} completed · {cancelled} cancelled · n starts one with the expired and due "
              "contracts (or those marked in the Overview)").format(
                open=drafts, done=count[RenewalStatus.COMPLETED], cancelled=count[RenewalStatus.CANCELLED]))
        empty = not self.rows
        self.query_one("#renewal-empty", Static).display = empty
        self.query_one("#renewal-detail", Static).display = not empty  # an empty box under an empty list
        if empty:
            self.query_one("#renewal-empty", Static).update(
                _("No renewals yet.\n\nPress n to start one: the expired and due contracts are selected for you "
                  "(or mark contracts with space in the Overview first).\n\nThe wizard follows the vendor's five "
                  "steps: contracts and co-term date, proof of purchase, growth, partner and quote request, "
                  "order confirmation."))
        self.show_detail()

    def on_show(self) -> None:
        """Coming to this tab puts the keyboard on the list, so its keys work at once."""
        self.query_one(VirtualTable).focus()

    def current(self) -> Renewal | None:
        table = self.query_one(VirtualTable)
        return self.rows[table.cursor_row] if 0 <= table.cursor_row < len(self.rows) else None

    def cells_for(self, index: int) -> list[Cell]:
        renewal = self.rows[index]
        step = f"{renewal.step} {short_step_titles()[renewal.step - 1]}" if renewal.status.is_open else ""
        ids = renewal.contract_ids
        contracts = f"{len(ids)}: {', '.join(ids)}" if len(ids) > 1 else "".join(ids)
        return [renewal.id, (renewal.status.label, STATUS_TONE[renewal.status]), step, contracts,
                format_date(renewal.to), estimate_text(renewal), format_date(renewal.updated_on)]

    def show_detail(self) -> None:
        renewal = self.current()
        detail = self.query_one("#renewal-detail", Static)
        if renewal is None:
            detail.update("")
            return
        lines = [_("Contracts: {ids}").format(ids=", ".join(renewal.contract_ids) or "—")]
        if renewal.quote:
            lines.append(_("Estimate: {money}").format(
                money=" · ".join(format_money(v, k) for k, v in renewal.quote.totals.items())))
        partner = self.session.partner_names().get(renewal.partner, renewal.partner)
        if partner or renewal.request_path:
            lines.append(_("Partner: {partner} · request: {path}{sent}").format(
                partner=partner or "—", path=renewal.request_path or "—",
                sent=_(" (sent {date})").format(date=format_date(renewal.sent_on)) if renewal.sent_on else ""))
        detail.update("\n".join(lines))

    def on_virtual_table_cursor_moved(self, event: VirtualTable.CursorMoved) -> None:
        self.show_detail()

    # -- starting and resuming ---------------------------------------------------
    def proposed_contracts(self) -> list[Contract]:
        """The contracts marked in the Overview, else every expired or due one."""
        session = self.session
        if session.marked:
            return session.marked_or_highlighted()
        return [c for c in session.contracts.all()
                if status_of(c, session.today, session.notice_days) in (Status.EXPIRED, Status.DUE)]

    def start_new(self, contracts: list[Contract]) -> None:
        session = self.session
        busy = self.repository.busy_contracts()
        taken = [c.id for c in contracts if c.id in busy]
        chosen = sorted((c for c in contracts if c.id not in busy), key=lambda c: (c.end, c.id))
        if taken:
            self.app.notify(_("Left out, already in an open renewal: {ids}").format(ids=", ".join(taken)),
                            severity="warning")
        folders = [r.request_folder for r in self.repository.all() if r.request_folder]
        renewal = new_renewal([c.id for c in chosen], session.today,
                              to=suggested_dates(chosen, session.today)[0] if chosen else None,
                              fee_rate=session.settings.fee_rate,
                              request_folder=folders[0] if folders else "")
        self.open_wizard(renewal)

    def open_wizard(self, renewal: Renewal) -> None:
        session = self.session

        def closed(renewal_id: str | None) -> None:
            self.post_message(ShowRenewals())
            session.data_changed(keep_id=None)
            if renewal_id:
                self.reload(keep_id=renewal_id)
            done = self.repository.get(renewal_id) if renewal_id else None
            if done is not None and done.status is RenewalStatus.COMPLETED:
                self.app.notify(ngettext("Renewal {id} completed: {n} contract now ends on {to}.",
                                         "Renewal {id} completed: {n} contracts now end on {to}.",
                                         len(done.contract_ids)).format(
                    id=done.id, n=len(done.contract_ids), to=format_date(done.to)), title=_("Renewed"))

        self.app.push_screen(RenewalWizard(renewal, self.session), closed)

    # -- keys ----------------------------------------------------------------
    def action_new(self) -> None:
        self.start_new(self.proposed_contracts())

    def action_open(self) -> None:
        renewal = self.current()
        if renewal is None:
            return
        if renewal.status.is_open:
            self.open_wizard(renewal)
        else:
            self.app.push_screen(RenewalView(renewal, self.session.partner_names()))

    def action_cancel_renewal(self) -> None:
        renewal = self.current()
        if renewal is None or not renewal.status.is_open:
            self.app.notify(_("Only drafts and requested renewals can be cancelled."), severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.repository.cancel(renewal, self.session.today)
            except StoreError as error:
                self.app.notify(str(error), title=_("Not cancelled"), severity="error")
            else:
                self.app.notify(_("Renewal {id} cancelled; no contract was changed.").format(id=renewal.id))
            self.reload(keep_id=renewal.id)

        self.app.push_screen(ConfirmScreen(ngettext(
            "Cancel renewal {id} ({n} contract)? The contract stays as it is; the record is kept as cancelled.",
            "Cancel renewal {id} ({n} contracts)? The contracts stay as they are; the record is kept as cancelled.",
            len(renewal.contract_ids)).format(
            id=renewal.id, n=len(renewal.contract_ids)), yes=_("Cancel renewal")), answered)
