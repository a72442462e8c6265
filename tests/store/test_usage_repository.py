"""UsageRepository: samples keyed by (product, day), sorted reads, and writes that refuse stale views."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.domain.usage import UsageSample
from tui.store.file.database import Store
from tui.store.demo import create_demo_database
from tui.store.errors import ConflictError, NotFoundError
from tui.store.usage import UsageRepository

EP, BE = "Endpoint Protection", "Backup Exec"


def sample(product: str, day: int, in_use: int, month: int = 10) -> UsageSample:
    return UsageSample(product, date(2026, month, day), in_use)


@pytest.fixture
def repository(db_path: Path) -> UsageRepository:
    repository = UsageRepository(Store(db_path))
    repository.save_many([sample(EP, 14, 400), sample(BE, 2, 18), sample(EP, 3, 390), sample(EP, 20, 397, 9)], [])
    return repository


def test_samples_are_sorted_by_product_then_day_and_survive_a_reopen(repository, db_path: Path) -> None:
    expected = [sample(BE, 2, 18), sample(EP, 20, 397, 9), sample(EP, 3, 390), sample(EP, 14, 400)]
    assert repository.samples() == expected
    reopened = UsageRepository(Store(db_path))
    assert reopened.samples() == expected
    assert reopened.samples(EP) == expected[1:]
    assert reopened.samples("endpoint protection") == []  # exact names; callers match products first
    assert reopened.products() == [BE, EP]
    assert reopened.by_product() == {BE: expected[:1], EP: expected[1:]}
    assert reopened.get(EP, date(2026, 10, 14)) == sample(EP, 14, 400) and len(reopened) == 4


def test_add_refuses_a_day_that_already_has_a_sample(repository, db_path: Path) -> None:
    with pytest.raises(ConflictError, match="already a usage sample"):
        repository.add(sample(EP, 14, 1))
    assert UsageRepository(Store(db_path)).get(EP, date(2026, 10, 14)).in_use == 400


def test_update_can_move_a_sample_to_another_day_and_is_written_to_disk(repository, db_path: Path) -> None:
    repository.update(sample(EP, 14, 400), sample(EP, 15, 401))
    reopened = UsageRepository(Store(db_path))
    assert reopened.get(EP, date(2026, 10, 14)) is None
    assert reopened.get(EP, date(2026, 10, 15)).in_use == 401
    with pytest.raises(ConflictError):
        repository.update(sample(EP, 15, 401), sample(EP, 3, 1))  # onto another stored sample


def test_a_write_based_on_a_stale_view_is_refused(repository, db_path: Path) -> None:
    other = UsageRepository(Store(db_path))
    other.update(sample(EP, 14, 400), sample(EP, 14, 450))
    with pytest.raises(ConflictError, match="changed elsewhere"):
        repository.update(sample(EP, 14, 400), sample(EP, 14, 410))
    with pytest.raises(ConflictError):
        repository.delete(sample(EP, 14, 400))
    assert repository.get(EP, date(2026, 10, 14)).in_use == 450  # and the other session's change is seen


def test_delete_removes_only_that_sample_and_a_missing_one_is_not_found(repository, db_path: Path) -> None:
    repository.delete(sample(BE, 2, 18))
    assert UsageRepository(Store(db_path)).products() == [EP]
    with pytest.raises(NotFoundError):
        repository.delete(sample(BE, 2, 18))


def test_save_many_is_all_or_nothing(repository, db_path: Path) -> None:
    before = db_path.read_bytes()
    with pytest.raises(ConflictError):
        repository.save_many([sample(BE, 5, 19), sample(EP, 3, 1)], [(sample(EP, 14, 400), sample(EP, 14, 1))])
    assert db_path.read_bytes() == before
    assert repository.samples(BE) == [sample(BE, 2, 18)] and repository.get(EP, date(2026, 10, 14)).in_use == 400


def test_two_changed_samples_can_swap_days(repository) -> None:
    a, b = sample(EP, 3, 390), sample(EP, 14, 400)
    repository.save_many([], [(a, UsageSample(EP, b.on, 390)), (b, UsageSample(EP, a.on, 400))])
    assert [(s.on.day, s.in_use) for s in repository.samples(EP)] == [(20, 397), (3, 400), (14, 390)]


def test_the_demo_database_has_the_demo_usage_moved_by_whole_months(tmp_path: Path) -> None:
    # The shipped file starts with Web Security Service,2023-01-01,426, written as if today were 2026-01-01.
    for today, first in ((date(2026, 11, 27), date(2023, 11, 1)), (date(2031, 3, 1), date(2028, 3, 1))):
        usage = UsageRepository(create_demo_database(tmp_path / f"demo-{today}.json", today))
        samples = usage.samples()
        assert len(samples) == 930 and len(usage.products()) == 10
        last = max(s.on for s in samples)
        assert last < today and (last.year * 12 + last.month) == (today.year * 12 + today.month) - 1
        assert usage.samples("Web Security Service")[0] == UsageSample("Web Security Service", first, 426)
