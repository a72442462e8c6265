"""The one error the forecasting engine raises."""

from __future__ import annotations


class ForecastError(ValueError):
    """A forecast that cannot be made; `str(error)` is the message for the user."""
