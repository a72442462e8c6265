"""Reading a JSON object member by member gives what json.loads gives, and fails where it fails."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.store.file.json_members import NotMembers, ShapeChecker, iter_members

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)
objects = st.dictionaries(st.text(max_size=8), json_values, max_size=6)
layouts = st.sampled_from([{"separators": (",", ":")}, {"indent": 2}, {"indent": "\t"}, {}])


@given(objects, layouts, st.booleans())
def test_members_are_what_json_loads_gives_and_where_the_text_says(value: dict, layout: dict, ascii: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii, **layout)
    members = list(iter_members(text))
    assert [(key, item) for key, item, _start, _end in members] == list(json.loads(text).items())
    assert all(json.loads(text[start:end]) == item for _key, item, start, end in members)


@pytest.mark.parametrize("text", ['{"a":1', '{"a":1}x', '{"a" 1}', '{"a":1,}', '{"a":}', '\ufeff{}', '{"a":"\x01"}',
                                  "[1]", "3", '"s"', "", "{", "}"])
def test_anything_but_one_valid_object_is_not_members(text: str) -> None:
    with pytest.raises(NotMembers):
        list(iter_members(text))


@pytest.mark.parametrize(("text", "expected"), [
    ('{"t":{"1":{"a":1},"2":{}}}', True),
    ('{"t":{}}', True),
    ('{"t":{"1":{"a":{"b":[1,{}]}}}}', True),
    ('{"t":{"1":5}}', False),
    ('{"t":{"1":{"a":1},"2":[]}}', False),
    ('{"t":[{"a":1}]}', False),
    ('{"t":3}', False),
])
def test_the_shape_checker_tells_an_object_of_objects_without_building_it(text: str, expected: bool) -> None:
    shape = ShapeChecker()
    [(_name, value, _start, _end)] = iter_members(text, shape.decoder)
    assert shape.is_object_of_objects(value) is expected
