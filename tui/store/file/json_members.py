"""A JSON object read member by member, with where each member's value is in the text.

The data file is one object of tables.  Read one table at a time (with the
C scanner `json.loads` uses), each table can be checked without being built
(`ShapeChecker`), and only where it is remembered: it is parsed when asked
for, and written back as it was when untouched.  10,000 contracts are 3 MB of
JSON and 17 MB of parsed Python objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from json.decoder import scanstring
from typing import Any

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_SPACES = frozenset(" \t\n\r")


class NotMembers(ValueError):
    """The text is not one JSON object (or not valid JSON): `json.loads` says what it is."""


class ShapeChecker:
    """A decoder that checks JSON without building it: every object becomes one marker, and the
    pairs of the object completed last are kept, so whether a value was an object of objects can be
    told.  Faster than parsing (no dicts are made) and needs no memory to speak of."""

    _MARK = object()

    def __init__(self) -> None:
        self._last: list[tuple[str, Any]] = []
        self.decoder = json.JSONDecoder(object_pairs_hook=self._completed)

    def _completed(self, pairs: list[tuple[str, Any]]) -> object:
        self._last = pairs
        return self._MARK

    def is_object_of_objects(self, value: Any) -> bool:
        """Was `value`, just decoded by `decoder`, an object whose values are all objects?"""
        mark = self._MARK
        return value is mark and all(item is mark for _key, item in self._last)


def iter_members(text: str, decoder: json.JSONDecoder = _DECODER) -> Iterator[tuple[str, Any, int, int]]:
    """(key, value, start, end) of each member of the JSON object `text`, in order: the value is
    `text[start:end]` decoded by `decoder`.  Raises NotMembers, at the latest at the end, when `text`
    is anything but one valid JSON object — call `json.loads(text)` then for its value or its exact error.

    One member at a time: a caller that lets each value go holds one in memory, not all — and with
    many members this is even faster than `json.loads`, which grows one large dict."""
    scan = decoder.scan_once
    space = _SPACE.match
    at = space(text).end()
    if text[at:at + 1] != "{":
        raise NotMembers("not an object")
    at = space(text, at + 1).end()
    if text[at:at + 1] == "}":
        at += 1
    else:
        while True:
            if text[at:at + 1] != '"':
                raise NotMembers("expected a key")
            try:
                key, at = scanstring(text, at + 1)
                if text[at:at + 1] != ":":  # compact JSON has none of the spaces looked for here
                    at = space(text, at).end()
                    if text[at:at + 1] != ":":
                        raise NotMembers("expected ':'")
                start = at + 1
                if text[start:start + 1] in _SPACES:
                    start = space(text, start).end()
                value, at = scan(text, start)
            except (json.JSONDecodeError, StopIteration) as error:
                raise NotMembers(str(error)) from None
            yield key, value, start, at
            del value
            following = text[at:at + 1]
            if following in _SPACES:
                at = space(text, at).end()
                following = text[at:at + 1]
            if following == ",":
                at += 1
                if text[at:at + 1] in _SPACES:
                    at = space(text, at).end()
            elif following == "}":
                at += 1
                break
            else:
                raise NotMembers("expected ',' or '}'")
    if space(text, at).end() != len(text):
        raise NotMembers("extra data")
