"""The suite's own settings that keep it deterministic on a busy machine."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings


def test_hypothesis_has_one_profile_without_a_deadline() -> None:
    assert settings._current_profile == "renewals"
    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check


def test_a_hanging_test_fails_after_the_per_test_limit(request: pytest.FixtureRequest) -> None:
    assert float(request.config.getini("timeout")) == 300
