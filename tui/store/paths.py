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


def resolve_db_path(option: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    if option:
        return Path(option).expanduser()
    if environ.get("RENEWALS_DB"):
        return Path(environ["RENEWALS_DB"]).expanduser()
    return default_db_path()
