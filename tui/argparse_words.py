"""argparse's own words ("usage:", "options", its error messages) in our catalogue and our language.

argparse translates them with `gettext.gettext`, bound at its import to its module-level `_` (and
`ngettext`): that reads the language from the environment and the default text domain, so `--lang` would
not reach them, nor our catalogue. `use_our_catalogue()` points those two names at `tui.i18n`; the messages
below, copied from argparse, put its words into our template. tests/cli/test_cli_language.py checks that each
is still argparse's own, so a Python whose argparse words them differently fails a test instead of falling
back to English unnoticed. Messages only a programmer can meet (a parser built wrongly) are left out.
"""

from __future__ import annotations

import argparse

from tui.i18n import N_, _, ngettext

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unexpected option string: %s"),
)


def use_our_catalogue() -> None:
    """From now on argparse says its words through `tui.i18n`, in the language chosen there."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
