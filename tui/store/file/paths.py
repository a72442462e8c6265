"""Where the data file lives: --db, else $RENEWALS_DB, else the user data directory."""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

from tui.i18n import _
from tui.store.errors import NoDataFile

APP_DIR_NAME = "renewal-planner"
FILE_NAME = "renewals.json"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False)) / FILE_NAME


def expand_home(path: str | Path) -> Path:
    """`path` with `~` or `~user` expanded as a shell does; a `~name` naming no user stays as typed."""
    try:
        return Path(path).expanduser()
    except RuntimeError:  # "Could not determine home directory": no such user
        return Path(path)


def resolve_db_path(option: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    if option:
        return expand_home(option)
    if environ.get("RENEWALS_DB"):
        return expand_home(environ["RENEWALS_DB"])
    return default_db_path()


def make_default_folder(path: Path) -> None:
    """The user data directory's folder for the data file, made when missing (on a first start); a folder
    named by --db or $RENEWALS_DB is never made: a typo there is not a place to create."""
    if path == default_db_path():
        path.parent.mkdir(parents=True, exist_ok=True)


def check_data_file(path: Path, *, must_exist: bool) -> None:
    """Raise NoDataFile when `path` is a directory, or, if `must_exist`, when nothing is there, or when it
    is missing and could not be made because its folder is (other than the default's, which is made).  Other
    problems (no permission, a name too long) are left to opening the file, which names them."""
    try:
        is_directory = path.is_dir()
        missing = not is_directory and not path.exists()
    except OSError:
        return
    if is_directory:
        raise NoDataFile(path, _("is a directory, not a data file (name a file in it, e.g. {example})").format(
            example=path / FILE_NAME))
    if missing and must_exist:
        raise NoDataFile(path, _("no such data file; to create it, open the app (renewals --db {path}) or "
                                 "import contracts (renewals import contracts FILE.csv --db {path})").format(path=path))
    if missing and path != default_db_path() and not path.parent.is_dir():
        # Not "read-only": nothing could ever be saved there, and the folder is only made for the default.
        raise NoDataFile(path, _("cannot be created: there is no folder {folder} (make it with "
                                 "mkdir -p {quoted}, or check --db and $RENEWALS_DB)").format(
            folder=path.parent, quoted=shlex.quote(str(path.parent))))


def create_missing_data_file(path: Path) -> bool:
    """For the app, which works on a new, empty data file when there is none: True when it made one (the
    app says where), False when there was one or it cannot be written here (the app opens read-only and
    says so).  A directory, or a folder that does not exist, is refused (NoDataFile), as by every command."""
    check_data_file(path, must_exist=False)
    if path.exists():
        return False
    from tui.store.file.database import Store  # only now: a start with a data file reads it later

    make_default_folder(path)
    store = Store(path)
    try:
        return store.create()
    finally:
        store.close()
