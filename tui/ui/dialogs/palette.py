"""Command palette (ctrl+p) entries: jump to a contract or partner, start a renewal, import, settings."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.i18n import _

if TYPE_CHECKING:
    from tui.ui.app import RenewalsApp

MAX_HITS = 30


class JumpProvider(Provider):
    """"Contract SEP-…" and "Partner …" entries, fuzzy-matched by Textual's own matcher."""

    @property
    def renewals(self) -> RenewalsApp:
        return self.app  # type: ignore[return-value]

    def targets(self) -> list[tuple[str, str, object]]:
        app = self.renewals
        items: list[tuple[str, str, object]] = [
            (_("Contract {id} — {product}").format(id=c.id, product=c.product), _("Show it in the Overview"),
             partial(app.jump_to_contract, c.id))
            for c in app.contracts.all()
        ]
        items += [
            (_("Partner {name} — {city}").format(name=name, city=city), _("Show it in the Partners tab"),
             partial(app.jump_to_partner, partner_id))
            for partner_id, name, city in app.partner_entries()
        ]
        return items

    async def startup(self) -> None:
        """Build the list once per palette opening, not on every keystroke."""
        self._targets = self.targets()

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = 0
        for text, help_text, command in self._targets:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
                found += 1
                if found >= MAX_HITS:
                    return

    async def discover(self) -> Hits:
        for text, help_text, command in self._targets[:10]:
            yield DiscoveryHit(text, command, help=help_text)
