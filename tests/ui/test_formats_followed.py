"""With DD.MM.YYYY and 1.234,56 chosen, what is typed and what is shown follow them everywhere (issue 14)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.widgets import Input

from tests.conftest import TODAY, write_csv
from tests.ui.renewal_helpers import SIZE, make_renewal_db, to_step_3, wizard
from tui.domain.settings import Settings
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.settings import SettingsRepository
from tui.ui.app import create_app
from tui.ui.overview.contract_form import ContractForm
from tui.ui.dialogs.import_screen import ImportScreen
from tui.ui.dialogs.settings_screen import SettingsScreen

ROMANIAN = Settings(date_format="ro", number_format="ro", fee_rate=Decimal("0.125"))


def romanian(db: Path) -> Path:
    SettingsRepository(Store(db)).save(ROMANIAN)
    return db


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_form_placeholders_history_unit_price_and_settings_follow_the_formats(demo_db: Path) -> None:
    db = romanian(demo_db)
    app = create_app(db, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")  # SEP-2021-0417: 250 licences at 95.00 RON, ends 2026-10-18
        form = app.screen
        assert isinstance(form, ContractForm)
        assert form.query_one("#field-end", Input).placeholder == "DD.MM.YYYY"
        assert form.query_one("#field-start", Input).placeholder == "optional, DD.MM.YYYY"
        form.query_one("#field-unit_price", Input).value = "1,00015"  # more than 4 decimals: refused
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContractForm)
        form.query_one("#field-unit_price", Input).value = "0,001"
        form.query_one("#field-end", Input).value = "18.10.2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ContractForm)
        detail = text_of(app, "#overview-detail")
        assert "Price/licence/yr: 0,001 RON" in detail
        assert "unit_price: 95,00 → 0,001" in detail and "end: 18.10.2026 → 18.10.2027" in detail
        assert "2026-10-18" not in detail

        await pilot.press("f2")
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#setting-fee_rate", Input).value == "12,5"


async def test_the_import_preview_uses_the_date_format(demo_db: Path) -> None:
    db = romanian(demo_db)
    csv_file = write_csv(db.parent / "c.csv", "SEP-2021-0417,Endpoint Protection,250,2023-11-28,2027-10-18,"
                                              "95.00,RON,p0001,LC-7781-2201,PO-2021-118,Headquarters")
    app = create_app(db, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        await pilot.press(*str(csv_file), "enter")
        for _attempt in range(100):  # the check runs in a thread
            await pilot.pause(0.05)
            if "changed" in text_of(app, "#import-report"):
                break
        report = text_of(app, "#import-report")
        assert "end: 18.10.2026 → 18.10.2027" in report, report


async def test_step_4_shows_a_zero_in_the_number_format_and_reads_80_000_as_eighty_thousand(tmp_path: Path) -> None:
    db = romanian(make_renewal_db(tmp_path))
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_step_3(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert wizard(app).step == 4
        quoted = app.screen.query_one("#quoted-RON", Input)
        assert quoted.placeholder == "0,00"
        assert app.screen.query_one("#request-sent", Input).placeholder == "DD.MM.YYYY"
        quoted.value = "80.000"
        await pilot.press("s", "ctrl+n")
        await pilot.pause()
        assert wizard(app).step == 5, text_of(app, "#wizard-message")
        assert wizard(app).renewal.quoted == {"RON": Decimal("80000")}
