"""What can go wrong with the data file, as exceptions that carry the user's message."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class; `str(error)` is fit to show the user."""


class DatabaseRefused(StoreError):
    """The file exists but is not a database we can safely use; it is left untouched."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConflictError(StoreError):
    """Someone else changed the record since it was read; nothing was written."""


class NotFoundError(StoreError):
    """The record asked for does not exist (any more)."""


class WriteFailed(StoreError):
    """The write could not be completed; the file on disk still holds the previous state."""


class NoDataFile(DatabaseRefused):
    """There is no data file at the path (or it is a directory): a command that only reads refuses it
    instead of reading "nothing", which would look like "all clear"."""
