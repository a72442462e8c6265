"""Input completion that ignores case and diacritics: typing "bras" offers "Brașov"."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester

from tui.domain.geo import name_key


class FoldedSuggester(Suggester):
    """Completes the value (or, with `separator`, its last item) from `choices`.

    Textual shows the part of the suggestion past what was typed, so a
    suggestion keeps everything typed before the item being completed.
    """

    def __init__(self, choices: Iterable[str], *, separator: str | None = None) -> None:
        super().__init__(use_cache=True, case_sensitive=True)  # folding is done here
        self.choices = [(name_key(choice), choice) for choice in choices]
        self.separator = separator

    async def get_suggestion(self, value: str) -> str | None:
        head, item = "", value
        if self.separator and self.separator in value:
            cut = value.rindex(self.separator) + 1
            head, item = value[:cut], value[cut:]
        typed = item.lstrip()
        key = name_key(typed)
        if not key:
            return None
        for folded, choice in self.choices:
            if folded.startswith(key) and len(choice) > len(typed):
                return head + item[: len(item) - len(typed)] + choice
        return None
