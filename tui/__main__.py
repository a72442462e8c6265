"""`python -m tui` does what the `renewals` command does."""

import sys

from tui.cli import main

sys.exit(main())
