"""A table kept out of memory's parsed data: where its JSON is in the data file, and a compressed copy.

The data file is normally where a table is read again from (fast); but
another program may replace or rewrite it while the app is open, and the app
must still show — and write back untouched — the state it loaded.  So a
compressed copy is kept too (10,000 contracts: 3.4 MB of JSON, 0.6 MB
compressed, against 17 MB parsed), and the file's bytes are used only when
their checksum says they are still the same.  The copies of a file just read
are compressed in a background thread (zlib lets go of the GIL): the reader
does not wait for them, and nothing is lost meanwhile, as they are made from
the bytes read, not from the file.
"""

from __future__ import annotations

import os
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

_compressing: ThreadPoolExecutor | None = None


def _compress_later(json_bytes: bytes | memoryview) -> Future[bytes]:
    global _compressing
    if _compressing is None:
        _compressing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="table-copy")
    return _compressing.submit(zlib.compress, json_bytes, 1)


@dataclass(slots=True)
class TableCopy:
    start: int  # where the table's JSON is in the data file
    end: int
    crc: int  # zlib.crc32 of that JSON
    _compressed: bytes | Future[bytes]

    @classmethod
    def of(cls, json_bytes: bytes | memoryview, start: int, *, in_background: bool = False) -> TableCopy:
        """The copy of `json_bytes`, found at `start`; compressed in the background thread when asked
        (then `json_bytes` must not change: a view of bytes read, say)."""
        compressed = _compress_later(json_bytes) if in_background else zlib.compress(json_bytes, 1)
        return cls(start, start + len(json_bytes), zlib.crc32(json_bytes), compressed)

    def moved_to(self, start: int) -> TableCopy:
        """The same JSON at another place (in a file written since)."""
        return TableCopy(start, start + self.end - self.start, self.crc, self._compressed)

    def read(self, path: Path, *, file_unchanged: bool = False) -> bytes:
        """The table's JSON: from the data file while it still holds it there, else from the copy.

        `file_unchanged`: the caller has just found, under the write lock, that the file is the one this
        copy's place refers to (its signature: inode, size, mtime, ctime, write counter); its bytes are
        then taken without the checksum (~4 ms at 10,000 contracts, on every save).
        """
        try:
            with open(path, "rb") as handle:
                data = os.pread(handle.fileno(), self.end - self.start, self.start)
        except OSError:
            data = b""
        if len(data) == self.end - self.start and (file_unchanged or zlib.crc32(data) == self.crc):
            return data
        if isinstance(self._compressed, Future):
            self._compressed = self._compressed.result()
        return zlib.decompress(self._compressed)
