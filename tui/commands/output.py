"""Standard output for the commands: data always UTF-8, text for people in the terminal's encoding, and a
failed write told apart from a problem with the data file."""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import IO

from tui.domain.text import printable_lines

SIGPIPE_STATUS = 128 + 13  # what a shell reports for a command ended by SIGPIPE (`yes | head -1`)


class OutputFailed(Exception):
    """Writing standard output failed (a full disk, a closed stdout, a reader that went away)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error

    @property
    def pipe_closed(self) -> bool:
        """The reader went away (`renewals … | head -1`): not an error, stop quietly."""
        return isinstance(self.error, BrokenPipeError)


class FailureReport:
    """How a command reports a failure: one line on standard error, and the exit status given.  A
    monitoring plugin reports differently (see `renewals check`)."""

    def failed(self, message: str, status: int) -> int:
        if sys.stderr is not None:
            print(printable_lines(message), file=sys.stderr)
        return status

    def output_failed(self, message: str) -> int:
        """Standard output could not be written: the output is lost, the data file is not at fault."""
        return self.failed(message, 1)


class CommandOutput:
    """A command's standard output.

    `write` is for data (JSON, CSV, .ics — read by programs): UTF-8 whatever the locale. `write_text` is
    for people: in the terminal's encoding, with `?` for what it cannot show (a Latin-1 terminal and
    `ș`), and at once. Every failure to write raises OutputFailed. Other attributes are the stream's
    (`getvalue` of a StringIO in tests).

    Over a real descriptor both are text layers over one buffer (so they stay in order) whose bottom,
    `_DescriptorWriter`, turns an OSError into OutputFailed: `json.dump` writes a 10,000-contract export
    in 690,000 pieces, and a Python-level check on each cost +0.5 s; this way it runs once per 64 KiB.
    """

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream  # None: standard output was closed when the program started (`>&-`)
        self.encoding = getattr(stream, "encoding", None) or "utf-8"
        fd = _descriptor(stream)
        if fd is None:  # a StringIO, a test's capture, a closed stream: written as text
            self._people = None
            return
        _guarded(stream.flush)  # what was printed to the stream before comes first
        buffer = io.BufferedWriter(_DescriptorWriter(fd), buffer_size=64 * 1024)
        data = io.TextIOWrapper(buffer, encoding="utf-8", errors="replace", newline="", write_through=True)
        self._people = io.TextIOWrapper(buffer, encoding=self.encoding, errors="replace", newline="",
                                        write_through=True)
        self.write = data.write  # type: ignore[method-assign]  # C speed: no Python call per piece
        self.flush = buffer.flush  # type: ignore[method-assign]

    def __getattr__(self, name: str):
        if name == "stream":
            raise AttributeError(name)
        return getattr(self.stream, name)

    def write(self, data: str) -> int:
        """Data for programs, as UTF-8."""
        _guarded(self._require_stream().write, data)
        return len(data)

    def write_text(self, text: str) -> None:
        """Text for people, in the terminal's encoding (`?` for what it cannot show), written at once."""
        if self._people is None:
            _guarded(self._require_stream().write, text)
        else:
            self._people.write(text)
            self.flush()

    def flush(self) -> None:
        if self.stream is not None:
            _guarded(self.stream.flush)

    def _require_stream(self) -> IO[str]:
        if self.stream is None:
            raise OutputFailed(OSError(errno.EBADF, os.strerror(errno.EBADF)))
        return self.stream


class _DescriptorWriter(io.RawIOBase):
    """Writes to a file descriptor it does not own (never closes it); a failure is OutputFailed."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        try:
            return os.write(self._fd, data)
        except OSError as error:
            raise OutputFailed(error) from error


def _descriptor(stream: IO[str] | None) -> int | None:
    if stream is None:
        return None
    try:
        return stream.fileno()
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        return None


def _guarded(write, *args) -> None:
    try:
        write(*args)
    except OSError as error:
        raise OutputFailed(error) from error
    except ValueError as error:  # "I/O operation on closed file"
        raise OutputFailed(OSError(errno.EBADF, str(error))) from error


def prepare_standard_streams() -> None:
    """Before anything else: a standard stream closed by the caller (`>&-`) gets /dev/null behind it, so
    that no file this process opens (the data file) can take its place and receive what is printed;
    Python has set `sys.stdout` to None for it, which CommandOutput reports as a failed write. Text
    written to standard output for people replaces what the terminal's encoding cannot show."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    stdout = sys.stdout
    if stdout is not None and hasattr(stdout, "reconfigure"):
        stdout.reconfigure(errors="replace")


def discard_standard_output() -> None:
    """After a failed write: send what is still buffered to /dev/null, so that Python's own flush at exit
    does not fail again with a traceback-like message (the advice of Python's `signal` documentation).
    Only for the process's real standard output (not a test's capture)."""
    stdout = sys.stdout
    if stdout is None or stdout is not sys.__stdout__:
        return
    try:
        fd = stdout.fileno()
    except (OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)
