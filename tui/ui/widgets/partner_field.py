"""The contract form's partner: chosen from the directory with the wizard's partner search, never typed as an id."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.domain.partner_search import PartnerIndex
    from tui.ui.dialogs.partner_picker import PartnerPicker


class PartnerField(Static, can_focus=True):
    """Shows the partner's name and id; enter (or typing a name) opens the search, delete clears it."""

    BINDINGS = [
        Binding("enter,space", "pick", N_("Choose the partner")),
        Binding("delete,backspace", "clear", N_("No partner")),
    ]

    class Changed(Message):
        def __init__(self, field: PartnerField) -> None:
            super().__init__()
            self.field = field

    def __init__(self, partner_id: str, names: Mapping[str, str], index: Callable[[], PartnerIndex], *,
                 id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.value = partner_id
        self.names = names
        self.index = index
        self._picker: PartnerPicker | None = None  # the search opened, until it closes

    def on_mount(self) -> None:
        self.show_value()

    def show_value(self) -> None:
        if not self.value:
            text = _("— none · enter or type a name to search the directory")
        elif self.value in self.names:
            text = _("{name} ({id})").format(name=self.names[self.value], id=self.value)
        else:
            text = _("{id} (not in the directory)").format(id=self.value)
        self.update(text)

    def set_value(self, partner_id: str) -> None:
        if partner_id != self.value:
            self.value = partner_id
            self.show_value()
            self.post_message(self.Changed(self))

    def on_key(self, event: events.Key) -> None:
        """A letter or digit starts the search with it, as typing a name would; the rest of a name typed
        in one burst (before the search is on screen) goes to the search too."""
        if event.character and event.character.isalnum():
            event.stop()
            event.prevent_default()
            if self._picker is None:
                self.action_pick(event.character)
            else:
                self._picker.type_more(event.character)

    def action_pick(self, query: str = "") -> None:
        from tui.ui.dialogs.partner_picker import PartnerPicker  # the search is loaded when first used

        def chosen(partner) -> None:
            self._picker = None
            if partner is not None:
                self.set_value(partner.id)
            self.focus()

        if self._picker is None:
            self._picker = PartnerPicker(self.index(), query)
            self.app.push_screen(self._picker, chosen)

    def action_clear(self) -> None:
        self.set_value("")
