"""Plain-text tables for the terminal: aligned columns, control characters escaped."""

from __future__ import annotations

from collections.abc import Sequence

from tui.domain.text import cell_width, printable


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()) -> str:
    """Columns padded to their widest cell; column indexes in `right` are right-aligned."""
    cells = [[printable(str(c)).replace("\t", " ") for c in row] for row in rows]
    widths = [max([cell_width(h)] + [cell_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def pad(value: str, i: int) -> str:  # by terminal columns, not characters: "👍" takes two, "é" one
        fill = " " * (widths[i] - cell_width(value))
        return fill + value if i in right else value + fill

    def line(values: Sequence[str]) -> str:
        return "  ".join(pad(v, i) for i, v in enumerate(values)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells])
