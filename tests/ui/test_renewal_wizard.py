"""Pilot tests of the renewal wizard at 80×24: the five steps, going back, resuming, completing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from tests.conftest import TODAY
from tests.ui.notices import notices
from tests.ui.renewal_helpers import (
    SIZE, T, make_renewal_db, seen, start_renewal, table_text, to_step_3, to_step_5_with_an_order, type_into,
    wizard,
)
from tests.ui.waiting import wait_for
from tui.cli import main
from tui.domain.renewal import RenewalStatus
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.renewals import RenewalRepository
from tui.ui.app import create_app
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.renewal.proof_form import ProofForm
from tui.ui.renewal.summary import CompletionSummary
from tui.ui.renewal.wizard import RenewalWizard


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_renewal_db(tmp_path)


async def test_all_five_steps_then_completing_updates_contracts_history_and_export(db: Path, capsys) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        # Step 1: expired and due contracts come pre-selected; the suggestion sets T; the quote shows the fee.
        assert wizard(app).renewal.contract_ids == ("A-1", "A-2")
        assert app.screen.has_class("-narrow")
        await pilot.press("t")
        rows = table_text(app, "#coterm-table")
        assert "● A-1" in rows and "1y 45d" in rows and "  B-1" in rows
        assert "whole years by anniversary" in seen(app, "#coterm-method")
        assert "2 selected of 3" in seen(app, "#coterm-totals")
        await pilot.press("ctrl+n")
        await pilot.pause()
        # Step 2: missing proof is flagged, not blocking; A-1 gets its purchase date.
        assert "2 contracts lack proof of purchase" in seen(app, "#proof-summary")
        await pilot.press("enter", "tab", "tab", *"02.01.2023", "ctrl+s")
        await pilot.pause()
        assert "1 contract lacks proof of purchase" in seen(app, "#proof-summary")
        await pilot.press("ctrl+n")
        await pilot.pause()
        # Step 3: headroom forecast (3 months, peak 70) → 81 recommended; 60 owned on T; r adds 21 to A-1.
        products = table_text(app, "#growth-products")
        assert "Endpoint Protect" in products and "buy 21" in products
        await pilot.press("r")
        assert wizard(app).renewal.quantities == {"A-1": 71}
        assert "covered" in table_text(app, "#growth-products")
        assert "+21" in table_text(app, "#growth-contracts")
        await pilot.press("ctrl+n")
        await pilot.pause()
        # Step 4: the contracts' partner by default; the request is shown, written on the way on, sent today.
        assert "Zorvanta Systems SRL" in seen(app, "#request-partner")
        assert "Licences: 50 now, 71 after the renewal" in seen(app, "#request-text")
        await pilot.press("s", "ctrl+n")
        await pilot.pause()
        request = db.parent / "quote-requests" / "R-0001-quote-request.txt"
        assert "co-termed to end on one date: 2027-12-15." in request.read_text(encoding="utf-8")
        assert wizard(app).renewal.status is RenewalStatus.REQUESTED
        # Step 5: one certificate for all, the order number, today; ctrl+n shows the summary, y applies.
        assert wizard(app).step == 5
        await pilot.press("ctrl+n")
        assert "enter the order / PO number" in seen(app, "#wizard-message")
        await pilot.press("a", *"LC-NEW", "enter")
        await pilot.pause()
        await pilot.press("tab", *"PO-2026-300", "tab", *"2026-11-27", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CompletionSummary)
        summary = seen(app, "#summary-text")
        assert "A-1: end 2026-10-31 → 2027-12-15; licences 50 → 71; certificate LC-A → LC-NEW" in summary
        assert ContractRepository(Store(db)).get("A-1").end == date(2026, 10, 31)  # nothing applied yet
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, RenewalWizard)
        assert app.active_tab == "renewal"
        assert "completed" in table_text(app, "#renewal-table")
        assert "Renewal R-0001 completed: 2 contracts now end on 2027-12-15." in notices(app)

    stored = ContractRepository(Store(db))
    one, two, other = stored.get("A-1"), stored.get("A-2"), stored.get("B-1")
    assert (one.end, one.quantity, one.certificate, one.order) == (T, 71, "LC-NEW", "PO-2026-300")
    assert (two.end, two.quantity, two.certificate) == (T, 10, "LC-NEW")
    assert other.end == date(2027, 6, 30)
    assert RenewalRepository(Store(db)).get("R-0001").status is RenewalStatus.COMPLETED
    assert main(["export", "contracts", "--format", "json", "--db", str(db)]) == 0
    exported = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    last = exported["A-1"]["history"][-1]
    assert last["source"] == "renewal" and last["on"] == "2026-11-27"
    assert {"field": "end", "old": "2026-10-31", "new": "2027-12-15"} in last["changes"]
    assert {"field": "quantity", "old": "50", "new": "71"} in last["changes"]
    assert {"field": "certificate", "old": "LC-A", "new": "LC-NEW"} in last["changes"]


async def test_each_step_says_what_is_missing_and_going_back_keeps_the_answers(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("tab")  # to the date field
        await type_into(pilot, "2026-12-01")
        assert "contract A-2 ends on 2026-12-15, after T (2026-12-01)" in seen(app, "#coterm-totals")
        assert "after T" in table_text(app, "#coterm-table")
        await pilot.press("ctrl+n")
        assert wizard(app).step == 1
        assert "choose T on or after 2026-12-15" in seen(app, "#wizard-message")
        await type_into(pilot, "2027-12-15")
        await pilot.press("escape", "ctrl+n")
        await pilot.pause()
        await pilot.press("enter", "tab", "end", *"-X", "ctrl+s")  # A-1's order becomes PO-A-X
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert wizard(app).step == 3
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert "PO-A-X" in table_text(app, "#proof-table")
        await pilot.press("pageup")
        await pilot.pause()
        assert wizard(app).step == 1
        assert app.screen.query_one("#coterm-date").value == "2027-12-15"


async def test_quit_in_the_middle_then_resume_after_a_restart(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_step_3(app, pilot)
        await pilot.press("ctrl+q")
    restarted = create_app(db, TODAY)
    async with restarted.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(restarted.screen, ConfirmScreen)
        assert "R-0001 is not finished (step 3 of 5: Growth" in seen(restarted, ".dialog-text")
        await pilot.press("y")
        await pilot.pause()
        assert wizard(restarted).step == 3
        assert "Endpoint Protect" in table_text(restarted, "#growth-products")
        await pilot.press("ctrl+b")
        await pilot.pause()
        proof = table_text(restarted, "#proof-table")
        assert "2023-01-02" in proof and "1/5" in proof


async def test_a_contract_changed_elsewhere_stops_completion_until_reviewed(db: Path) -> None:
    from dataclasses import replace

    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_step_5_with_an_order(app, pilot)
        other = ContractRepository(Store(db))  # another session edits A-2 meanwhile
        other.update(replace(other.get("A-2"), notes="edited elsewhere"), TODAY,
                     base_revision=other.get("A-2").revision)
        await pilot.press("ctrl+n", "y")
        await pilot.pause()
        assert "was changed elsewhere" in seen(app, "#wizard-message")
        assert ContractRepository(Store(db)).get("A-1").end == date(2026, 10, 31)  # nothing applied
        await pilot.press("ctrl+n", "y")  # the wizard reloaded the contracts: now it goes through
        await pilot.pause()
        assert not isinstance(app.screen, RenewalWizard)
    stored = ContractRepository(Store(db)).get("A-2")
    assert (stored.end, stored.notes, stored.certificate) == (T, "edited elsewhere", "LC-NEW")


async def test_keys_typed_in_one_burst_after_slash_go_to_the_contract_filter(demo_db: Path, today) -> None:
    """As in the Overview: "/" moves the focus as it is read, so the keys after it in a burst are the filter's;
    typed in a field, "/" is a character."""
    app = create_app(demo_db, today)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_renewal(app, pilot)
        for key, character in [("slash", "/"), *((c, c) for c in "SEP")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert app.screen.query_one("#coterm-filter", Input).value == "SEP"
        await pilot.press("slash")
        assert app.screen.query_one("#coterm-filter", Input).value == "SEP/"


async def test_step_1_never_suggests_nor_accepts_a_co_term_date_in_the_past(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("down", "space")  # only the lapsed A-1 (ended 2026-10-31) stays selected
        assert wizard(app).renewal.contract_ids == ("A-1",)
        await pilot.press("l")
        assert wizard(app).renewal.to == date(2027, 10, 31)  # its end, rolled forward a whole year
        assert "l 2027-10-31" in seen(app, "#coterm-suggestions")
        await pilot.press("t")
        assert wizard(app).renewal.to == date(2027, 10, 31)
        date_field = app.screen.query_one("#coterm-date", Input)
        date_field.value = "2026-11-15"  # after the end, before today
        await pilot.pause()
        assert "must be after today (2026-11-27)" in seen(app, "#coterm-totals")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert wizard(app).step == 1
        assert "must be after today" in seen(app, "#wizard-message")


async def test_step_2_refuses_a_purchase_date_in_the_future(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("t", "ctrl+n")
        await pilot.pause()
        await pilot.press("enter", "tab", "tab", *"2026-11-28", "ctrl+s")  # tomorrow
        await pilot.pause()
        assert isinstance(app.screen, ProofForm)
        assert "2026-11-28 is in the future" in str(app.screen.query_one("#proof-purchase-error").render())
        await pilot.press("ctrl+u", *"2026-11-27", "ctrl+s")  # today is fine
        await pilot.pause()
        assert wizard(app).renewal.proofs["A-1"].purchase_date == TODAY


async def test_contracts_with_different_partners_are_said_and_completion_offers_to_set_the_chosen_one(
        db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("down", "down", "space", "t")  # B-1 (no partner) joins A-1 and A-2 (p0001)
        assert wizard(app).renewal.contract_ids == ("A-1", "A-2", "B-1")
        for _step in range(3):
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert wizard(app).step == 4
        said = seen(app, "#request-partner")
        assert "Zorvanta Systems SRL" in said and "Not every contract has this partner (B-1 none)" in said
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("a", *"LC-NEW", "enter")
        await pilot.pause()
        await pilot.press("tab", *"PO-9", "tab", *"2026-11-27", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CompletionSummary)
        assert "p sets it on them all" in seen(app, "#summary-text")
        await pilot.press("p")
        await pilot.pause()
        assert "B-1: " in seen(app, "#summary-text") and "partner ∅ → p0001" in seen(app, "#summary-text")
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, RenewalWizard)
    stored = ContractRepository(Store(db))
    assert [stored.get(i).partner for i in ("A-1", "A-2", "B-1")] == ["p0001", "p0001", "p0001"]


async def test_notices_in_the_wizard_do_not_cover_its_totals_at_80x24(db: Path) -> None:
    from textual.widgets._toast import Toast

    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("t")
        app.notify("Draft R-0001 kept; resume it from the Renewal tab (2). A notice of three lines or so, "
                   "as long as the wizard's longest.")
        await wait_for(lambda: app.screen.query(Toast) and app.screen.query(Toast).first().region.height,
                       "the notice shown", pilot=pilot)
        toast = app.screen.query(Toast).first().region
        totals = app.screen.query_one("#coterm-totals").region
        assert "total 1,341.78 RON" in seen(app, "#coterm-totals")
        assert not toast.overlaps(totals), (toast, totals)


async def test_step_3_shows_ten_million_licences_and_their_cost_whole_at_80x24(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_step_3(app, pilot)
        await pilot.press("enter", "ctrl+u", *"10000000", "enter")  # 50 → 10,000,000
        await pilot.pause()
        rows = table_text(app, "#growth-contracts")
        assert "10,000,000" in rows and "+9,999,950" in rows, rows
        line = next(line for line in wizard(app).quote().lines if line.contract_id == "A-1")
        from tui.formatting import format_decimal
        assert format_decimal(line.total) in rows and format_decimal(line.additional_amount) in rows, rows
        assert "…" not in "".join(r for r in rows.splitlines() if "A-1" in r)
