"""Each tab, wizard step, help and settings as a Romanian user sees them: Romanian words, no English label.

Every screen is checked in both languages: its English labels are on screen in English (so the check can
fail) and none of them is left in Romanian, whatever was imported before the language was chosen.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.ui.renewal_helpers import make_renewal_db
from tests.ui.waiting import wait_for
from tui.i18n import use_language
from tui.ui.app import create_app
from tui.ui.dialogs.help_screen import HelpScreen
from tui.ui.dialogs.settings_screen import SettingsScreen
from tui.ui.renewal.wizard import RenewalWizard

SIZE = (120, 40)
FOOTER_EN = ["Quit", "Help", "palette"]
FOOTER_RO = ["Ieșire", "Ajutor", "paletă"]


def screen_text(app) -> str:
    """Every character on the terminal, as the user sees it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def shown(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


async def open_tab(app, pilot, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


async def to_step(app, pilot, step: int) -> None:
    await pilot.press("2")
    await pilot.pause()
    await pilot.press("n")
    await wait_for(lambda: isinstance(app.screen, RenewalWizard), pilot=pilot)
    if step > 1:
        await pilot.press("t")
    for number in range(2, step + 1):
        await pilot.press("ctrl+n")
        await wait_for(lambda number=number: app.screen.step == number, pilot=pilot)
    await pilot.pause()


SCREENS = {
    # name: (how to get there, English labels, Romanian words)
    "overview": (lambda app, pilot: open_tab(app, pilot, "1"),
                 ["Product", "Status", "Annual cost", "EXPIRED", "Mark", "Show", "Import", "Renew", "Licences"],
                 ["Produs", "Stare", "Cost anual", "EXPIRAT", "Marcați", "Afișați", "Licențe", "Istoric"]),
    "renewal": (lambda app, pilot: open_tab(app, pilot, "2"),
                ["No renewals yet.", "New renewal", "Open", "Cancel renewal", "Status", "Estimate"],
                ["Încă nu există reînnoiri.", "Reînnoire nouă", "Deschideți", "Stare"]),
    "forecast": (lambda app, pilot: open_tab(app, pilot, "3"),
                 ["Product", "Owned", "Peak", "Forecast", "Horizon", "Method", "Headroom", "Sample", "Month"],
                 ["Produs", "Prognoză", "Orizont", "Metodă", "Rezervă", "Luna"]),
    "partners": (lambda app, pilot: open_tab(app, pilot, "4"),
                 ["Tier", "Type", "City", "Filter", "Set partner", "Filters:", "reseller", "endpoint security"],
                 ["Nivel", "Tip", "Oraș", "Filtru", "Atribuiți partenerul", "Filtre:", "revânzător"]),
    "budget": (lambda app, pilot: open_tab(app, pilot, "5"),
               ["Date", "Product", "Amount", "Period", "Group", "Spend", "Rate", "Totals per currency"],
               ["Data", "Produs", "Sumă", "Perioadă", "Grupați", "Cheltuieli", "Curs", "Totaluri pe monede"]),
    "help": (lambda app, pilot: pilot.press("f1"),
             ["Keys", "Everywhere", "Close", "Quit the app", "Show the Forecast tab"],
             ["Taste", "Închideți", "Ieșiți din aplicație", "Afișați fila Prognoză"]),
    "settings": (lambda app, pilot: pilot.press("f2"),
                 ["Settings", "Date format", "Number format", "Save", "Cancel", "Theme"],
                 ["Setări", "Formatul datei", "Formatul numerelor", "Salvați", "Anulați", "Temă"]),
    "wizard-1": (lambda app, pilot: to_step(app, pilot, 1),
                 ["Step 1 of 5: Which contracts", "Back", "Next", "Select", "Filter", "Close", "Product"],
                 ["Pasul 1 din 5", "Înapoi", "Înainte", "Selectați", "Filtru", "Închideți", "Produs"]),
    "wizard-2": (lambda app, pilot: to_step(app, pilot, 2),
                 ["Step 2 of 5: Proof of purchase", "Edit proof", "Certificate", "Missing", "Back", "Next"],
                 ["Pasul 2 din 5", "Dovada cumpărării", "Editați dovada", "Certificat", "Lipsă", "Înapoi"]),
    "wizard-3": (lambda app, pilot: to_step(app, pilot, 3),
                 ["Step 3 of 5: Growth", "New quantity", "Use recommendation", "Keep (undo)", "Quote total"],
                 ["Pasul 3 din 5", "Cantitate nouă", "Folosiți recomandarea", "Total ofertă"]),
    "wizard-4": (lambda app, pilot: to_step(app, pilot, 4),
                 ["Step 4 of 5: Partner and quote request", "Write file", "Sent today", "REQUEST FOR QUOTATION"],
                 ["Pasul 4 din 5", "Scrieți fișierul", "Trimisă azi", "CERERE DE OFERTĂ"]),
    "wizard-5": (lambda app, pilot: to_step(app, pilot, 5),
                 ["Step 5 of 5: Order confirmation", "Complete…", "Same for all", "Confirmed today"],
                 ["Pasul 5 din 5", "Finalizați…", "Același pentru toate", "Confirmată azi"]),
}


@pytest.mark.parametrize("language", ["en", "ro"])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_each_screen_is_all_in_the_chosen_language(name: str, language: str, tmp_path: Path) -> None:
    visit, english, romanian = SCREENS[name]
    use_language(language)
    app = create_app(make_renewal_db(tmp_path), TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await visit(app, pilot)
        await pilot.pause()
        text = screen_text(app)
        if name == "help":
            assert isinstance(app.screen, HelpScreen)
        if name == "settings":
            assert isinstance(app.screen, SettingsScreen)
        if not isinstance(app.screen, RenewalWizard):
            english, romanian = english + FOOTER_EN, romanian + FOOTER_RO
        expected, absent = (english, romanian) if language == "en" else (romanian, english)
        assert [word for word in expected if not shown(word, text)] == [], text
        assert [word for word in absent if shown(word, text)] == [], text
