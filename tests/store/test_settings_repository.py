"""Settings saved by two sessions of one file: each keeps what the other changed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from tui.domain.settings import Settings
from tui.store.file.database import Store
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


def test_the_budget_settings_default_to_ron_no_rise_and_january_and_survive_the_file(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    repository = SettingsRepository(Store(path))
    assert (repository.get().base_currency, repository.get().rise, repository.get().fiscal_start) == \
        ("RON", Decimal(0), 1)
    wanted = replace(Settings(), base_currency="EUR", rise=Decimal("0.035"), fiscal_start=10)
    repository.save(wanted)
    assert SettingsRepository(Store(path)).get() == wanted


def test_budget_settings_are_checked_like_the_others() -> None:
    from tui.domain.settings import settings_to_text, validate_settings

    texts = settings_to_text(Settings())
    assert (texts["base_currency"], texts["rise"], texts["fiscal_start"]) == ("RON", "0", "1")
    settings, errors = validate_settings(texts | {"rise": "3,5", "fiscal_start": "10", "base_currency": "EUR"})
    assert errors == {} and (settings.rise, settings.fiscal_start, settings.base_currency) == \
        (Decimal("0.035"), 10, "EUR")
    settings, errors = validate_settings(texts | {"rise": "abc", "fiscal_start": "13", "base_currency": "XYZ"})
    assert settings is None and set(errors) == {"rise", "fiscal_start", "base_currency"}


def stored_settings(path: Path, record: dict) -> SettingsRepository:
    """A data file whose settings record is `record`, as an earlier version or another session wrote it."""
    from tinydb.table import Document

    store = Store(path)
    with store.transaction():
        store.table("settings").insert(Document(record, doc_id=1))
    return SettingsRepository(Store(path))


def test_formats_never_chosen_follow_the_language_and_chosen_ones_stay(tmp_path: Path) -> None:
    from tui.formatting import current_styles, use_formats
    from tui.i18n import use_language

    never_chosen = stored_settings(tmp_path / "old.json", {"notice_days": 45, "theme": "nord"}).get()
    chosen = stored_settings(tmp_path / "iso.json", {"date_format": "iso", "number_format": "en"}).get()
    assert (never_chosen.date_format, never_chosen.number_format, never_chosen.notice_days) == ("auto", "auto", 45)
    assert (chosen.date_format, chosen.number_format) == ("iso", "en")
    use_language("ro")
    use_formats(never_chosen.date_format, never_chosen.number_format)
    assert (current_styles().date, current_styles().number) == ("ro", "ro")
    use_formats(chosen.date_format, chosen.number_format)
    assert (current_styles().date, current_styles().number) == ("iso", "en")


def test_changing_another_setting_leaves_the_formats_following_the_language(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    repository = SettingsRepository(Store(path))
    before = repository.get()
    repository.save(replace(before, theme="nord"), base=before)
    stored = SettingsRepository(Store(path)).get()
    assert (stored.theme, stored.date_format, stored.number_format) == ("nord", "auto", "auto")


def test_the_dialog_offers_following_the_language_and_each_format() -> None:
    from tui.domain.settings import settings_to_text, validate_settings

    texts = settings_to_text(Settings())
    assert (texts["date_format"], texts["number_format"]) == ("auto", "auto")
    for date_format, number_format in (("auto", "auto"), ("iso", "ro"), ("ro", "en")):
        settings, errors = validate_settings(texts | {"date_format": date_format, "number_format": number_format})
        assert errors == {} and (settings.date_format, settings.number_format) == (date_format, number_format)
    settings, errors = validate_settings(texts | {"date_format": "us"})
    assert settings is None and "auto" in errors["date_format"]
