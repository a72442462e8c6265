"""Write the start-up glance (`tui.store.file.glance`) of an open data file.

Apart from `tui.store.file.glance` because of what it imports: the repositories and the storage, which a start
from the glance loads only after its first paint. Everything it needs is imported here, at the top: it
runs late — when the app closes, or after a command-line write — when importing a module could fail (a
package upgraded under a running app, a checkout that became unreadable).
"""

from __future__ import annotations

import tui.store.contracts  # noqa: F401  (used through Repositories: imported now, not when the app closes)
import tui.store.partners  # noqa: F401
from tui.store.file.database import Store
from tui.store.errors import DatabaseRefused
from tui.store.file.glance import glance_is_current, make_glance, write_glance
from tui.store.repositories import Repositories


def remember_first_screen(store: Store, repositories: Repositories | None = None) -> bool:
    """Write the glance of the store's data file as it is now, if the one on disk is not that already.
    `repositories`: those of `store` that already hold what they converted (the app's, a command's). False
    when nothing was written (up to date, no file, damaged file, or a read-only directory)."""
    try:
        store.refresh()
    except DatabaseRefused:
        return False
    signature = store.signature
    if signature is None or store.read_only or glance_is_current(store.path, signature):
        return False
    repositories = repositories or Repositories(store)
    glance = make_glance(repositories.contracts.all(), repositories.partners.names(), repositories.settings.get())
    try:
        write_glance(store.path, signature, glance)
    except OSError:
        return False
    return True
