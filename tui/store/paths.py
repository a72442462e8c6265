"""Where the data file lives: --db, else $RENEWALS_DB, else the user data directory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

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
