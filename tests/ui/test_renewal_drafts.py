"""Pilot tests of the renewal wizard: nothing typed is lost (every accepted value in the draft at once) and
no quote request goes out stale."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import TODAY
from tests.ui.renewal_helpers import (
    SIZE, make_renewal_db, seen, start_renewal, table_text, to_step_3, to_step_5_with_an_order, wizard,
)
from tests.ui.waiting import wait_for
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.renewals import RenewalRepository
from tui.ui.app import create_app
from tui.ui.renewal.summary import CompletionSummary


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_renewal_db(tmp_path)


def stored_draft(db: Path):
    return RenewalRepository(Store(db)).get("R-0001")


async def test_every_accepted_value_is_in_the_draft_at_once_so_a_kill_loses_nothing(db: Path, tmp_path: Path) -> None:
    """The file is copied while the app still runs, as a kill would leave it, and resumed from the copy."""
    killed = tmp_path / "killed" / "renewals.json"
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_step_3(app, pilot)
        await pilot.press("enter", *"70", "enter")  # step 3: A-1's new quantity, from a dialog
        await pilot.pause()
        assert stored_draft(db).quantities == {"A-1": 70}
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert wizard(app).step == 5
        await pilot.press("a", *"LC-NEW", "enter")  # a dialog's value: saved at once
        await pilot.pause()
        assert stored_draft(db).certificates == {"A-1": "LC-NEW", "A-2": "LC-NEW"}
        await pilot.press("tab", *"PO-77", "tab")  # a field left: saved at once
        await pilot.pause()
        assert stored_draft(db).order == "PO-77"
        await pilot.press(*"2026-11-27")  # still in the field: saved once typing pauses
        await wait_for(lambda: stored_draft(db).confirmed_on == TODAY, "the typed date saved", pilot=pilot)
        killed.parent.mkdir()
        killed.write_bytes(db.read_bytes())
    restarted = create_app(killed, TODAY)
    async with restarted.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("y")  # resume the draft
        await pilot.pause()
        assert wizard(restarted).step == 5
        assert restarted.screen.query_one("#confirm-order", Input).value == "PO-77"
        assert restarted.screen.query_one("#confirm-date", Input).value == "2026-11-27"
        assert "LC-NEW" in table_text(restarted, "#confirm-table")
        assert wizard(restarted).renewal.quantities == {"A-1": 70}


async def test_a_request_out_of_date_is_rewritten_on_leaving_step_4_even_once_sent(db: Path) -> None:
    request = db.parent / "quote-requests" / "R-0001-quote-request.txt"
    app = create_app(db, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_step_3(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert "From:" not in request.read_text(encoding="utf-8")
        app.screen.query_one("#request-contact").focus()
        await pilot.press(*"Ana Pop", "enter")
        assert "Out of date" in seen(app, "#request-file")
        await pilot.press("s", "ctrl+n")  # sent today, then on
        await pilot.pause()
        assert wizard(app).step == 5
        assert "From: Ana Pop" in request.read_text(encoding="utf-8")
        await pilot.press("ctrl+b")
        await pilot.pause()
        app.screen.query_one("#request-contact").focus()
        await pilot.press("ctrl+u", *"Ion Ionescu", "enter", "ctrl+b")  # back leaves step 4 too
        await pilot.pause()
        assert wizard(app).step == 3
        assert "From: Ion Ionescu" in request.read_text(encoding="utf-8")


async def test_a_long_pasted_contact_is_refused_at_once_not_cut(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_step_3(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        app.screen.query_one("#request-contact").focus()
        await pilot.press(*"Ana")
        app.screen.query_one("#request-contact").insert_text_at_cursor("x" * 2500)  # a paste
        await pilot.pause()
        assert "Not taken:" in seen(app, "#wizard-message")
        assert "is too long (2503 characters, at most 2000)" in seen(app, "#wizard-message")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert wizard(app).step == 4


async def test_completion_is_refused_while_the_request_is_out_of_date(db: Path) -> None:
    from dataclasses import replace

    request = db.parent / "quote-requests" / "R-0001-quote-request.txt"
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_step_5_with_an_order(app, pilot)
        other = ContractRepository(Store(db))  # another session changes A-2's licences meanwhile
        other.update(replace(other.get("A-2"), quantity=12), TODAY, base_revision=other.get("A-2").revision)
        await pilot.press("ctrl+n", "y")
        await pilot.pause()
        assert "was changed elsewhere" in seen(app, "#wizard-message")  # the contracts are reloaded
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "quote request" in seen(app, "#wizard-message") and "go back to step 4" in seen(app, "#wizard-message")
        assert not isinstance(app.screen, CompletionSummary)
        assert "Licences: 12" not in request.read_text(encoding="utf-8")
        await pilot.press("ctrl+b")  # leaving step 4 rewrites it
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Licences: 12" in request.read_text(encoding="utf-8")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CompletionSummary)


async def test_a_new_renewal_is_stored_only_once_something_is_answered(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("tab", "tab")  # through the fields, nothing typed
        await pilot.pause()
        assert RenewalRepository(Store(db)).all() == []
        await pilot.press("ctrl+u", *"5", "tab")  # an uplift typed, the field left: stored
        await pilot.pause()
        assert [r.uplift for r in RenewalRepository(Store(db)).all()] == [Decimal("0.05")]
