"""Reading CSV files as spreadsheets export them, with errors as `FILE:LINE: column: problem`.

Accepts `,`, `;` or tab between columns (a `;` file is taken to use the decimal
comma, as Romanian-locale spreadsheets do), UTF-8 with or without BOM, and
UTF-16 with a BOM (Excel's "Unicode text"); other encodings are refused with
how to save the file as UTF-8, since a legacy code page cannot be told apart.
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
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))  # the most frequent; a tie goes to ","


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _not_utf8() -> str:
    return _("not UTF-8 text. Save it as UTF-8: in Excel, Save As → \"CSV UTF-8 (Comma delimited)\"; "
             "in LibreOffice, Save As → Text CSV, \"Edit filter settings\", Character set \"Unicode (UTF-8)\"")


def _looks_like_utf16_without_bom(raw: bytes) -> bool:
    """ASCII text in UTF-16 (a header line): every other byte NUL, the ones between not."""
    start = raw[:20]
    even, odd = start[0::2], start[1::2]
    return len(odd) >= 2 and ((all(even) and not any(odd)) or (all(odd) and not any(even)))


def decode_text(raw: bytes) -> str:
    """UTF-8 (BOM or not) or UTF-16 with its BOM; raises UnicodeDecodeError for anything else."""
    if raw.startswith(_UTF16_BOMS):
        return raw.decode("utf-16")
    if _looks_like_utf16_without_bom(raw):
        raise UnicodeDecodeError("utf-8", raw, 0, 1, "UTF-16 without a byte-order mark")
    return raw.decode("utf-8-sig")


def read_csv(path: Path | str, *, known: Sequence[str], required: Collection[str],
             name: str | None = None) -> CsvRows:
    """Read `path` into rows keyed by lower-case column name; raise CsvRejected on header problems.

    Rows carry the line number they start on; blank lines are skipped.
    """
    path = Path(path)
    label = name or str(path)
    raw = b""
    try:
        raw = path.read_bytes()
        text = decode_text(raw)
    except FileNotFoundError:
        raise CsvRejected([Problem(label, 0, "file", _("no such file"))]) from None
    except IsADirectoryError:
        raise CsvRejected([Problem(label, 0, "file", _("is a directory"))]) from None
    except UnicodeDecodeError as error:
        line = text_line_of(raw, error.start)
        raise CsvRejected([Problem(label, line, "file", _not_utf8())]) from None
    except OSError as error:  # no permission, a name too long for the file system, …
        raise CsvRejected([Problem(label, 0, "file", _("cannot be read: {reason}").format(
            reason=error.strerror or error))]) from None
    except ValueError:  # a NUL in the name: no file can be called that
        raise CsvRejected([Problem(label, 0, "file", _("no such file"))]) from None
    return parse_csv_text(text, known=known, required=required, label=label)


def text_line_of(raw: bytes, offset: int) -> int:
    if raw.startswith(_UTF16_BOMS):
        return raw[:offset].decode("utf-16", errors="replace").count("\n") + 1
    return raw[:offset].count(b"\n") + 1


def parse_csv_text(text: str, *, known: Sequence[str], required: Collection[str], label: str) -> CsvRows:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        raise CsvRejected([Problem(label, 1, "file", _("the file is empty (a header line is needed)"))])
    delimiter = sniff_delimiter(first_line)
    # strict: a quote still open at the end of the file is an error, not the rest of the file as one value
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
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
        if str(error) == "unexpected end of data":  # in a quoted value: where that quote opened
            problems.append(Problem(label, _line_of_open_quote(text, line_end, delimiter), "row",
                                    _("unterminated quote: the \" opened on this line is never closed")))
        else:
            problems.append(Problem(label, reader.line_num, "row", _("unreadable CSV: {error}").format(error=error)))
    if problems:
        raise CsvRejected(problems)
    return result


def _line_of_open_quote(text: str, record_start: int, delimiter: str) -> int:
    """The line of the quote left open in the record that starts after line `record_start`."""
    lines = text.splitlines()[record_start:]
    inside, opened = False, record_start + 1
    for number, line in enumerate(lines, start=record_start + 1):
        previous = delimiter  # a quote opens a value only at its start
        for ch in line:
            if ch == '"' and (inside or previous == delimiter):
                inside = not inside
                if inside:
                    opened = number
            previous = ch
        if not inside:
            return record_start + 1
    return opened


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
