"""The Textual application and the factory that builds it (tests and screenshots use the factory)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.screen import Screen
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.widgets import Input

from tui.i18n import N_, _, current_language, on_language_change, use_language
from tui.domain.settings import Settings
from tui.domain.text import without_control_chars
from tui.store.errors import DatabaseRefused, StoreError
from tui.ui import messages
from tui.ui.overview.pane import OverviewPane
from tui.ui.dialogs.palette import jump_provider
from tui.ui.startup import CollectorPause, Startup, start
from tui.ui.tab_host import TabHost
from tui.ui.tabs import TABS
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.layout import BlankColumn, BlankSwitcher
from tui.ui.widgets.tab_bar import TabBar
from tui.ui.widgets.screens import MainScreen

if TYPE_CHECKING:
    from tui.store.contracts import ContractRepository
    from tui.store.file.database import Store
    from tui.store.partners import PartnerRepository
    from tui.store.settings import SettingsRepository
    from tui.ui.session import Session

POLL_SECONDS = 1.0
BUILD_TABS_AFTER_SECONDS = 0.5  # after the Overview has painted (and been looked at): the other tabs, one at a time


class RenewalsApp(TabHost, App):
    CSS_PATH = "app.tcss"
    TITLE = "renewals"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        # Priority: the switch happens as the key is read, so the keys after it in one burst ("4/backup"
        # over a slow link) go to the new tab; in a text field or a dialog they are not tab keys
        # (check_action), and the key goes on as before.
        Binding("1", "show_tab('overview')", N_("Overview"), show=False, id="tab.overview", priority=True,
                tooltip=N_("Show the Overview tab")),
        Binding("2", "show_tab('renewal')", N_("Renewal"), show=False, id="tab.renewal", priority=True,
                tooltip=N_("Show the Renewal tab")),
        Binding("3", "show_tab('forecast')", N_("Forecast"), show=False, id="tab.forecast", priority=True,
                tooltip=N_("Show the Forecast tab")),
        Binding("4", "show_tab('partners')", N_("Partners"), show=False, id="tab.partners", priority=True,
                tooltip=N_("Show the Partners tab")),
        Binding("5", "show_tab('budget')", N_("Budget"), show=False, id="tab.budget", priority=True,
                tooltip=N_("Show the Budget tab")),
        # Priority: help and quit work from inside the wizard and dialogs too (a text field still
        # takes a typed "?"). F2 is in the help and the palette; the Footer keeps its room for the tab's keys.
        Binding("f1,question_mark", "help", N_("Help"), id="app.help", priority=True,
                tooltip=N_("This help: every key, and the renewal steps")),
        Binding("f2", "settings", N_("Settings"), show=False, id="app.settings",
                tooltip=N_("Settings: formats, notice window, fee, headroom, theme")),
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True, tooltip=N_("Quit the app")),
    ]

    def __init__(self, startup: Startup) -> None:
        """Open as `startup` says: on an open store, or painted from the glance first (tui/ui/startup.py)."""
        super().__init__()
        self.startup = startup
        self.session: Session = startup.session
        self.session.changes = messages.DataChanged(self, "data-changed")
        self.COMMANDS = App.COMMANDS | {jump_provider(self.session)}  # type: ignore[misc]
        self._refused_notice_shown = False
        self._building_tab = asyncio.Lock()
        self.tabs_built = asyncio.Event()  # set once every tab has its pane
        self.loaded = asyncio.Event()  # set once the data file is open (keys and clicks wait for it)
        self.input_waiting = 0  # keys, clicks and pastes waiting for `loaded`
        self.failure: Exception | None = None  # why the data file could not be opened after a glance
        self.created_file: Path | None = None  # the data file made for this start: the app says where
        self.started_from_glance = startup.started_from_glance  # it was current: no need to write it again at once
        self.environment_language = current_language()  # the command line says what the environment chose
        self._stop_listening_to_language = on_language_change(
            lambda _code: self.call_later(self.redraw_in_language) if self.is_running else None)
        if startup.opened:
            self.loaded.set()

    # The session's state, as the tests and the command line read it.
    @property
    def today(self) -> date:
        return self.session.today

    @property
    def settings(self) -> Settings:
        return self.session.settings

    @property
    def notice_days(self) -> int:
        return self.session.notice_days

    @property
    def store(self) -> Store:
        return self.session.store

    @property
    def contracts(self) -> ContractRepository:
        return self.session.contracts

    @property
    def partners(self) -> PartnerRepository:
        return self.session.partners

    @property
    def settings_store(self) -> SettingsRepository:
        return self.session.settings_store

    # -- after a glance: the data file is opened once the first screen is painted -------------
    def take_startup_report(self, message: messages.DataOpened | messages.OpenFailed) -> None:
        """(from start-up's thread, through `call_from_thread`: see tui/ui/startup.py)"""
        if isinstance(message, messages.DataOpened):
            self.on_data_opened(message)
        else:
            self.on_open_failed(message)

    def on_data_opened(self, message: messages.DataOpened) -> None:
        self.startup.opened_with(message.repositories, message.first_screen)  # type: ignore[arg-type]
        if message.settings != self.settings:
            self.use_settings(message.settings)
        if not self.closing:
            self.query_one(OverviewPane).reload()
        self.loaded.set()
        self._after_opening()

    def on_open_failed(self, message: messages.OpenFailed) -> None:
        """Stop with the reason; the command line reports it as it reports a file refused at start."""
        self.failure = message.error
        self.loaded.set()
        self.exit(return_code=2 if isinstance(message.error, DatabaseRefused) else 1)

    def remember_first_screen(self) -> None:
        """Write the start-up glance of the data file as it is now, unless the one on disk is that
        already (the repositories hold their contracts: nothing is read or converted again)."""
        from tui.store.first_screen import remember_first_screen  # loaded already: see repositories_for

        remember_first_screen(self.store, self.session.repositories)

    def _after_opening(self) -> None:
        if self.created_file is not None:
            self.notify(_("Created a new data file: {path}").format(path=self.created_file),
                        title=_("New data file"), timeout=10)
        if self.store.read_only:
            self.notify(_("{path} is read-only for you: you can look, but nothing can be saved.").format(
                path=self.store.path), title=_("Read-only"), severity="warning", timeout=10)
        from tui.ui.renewal.resume import offer_resume

        self.call_after_refresh(offer_resume, self, self.session)

    def get_default_screen(self) -> Screen:
        # With its width class already set, the first resize restyles nothing (see HORIZONTAL_BREAKPOINTS).
        width = self.size.width
        wide = next((name for edge, name in reversed(self.HORIZONTAL_BREAKPOINTS) if width >= edge), "")
        return MainScreen(id="_default", classes=wide)

    def compose(self) -> ComposeResult:
        yield TabBar([(spec.id, spec.title) for spec in TABS], "overview", id="tab-bar")
        with BlankSwitcher(initial="overview", id="tabs"):
            for spec in TABS:  # only the Overview is filled now: see tui.ui.tabs
                with BlankColumn(id=spec.id, classes="tab"):
                    if spec.id == "overview":
                        yield OverviewPane(self.session, id=spec.pane_id, classes="data-pane")
        yield KeysFooter()  # at 80 columns the tab's keys, help and quit all fit

    @property
    def closing(self) -> bool:
        """The app is on its way out: Textual mounts nothing more (a pane mounted now gets no children)."""
        return self.return_code is not None

    def on_mount(self) -> None:
        self.theme = self.settings.theme
        self.query_one("#overview-table").focus()
        self.call_after_refresh(self._tell_what_needs_attention)  # the first frame is the Overview alone
        if self.loaded.is_set():
            self._after_opening()
        else:
            self.call_after_refresh(self.startup.open_in_background, self, self.take_startup_report)
        self.set_interval(POLL_SECONDS, self.poll_store)
        self.call_after_refresh(self.set_timer, BUILD_TABS_AFTER_SECONDS,
                                lambda: self.run_worker(self.build_other_tabs, name="build-tabs", group="tabs"))

    def _tell_what_needs_attention(self) -> None:
        """"2 expired, 3 due within 30 days": the start-up notification."""
        pane = self.query_one(OverviewPane)
        summary = pane.summary
        if pane.count:
            urgent = summary.urgent
            self.notify(summary.attention_text(), title=_("Needs attention") if urgent else "",
                        severity="warning" if urgent else "information")

    # -- what reaches the terminal -----------------------------------------
    async def on_event(self, event: events.Event) -> None:
        """A paste may carry escape sequences and other control characters: drop them before a text
        field shows them raw (keys typed one by one cannot carry them).  Until the data file is open
        (after a start-up glance) keys, clicks and pastes wait, in order."""
        if not self.loaded.is_set() and isinstance(event, (events.Key, events.MouseEvent, events.Paste)):
            self.input_waiting += 1
            await self.loaded.wait()
            self.input_waiting -= 1
        if isinstance(event, events.Paste):
            event.text = without_control_chars(event.text)
        elif isinstance(event, events.Key) and event.character == "\u200d" and self._typed_into_field(event):
            return
        await super().on_event(event)

    def _typed_into_field(self, event: events.Key) -> bool:
        """Textual types only printable keys, and the zero-width joiner that makes 👨 + 💻 one emoji is not."""
        from textual.widgets import Input

        field = self.focused
        if not isinstance(field, Input) or event.character is None:
            return False
        field.call_later(field.insert_text_at_cursor, event.character)  # after the keys already sent to it
        return True

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Messages hold ids, names and paths ("[/]" is a valid contract id): never read them as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # -- help, settings, palette -------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_tab":
            return self.screen is self.screen_stack[0] and not isinstance(self.screen.focused, Input)
        return True

    def action_help(self) -> None:
        """F1 / ? open the help, and close it again (the keys are priority bindings, so they come here first)."""
        from tui.ui.dialogs.help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen())

    def action_settings(self) -> None:
        from tui.ui.dialogs.settings_screen import SettingsScreen

        from tui.store.user_preferences import store_language, stored_language

        started_from = self.settings
        screen = SettingsScreen(self.settings, language=stored_language(),
                                environment_language=self.environment_language)

        def saved(settings: Settings | None) -> None:
            if settings is None:
                return
            try:
                stored = self.settings_store.save(settings, base=started_from)
            except StoreError as error:
                self.notify(str(error), title=_("Not saved"), severity="error")
                return
            self.use_settings(stored)
            self.data_changed()
            if screen.chosen_language != screen.language:
                try:
                    store_language(screen.chosen_language)
                except OSError as error:
                    self.notify(str(error), title=_("Language not saved"), severity="error")
                    return
                use_language(screen.chosen_language or self.environment_language)  # redraws: redraw_in_language
            self.notify(_("Settings saved."))

        self.push_screen(screen, saved)

    def on_unmount(self) -> None:
        self._stop_listening_to_language()

    def use_settings(self, settings: Settings) -> None:
        """Settings changed while the app runs: the theme too (the caller redraws the tabs)."""
        self.session.use_settings(settings)
        self.theme = settings.theme

    def action_import(self) -> None:
        from tui.ui.dialogs.import_screen import ImportScreen

        def done(imported: bool | None) -> None:
            if imported:
                self.data_changed()

        self.push_screen(ImportScreen(self.session), done)

    def action_command_palette(self) -> None:
        """Textual only checks whether the palette is the top screen: with help opened from the palette
        (F1 works everywhere), a second one would crash the app.  The open one is left as it is."""
        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            super().action_command_palette()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(_("Import contracts…"), _("Check a CSV file, see what would change, import"),
                            self.action_import)
        yield SystemCommand(_("Settings"), _("Date and number formats, notice window, rates, theme"),
                            self.action_settings)
        yield SystemCommand(_("Help"), _("Every key, and the renewal steps"), self.action_help)
        yield SystemCommand(_("Budget"), _("What renewals will cost per month or quarter, converted; the spend "
                                           "by year"), lambda: self.run_worker(self.action_show_tab("budget")))
        if not screen.is_modal:  # not from inside the renewal wizard or a dialog
            yield SystemCommand(_("Start a renewal…"),
                                _("The expired and due contracts, or the ones marked in the Overview"),
                                self.action_start_renewal)

    async def action_start_renewal(self) -> None:
        await self.action_show_tab("renewal")
        (await self.tab_content("renewal")).action_new()  # type: ignore[attr-defined]

    # -- what the panes, dialogs and start-up ask for (tui/ui/messages.py) ----
    async def on_show_contract(self, message: messages.ShowContract) -> None:
        await self.action_show_tab("overview")
        self.query_one(OverviewPane).show_contract(message.contract_id)

    async def on_show_partner(self, message: messages.ShowPartner) -> None:
        await self.action_show_tab("partners")
        (await self.tab_content("partners")).show_partner(message.partner_id)  # type: ignore[attr-defined]

    async def on_start_renewal(self, message: messages.StartRenewal) -> None:
        renewal_pane = await self.tab_content("renewal")
        if message.contracts is None:
            renewal_pane.action_new()  # type: ignore[attr-defined]
        else:
            renewal_pane.start_new(message.contracts)  # type: ignore[attr-defined]

    async def on_open_renewal(self, message: messages.OpenRenewal) -> None:
        await self.action_show_tab("renewal")
        (await self.tab_content("renewal")).open_wizard(message.renewal)  # type: ignore[attr-defined]

    async def on_show_renewals(self, message: messages.ShowRenewals) -> None:
        await self.action_show_tab("renewal")
        if message.renewal_id is not None:
            (await self.tab_content("renewal")).reload(keep_id=message.renewal_id)

    def poll_store(self) -> None:
        """Pick up writes made by another process (an import in another terminal)."""
        if not self.loaded.is_set():
            return
        try:
            self.store.refresh()
        except DatabaseRefused as refused:
            if not self._refused_notice_shown:
                self.notify(_("The data file was replaced by something unreadable ({problem}); "
                              "showing the last good state, not writing.").format(problem=refused.problem),
                            severity="error", timeout=15)
                self._refused_notice_shown = True
            return
        self._refused_notice_shown = False
        # Any read may be the one that finds another process's write (the tabs built in the
        # background read too), so compare with what the tabs were last given, not with the last poll.
        if self.store.generation != self.session.shown_generation:
            settings = self.settings_store.get()
            if settings != self.settings:  # another session saved settings
                self.use_settings(settings)
            self.data_changed()
            self.notify(_("The data file changed on disk; reloaded."), timeout=3)

    def data_changed(self, keep_id: str | None = None) -> None:
        """Tell every tab and the renewal wizard to show the stored state again (each listens to the session's
        signal: tui/ui/widgets/tab_pane.py, tui/ui/renewal/wizard.py)."""
        self.session.data_changed(keep_id)


def create_app(db_path: Path | str, today: date, *, store: Store | None = None, use_glance: bool = True,
               pause: CollectorPause | None = None) -> RenewalsApp:
    """Build the app on the file at `db_path` with a fixed "today" (deterministic for tests).

    Opening the file here means a damaged one is refused (DatabaseRefused)
    before the terminal is taken over — unless the file's start-up glance is
    current: then it is opened after the first paint (tui/ui/startup.py).
    """
    return RenewalsApp(start(Path(db_path), today, store=store, use_glance=use_glance, pause=pause))
