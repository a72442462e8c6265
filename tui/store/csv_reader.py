"""Reading CSV files as spreadsheets export them, with errors as `FILE:LINE: column: problem`.

Accepts `,` or `;` between columns (a `;` file is taken to use the decimal
comma, as Romanian-locale spreadsheets do) and UTF-8 with or without BOM.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.domain.text import printable
from tui.i18n import _, ngettext


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{printable(self.file)}:{self.line}: {self.column}: {self.message}"


class CsvRejected(Exception):
    """The file cannot be imported; `problems` says every reason."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


@dataclass
class CsvRows:
    name: str
    columns: list[str]
    decimal_comma: bool
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        return iter(self.rows)


def sniff_delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_csv(path: Path | str, *, known: Sequence[str], required: Collection[str],
             name: str | None = None) -> CsvRows:
    """Read `path` into rows keyed by lower-case column name; raise CsvRejected on header problems.

    Rows carry the line number they start on; blank lines are skipped.
    """
    path = Path(path)
    label = name or str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise CsvRejected([Problem(label, 0, "file", _("no such file"))]) from None
    except IsADirectoryError:
        raise CsvRejected([Problem(label, 0, "file", _("is a directory"))]) from None
    except UnicodeDecodeError as error:
        line = text_line_of(path.read_bytes(), error.start)
        raise CsvRejected([Problem(label, line, "file", _("not UTF-8 text"))]) from None
    except OSError as error:  # no permission, a name too long for the file system, …
        raise CsvRejected([Problem(label, 0, "file", _("cannot be read: {reason}").format(
            reason=error.strerror or error))]) from None
    except ValueError:  # a NUL in the name: no file can be called that
        raise CsvRejected([Problem(label, 0, "file", _("no such file"))]) from None
    return parse_csv_text(text, known=known, required=required, label=label)


def text_line_of(raw: bytes, offset: int) -> int:
    return raw[:offset].count(b"\n") + 1


def parse_csv_text(text: str, *, known: Sequence[str], required: Collection[str], label: str) -> CsvRows:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        raise CsvRejected([Problem(label, 1, "file", _("the file is empty (a header line is needed)"))])
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[Problem] = []
    header: list[str] | None = None
    result = CsvRows(label, [], decimal_comma=delimiter == ";")
    line_end = 0
    try:
        for record in reader:
            line = line_end + 1
            line_end = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [cell.strip().lower() for cell in record]
                problems += _header_problems(header, known, required, label, line)
                if problems:
                    raise CsvRejected(problems)
                result.columns = header
                continue
            if len(record) > len(header):
                problems.append(Problem(label, line, "row", ngettext(
                    "{found} value but the header has {expected} columns",
                    "{found} values but the header has {expected} columns", len(record)).format(
                    found=len(record), expected=len(header))))
                continue
            record = record + [""] * (len(header) - len(record))
            result.rows.append((line, dict(zip(header, record))))
    except csv.Error as error:
        problems.append(Problem(label, reader.line_num, "row", _("unreadable CSV: {error}").format(error=error)))
    if problems:
        raise CsvRejected(problems)
    return result


def _header_problems(header: list[str], known: Sequence[str], required: Collection[str], label: str,
                     line: int) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(label, line, printable(column)[:40], _("column appears twice")))
        seen.add(column)
        if column not in known:
            problems.append(Problem(label, line, printable(column)[:40] or "?", _("unknown column (expected: {known})").format(
                known=", ".join(known))))
    for column in known:
        if column in required and column not in seen:
            problems.append(Problem(label, line, column, _("required column is missing")))
    return problems
