"""Writers for the SIGKILL tests: every kind of write the app makes, in a loop, each one acknowledged.

Run as a process: `python kill_writers.py KIND DB TAG`.  It opens DB, prints
"ready", then performs write 1, 2, 3, … of KIND for ever, printing
"<n> <what>" after each write has returned.  The tests kill it with SIGKILL.

Every write is a function of the file's current state, the TAG and its number
only, so the test can replay the same writes on a copy of the file taken
before the writer started and know exactly what the file may hold after the
kill: the state after the acknowledged writes, or after one more (the write
in flight), and nothing else.

The writes go through the same calls the app and the CLI make:

* contract-edit    ContractRepository.update with the revision read (the contract form's save)
* contract-import  `renewals import contracts FILE.csv` (tui.commands.transfer.import_contracts)
* partner-edit     PartnerRepository.update with revision_of (the partner form's save)
* usage-import     `renewals import usage FILE.csv --allow-new-product`
* wizard-step      RenewalRepository.save of a draft step after step, with its quote (RenewalWizard.save),
                   then cancel; then the next draft
* renewal-complete RenewalRepository.complete of a ready renewal (the wizard's last step), its draft saved first
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tui.commands.context import CliContext  # noqa: E402
from tui.commands.transfer import import_contracts  # noqa: E402
from tui.commands.usage_transfer import import_usage  # noqa: E402
from tui.domain.contract import CONTRACT_COLUMNS, Contract  # noqa: E402
from tui.domain.coterm import suggested_dates  # noqa: E402
from tui.domain.renewal import Proof, Renewal, new_renewal  # noqa: E402
from tui.domain.renewal_plan import try_quote  # noqa: E402
from tui.domain.usage import UsageSample  # noqa: E402
from tui.store.contracts import ContractRepository  # noqa: E402
from tui.store.file.database import Store  # noqa: E402
from tui.store.partners import PartnerRepository  # noqa: E402
from tui.store.renewals import RenewalRepository  # noqa: E402
from tui.store.usage import UsageRepository  # noqa: E402

TODAY = date(2026, 11, 27)
PRODUCTS = ("Endpoint Protection", "Backup Exec", "Data Loss Prevention", "Web Gateway", "Mail Security")


class Session:
    """One process's view of the file: the repositories the app holds, on one Store."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.store = Store(db)
        self.contracts = ContractRepository(self.store)
        self.partners = PartnerRepository(self.store)
        self.usage = UsageRepository(self.store)
        self.renewals = RenewalRepository(self.store, self.contracts)

    def csv_file(self) -> Path:
        return self.db.with_name(self.db.stem + "-import.csv")

    def run_cli(self, command, **arguments) -> None:
        """Run a CLI import as `renewals import …` would, in this process; it opens the file itself."""
        out, err = io.StringIO(), io.StringIO()
        status = command(argparse.Namespace(file=str(self.csv_file()), dry_run=False, **arguments),
                         CliContext(db_path=self.db, today=TODAY, stdout=out, stderr=err))
        if status != 0:
            raise RuntimeError(f"import failed ({status}): {err.getvalue()}")


def contract(contract_id: str, index: int, **changes) -> Contract:
    values = dict(id=contract_id, product=PRODUCTS[index % len(PRODUCTS)], quantity=5 + index % 20,
                  end=date(2026, 1, 1) + timedelta(days=13 * index), unit_price=Decimal("12.50"), currency="RON",
                  partner="p0001", certificate=f"LC-{contract_id}", order=f"PO-{contract_id}", notes="n" * 80)
    values.update(changes)
    return Contract(**values)


def write_rows(path: Path, header: tuple[str, ...], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


# -- contract edit -------------------------------------------------------------
def setup_contract_edit(db: Path) -> None:
    ContractRepository(Store(db)).save_many([contract(f"E-{n:02d}", n) for n in range(60)], [], TODAY,
                                            source="setup")


def contract_edit(s: Session, i: int, tag: str) -> str:
    ids = sorted(c.id for c in s.contracts.all())
    current = s.contracts.get(ids[i % len(ids)])
    wanted = replace(current, quantity=current.quantity % 40 + 1, notes=f"{tag}-{i}")
    s.contracts.update(wanted, TODAY, base_revision=current.revision)
    return current.id


# -- contract import ---------------------------------------------------------------
IMPORT_NEW, IMPORT_CHANGED = 5, 5


def setup_contract_import(db: Path) -> None:
    ContractRepository(Store(db)).save_many([contract(f"B-{n:03d}", n) for n in range(100)], [], TODAY,
                                            source="setup")


def contract_import(s: Session, i: int, tag: str) -> str:
    """5 new contracts and 5 changed ones (their notes name the batch), as one CSV import."""
    batch = f"{tag}-{i}"
    rows = [[f"{batch}-{j}", PRODUCTS[j], 1 + j, "", "2027-06-30", "99.90", "EUR", "", "", "", "imported"]
            for j in range(IMPORT_NEW)]
    stored = sorted(c.id for c in s.contracts.all() if c.id.startswith("B-"))
    for j in range(IMPORT_CHANGED):
        old = s.contracts.get(stored[(i * IMPORT_CHANGED + j) % len(stored)])
        rows.append([old.field_text(column) if column != "notes" else batch for column in CONTRACT_COLUMNS])
        rows[-1][CONTRACT_COLUMNS.index("quantity")] = old.quantity % 30 + 1
    write_rows(s.csv_file(), CONTRACT_COLUMNS, rows)
    s.run_cli(import_contracts)
    return batch


# -- partner edit --------------------------------------------------------------------
def setup_partner_edit(db: Path) -> None:
    """A file without the partner directory: the first edit stores it, in the same transaction."""
    ContractRepository(Store(db)).add(contract("P-1", 1), TODAY, source="setup")


def partner_edit(s: Session, i: int, tag: str) -> str:
    ids = sorted(p.id for p in s.partners.all())[:40]
    partner_id = ids[i % len(ids)]
    current = s.partners.get(partner_id)
    shipped = next(p for p in s.partners.directory.partners if p.id == partner_id)
    wanted = replace(current, name=f"{shipped.name} {tag}-{i}", phone=f"+40 21 555 {i % 10000:04d}")
    s.partners.update(wanted, base_revision=s.partners.revision_of(partner_id))
    return partner_id


# -- usage import ----------------------------------------------------------------------
MONTHS = [date(2024 + (11 + m) // 12, (11 + m) % 12 + 1, 1) for m in range(24)]  # 2024-12-01 … 2026-11-01
IMPORT_SAMPLES = 12
CHANGED_IN_USE = 500


def setup_usage_import(db: Path) -> None:
    store = Store(db)
    ContractRepository(store).save_many([contract(f"U-{n}", n) for n in range(len(PRODUCTS))], [], TODAY,
                                        source="setup")
    UsageRepository(store).save_many(
        [UsageSample(product, day, 40 + n) for product in PRODUCTS for n, day in enumerate(MONTHS)], [])


def imported_product(number: int) -> str:
    return f"Imported {number:05d}"


def usage_import(s: Session, i: int, tag: str) -> str:
    """One CSV import: product N+1 with 12 monthly samples, and new values for 4 samples of product N
    (the one the previous import added), where N products were imported so far."""
    number = 1 + sum(1 for product in s.usage.products() if product.startswith("Imported "))
    rows: list[list[object]] = [[imported_product(number), day.isoformat(), 100 + n]
                                for n, day in enumerate(MONTHS[-IMPORT_SAMPLES:])]
    if number > 1:
        rows += [[imported_product(number - 1), day.isoformat(), CHANGED_IN_USE + n]
                 for n, day in enumerate(MONTHS[-IMPORT_SAMPLES:][:4])]
    write_rows(s.csv_file(), ("product", "date", "in_use"), rows)
    s.run_cli(import_usage, allow_new_product=True)
    return imported_product(number)


# -- wizard step save ----------------------------------------------------------------------
def setup_wizard_step(db: Path) -> None:
    ContractRepository(Store(db)).save_many([contract(f"W-{n:02d}", n) for n in range(30)], [], TODAY,
                                            source="setup")


def wizard_save(s: Session, renewal: Renewal, step: int) -> Renewal:
    """What RenewalWizard.save stores when the step changes: the answers, the step, the quote."""
    selected = [c for c in (s.contracts.get(i) for i in renewal.contract_ids) if c is not None]
    renewal = replace(renewal, step=step, quote=try_quote(renewal, selected, TODAY))
    return s.renewals.save(renewal, TODAY, what="saved", detail=f"step {step}")


def wizard_step(s: Session, i: int, tag: str) -> str:
    """Advance the open draft by one step (filling that step's answers), cancel it after step 5,
    or start the next draft (saved for the first time when moving to step 2)."""
    draft = next((r for r in s.renewals.open()), None)
    if draft is None:
        ids = sorted(c.id for c in s.contracts.all())
        start = 2 * len(s.renewals.all()) % len(ids)
        chosen = [s.contracts.get(ids[start]), s.contracts.get(ids[(start + 1) % len(ids)])]
        renewal = new_renewal([c.id for c in chosen], TODAY, to=suggested_dates(chosen, TODAY)[0])
        return f"{wizard_save(s, renewal, 2).id} step 2"
    ids = draft.contract_ids
    if draft.step == 2:
        proofs = {cid: Proof(f"LC-{cid}", f"PO-{tag}-{i}", date(2023, 1, 2), frozenset({"certificate"}))
                  for cid in ids}
        saved = wizard_save(s, replace(draft, proofs=proofs), 3)
    elif draft.step == 3:
        saved = wizard_save(s, replace(draft, quantities={ids[0]: 7 + i % 50}), 4)
    elif draft.step == 4:
        saved = wizard_save(s, replace(draft, partner="p0001", contact=f"{tag}-{i}",
                                       request_path=f"/tmp/{draft.id}.txt", request_text="x" * 300), 5)
    elif not draft.order:
        saved = wizard_save(s, replace(draft, certificates={cid: f"NEW-{tag}-{i}" for cid in ids},
                                       order=f"PO-{tag}-{i}", confirmed_on=TODAY), 5)
    else:
        return f"{s.renewals.cancel(draft, TODAY).id} cancelled"
    return f"{saved.id} step {saved.step}"


# -- renewal completion --------------------------------------------------------------------
def setup_renewal_complete(db: Path) -> None:
    ContractRepository(Store(db)).save_many([contract(f"K-{n:02d}", n) for n in range(60)], [], TODAY,
                                            source="setup")


def renewal_complete(s: Session, i: int, tag: str) -> str:
    """Complete the open renewal; when there is none, save a ready one (the three contracts ending first)."""
    ready = next((r for r in s.renewals.open()), None)
    if ready is not None:
        contracts = [s.contracts.get(cid) for cid in ready.contract_ids]
        return f"{s.renewals.complete(ready, contracts, TODAY).id} completed"
    chosen = sorted(s.contracts.all(), key=lambda c: (c.end, c.id))[:3]
    ids = [c.id for c in chosen]
    draft = new_renewal(ids, TODAY, to=suggested_dates(chosen, TODAY)[0], partner="p0002",
                        request_path="/tmp/request.txt", quantities={ids[0]: chosen[0].quantity % 30 + 1},
                        certificates={cid: f"LC-{tag}-{i}" for cid in ids}, order=f"PO-{tag}-{i}",
                        confirmed_on=TODAY, step=5)
    draft = replace(draft, quote=try_quote(draft, chosen, TODAY))
    return f"{s.renewals.save(draft, TODAY, what='saved', detail='step 5').id} ready"


@dataclass(frozen=True)
class Kind:
    setup: Callable[[Path], None]
    write: Callable[[Session, int, str], str]


KINDS = {
    "contract-edit": Kind(setup_contract_edit, contract_edit),
    "contract-import": Kind(setup_contract_import, contract_import),
    "partner-edit": Kind(setup_partner_edit, partner_edit),
    "usage-import": Kind(setup_usage_import, usage_import),
    "wizard-step": Kind(setup_wizard_step, wizard_step),
    "renewal-complete": Kind(setup_renewal_complete, renewal_complete),
}


def main() -> None:
    kind, db, tag = KINDS[sys.argv[1]], Path(sys.argv[2]), sys.argv[3]
    session = Session(db)
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        what = kind.write(session, i, tag)
        print(f"{i} {what}", flush=True)


if __name__ == "__main__":
    main()
