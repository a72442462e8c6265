"""A time limit for a block of the main thread, as monitoring plugins keep their `--timeout`."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


class TimedOut(Exception):
    """The block took longer than its limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimedOut in the block once `seconds` have passed — also out of a system call that waits (a
    lock held by another process, a read from a stalled network file system), which a clock checked
    between steps would never see.  An alarm signal, as the Monitoring Plugins' `alarm()`; main thread
    only."""

    def expired(_signal: int, _frame: object) -> None:
        raise TimedOut

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
