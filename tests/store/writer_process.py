"""A separate process that writes to a database and acknowledges each completed write on stdout.

Used by the crash and concurrency tests: `python writer_process.py MODE DB PREFIX COUNT`.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tui.domain.contract import Contract  # noqa: E402
from tui.store.contracts import ContractRepository  # noqa: E402
from tui.store.file.database import Store  # noqa: E402
from tui.store.errors import ConflictError  # noqa: E402

TODAY = date(2026, 11, 27)


def contract(contract_id: str) -> Contract:
    return Contract(contract_id, "Backup Exec", 1, date(2027, 1, 1), Decimal("10.00"), "RON",
                    notes="x" * 200)


def add(repository: ContractRepository, prefix: str, count: int) -> None:
    """Single adds and 10-contract batches alternately; a batch is acknowledged as one line."""
    i = 0
    while i < count:
        if i % 3 == 2:
            ids = [f"{prefix}-{i}-{k}" for k in range(10)]
            repository.save_many([contract(x) for x in ids], [], TODAY)
            print("batch " + " ".join(ids), flush=True)
        else:
            repository.add(contract(f"{prefix}-{i}"), TODAY)
            print(f"one {prefix}-{i}", flush=True)
        i += 1


def increment(repository: ContractRepository, contract_id: str, count: int) -> None:
    """Read-modify-write the same contract; a conflict means re-read and retry, never overwrite."""
    done = 0
    while done < count:
        current = repository.get(contract_id)
        try:
            repository.update(replace(current, quantity=current.quantity + 1), TODAY,
                              base_revision=current.revision)
        except ConflictError:
            continue
        done += 1
    print("done", flush=True)


def main() -> None:
    mode, db, prefix, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    repository = ContractRepository(Store(db))
    print("ready", flush=True)
    if mode == "add":
        add(repository, prefix, count)
    else:
        increment(repository, prefix, count)


if __name__ == "__main__":
    main()
