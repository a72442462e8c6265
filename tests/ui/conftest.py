from __future__ import annotations

from pathlib import Path

import pytest

from tui.store.demo import create_demo_database


@pytest.fixture
def demo_db(tmp_path: Path, today) -> Path:
    path = tmp_path / "demo.json"
    create_demo_database(path, today).close()
    return path
