"""Large freed buffers go back to the system (glibc), so a long session does not keep its peak.

glibc serves an allocation above its mmap threshold (128 KiB) from a mapping
of its own and unmaps it when freed — but freeing one raises the threshold to
that size (up to 32 MiB).  After the data file's text (5 MB with 10,000
contracts) has been read and let go, buffers of that size then come from the
heap and stay resident after they are freed: ~8 MiB more at the peak.  Setting
the threshold turns that adjustment off.  Where there is no glibc `mallopt`
(macOS), nothing happens.
"""

from __future__ import annotations

import ctypes

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
THRESHOLD = 128 * 1024  # glibc's default


def keep_large_buffers_unmapped() -> bool:
    """True when glibc took the setting."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD))
