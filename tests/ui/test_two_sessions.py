"""Two sessions on one file: the app open while another process imports or another session edits.

The other session is a real `renewals import …` process (run while the app
keeps running) or a second Store opened by the test.  The app's once-a-second
poll is switched off here so each test decides when the app looks at the
file (`app.poll_store()`), and can check what happens when it has not looked
yet: its writes must start from the file, not from what it last read, and a
write over something the other session changed is refused with a message.
(The contract form's stale edit is in test_overview.py.)
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.ui.notices import notices
from tests.ui.renewal_helpers import make_renewal_db, seen, table_text, to_step_3, wizard
from tui.domain.renewal import RenewalStatus, new_renewal
from tui.domain.renewal_plan import try_quote
from tui.domain.usage import UsageSample
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.partners import PartnerRepository
from tui.store.renewals import RenewalRepository
from tui.store.usage import UsageRepository
from tui.ui.app import create_app
from tui.ui.overview.contract_form import ContractForm
from tui.ui.forecast.pane import ForecastPane
from tui.ui.overview.pane import OverviewPane
from tui.ui.partners.form import PartnerForm
from tui.ui.partners.pane import PartnersPane
from tui.ui.renewal.summary import CompletionSummary, RenewalView
from tui.ui.renewal.wizard import RenewalWizard
from tui.ui.forecast.usage_form import UsageForm
from tui.ui.widgets.virtual_table import VirtualTable

ROOT = Path(__file__).resolve().parents[2]
SIZE = (120, 40)
T = date(2027, 12, 15)  # make_renewal_db's co-term date


pytestmark = pytest.mark.usefixtures("no_automatic_poll")


async def renewals_in_another_process(db: Path, *args: str) -> str:
    """`renewals ARGS --db DB` as a separate process; the app keeps running while it does."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tui", *args, "--db", str(db), "--today", TODAY.isoformat(),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=ROOT)
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    return out.decode()


def csv_file(tmp_path: Path, name: str, *lines: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def messages(app) -> list[str]:
    return list(notices(app))


def lines_of(app, selector: str) -> list[str]:
    table = app.query_one(selector, VirtualTable)
    return [table.render_line(y).text for y in range(table.row_count + 1)]


# -- contracts ---------------------------------------------------------------------------
async def test_contracts_imported_elsewhere_are_kept_by_an_edit_made_before_looking_and_then_shown(
        demo_db: Path, tmp_path: Path) -> None:
    contracts_csv = csv_file(
        tmp_path, "contracts.csv", "id,product,quantity,end,unit_price,currency,notes",
        "IMP-1,Backup Exec,4,2026-11-30,50,RON,from the import",
        "BE-2022-0112,Backup Exec,12,2026-11-18,33.50,RON,renegotiated")
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")  # SEP-2021-0417, the first row, opened before the import
        assert isinstance(app.screen, ContractForm)
        output = await renewals_in_another_process(demo_db, "import", "contracts", str(contracts_csv))
        assert "1 new, 1 changed" in output
        app.screen.query_one("#field-quantity").focus()
        await pilot.press(*["backspace"] * 3, *"260", "ctrl+s")
        await pilot.pause()
        assert any("Saved SEP-2021-0417." in m for m in messages(app))
        stored = ContractRepository(Store(demo_db))
        assert stored.get("SEP-2021-0417").quantity == 260
        assert stored.get("IMP-1").notes == "from the import"  # not written back over
        assert stored.get("BE-2022-0112").notes == "renegotiated"
        assert [h.source for h in stored.get("BE-2022-0112").history][-1] == "import"
        ids = [c.id for c in app.query_one(OverviewPane).rows]
        assert ids[:3] == ["SEP-2021-0417", "BE-2022-0112", "IMP-1"]  # the app shows the file as it is


async def test_contracts_imported_elsewhere_appear_when_the_app_polls(demo_db: Path, tmp_path: Path) -> None:
    contracts_csv = csv_file(tmp_path, "contracts.csv", "id,product,quantity,end,unit_price,currency",
                             "IMP-2,Backup Exec,4,2026-11-30,50,RON")
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        generation = app.store.generation
        await renewals_in_another_process(demo_db, "import", "contracts", str(contracts_csv))
        assert "IMP-2" not in [c.id for c in app.query_one(OverviewPane).rows]
        app.poll_store()
        await pilot.pause()
        assert app.store.generation == generation + 1
        assert [c.id for c in app.query_one(OverviewPane).rows][2] == "IMP-2"
        assert "The data file changed on disk; reloaded." in messages(app)
        app.poll_store()  # nothing new: no second reload, no second notice
        assert app.store.generation == generation + 1
        assert messages(app).count("The data file changed on disk; reloaded.") == 1



async def test_a_change_found_by_another_read_first_is_still_shown_when_the_app_polls(demo_db: Path) -> None:
    """Tabs built in the background read the file too; the one that finds another process's write
    first must not keep the poll from showing it."""
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        other = ContractRepository(Store(demo_db))
        other.add(replace(other.get("BE-2022-0112"), id="ELSEWHERE-1"), TODAY)
        assert "ELSEWHERE-1" in [c.id for c in app.contracts.all()]  # a read, not the poll, saw it
        app.poll_store()
        await pilot.pause()
        assert "ELSEWHERE-1" in [c.id for c in app.query_one(OverviewPane).rows]
        assert "The data file changed on disk; reloaded." in messages(app)

# -- usage -------------------------------------------------------------------------------------
async def test_usage_imported_elsewhere_is_kept_shown_and_a_conflicting_sample_edit_is_refused(
        demo_db: Path, tmp_path: Path) -> None:
    latest = date(2026, 10, 23)  # Backup Exec's latest sample in the demo data (16 in use)
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        pane = app.query_one(ForecastPane)
        assert pane.current_product() == "Backup Exec" and pane.current_sample().on == latest
        # 1. A form opened before an import that does not touch its sample: the save keeps the import.
        await pilot.press("e")
        assert isinstance(app.screen, UsageForm)
        await renewals_in_another_process(demo_db, "import", "usage", str(csv_file(
            tmp_path, "usage-1.csv", "product,date,in_use", "Backup Exec,2026-11-20,19", "Backup Exec,2026-10-17,30")))
        await pilot.press("ctrl+a", "ctrl+k", *"17", "ctrl+s")
        await pilot.pause()
        stored = UsageRepository(Store(demo_db))
        assert [stored.get("Backup Exec", day).in_use for day in (date(2026, 11, 20), date(2026, 10, 17), latest)] \
            == [19, 30, 17]
        assert lines_of(app, "#forecast-samples")[1].split() == ["2026-11-20", "19"]  # shown, newest first
        # 2. The import changes the very sample whose form is open: the save is refused, the import stays.
        await pilot.press("e")  # the highlighted sample: 2026-11-20
        assert app.screen.initial == UsageSample("Backup Exec", date(2026, 11, 20), 19)
        await renewals_in_another_process(demo_db, "import", "usage", str(csv_file(
            tmp_path, "usage-2.csv", "product,date,in_use", "Backup Exec,2026-11-20,21")))
        await pilot.press("ctrl+a", "ctrl+k", *"99", "ctrl+s")
        await pilot.pause()
        assert UsageRepository(Store(demo_db)).get("Backup Exec", date(2026, 11, 20)).in_use == 21
        assert any("was changed elsewhere meanwhile; nothing was saved" in m for m in messages(app))
        assert lines_of(app, "#forecast-samples")[1].split() == ["2026-11-20", "21"]
        assert pane.current_row().latest_peak == 21


async def test_usage_imported_elsewhere_appears_when_the_app_polls(demo_db: Path, tmp_path: Path) -> None:
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        pane = app.query_one(ForecastPane)
        await renewals_in_another_process(demo_db, "import", "usage", str(csv_file(
            tmp_path, "usage.csv", "product,date,in_use", "Backup Exec,2026-11-25,44")))
        assert lines_of(app, "#forecast-samples")[1].split() == ["2026-10-23", "16"]
        app.poll_store()
        await pilot.pause()
        assert lines_of(app, "#forecast-samples")[1].split() == ["2026-11-25", "44"]
        assert pane.current_row().latest_peak == 44


async def test_a_sample_deleted_elsewhere_cannot_be_edited_back(demo_db: Path) -> None:
    latest = date(2026, 10, 23)
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("e")
        other = UsageRepository(Store(demo_db))
        other.delete(other.get("Backup Exec", latest))
        await pilot.press("ctrl+a", "ctrl+k", *"17", "ctrl+s")
        await pilot.pause()
        assert UsageRepository(Store(demo_db)).get("Backup Exec", latest) is None
        assert any("no longer exists" in m for m in messages(app))


# -- partners ------------------------------------------------------------------------------------
async def test_a_partner_edited_elsewhere_is_kept_shown_and_a_stale_edit_of_it_is_refused(
        demo_db: Path, tmp_path: Path) -> None:
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "slash", *"quelmira", "enter", "e")  # p0002, opened before the other change
        assert isinstance(app.screen, PartnerForm)
        await renewals_in_another_process(demo_db, "import", "partners", str(csv_file(
            tmp_path, "partners.csv", "id,name,phone", "p0001,Zorvanta Systems SRL (new owner),+40 21 555 0001")))
        app.screen.query_one("#field-phone").focus()
        await pilot.press("ctrl+u", *"+40 21 555 0002", "ctrl+s")
        await pilot.pause()
        stored = PartnerRepository(Store(demo_db))
        # The partners table is stored whole on every write: the other process's change must survive it.
        assert stored.get("p0001").name == "Zorvanta Systems SRL (new owner)"
        assert stored.get("p0002").phone == "+40 21 555 0002"
        # The app now shows the other change too.
        await pilot.press("slash", "ctrl+u", *"zorvanta", "enter")
        await pilot.pause()
        pane = app.query_one(PartnersPane)
        assert [h.partner.name for h in pane.hits][0] == "Zorvanta Systems SRL (new owner)"
        # A second session edits p0001 while this one has its form open: this save is refused.
        await pilot.press("e")
        other = PartnerRepository(Store(demo_db))
        other.update(replace(other.get("p0001"), email="office@elsewhere.example.com"),
                     base_revision=other.revision_of("p0001"))
        app.screen.query_one("#field-name").focus()
        await pilot.press("ctrl+u", *"Zorvanta Overwritten SRL", "ctrl+s")
        await pilot.pause()
        assert any("partner p0001 was changed elsewhere since you opened it" in m for m in messages(app))
        stored = PartnerRepository(Store(demo_db)).get("p0001")
        assert (stored.name, stored.email) == ("Zorvanta Systems SRL (new owner)", "office@elsewhere.example.com")
        assert "office@elsewhere.example.com" in str(app.query_one("#partners-detail").render())


async def test_a_partner_edited_elsewhere_appears_when_the_app_polls(demo_db: Path, tmp_path: Path) -> None:
    app = create_app(demo_db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "slash", *"zorvanta", "enter")
        await pilot.pause()
        await renewals_in_another_process(demo_db, "import", "partners", str(csv_file(
            tmp_path, "partners.csv", "id,name", "p0001,Zorvanta Renamed SRL")))
        app.poll_store()
        await pilot.pause()
        assert [h.partner.name for h in app.query_one(PartnersPane).hits] == ["Zorvanta Renamed SRL"]
        assert "Zorvanta Renamed SRL" in str(app.query_one("#partners-detail").render())


# -- renewals ------------------------------------------------------------------------------------
def complete_elsewhere(db: Path, renewal_id: str | None = None) -> None:
    """Another session completes `renewal_id` (or starts and completes one for A-1 and A-2) with its own answers."""
    other = RenewalRepository(Store(db))
    renewal = other.get(renewal_id) if renewal_id else new_renewal(["A-1", "A-2"], TODAY, to=T)
    contracts = [other.contracts.get(cid) for cid in renewal.contract_ids]
    ready = replace(renewal, partner="p0001", request_path="/tmp/elsewhere.txt",
                    certificates={cid: "LC-ELSEWHERE" for cid in renewal.contract_ids}, order="PO-ELSEWHERE",
                    confirmed_on=TODAY)
    saved = other.save(replace(ready, quote=try_quote(ready, contracts, TODAY)), TODAY)
    other.complete(saved, contracts, TODAY)


def renewal_entries(db: Path) -> dict[str, list[str]]:
    """Contract id -> the certificate given by each "renewal" history entry."""
    return {c.id: [next(ch.new for ch in h.changes if ch.field == "certificate")
                   for h in c.history if h.source == "renewal"]
            for c in ContractRepository(Store(db)).all()}


@pytest.fixture
def renewal_db(tmp_path: Path) -> Path:
    return make_renewal_db(tmp_path)


async def test_a_renewal_completed_elsewhere_is_kept_by_an_edit_made_before_looking_and_then_shown(
        renewal_db: Path) -> None:
    app = create_app(renewal_db, TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "e")  # B-1, not in the renewal, opened before it is completed elsewhere
        assert app.screen.query_one("#field-id").value == "B-1"
        complete_elsewhere(renewal_db)
        app.screen.query_one("#field-notes").focus()
        await pilot.press(*"edited here", "ctrl+s")
        await pilot.pause()
        stored = ContractRepository(Store(renewal_db))
        assert stored.get("B-1").notes == "edited here"
        assert (stored.get("A-1").end, stored.get("A-2").end) == (T, T)
        assert renewal_entries(renewal_db) == {"A-1": ["LC-ELSEWHERE"], "A-2": ["LC-ELSEWHERE"], "B-1": []}
        assert RenewalRepository(Store(renewal_db)).get("R-0001").status is RenewalStatus.COMPLETED
        ends = {c.id: c.end for c in app.query_one(OverviewPane).rows}
        assert ends["A-1"] == T
        await pilot.press("2")
        await pilot.pause()
        assert "completed" in table_text(app, "#renewal-table")


async def test_a_renewal_completed_elsewhere_appears_when_the_app_polls(renewal_db: Path) -> None:
    app = create_app(renewal_db, TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "No renewals yet" in seen(app, "#renewal-empty")
        complete_elsewhere(renewal_db)
        app.poll_store()
        await pilot.pause()
        rows = table_text(app, "#renewal-table")
        assert "R-0001" in rows and "completed" in rows
        assert {c.id: c.end for c in app.query_one(OverviewPane).rows}["A-2"] == T


async def test_a_draft_step_saved_elsewhere_refuses_this_windows_save_and_the_wizard_still_closes(
        renewal_db: Path) -> None:
    app = create_app(renewal_db, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_step_3(app, pilot)  # R-0001 saved at step 3
        other = RenewalRepository(Store(renewal_db))  # the same draft, resumed in another terminal
        other.save(replace(other.get("R-0001"), step=4, contact="Ana from elsewhere"), TODAY)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert wizard(app).step == 3
        assert any("renewal R-0001 was changed elsewhere since you opened it" in m for m in messages(app))
        stored = RenewalRepository(Store(renewal_db)).get("R-0001")
        assert (stored.step, stored.contact) == (4, "Ana from elsewhere")
        await pilot.press("escape")  # nothing can be saved over the other session's draft: it closes
        await pilot.pause()
        assert not isinstance(app.screen, RenewalWizard)
        assert "4 Partner" in table_text(app, "#renewal-table")  # the stored draft, as the other left it
        stored = RenewalRepository(Store(renewal_db)).get("R-0001")
        assert (stored.step, stored.contact) == (4, "Ana from elsewhere")
        await pilot.press("enter")  # reopened, it continues from the stored draft
        await pilot.pause()
        assert wizard(app).step == 4 and wizard(app).renewal.contact == "Ana from elsewhere"
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert RenewalRepository(Store(renewal_db)).get("R-0001").step == 3


async def test_a_renewal_completed_elsewhere_while_its_summary_is_shown_is_not_applied_again(
        renewal_db: Path) -> None:
    app = create_app(renewal_db, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_step_3(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("a", *"LC-HERE", "enter")
        await pilot.pause()
        await pilot.press("tab", *"PO-HERE", "tab", *"2026-11-27", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CompletionSummary)
        complete_elsewhere(renewal_db, "R-0001")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RenewalWizard)
        assert "Not applied:" in seen(app, "#wizard-message")
        assert "R-0001 was changed elsewhere" in seen(app, "#wizard-message")
        assert renewal_entries(renewal_db) == {"A-1": ["LC-ELSEWHERE"], "A-2": ["LC-ELSEWHERE"], "B-1": []}
        await pilot.press("escape", "escape")  # out of the date field, then out of the wizard
        await pilot.pause()
        assert any("Closed without saving this window's answers" in m for m in messages(app))
        assert not isinstance(app.screen, RenewalWizard)
        assert "completed" in table_text(app, "#renewal-table")
    assert renewal_entries(renewal_db) == {"A-1": ["LC-ELSEWHERE"], "A-2": ["LC-ELSEWHERE"], "B-1": []}
    assert RenewalRepository(Store(renewal_db)).get("R-0001").order == "PO-ELSEWHERE"




async def test_a_wizard_open_on_a_renewal_completed_elsewhere_closes_at_once_and_shows_it_read_only(
        renewal_db: Path) -> None:
    app = create_app(renewal_db, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_step_3(app, pilot)
        complete_elsewhere(renewal_db, "R-0001")
        app.poll_store()
        await pilot.pause()
        assert not isinstance(app.screen, RenewalWizard)
        assert isinstance(app.screen, RenewalView) and "completed" in seen(app, ".dialog-title")
        assert any("R-0001 was completed in another session" in m for m in messages(app))
    assert renewal_entries(renewal_db) == {"A-1": ["LC-ELSEWHERE"], "A-2": ["LC-ELSEWHERE"], "B-1": []}


async def test_a_wizard_open_on_a_draft_changed_elsewhere_reloads_it_at_once(renewal_db: Path) -> None:
    app = create_app(renewal_db, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_step_3(app, pilot)
        other = RenewalRepository(Store(renewal_db))
        other.save(replace(other.get("R-0001"), contact="Ana from elsewhere", quantities={"A-1": 55}), TODAY)
        app.poll_store()
        await pilot.pause()
        assert wizard(app).renewal.contact == "Ana from elsewhere"
        assert "R-0001 was changed in another session" in seen(app, "#wizard-message")
        assert "55" in table_text(app, "#growth-contracts")
        await pilot.press("ctrl+n")  # goes on from the stored draft: no conflict
        await pilot.pause()
        assert wizard(app).step == 4
    stored = RenewalRepository(Store(renewal_db)).get("R-0001")
    assert (stored.step, stored.contact, stored.quantities) == (4, "Ana from elsewhere", {"A-1": 55})
