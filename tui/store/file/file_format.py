"""The data file's format: a JSON object of TinyDB tables with a schema version, checked table by table.

A file that is empty, not UTF-8, not JSON, not ours or from a newer schema is
refused (DatabaseRefused) with the problem in one line.  Reading checks each
table's shape without building it and parses only the small ones; the large
ones are kept aside (see table_copy) for the storage to parse when asked.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

from tui.i18n import _
from tui.store.errors import DatabaseRefused
from tui.store.file.json_members import NotMembers, ShapeChecker, iter_members
from tui.store.file.table_copy import TableCopy
from tui.store.file.unsafe_text import made_printable, may_hold_unsafe_text

SCHEMA_VERSION = 1
META_TABLE = "meta"
TABLE_KEPT_PARSED = 64 * 1024  # bytes of JSON; larger tables are parsed when asked for

Data = dict[str, dict[str, dict[str, Any]]]


def empty_database() -> Data:
    return {META_TABLE: {"1": {"app": "renewal-planner", "schema": SCHEMA_VERSION}}}


def check_structure(path: Path, data: object) -> Data:
    """Return `data` if it is a database of ours this version can read, else raise DatabaseRefused."""
    if not isinstance(data, dict):
        raise DatabaseRefused(path, _("not a renewal-planner database (unexpected structure)"))
    for table in data.values():
        check_table(path, table)
    check_meta(path, data.get(META_TABLE, {}))
    return data


def check_table(path: Path, table: object) -> None:
    if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
        raise DatabaseRefused(path, _("not a renewal-planner database (unexpected structure)"))


def check_meta(path: Path, table: dict) -> None:
    meta = table.get("1")
    if not meta or meta.get("app") != "renewal-planner" or not isinstance(meta.get("schema"), int):
        raise DatabaseRefused(path, _("not a renewal-planner database (no schema version)"))
    if meta["schema"] > SCHEMA_VERSION:
        raise DatabaseRefused(
            path,
            _("written by a newer renewal-planner (schema {found}; this version reads up to {known})").format(
                found=meta["schema"], known=SCHEMA_VERSION
            ),
        )


TableTexts = dict[str, tuple[dict | None, TableCopy]]  # name -> (parsed or None, its JSON kept aside)


def read_database(path: Path) -> tuple[Data, TableTexts]:
    """See `parse_tables`."""
    return parse_tables(path, path.read_bytes())


def parse_database(path: Path, raw: bytes) -> Data:
    """Check and parse a database file's bytes (DatabaseRefused says what is wrong with them)."""
    _check_text(path, raw)
    return check_structure(path, _json_value(path, raw.decode("utf-8")))


def parse_tables(path: Path, raw: bytes) -> tuple[Data, TableTexts]:
    """Check a database file's bytes table by table: (the tables kept parsed, and every table as
    (its parsed dict or None, its JSON kept aside: see table_copy)).  Each table's shape is checked without
    building it (json_members.ShapeChecker); only tables of at most TABLE_KEPT_PARSED bytes are
    parsed now, the others when first asked for (`SafeJSONStorage.table`).

    The tables are found in `raw` read as Latin-1, one character per byte, so a table's place in
    that text is its place in the file and no 2-bytes-per-character copy of a file holding "ș" is
    made: UTF-8 puts non-ASCII bytes only inside strings, so the JSON is valid, and of the same
    shape, either way.  A table kept parsed is parsed from its UTF-8 bytes unless the file is ASCII.
    When the data is not the file's text (unsafe characters made visible) or the file is unusual
    (not an object, a table name twice or not ASCII), every table is parsed the plain way and kept
    parsed.
    """
    _check_text(path, raw)
    if may_hold_unsafe_text(raw):
        return check_structure(path, made_printable(_json_value(path, raw.decode("utf-8")))), {}
    ascii_only = raw.isascii()
    text = raw.decode("latin-1")
    view = memoryview(raw)
    data: Data = {}
    tables: TableTexts = {}
    shape = ShapeChecker()
    try:
        for name, table, start, end in iter_members(text, shape.decoder):
            if name in tables or not name.isascii():
                raise NotMembers("a table name twice, or not ASCII")
            if not shape.is_object_of_objects(table):
                raise DatabaseRefused(path, _("not a renewal-planner database (unexpected structure)"))
            kept = None
            if end - start <= TABLE_KEPT_PARSED or name == META_TABLE:
                kept = data[name] = json.loads(text[start:end] if ascii_only else str(view[start:end], "utf-8"))
            tables[name] = (kept, TableCopy.of(view[start:end], start, in_background=True))
    except NotMembers:  # json.loads of the text decides what it is
        del text  # a 1-byte-per-character copy: let go before the plain parse
        return check_structure(path, _json_value(path, raw.decode("utf-8"))), {}
    check_meta(path, data.get(META_TABLE) or {})
    return data, tables


def _check_text(path: Path, raw: bytes) -> None:
    """Refuse an empty file or one that is not UTF-8 (checked in pieces: no copy of the whole text)."""
    if not raw.strip():
        raise DatabaseRefused(path, _("the file is empty"))
    if raw.isascii():
        return
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(raw)
    try:
        for at in range(0, len(raw), 1 << 20):
            decoder.decode(view[at:at + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise DatabaseRefused(path, _("not a text file (not UTF-8)")) from None


def _json_value(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DatabaseRefused(
            path, _("not valid JSON (line {line}, column {column})").format(line=error.lineno, column=error.colno)
        ) from None
