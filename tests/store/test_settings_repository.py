"""Settings saved by two sessions of one file: each keeps what the other changed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from tui.domain.settings import Settings
from tui.store.database import Store
from tui.store.settings import SettingsRepository


def test_a_stale_session_writes_only_the_fields_it_changed(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    first, second = SettingsRepository(Store(path)), SettingsRepository(Store(path))
    seen_by_first = first.get()
    second.save(replace(second.get(), notice_days=30), base=second.get())
    stored = first.save(replace(seen_by_first, theme="nord"), base=seen_by_first)
    assert stored == replace(Settings(), notice_days=30, theme="nord")
    assert SettingsRepository(Store(path)).get() == stored


def test_saving_unchanged_settings_leaves_the_stored_ones(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    first, second = SettingsRepository(Store(path)), SettingsRepository(Store(path))
    seen_by_first = first.get()
    second.save(replace(Settings(), fee_rate=Decimal("0.3")), base=Settings())
    assert first.save(seen_by_first, base=seen_by_first).fee_rate == Decimal("0.3")


def test_without_a_base_every_field_is_written(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    repository = SettingsRepository(Store(path))
    repository.save(replace(Settings(), notice_days=45, headroom=Decimal("0.2")))
    assert repository.save(Settings()) == Settings()
