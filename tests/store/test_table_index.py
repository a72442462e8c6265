"""TableIndex, the repositories' read path: converted once, converted again only after the file changed.

Two Stores on one real file stand for two processes: what one writes, the other's repositories show at
their next read, while reads of an unchanged file hand back the objects already converted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TODAY, make_contract
from tui.domain.renewal import new_renewal
from tui.domain.usage import UsageSample
from tui.store.file.database import Store
from tui.store.repositories import Repositories


@pytest.fixture
def two_sessions(db_path: Path) -> tuple[Repositories, Repositories]:
    first = Repositories(Store(db_path))
    first.contracts.save_many([make_contract("C-1"), make_contract("C-2")], [], TODAY, source="test")
    first.usage.save_many([UsageSample("Endpoint Protection", date(2026, 10, 1), 40)], [])
    first.renewals.save(new_renewal(["C-1"], TODAY), TODAY)
    return first, Repositories(Store(db_path))


def _contracts(repositories: Repositories, write: bool) -> list:
    if write:
        repositories.contracts.add(make_contract("C-3"), TODAY)
    return repositories.contracts.all()


def _usage(repositories: Repositories, write: bool) -> list:
    if write:
        repositories.usage.add(UsageSample("Endpoint Protection", date(2026, 11, 1), 42))
    return repositories.usage.samples()


def _renewals(repositories: Repositories, write: bool) -> list:
    if write:
        repositories.renewals.save(new_renewal(["C-2"], TODAY), TODAY)
    return repositories.renewals.all()


def _partners(repositories: Repositories, write: bool) -> list:
    if write:
        repositories.partners.add(replace(repositories.partners.all()[0], id="u-new", name="Zed SRL"))
    return repositories.partners.all()


@pytest.mark.parametrize("read", [_contracts, _usage, _renewals, _partners])
def test_another_sessions_write_is_read_at_the_next_read(two_sessions, read) -> None:
    first, second = two_sessions
    before = read(first, False)
    assert read(second, False) == before
    after = read(second, True)  # the second session writes
    assert len(after) == len(before) + 1
    assert read(first, False) == after


@pytest.mark.parametrize("read", [_contracts, _usage, _renewals, _partners])
def test_an_unchanged_file_is_not_converted_again(two_sessions, read) -> None:
    first, second = two_sessions
    once, again = read(first, False), read(first, False)
    assert all(a is b for a, b in zip(once, again, strict=True))
    read(second, True)
    reread = read(first, False)
    assert not any(a is b for a, b in zip(once, reread))  # rebuilt from the file the other session wrote
