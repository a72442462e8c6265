"""The language chosen in F2: the user's own (not the data file's), the open app re-drawn in it at once, and
what the app starts in next time (`--lang` still wins; the subcommands do not read it)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import TODAY
from tests.ui.renewal_helpers import make_renewal_db
from tests.ui.test_romanian_screens import screen_text, shown
from tests.ui.waiting import wait_for
from tui.cli import choose_app_language, choose_language
from tui.i18n import current_language
from tui.store.user_preferences import preferences_path, store_language, stored_language
from tui.ui.app import create_app
from tui.ui.dialogs.settings_screen import SettingsScreen

SIZE = (120, 40)
# tab key → (words in English, words in Romanian) of that tab, its title bar and Footer
TABS = {
    "1": (["Overview", "Product", "Annual cost", "EXPIRED", "Mark", "Quit"],
          ["Prezentare", "Produs", "Cost anual", "EXPIRAT", "Marcați", "Ieșire"]),
    "2": (["Renewal", "No renewals yet.", "New renewal"], ["Reînnoire", "Încă nu există reînnoiri.", "Reînnoire nouă"]),
    "3": (["Forecast", "Owned", "Horizon", "Method"], ["Prognoză", "Orizont", "Metodă"]),
    "4": (["Partners", "Tier", "City", "Set partner"], ["Parteneri", "Nivel", "Oraș", "Atribuiți partenerul"]),
    "5": (["Budget", "Amount", "Totals per currency", "Spend"], ["Buget", "Sumă", "Totaluri pe monede", "Cheltuieli"]),
}


async def choose_language_in_settings(app, pilot, moves: list[str]) -> None:
    await pilot.press("f2")
    await wait_for(lambda: isinstance(app.screen, SettingsScreen), pilot=pilot)
    app.screen.query_one("#setting-language").focus()
    await pilot.press("enter", *moves, "enter", "ctrl+s")
    await wait_for(lambda: not isinstance(app.screen, SettingsScreen), pilot=pilot)
    await pilot.pause()


async def assert_every_tab_in(app, pilot, language: str) -> None:
    for key, (english, romanian) in TABS.items():
        await pilot.press(key)
        await pilot.pause()
        expected, absent = (english, romanian) if language == "en" else (romanian, english)
        text = screen_text(app)
        assert [word for word in expected if not shown(word, text)] == [], (key, text)
        assert [word for word in absent if shown(word, text)] == [], (key, text)


async def test_switching_in_f2_redraws_every_tab_at_once_and_back(tmp_path: Path) -> None:
    db = make_renewal_db(tmp_path)
    data_file_before = db.read_bytes()
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")  # built tabs are re-drawn too, not only the one shown
        await app.build_other_tabs()
        await pilot.press("1")
        await assert_every_tab_in(app, pilot, "en")
        await choose_language_in_settings(app, pilot, ["down", "down"])  # as the environment → English → Română
        assert current_language() == "ro" and stored_language() == "ro"
        await wait_for(lambda: shown("Prezentare", screen_text(app)), pilot=pilot)
        await assert_every_tab_in(app, pilot, "ro")
        await pilot.press("f1")  # the help too
        await pilot.pause()
        help_text = screen_text(app)
        assert shown("Taste", help_text) and not shown("Keys", help_text)
        await pilot.press("escape")
        await choose_language_in_settings(app, pilot, ["up"])  # Română → English
        assert current_language() == "en" and stored_language() == "en"
        await wait_for(lambda: shown("Overview", screen_text(app)), pilot=pilot)
        await assert_every_tab_in(app, pilot, "en")
    assert json.loads(preferences_path().read_text(encoding="utf-8")) == {"language": "en"}
    assert b"language" not in db.read_bytes() and b"language" not in data_file_before  # not the shared file's


async def test_as_the_environment_forgets_the_choice(tmp_path: Path) -> None:
    store_language("ro")
    app = create_app(make_renewal_db(tmp_path), TODAY)
    app.environment_language = "en"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose_language_in_settings(app, pilot, ["up", "up"])  # Română → English → as the environment
        assert stored_language() is None and current_language() == "en"


def test_the_app_starts_in_the_stored_language_unless_lang_says_otherwise() -> None:
    environment = {"LANG": "en_US.UTF-8"}
    assert choose_app_language([], environment) == "en"
    store_language("ro")
    assert choose_app_language([], environment) == "ro"
    assert choose_app_language(["--lang", "en"], environment) == "en"
    assert choose_language(["due"], environment) == "en"  # the subcommands do not read it
