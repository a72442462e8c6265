"""Command palette (ctrl+p) entries: jump to a contract or partner, start a renewal, import, settings."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.i18n import _
from tui.ui.messages import ShowContract, ShowPartner
from tui.ui.session import Session

MAX_HITS = 30


class JumpProvider(Provider):
    """"Contract SEP-…" and "Partner …" entries, fuzzy-matched by Textual's own matcher.  Textual makes
    providers from their class: `jump_provider` makes the one class that knows the session."""

    session: Session

    def targets(self) -> list[tuple[str, str, object]]:
        session = self.session
        items: list[tuple[str, str, object]] = [
            (_("Contract {id} — {product}").format(id=c.id, product=c.product), _("Show it in the Overview"),
             partial(self.ask, ShowContract, c.id))
            for c in session.contracts.all()
        ]
        items += [
            (_("Partner {name} — {city}").format(name=p.name, city=p.city), _("Show it in the Partners tab"),
             partial(self.ask, ShowPartner, p.id))
            for p in session.partners.all()
        ]
        return items

    def ask(self, message: type[ShowContract | ShowPartner], target_id: str) -> None:
        """(the chosen entry) Ask the app to show it: the message goes up from the screen the palette was on."""
        self.screen.post_message(message(target_id))

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


def jump_provider(session: Session) -> type[JumpProvider]:
    return type("JumpProvider", (JumpProvider,), {"session": session})
