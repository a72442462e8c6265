"""Real processes on real files: SIGKILL at random moments, and two writers at once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store.writer_process import TODAY, contract
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store

WRITER = Path(__file__).with_name("writer_process.py")


def start_writer(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WRITER), *args], stdout=subprocess.PIPE, text=True)


def kill_at_random_moment(db: Path, rng: random.Random) -> list[str]:
    """Let a writer run for a random time, SIGKILL it, and return what it acknowledged."""
    process = start_writer("add", str(db), f"w{rng.randrange(10**6)}", "100000")
    assert process.stdout.readline().strip() == "ready"
    try:
        process.wait(timeout=rng.uniform(0.0, 0.25))  # a random moment of its writing loop
    except subprocess.TimeoutExpired:
        pass
    process.send_signal(signal.SIGKILL)
    acknowledged = process.stdout.read().splitlines()
    process.wait()
    return acknowledged


def check_file_holds_every_acknowledged_write(db: Path, acknowledged: list[str], before: set[str]) -> None:
    ids = {c.id for c in ContractRepository(Store(db)).all()}  # opens: the file is valid
    assert before <= ids
    new = ids - before
    for line in acknowledged:
        kind, *written = line.split()
        assert set(written) <= new, f"acknowledged write lost: {line}"
    # An unacknowledged write may have landed, but only whole: a batch never half.
    batches: dict[str, set[str]] = {}
    for contract_id in new:
        parts = contract_id.split("-")
        if len(parts) == 3:
            batches.setdefault("-".join(parts[:2]), set()).add(contract_id)
    assert all(len(members) == 10 for members in batches.values())


def run_kills(tmp_path: Path, kills: int, seed: int) -> None:
    rng = random.Random(seed)
    db = tmp_path / "crash.json"
    ContractRepository(Store(db)).add(contract("seed"), TODAY)
    for _ in range(kills):
        before = {c.id for c in ContractRepository(Store(db)).all()}
        acknowledged = kill_at_random_moment(db, rng)
        check_file_holds_every_acknowledged_write(db, acknowledged, before)


def test_sigkill_during_writes_leaves_a_valid_file_with_every_acknowledged_write(tmp_path: Path) -> None:
    run_kills(tmp_path, kills=12, seed=20261127)


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_sigkill_200_times(tmp_path: Path) -> None:
    run_kills(tmp_path, kills=200, seed=7)


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.json"
    writers = [start_writer("add", str(db), prefix, "30") for prefix in ("left", "right")]
    outputs = [w.communicate(timeout=120)[0].splitlines() for w in writers]
    assert all(w.returncode == 0 for w in writers)
    expected = {x for out in outputs for line in out[1:] for x in line.split()[1:]}
    ids = {c.id for c in ContractRepository(Store(db)).all()}
    assert ids == expected
    assert len(ids) == 2 * (20 + 10 * 10)


def test_two_processes_editing_one_contract_never_lose_an_increment(tmp_path: Path) -> None:
    db = tmp_path / "shared.json"
    ContractRepository(Store(db)).add(contract("hot"), TODAY)
    writers = [start_writer("increment", str(db), "hot", "25") for _ in range(2)]
    for writer in writers:
        writer.communicate(timeout=120)
        assert writer.returncode == 0
    assert ContractRepository(Store(db)).get("hot").quantity == 1 + 50
