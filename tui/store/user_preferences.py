"""What each user chooses for themselves, apart from the shared data file: the interface language.

Two colleagues on one data file may read different languages, so the choice lives in a small JSON file in
the user's own config folder (`platformdirs.user_config_dir("renewal-planner")`, `$XDG_CONFIG_HOME` on
Linux). Only the app reads it; the subcommands follow `--lang` and the environment alone. A file that
cannot be read or names no language we have means "as the environment".
"""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs

from tui.i18n import LANGUAGES
from tui.store.file.atomic import atomic_write

FILE_NAME = "preferences.json"


def preferences_path() -> Path:
    return Path(platformdirs.user_config_dir("renewal-planner")) / FILE_NAME


def stored_language(path: Path | None = None) -> str | None:
    """The language chosen in the app's settings, or None: as the environment."""
    try:
        data = json.loads((path or preferences_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in LANGUAGES else None


def store_language(language: str | None, path: Path | None = None) -> None:
    """Remember `language` (None: as the environment) for this user; written whole or not at all."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    path = path or preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, (json.dumps({"language": language}) + "\n").encode("utf-8"))
