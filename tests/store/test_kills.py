"""SIGKILL at random moments during every kind of write, on real files.

For each kind (see kill_writers.py) a writer process writes in a loop and
acknowledges each write once it has returned; the test kills it with SIGKILL
after a random wait, then checks that

* the file opens, and every table in it reads back (contracts, partners, usage, renewals);
* its whole content equals what a clean run of the acknowledged writes gives, or of those plus the
  one write in flight — replayed on a copy of the file taken before the writer started — so no
  acknowledged write is lost and nothing half-written is there;
* the kind's own all-or-nothing rule holds (an import's rows all there or none, a completed renewal
  with every one of its contracts renewed with history, or none of them …).

The next writer starts from the file the kill left behind (reset to the starting file when it has
grown past RESET_BYTES), so the rounds also show that a killed writer's leftovers never stop the next
one.  The normal run kills each kind a few times; `pytest -m slow -k kill` kills each 200 times.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import zlib
from collections import Counter
from pathlib import Path

import pytest

from tests.store.kill_writers import (
    CHANGED_IN_USE, IMPORT_CHANGED, IMPORT_NEW, IMPORT_SAMPLES, KINDS, Session, imported_product,
)
from tui.domain.renewal import RenewalStatus
from tui.store.partner_directory import STATE_TABLE as DIRECTORY_STATE
from tui.store.partner_directory import TABLE as PARTNERS

WRITER = Path(__file__).with_name("kill_writers.py")
# The kill lands uniformly within this long after the writer is ready: a dozen writes or so on average
# (an import, which also reads and checks its CSV file, takes several times as long as an edit).
WAIT_SECONDS = {"contract-import": 0.4, "usage-import": 0.4}
DEFAULT_WAIT_SECONDS = 0.15
RESET_BYTES = 400_000


def start_writer(kind: str, db: Path, tag: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WRITER), kind, str(db), tag],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_at_random_moment(kind: str, db: Path, tag: str, rng: random.Random) -> list[str]:
    """Start a writer, let it write for a random time, SIGKILL it; return what it acknowledged, in order."""
    process = start_writer(kind, db, tag)
    ready = process.stdout.readline().strip()
    try:
        assert ready == "ready", process.stderr.read()
        try:
            process.wait(timeout=rng.uniform(0.0, WAIT_SECONDS.get(kind, DEFAULT_WAIT_SECONDS)))
        except subprocess.TimeoutExpired:
            pass
        process.send_signal(signal.SIGKILL)
        acknowledged = process.stdout.read().splitlines()
        errors = process.stderr.read()
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL, f"the writer stopped by itself:\n{errors}"
    return acknowledged


def content(db: Path) -> dict:
    return json.loads(db.read_bytes())


def replay(kind: str, before: Path, scratch: Path, tag: str, writes: int) -> tuple[list[str], list[dict]]:
    """Run writes 1..`writes` of `kind` on a copy of `before`: what each acknowledges, and the file's
    content before the first and after each write (index n: after n writes)."""
    if scratch.parent.exists():
        shutil.rmtree(scratch.parent)
    scratch.parent.mkdir()
    shutil.copyfile(before, scratch)
    session = Session(scratch)
    acknowledged, states = [], [content(scratch)]
    for n in range(1, writes + 1):
        acknowledged.append(f"{n} {KINDS[kind].write(session, n, tag)}")
        states.append(content(scratch))
    return acknowledged, states


def open_everything(db: Path) -> Session:
    """The file opens and every table reads back into domain objects."""
    session = Session(db)
    session.contracts.all()
    session.partners.all()
    session.usage.samples()
    session.renewals.all()
    return session


# -- each kind's all-or-nothing rule ---------------------------------------------------------
def whole_contract_edits(s: Session) -> None:
    for c in s.contracts.all():  # one history entry per stored change, never a change without one
        assert c.revision == len(c.history), c.id
        assert [h.source for h in c.history] == ["setup"] + ["edit"] * (len(c.history) - 1), c.id


def whole_contract_imports(s: Session) -> None:
    """Every import batch is there entirely (its new contracts and its changes) or not at all."""
    new = Counter(c.id.rsplit("-", 1)[0] for c in s.contracts.all() if not c.id.startswith("B-"))
    changed = Counter(change.new for c in s.contracts.all() for h in c.history if h.source == "import"
                      for change in h.changes if change.field == "notes")
    assert set(new.values()) <= {IMPORT_NEW} and set(changed.values()) <= {IMPORT_CHANGED}
    assert set(new) == set(changed)


def whole_partner_edits(s: Session) -> None:
    """The directory is stored whole with the first edit, or not at all; only edited partners moved on."""
    stored = s.store.raw_table(PARTNERS)
    if stored or s.store.raw_table(DIRECTORY_STATE):
        assert {r["id"] for r in stored.values()} == {p.id for p in s.partners.directory.partners}
    for record in stored.values():
        assert (record["origin"] == "edited") == (record["revision"] > 1), record["id"]


def whole_usage_imports(s: Session) -> None:
    """Imports 1..N are there, each with its 12 samples and with the 4 changes import n+1 made to n."""
    imported = {p: [x.in_use for x in s.usage.samples(p)] for p in s.usage.products() if p.startswith("Imported ")}
    assert sorted(imported) == [imported_product(n) for n in range(1, len(imported) + 1)]
    for n, product in enumerate(sorted(imported), 1):
        changed = [CHANGED_IN_USE + k for k in range(4)] if n < len(imported) else [100 + k for k in range(4)]
        assert imported[product] == changed + [100 + k for k in range(4, IMPORT_SAMPLES)], product


def whole_wizard_saves(s: Session) -> None:
    for r in s.renewals.all():  # created + one event per stored write
        assert r.revision == len(r.events) - 1, r.id
        assert [e.seq for e in r.events] == list(range(1, len(r.events) + 1)), r.id
        assert (r.status is RenewalStatus.CANCELLED) == (r.events[-1].what == "cancelled"), r.id


def whole_renewals(s: Session) -> None:
    """A completed renewal has renewed all its contracts (new end, certificate, a history entry);
    a renewal not completed has renewed none."""
    contracts = {c.id: c for c in s.contracts.all()}
    renewed = Counter()  # (contract, certificate given by the renewal) per "renewal" history entry
    for c in contracts.values():
        for h in c.history:
            if h.source == "renewal":
                changes = {change.field: change.new for change in h.changes}
                renewed[(c.id, changes["certificate"], changes["end"])] += 1
    expected = Counter()
    for r in s.renewals.all():
        if r.status is RenewalStatus.COMPLETED:
            for cid in r.contract_ids:
                expected[(cid, r.certificates[cid], r.to.isoformat())] += 1
        else:
            assert r.status.is_open
    assert renewed == expected


WHOLE = {
    "contract-edit": whole_contract_edits,
    "contract-import": whole_contract_imports,
    "partner-edit": whole_partner_edits,
    "usage-import": whole_usage_imports,
    "wizard-step": whole_wizard_saves,
    "renewal-complete": whole_renewals,
}


def run_kills(kind: str, tmp_path: Path, kills: int, seed: int) -> Counter:
    rng = random.Random(seed)
    start = tmp_path / "start.json"
    KINDS[kind].setup(start)
    db, before = tmp_path / "data" / "renewals.json", tmp_path / "before.json"
    db.parent.mkdir()
    shutil.copyfile(start, db)
    outcome: Counter = Counter()
    for round_number in range(kills):
        if db.stat().st_size > RESET_BYTES:
            shutil.copyfile(start, db)
            outcome["resets"] += 1
        shutil.copyfile(db, before)
        tag = f"k{round_number}"
        acknowledged = kill_at_random_moment(kind, db, tag, rng)
        expected_acks, states = replay(kind, before, tmp_path / "replay" / "renewals.json", tag,
                                       len(acknowledged) + 1)
        assert acknowledged == expected_acks[:len(acknowledged)], "the writer did not write what the replay did"
        session = open_everything(db)  # a torn or empty file is refused here
        found = content(db)
        if found == states[-2]:
            outcome["in flight: not there"] += 1
        elif found == states[-1]:
            outcome["in flight: there, whole"] += 1
        else:
            pytest.fail(f"round {round_number}: after {len(acknowledged)} acknowledged writes the file holds "
                        f"neither those writes nor those plus the one in flight")
        WHOLE[kind](session)
        outcome["writes acknowledged"] += len(acknowledged)
    outcome["leftover temporary files"] = len(list(db.parent.glob(".*.tmp")))
    return outcome


def seed_for(kind: str) -> int:
    return zlib.crc32(kind.encode())


@pytest.mark.parametrize("kind", KINDS)
def test_a_kill_at_a_random_moment_keeps_exactly_the_acknowledged_writes(kind: str, tmp_path: Path) -> None:
    outcome = run_kills(kind, tmp_path, kills=8, seed=seed_for(kind))
    assert outcome["writes acknowledged"] > 0
    print(kind, dict(outcome))


@pytest.mark.slow
@pytest.mark.timeout(3600)
@pytest.mark.parametrize("kind", KINDS)
def test_200_kills(kind: str, tmp_path: Path) -> None:
    outcome = run_kills(kind, tmp_path, kills=200, seed=seed_for(kind) + 200)
    assert outcome["writes acknowledged"] > 0
    print(kind, dict(outcome))
