"""Start-up in one place: how the app gets its data file, and what it does with the garbage collector meanwhile.

Two ways in (`create_app` picks one):

- from the store: the data file is opened (parsed and checked) before the terminal is taken over, so a
  damaged one is refused first; the Overview's rows are computed in a thread while Textual sets up the
  screen (its set-up waits on the terminal now and then: this fills it);
- from the glance (tui/store/file/glance.py), when it is current: the first screen is painted from it, and the
  data file is opened in a thread right after.  That thread reports back with a message, `DataOpened` or
  `OpenFailed` (tui/ui/messages.py); keys and clicks wait until then.  The report is handed over with
  `call_from_thread`, not posted: a key waiting for the data file holds the App's message queue.

The garbage collector is off while the data is loaded (importing Textual and building the first screen make
some 100,000 objects, the data file tens of thousands more: the collections they set off cost ~15 ms, and
~0.2 s at 10,000 contracts); `CollectorPause` turns it off and, at the end, sets what was loaded aside
(`gc.freeze`) and turns it on again.  No Textual here: the command line imports this module before Textual.
"""

from __future__ import annotations

import gc
import threading
from datetime import date
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tui.store.file.glance import Glance, read_glance
from tui.ui.overview.data import OverviewData
from tui.ui.session import Session

if TYPE_CHECKING:
    from textual.app import App

    from tui.store.file.database import Store
    from tui.store.repositories import Repositories


class CollectorPause:
    """`with pause:` — the garbage collector off inside; on leaving, what was made is frozen (never walked by
    a collection again) and the collector is on.  `begin()` may come earlier, in another thread: the command
    line pauses it before it imports Textual, and the thread that loads the data file ends the pause."""

    def begin(self) -> CollectorPause:
        gc.disable()
        return self

    def end(self) -> None:
        gc.freeze()
        gc.enable()

    def __enter__(self) -> CollectorPause:
        return self.begin()

    def __exit__(self, *_exc: object) -> None:
        self.end()


def set_long_lived_aside() -> None:
    """Once every tab is built: their widgets, indexes and plans live as long as the app.  Collect once now
    (~20 ms at full scale) and freeze them, or the next full collection walks them all — in the middle of a key."""
    gc.collect()
    gc.freeze()


def open_store(path: Path) -> Store:
    """Open (parse and check) the data file.  The storage modules are imported here: a start from the
    glance paints before they are loaded."""
    from tui.malloc import keep_large_buffers_unmapped
    from tui.store.file.database import Store

    keep_large_buffers_unmapped()  # before the file's text is read: it is large, and let go
    return Store(path)


def repositories_for(store: Store) -> Repositories:
    """The store's repositories, with the glance writer's modules (`tui.store.first_screen`): imported with
    them, not when the app closes."""
    import tui.store.first_screen  # noqa: F401
    from tui.store.repositories import Repositories

    return Repositories(store)


class Startup:
    """One start of the app: its session, and how its data file is (being) opened."""

    def __init__(self, path: Path, today: date, *, store: Store | None = None, glance: Glance | None = None,
                 pause: CollectorPause | None = None) -> None:
        assert (store is None) != (glance is None), "a start from the store or from the glance"
        self.path = path
        self.pause = pause or CollectorPause()  # begun by now on a start from the store (see `start`)
        self.started_from_glance = glance is not None  # it was current: no need to write it again at once
        self._first_screen: OverviewData | None = None
        self._preloader: threading.Thread | None = None
        if store is not None:
            repositories = repositories_for(store)
            self.session = Session(today, repositories.settings.get())
            self.session.use_repositories(repositories)
            self._preloader = threading.Thread(target=self._preload, name="preload-contracts", daemon=True)
            self._preloader.start()
        else:
            assert glance is not None
            self.session = Session(today, glance.settings)
            self._first_screen = OverviewData.from_glance(glance, today)
        self.session.take_first_screen = self.take_first_screen

    @property
    def opened(self) -> bool:
        """The data file is open (at once, or since `DataOpened` was handled)."""
        return self.session.repositories is not None

    def _preload(self) -> None:
        """(thread) Parse the file, index the contracts, sum them up and sort them for the Overview."""
        session = self.session
        with self.pause:
            try:
                self._first_screen = OverviewData.load(session.contracts.all(), session.partner_names(),
                                                       session.today, session.notice_days)
            except Exception:  # the main thread reads again and reports the problem itself
                self._first_screen = None

    def take_first_screen(self) -> OverviewData | None:
        """What was loaded at start-up, once; later reloads load their own."""
        if self._preloader is not None:
            self._preloader.join()
        data, self._first_screen = self._first_screen, None
        return data

    def open_in_background(self, app: App, report: Callable[[Any], None]) -> None:
        """After a start from the glance: open the data file in a thread, and `report` how it went (a
        `DataOpened` or `OpenFailed`, in `app`'s event loop)."""
        threading.Thread(target=self._open_data_file, args=(app, report), name="open-data-file",
                         daemon=True).start()

    def _open_data_file(self, app: App, report: Callable[[Any], None]) -> None:
        """(thread) What a start from the store does before and after the first paint, then a message."""
        from tui.ui.messages import DataOpened, OpenFailed  # Textual is loaded by now

        with self.pause:
            try:
                store = open_store(self.path)
                repositories = repositories_for(store)
                settings = repositories.settings.get()
                data = OverviewData.load(repositories.contracts.all(), repositories.partners.names(),
                                         self.session.today, settings.notice_days)
            except Exception as error:  # replaced since the glance was read (a race), unreadable, …
                message: OpenFailed | DataOpened = OpenFailed(error)  # keys wait: never leave them waiting
            else:
                message = DataOpened(repositories, settings, data)
        try:
            app.call_from_thread(report, message)
        except RuntimeError:  # the app closed meanwhile
            pass

    def opened_with(self, repositories: Repositories, first_screen: OverviewData) -> None:
        """(`DataOpened`, in the app) Read and write through these; the Overview shows `first_screen` next."""
        self.session.use_repositories(repositories)
        self._first_screen = first_screen


def start(db_path: Path, today: date, *, store: Store | None = None, use_glance: bool = True,
          pause: CollectorPause | None = None) -> Startup:
    """The start-up for the data file at `db_path`: from its glance if that is current (and `use_glance`),
    else from the store (`store`, or the file opened now: DatabaseRefused propagates)."""
    if store is None and use_glance:
        glance = read_glance(db_path)
        if glance is not None:  # the data file is read after the first paint (see open_in_background)
            return Startup(db_path, today, glance=glance, pause=pause)
    pause = pause or CollectorPause().begin()
    try:
        return Startup(db_path, today, store=store or open_store(db_path), pause=pause)
    except BaseException:
        pause.end()
        raise
