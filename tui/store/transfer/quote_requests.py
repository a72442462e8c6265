"""Quote request files: plain text next to the data file, ready to carry across an air gap."""

from __future__ import annotations

from pathlib import Path

from tui.i18n import _
from tui.store.file.atomic import atomic_write
from tui.store.errors import WriteFailed
from tui.store.file.paths import expand_home

FOLDER_NAME = "quote-requests"


def default_folder(db_path: Path) -> Path:
    """`quote-requests/` in the directory of the database file."""
    return Path(db_path).resolve().parent / FOLDER_NAME


def request_folder(chosen: str, db_path: Path) -> Path:
    """The folder the user set (`~` expanded; a relative one is taken from the data file's directory),
    else the default one."""
    if not chosen.strip():
        return default_folder(db_path)
    folder = expand_home(chosen.strip())
    return folder if folder.is_absolute() else Path(db_path).resolve().parent / folder


def write_quote_request(folder: Path, renewal_id: str, text: str) -> Path:
    """Write (or replace) `<folder>/<renewal id>-quote-request.txt` atomically; the folder is created."""
    path = folder / f"{renewal_id}-quote-request.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text.encode("utf-8"))
    except OSError as error:
        raise WriteFailed(_("could not write {path}: {reason}").format(
            path=path, reason=error.strerror or error)) from error
    return path
