"""A table kept out of memory's parsed data: where its JSON is in the data file, and a compressed copy.

The data file is normally where a table is read again from (fast); but
another program may replace or rewrite it while the app is open, and the app
must still show — and write back untouched — the state it loaded.  So a
compressed copy is kept too (10,000 contracts: 3.4 MB of JSON, 0.6 MB
compressed, against 17 MB parsed), and the file's bytes are used only when
their checksum says they are still the same.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class TableCopy:
    start: int  # where the table's JSON is in the data file
    end: int
    crc: int  # zlib.crc32 of that JSON
    compressed: bytes

    @classmethod
    def of(cls, json_bytes: bytes | memoryview, start: int) -> TableCopy:
        return cls(start, start + len(json_bytes), zlib.crc32(json_bytes), zlib.compress(json_bytes, 1))

    def moved_to(self, start: int) -> TableCopy:
        """The same JSON at another place (in a file written since)."""
        return TableCopy(start, start + self.end - self.start, self.crc, self.compressed)

    def read(self, path: Path) -> bytes:
        """The table's JSON: from the data file while it still holds it there, else from the copy."""
        try:
            with open(path, "rb") as handle:
                data = os.pread(handle.fileno(), self.end - self.start, self.start)
        except OSError:
            data = b""
        if len(data) == self.end - self.start and zlib.crc32(data) == self.crc:
            return data
        return zlib.decompress(self.compressed)
