"""The Textual application and the factory that builds it (tests and screenshots use the factory)."""

from __future__ import annotations

import asyncio
import gc
import threading
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

from tui.i18n import _
from tui.domain.settings import Settings
from tui.domain.text import without_control_chars
from tui.formatting import use_formats
from tui.store.errors import DatabaseRefused, StoreError
from tui.store.glance import Glance, read_glance
from tui.ui.overview import OverviewData, OverviewPane
from tui.ui.palette import JumpProvider
from tui.ui.tab_host import TabHost
from tui.ui.tabs import TABS
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.layout import BlankColumn, BlankSwitcher
from tui.ui.widgets.tab_bar import TabBar
from tui.ui.widgets.screens import MainScreen

if TYPE_CHECKING:
    from tui.store.database import Store

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
        Binding("1", "show_tab('overview')", _("Overview"), show=False, id="tab.overview", priority=True,
                tooltip=_("Show the Overview tab")),
        Binding("2", "show_tab('renewal')", _("Renewal"), show=False, id="tab.renewal", priority=True,
                tooltip=_("Show the Renewal tab")),
        Binding("3", "show_tab('forecast')", _("Forecast"), show=False, id="tab.forecast", priority=True,
                tooltip=_("Show the Forecast tab")),
        Binding("4", "show_tab('partners')", _("Partners"), show=False, id="tab.partners", priority=True,
                tooltip=_("Show the Partners tab")),
        Binding("5", "show_tab('budget')", _("Budget"), show=False, id="tab.budget", priority=True,
                tooltip=_("Show the Budget tab")),
        # Priority: help and quit work from inside the wizard and dialogs too (a text field still
        # takes a typed "?"). F2 is in the help and the palette; the Footer keeps its room for the tab's keys.
        Binding("f1,question_mark", "help", _("Help"), id="app.help", priority=True,
                tooltip=_("This help: every key, and the renewal steps")),
        Binding("f2", "settings", _("Settings"), show=False, id="app.settings",
                tooltip=_("Settings: formats, notice window, fee, headroom, theme")),
        Binding("ctrl+q", "quit", _("Quit"), id="app.quit", priority=True, tooltip=_("Quit the app")),
    ]
    COMMANDS = App.COMMANDS | {JumpProvider}

    def __init__(self, store: Store | None, today: date, *, glance: tuple[Path, Glance] | None = None) -> None:
        """Open on `store`; or, with `glance` instead (the data file's path and its start-up glance),
        paint the glance first and open the data file right after (see tui.store.glance)."""
        super().__init__()
        self.today = today
        self._refused_notice_shown = False
        self._preloaded: OverviewData | None = None
        self._preloader: threading.Thread | None = None
        self._building_tab = asyncio.Lock()
        self.tabs_built = asyncio.Event()  # set once every tab has its pane
        self.loaded = asyncio.Event()  # set once the data file is open (keys and clicks wait for it)
        self.input_waiting = 0  # keys, clicks and pastes waiting for `loaded`
        self.failure: Exception | None = None  # why the data file could not be opened after a glance
        self.created_file: Path | None = None  # the data file made for this start: the app says where
        self._glance_of = glance[0] if glance else None
        self.started_from_glance = glance is not None  # it was current: no need to write it again at once
        if store is not None:
            self._use_store(store)
            self._apply_settings(self.settings_store.get())
            self._preloader = threading.Thread(target=self._preload, name="preload-contracts", daemon=True)
            self._preloader.start()
            self.loaded.set()
        else:
            assert glance is not None, "RenewalsApp needs a store or a glance"
            self._apply_settings(glance[1].settings)
            self._preloaded = OverviewData.from_glance(glance[1], today)

    def _use_store(self, store: Store, repositories: tuple | None = None) -> None:
        """Read and write through `store`, with the repositories made for it already if given (they
        keep what they have converted)."""
        self.store = store
        self.contracts, self.partners, self.settings_store = repositories or repositories_for(store)
        self._shown_generation = store.generation  # the data file's load the tabs show; see poll_store

    def _apply_settings(self, settings: Settings) -> None:
        """Show everything with these settings from now on (the caller redraws what is shown)."""
        self.settings = settings
        self.notice_days = settings.notice_days
        use_formats(settings.date_format, settings.number_format)

    def _preload(self) -> None:
        """Parse the file, index the contracts, sum them up and sort them for the Overview while
        Textual sets up the screen (its set-up waits on the terminal now and then: this fills it)."""
        try:
            self._preloaded = OverviewData.load(self.contracts.all(), self.partner_names(), self.today,
                                                self.notice_days)
        except Exception:  # the main thread reads again and reports the problem itself
            self._preloaded = None
        finally:
            # Tens of thousands of long-lived objects now exist; without this every full
            # garbage collection during start-up walks them all (measured: ~0.2 s at 10,000).
            gc.freeze()
            gc.enable()

    def take_preloaded(self) -> OverviewData | None:
        """What was loaded at start-up, once; later reloads load their own."""
        if self._preloader is not None:
            self._preloader.join()
        data, self._preloaded = self._preloaded, None
        return data

    # -- after a glance: the data file is opened once the first screen is painted -------------
    def _open_in_background(self) -> None:
        assert self._glance_of is not None
        threading.Thread(target=self._open_data_file, args=(self._glance_of,), name="open-data-file",
                         daemon=True).start()

    def _open_data_file(self, path: Path) -> None:
        """(thread) What `__init__` and `_preload` do without a glance, then hand it to the app."""
        gc.disable()  # as create_app does around a load: see _preload
        try:
            store = open_store(path)
            repositories = repositories_for(store)
            contracts, partners, settings_store = repositories
            settings = settings_store.get()
            data = OverviewData.load(contracts.all(), partners.names(), self.today, settings.notice_days)
        except Exception as error:  # replaced since the glance was read (a race), unreadable, …
            self._call_app(self._cannot_open, error)  # keys wait for `loaded`: never leave it unset
        else:
            self._call_app(self._opened, store, repositories, settings, data)
        finally:
            gc.freeze()
            gc.enable()

    def _call_app(self, callback, *args) -> None:
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:  # the app closed meanwhile
            pass

    def _opened(self, store: Store, repositories: tuple, settings: Settings, data: OverviewData) -> None:
        self._use_store(store, repositories)
        self._glance_of = None
        if settings != self.settings:
            self.use_settings(settings)
        self._preloaded = data
        if not self.closing:
            self.query_one(OverviewPane).reload()
        self.loaded.set()
        self._after_opening()

    def _cannot_open(self, error: Exception) -> None:
        """Stop with the reason; the command line reports it as it reports a file refused at start."""
        self.failure = error
        self.loaded.set()
        self.exit(return_code=2 if isinstance(error, DatabaseRefused) else 1)

    def remember_first_screen(self) -> None:
        """Write the start-up glance of the data file as it is now, unless the one on disk is that
        already (the repositories hold their contracts: nothing is read or converted again)."""
        from tui.store.first_screen import remember_first_screen  # loaded already: see repositories_for

        remember_first_screen(self.store, (self.contracts, self.partners, self.settings_store))

    def _after_opening(self) -> None:
        if self.created_file is not None:
            self.notify(_("Created a new data file: {path}").format(path=self.created_file),
                        title=_("New data file"), timeout=10)
        if self.store.read_only:
            self.notify(_("{path} is read-only for you: you can look, but nothing can be saved.").format(
                path=self.store.path), title=_("Read-only"), severity="warning", timeout=10)
        from tui.ui.renewal.resume import offer_resume

        self.call_after_refresh(offer_resume, self)

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
                        yield OverviewPane(id=spec.pane_id, classes="data-pane")
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
            self.call_after_refresh(self._open_in_background)
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

    def partner_names(self) -> dict[str, str]:
        """Partner id → name, for showing names instead of ids."""
        return self.partners.names()

    # -- help, settings, palette -------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_tab":
            return self.screen is self.screen_stack[0] and not isinstance(self.screen.focused, Input)
        return True

    def action_help(self) -> None:
        """F1 / ? open the help, and close it again (the keys are priority bindings, so they come here first)."""
        from tui.ui.help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen())

    def action_settings(self) -> None:
        from tui.ui.settings_screen import SettingsScreen

        started_from = self.settings

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
            self.notify(_("Settings saved."))

        self.push_screen(SettingsScreen(self.settings), saved)

    def use_settings(self, settings: Settings) -> None:
        """Settings changed while the app runs: the theme too (the caller redraws the tabs)."""
        self._apply_settings(settings)
        self.theme = settings.theme

    def action_import(self) -> None:
        from tui.ui.import_screen import ImportScreen

        def done(imported: bool | None) -> None:
            if imported:
                self.data_changed()

        self.push_screen(ImportScreen(), done)

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

    async def jump_to_contract(self, contract_id: str) -> None:
        await self.action_show_tab("overview")
        self.query_one(OverviewPane).show_contract(contract_id)

    def partner_entries(self) -> list[tuple[str, str, str]]:
        """(id, name, city) of every partner, for the palette."""
        return [(p.id, p.name, p.city) for p in self.partners.all()]

    async def jump_to_partner(self, partner_id: str) -> None:
        await self.action_show_tab("partners")
        (await self.tab_content("partners")).show_partner(partner_id)  # type: ignore[attr-defined]

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
        if self.store.generation != self._shown_generation:
            settings = self.settings_store.get()
            if settings != self.settings:  # another session saved settings
                self.use_settings(settings)
            self.data_changed()
            self.notify(_("The data file changed on disk; reloaded."), timeout=3)

    def data_changed(self, keep_id: str | None = None) -> None:
        """Tell every tab (each pane has the class `data-pane` and a `reload`) to show the stored state again."""
        self._shown_generation = self.store.generation
        for pane in self.query(".data-pane"):
            if pane.is_mounted:  # one still being built reads the stored state when it is
                pane.reload(keep_id)  # type: ignore[attr-defined]
        for screen in list(self.screen_stack):  # the renewal wizard: its renewal may have changed elsewhere
            stored_changed = getattr(screen, "stored_changed", None)
            if stored_changed is not None:
                stored_changed()


def repositories_for(store: Store) -> tuple:
    """(contracts, partners, settings) repositories of `store`, imported here: see `open_store`. The glance
    writer is imported with them, not when the app closes (`tui.store.first_screen`)."""
    import tui.store.first_screen  # noqa: F401
    from tui.store.contracts import ContractRepository
    from tui.store.partners import PartnerRepository
    from tui.store.settings import SettingsRepository

    return ContractRepository(store), PartnerRepository(store), SettingsRepository(store)


def open_store(path: Path) -> Store:
    """Open (parse and check) the data file.  The storage modules are imported here: a start from the
    glance paints before they are loaded."""
    from tui.malloc import keep_large_buffers_unmapped
    from tui.store.database import Store

    keep_large_buffers_unmapped()  # before the file's text is read: it is large, and let go
    return Store(path)


def create_app(db_path: Path | str, today: date, *, store: Store | None = None,
               use_glance: bool = True) -> RenewalsApp:
    """Build the app on the file at `db_path` with a fixed "today" (deterministic for tests).

    Opening the file here means a damaged one is refused (DatabaseRefused)
    before the terminal is taken over — unless the file's start-up glance is
    current (tui.store.glance): then the file was readable when the glance was
    written and has not changed since, and it is opened after the first paint.
    The garbage collector stays off while the data is loaded; the thread that
    loads it turns it back on.
    """
    if store is None and use_glance:
        glance = read_glance(Path(db_path))
        if glance is not None:  # the data file is read after the first paint (see _open_data_file)
            return RenewalsApp(None, today, glance=(Path(db_path), glance))
    gc.disable()
    try:
        return RenewalsApp(store or open_store(Path(db_path)), today)
    except BaseException:
        gc.enable()
        raise
