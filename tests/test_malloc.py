"""The process setting that lets glibc give large freed buffers back to the system."""

from __future__ import annotations

import ctypes
import platform

import pytest

from tui.malloc import keep_large_buffers_unmapped


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_glibc_takes_the_setting() -> None:
    assert keep_large_buffers_unmapped() is True


def test_without_mallopt_nothing_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoMallopt:
        def __init__(self, _name: object) -> None:
            pass

    monkeypatch.setattr(ctypes, "CDLL", NoMallopt)
    assert keep_large_buffers_unmapped() is False
