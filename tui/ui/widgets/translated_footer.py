"""Textual's Footer with the keys' words in the current language (bindings are defined with `N_`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from tui.ui.widgets.footer import shown


class TranslatedFooter(Footer):
    """The dialogs' Footer: Textual's own, each key's description and tooltip translated as it is composed
    (Textual's FooterKey is not public, hence the duck typing on its `description`)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(getattr(widget, "description", None), str):
                widget.description = shown(widget.description)
                if isinstance(widget.tooltip, str):
                    widget.tooltip = shown(widget.tooltip)
            yield widget
