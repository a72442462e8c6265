"""An emoji joined with the zero-width joiner (👨‍💻) can be typed into a form field and is saved whole."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input

from tests.ui.waiting import wait_for
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.ui.app import create_app
from tui.ui.overview.contract_form import ContractForm

TECHNOLOGIST = "👨\u200d💻"


async def test_a_typed_zero_width_joiner_joins_the_emoji_and_is_saved(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await wait_for(lambda: isinstance(app.screen, ContractForm), "the contract form", pilot=pilot)
        values = {"#field-id": "Z-1", "#field-product": f"Cloud {TECHNOLOGIST}", "#field-quantity": "1",
                  "#field-end": "2027-01-01", "#field-unit_price": "12.50", "#field-currency": "RON"}
        for selector, value in values.items():
            app.screen.query_one(selector, Input).focus()
            for character in value:  # as the terminal driver sends them (Pilot.press loses 💻 and the joiner)
                app.post_message(events.Key(_character_to_key(character), character))
            await pilot.pause()
        assert app.screen.query_one("#field-product", Input).value == f"Cloud {TECHNOLOGIST}"
        await pilot.press("ctrl+s")
        await wait_for(lambda: not isinstance(app.screen, ContractForm), "the form to save and close", pilot=pilot)
    assert ContractRepository(Store(demo_db)).get("Z-1").product == f"Cloud {TECHNOLOGIST}"
