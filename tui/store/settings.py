"""Settings live in the data file (table `settings`), so every session on that file shares them."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tui.domain.settings import Settings

if TYPE_CHECKING:
    from tui.store.file.database import Store

TABLE = "settings"
DOC_ID = 1


class SettingsRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self) -> Settings:
        return settings_from_record(self.store.raw_table(TABLE).get(str(DOC_ID)) or {})

    def save(self, settings: Settings, base: Settings | None = None) -> Settings:
        """Store `settings` and return what is stored now.

        With `base` (the settings the user started editing from), only the fields changed since `base`
        are written, over the file's latest record: a session that changes the theme does not put back
        the notice window another session changed meanwhile.
        """
        record = to_record(settings)
        if base is not None:
            before = to_record(base)
            record = {name: value for name, value in record.items() if value != before[name]}
        from tinydb.table import Document

        with self.store.transaction():
            table = self.store.table(TABLE)
            if table.contains(doc_id=DOC_ID):
                if record:
                    table.update(record, doc_ids=[DOC_ID])
            else:
                table.insert(Document(to_record(self.get()) | record, doc_id=DOC_ID))
        return self.get()


def to_record(settings: Settings) -> dict[str, object]:
    return {
        "date_format": settings.date_format,
        "number_format": settings.number_format,
        "notice_days": settings.notice_days,
        "fee_rate": str(settings.fee_rate),
        "headroom": str(settings.headroom),
        "theme": settings.theme,
        "base_currency": settings.base_currency,
        "rise": str(settings.rise),
        "fiscal_start": settings.fiscal_start,
    }


def settings_from_record(raw: dict) -> Settings:
    """The settings stored as `raw`; fields not stored keep their defaults."""
    defaults = Settings()
    return Settings(
        date_format=raw.get("date_format", defaults.date_format),
        number_format=raw.get("number_format", defaults.number_format),
        notice_days=int(raw.get("notice_days", defaults.notice_days)),
        fee_rate=Decimal(raw.get("fee_rate", str(defaults.fee_rate))),
        headroom=Decimal(raw.get("headroom", str(defaults.headroom))),
        theme=raw.get("theme", defaults.theme),
        base_currency=raw.get("base_currency", defaults.base_currency),
        rise=Decimal(raw.get("rise", str(defaults.rise))),
        fiscal_start=int(raw.get("fiscal_start", defaults.fiscal_start)),
    )
