"""Pilot tests of the Renewal tab: starting from marks, closing, cancelling, viewing, the partner search."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.command import CommandList

from tests.conftest import TODAY
from tests.ui.notices import notices
from tests.ui.renewal_helpers import SIZE, make_renewal_db, seen, start_renewal, table_text, to_step_3, wizard
from tests.ui.waiting import wait_for
from tui.domain.renewal import RenewalStatus
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.renewals import RenewalRepository
from tui.ui.app import create_app
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.renewal.summary import RenewalView
from tui.ui.renewal.wizard import RenewalWizard


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_renewal_db(tmp_path)


async def test_closing_keeps_the_draft_and_cancel_leaves_the_contracts_alone(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("l", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, RenewalWizard)
        assert "R-0001" in table_text(app, "#renewal-table") and "draft" in table_text(app, "#renewal-table")
        await pilot.press("c")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert "cancelled" in table_text(app, "#renewal-table")
        await pilot.press("enter")  # a cancelled renewal opens read only
        assert isinstance(app.screen, RenewalView)
        assert "cancelled" in seen(app, "#summary-text") and "A-1" in seen(app, "#summary-text")
        await pilot.press("escape", "n")  # the cancelled renewal no longer holds its contracts
        await pilot.pause()
        assert wizard(app).renewal.contract_ids == ("A-1", "A-2")
    stored = ContractRepository(Store(db))
    assert stored.get("A-1").end == date(2026, 10, 31) and len(stored.get("A-1").history) == 1
    assert RenewalRepository(Store(db)).get("R-0001").status is RenewalStatus.CANCELLED


async def test_a_renewal_starts_with_the_contracts_marked_in_the_overview(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "space")  # B-1, the active one, is last
        await start_renewal(app, pilot)
        assert wizard(app).renewal.contract_ids == ("B-1",)
        assert wizard(app).renewal.to == date(2028, 6, 30)


async def test_n_in_the_overview_with_nothing_marked_is_n_in_the_renewal_tab(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "n")  # B-1, the active one, is highlighted but not marked
        await pilot.pause()
        assert wizard(app).renewal.contract_ids == ("A-1", "A-2")  # the expired and due ones
        assert "2 selected of 3" in seen(app, "#coterm-totals")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1", "end", "space", "n")  # marked: the marked ones
        await pilot.pause()
        assert wizard(app).renewal.contract_ids == ("B-1",)


async def test_a_contract_deleted_since_the_draft_was_saved_is_left_out_on_resume(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
    store = Store(db)
    contracts = ContractRepository(store)
    contracts.delete("A-2", base_revision=contracts.get("A-2").revision)
    store.close()
    restarted = create_app(db, TODAY)
    async with restarted.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert wizard(restarted).renewal.contract_ids == ("A-1",)
        assert any("left out of the renewal: A-2" in n for n in notices(restarted))


async def test_the_partner_can_be_searched_from_step_4(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_step_3(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("p", *"timisoara")
        await pilot.pause()
        assert "Timișoara" in table_text(app, "#picker-table")
        await pilot.press("enter")
        await pilot.pause()
        chosen = app.partners.get(wizard(app).renewal.partner)
        assert chosen.city == "Timișoara" and chosen.name in seen(app, "#request-partner")
        assert f"To: {chosen.name} ({chosen.id})" in seen(app, "#request-text")


async def test_the_command_palette_starts_a_renewal(db: Path) -> None:
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"start a renewal")
        await wait_for(lambda: app.screen.query_one(CommandList).option_count, "the palette's search results",
                       pilot=pilot)  # the palette searches asynchronously
        await pilot.press("enter")
        await pilot.pause()
        assert wizard(app).renewal.contract_ids == ("A-1", "A-2")


async def test_at_80x24_the_renewal_list_shows_every_currencys_estimate_in_full(demo_db: Path) -> None:
    from datetime import date as day

    from tui.domain.renewal import new_renewal
    from tui.domain.renewal_plan import try_quote

    repository = RenewalRepository(Store(demo_db))
    renewal = new_renewal(["SEP-2021-0417", "MG-2023-0050"], TODAY, to=day(2027, 12, 9))
    contracts = [repository.contracts.get(i) for i in renewal.contract_ids]
    quote = try_quote(renewal, contracts, TODAY)
    assert set(quote.totals) == {"RON", "EUR"}
    repository.save(replace_quote(renewal, quote), TODAY)
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "2")  # not now to resuming the draft; the Renewal tab
        await pilot.pause()
        row = table_text(app, "#renewal-table").splitlines()[1]
        from tui.formatting import format_money
        for currency, total in quote.totals.items():
            assert format_money(total, currency) in row, row


def replace_quote(renewal, quote):
    from dataclasses import replace

    return replace(renewal, quote=quote)
