"""The language each user chooses in the app: a small JSON in their own config folder, not the data file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.store.user_preferences import preferences_path, store_language, stored_language


def test_it_lives_in_the_users_config_folder(tmp_path: Path) -> None:
    assert preferences_path() == tmp_path / "home" / ".config" / "renewal-planner" / "preferences.json"


def test_nothing_chosen_means_as_the_environment() -> None:
    assert not preferences_path().exists()
    assert stored_language() is None


def test_a_choice_is_kept_and_can_be_taken_back() -> None:
    store_language("ro")
    assert stored_language() == "ro"
    assert json.loads(preferences_path().read_text(encoding="utf-8")) == {"language": "ro"}
    store_language(None)
    assert stored_language() is None


@pytest.mark.parametrize("content", ["", "{", "[]", '{"language": "fr"}', '{"language": 3}'])
def test_a_file_that_names_no_language_of_ours_means_as_the_environment(content: str) -> None:
    preferences_path().parent.mkdir(parents=True)
    preferences_path().write_text(content, encoding="utf-8")
    assert stored_language() is None


def test_an_unknown_language_is_refused_and_changes_nothing() -> None:
    store_language("en")
    with pytest.raises(ValueError):
        store_language("fr")
    assert stored_language() == "en"
