"""Settings live in the data file (table `settings`), so every session on that file shares them."""

from __future__ import annotations

from decimal import Decimal

from tinydb.table import Document

from tui.domain.settings import Settings
from tui.store.database import Store

TABLE = "settings"
DOC_ID = 1


class SettingsRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self) -> Settings:
        raw = self.store.raw_table(TABLE).get(str(DOC_ID))
        if not raw:
            return Settings()
        defaults = Settings()
        return Settings(
            date_format=raw.get("date_format", defaults.date_format),
            number_format=raw.get("number_format", defaults.number_format),
            notice_days=int(raw.get("notice_days", defaults.notice_days)),
            fee_rate=Decimal(raw.get("fee_rate", str(defaults.fee_rate))),
            headroom=Decimal(raw.get("headroom", str(defaults.headroom))),
            theme=raw.get("theme", defaults.theme),
        )

    def save(self, settings: Settings) -> None:
        record = {
            "date_format": settings.date_format,
            "number_format": settings.number_format,
            "notice_days": settings.notice_days,
            "fee_rate": str(settings.fee_rate),
            "headroom": str(settings.headroom),
            "theme": settings.theme,
        }
        with self.store.transaction():
            table = self.store.table(TABLE)
            if table.contains(doc_id=DOC_ID):
                table.update(record, doc_ids=[DOC_ID])
            else:
                table.insert(Document(record, doc_id=DOC_ID))
