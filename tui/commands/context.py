"""What every subcommand gets: the database path, "today", and the output streams."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING

from tui.commands.output import CommandOutput, FailureReport
from tui.domain.text import printable_lines
from tui.formatting import use_formats

if TYPE_CHECKING:  # the store is imported by the commands that open it: `renewals` alone opens the app
    from tui.domain.settings import Settings
    from tui.store.file.database import Store
    from tui.store.repositories import Repositories


class CommandFailed(Exception):
    """Stop the command with a message on stderr and this exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


class StoppedAtArguments(Exception):
    """The arguments stop the command before it runs — a mistake (argparse's error), or `check -V`: reported
    by the command's FailureReport when it has its own (a monitoring plugin), else by argparse."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message
        self.report: FailureReport | None = None  # the command's own, when it has one


@dataclass
class CliContext:
    db_path: Path
    today: date
    stdout: CommandOutput | IO[str] | None = None  # sys.stdout; wrapped in a CommandOutput (data: `write`)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    _store: Store | None = None
    _repositories: Repositories | None = None
    _opened_as: tuple | None = None  # the file's signature when it was opened

    def __post_init__(self) -> None:
        if not isinstance(self.stdout, CommandOutput):
            self.stdout = CommandOutput(sys.stdout if self.stdout is None else self.stdout)

    def store(self, *, create: bool = False) -> Store:
        """Open the database once (DatabaseRefused propagates: the CLI turns it into exit 2).  A command
        that only reads refuses a missing file (NoDataFile) rather than reading it as empty; one that
        writes (`create`) makes it on its first write."""
        if self._store is None:
            from tui.store.file.database import Store
            from tui.store.file.paths import check_data_file, make_default_folder

            check_data_file(self.db_path, must_exist=not create)
            if create:
                make_default_folder(self.db_path)
            self._store = Store(self.db_path)
            self._opened_as = self._store.signature
            settings = self.repositories().settings.get()  # everything printed follows the user's formats
            use_formats(settings.date_format, settings.number_format)
        return self._store

    def repositories(self, *, create: bool = False) -> Repositories:
        """The store's repositories, made once (as the app's session makes them: tui.store.repositories);
        `create` as for `store`."""
        if self._repositories is None:
            from tui.store.repositories import Repositories

            self._repositories = Repositories(self._store if self._store is not None else self.store(create=create))
        return self._repositories

    def keep_glance_current(self) -> None:
        """After a command that wrote the file (an import, a co-term…), write the app's start-up glance
        again if there was one, so the next start is still painted before the file is read. (Imported here,
        right after the write, in a command that lasts a moment: a command that only reads does not load
        the partners' repository for it.)"""
        from tui.store.first_screen import remember_first_screen
        from tui.store.file.glance import glance_path

        store = self._store
        if store is not None and store.signature != self._opened_as and glance_path(store.path).exists():
            remember_first_screen(store, self.repositories())

    def settings(self) -> Settings:
        return self.repositories().settings.get()

    def out(self, text: str = "") -> None:
        """Print a line (or lines) for people; control characters in data never reach the terminal raw."""
        self.stdout.write_text(printable_lines(text) + "\n")  # type: ignore[union-attr]

    def err(self, text: str) -> None:
        self.stderr.write(printable_lines(text) + "\n")
