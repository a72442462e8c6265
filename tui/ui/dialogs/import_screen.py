"""Import a contracts CSV from inside the app: check first, show what would change, then apply.

Reading and checking a large file can take a while, so it runs in a thread
worker with a progress indicator; results come back to the screen thread.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, LoadingIndicator, Static

from tui.i18n import N_, _
from tui.store.transfer.contract_csv import ContractImportPlan, plan_contract_import
from tui.store.transfer.csv_reader import CsvRejected
from tui.store.errors import StoreError
from tui.store.file.paths import expand_home
from tui.ui.session import Session
from tui.ui.widgets.screens import Dialog
from tui.ui.widgets.translated_footer import TranslatedFooter

MAX_LINES_SHOWN = 200


class ImportScreen(Dialog[bool]):
    """Dismisses with True when something was imported."""

    BINDINGS = [Binding("ctrl+s", "apply", N_("Import")), Binding("escape", "cancel", N_("Close"))]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.plan: ContractImportPlan | None = None
        self.imported = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog import"):
            yield Static(_("Import contracts from a CSV file"), classes="dialog-title")
            yield Input(placeholder=_("path to FILE.csv, then enter to check it"), id="import-path", compact=True,
                        select_on_focus=False)
            yield LoadingIndicator(id="import-busy")
            with VerticalScroll(id="import-report-scroll"):
                yield Static("", id="import-report", markup=False)
            yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#import-busy").display = False

    def busy(self, on: bool) -> None:
        """While a file is checked or imported the path cannot change; after, it has the focus back (a
        disabled widget loses it), the cursor at its end, so a mistyped path is corrected by typing."""
        self.query_one("#import-busy").display = on
        path = self.query_one("#import-path", Input)
        path.disabled = on
        if not on:
            path.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.plan = None
        self.busy(True)
        self.check_file(expand_home(event.value.strip()))

    @work(thread=True, exclusive=True)
    def check_file(self, path: Path) -> None:
        existing = {c.id: c for c in self.session.contracts.all()}
        try:
            plan = plan_contract_import(path, existing, partners=self.session.partners.names())
        except CsvRejected as rejected:
            lines = [str(p) for p in rejected.problems]
            report = "\n".join(lines[:MAX_LINES_SHOWN] + ([f"… {len(lines) - MAX_LINES_SHOWN}"] if len(lines) >
                                                           MAX_LINES_SHOWN else []))
            self.app.call_from_thread(self.show, None, _("Nothing can be imported:") + "\n" + report)
            return
        lines = plan.describe()
        report = "\n".join(lines[-MAX_LINES_SHOWN:])
        hint = _("ctrl+s imports this; escape closes without importing.") if plan.new or plan.changed else \
            _("Nothing would change.")
        self.app.call_from_thread(self.show, plan, report + "\n\n" + hint)

    def show(self, plan: ContractImportPlan | None, report: str) -> None:
        self.busy(False)
        self.plan = plan
        self.query_one("#import-report", Static).update(report)

    def action_apply(self) -> None:
        if self.plan is None or not (self.plan.new or self.plan.changed):
            self.notify(_("Check a file first (type its path and press enter)."), severity="warning")
            return
        self.busy(True)
        self.apply_plan(self.plan)

    @work(thread=True, exclusive=True)
    def apply_plan(self, plan: ContractImportPlan) -> None:
        try:
            self.session.contracts.save_many(plan.new, plan.changed, self.session.today, source="import")
        except StoreError as error:
            self.app.call_from_thread(self.show, None, _("Not imported: {error}").format(error=error))
            return
        self.app.call_from_thread(self.finish, len(plan.new), len(plan.changed))

    def finish(self, new: int, changed: int) -> None:
        self.notify(_("Imported: {new} new, {changed} changed.").format(new=new, changed=changed))
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
