"""Fixtures shared by every layer's tests: a fixed "today", real files in tmp_path, an isolated machine."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tui.domain.contract import Contract
from tui.formatting import Styles, use_styles
from tui.i18n import DEFAULT_LANGUAGE, use_language

TODAY = date(2026, 11, 27)

# The one Hypothesis profile, everywhere: a busy machine makes an example slow, not wrong, so there is no
# per-example deadline and no "too slow" health check; a failure prints the blob that reproduces it.
settings.register_profile("renewals", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.load_profile("renewals")


@pytest.fixture(autouse=True)
def isolated_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the real user's data file or depend on their environment."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))  # the language chosen in F2
    monkeypatch.delenv("RENEWALS_DB", raising=False)
    monkeypatch.delenv("RENEWALS_TODAY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("RENEWALS_LANG", raising=False)
    monkeypatch.setenv("LANGUAGE", "en")  # the first of gettext's variables: a Romanian machine runs them in English
    use_styles(Styles())  # formats are process-wide; a test that changed them must not leak
    use_language(DEFAULT_LANGUAGE)  # so is the language


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "renewals.json"


@pytest.fixture
def demo_db(tmp_path: Path, today: date) -> Path:
    """A fresh copy of the shipped demo data, as `renewals --demo` makes it."""
    from tui.store.demo import create_demo_database

    path = tmp_path / "demo.json"
    create_demo_database(path, today).close()
    return path


def make_contract(contract_id: str = "C-1", **changes) -> Contract:
    values = dict(id=contract_id, product="Backup Exec", quantity=10, end=date(2027, 3, 31),
                  unit_price=Decimal("20.00"), currency="RON")
    values.update(changes)
    return Contract(**values)


CSV_HEADER = "id,product,quantity,start,end,unit_price,currency,partner,certificate,order,notes\n"


def write_csv(path: Path, *rows: str, header: str = CSV_HEADER, encoding: str = "utf-8") -> Path:
    path.write_text(header + "".join(r + "\n" for r in rows), encoding=encoding)
    return path
