"""Tests for appcheck.locate: positions of JSON values, as an editor shows them."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appcheck.locate import line_col, locate

_LINE_END = re.compile(r"\r\n|\r|\n")


def index_of(text: str, line: int, column: int) -> int:
    """Character index of 1-based (line, column); written independently of line_col."""
    starts = [0] + [match.end() for match in _LINE_END.finditer(text)]
    return starts[line - 1] + column - 1


# ---------------------------------------------------------------------------------------------
# line_col


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("", 0, (1, 1)),
        ("abc", 0, (1, 1)),
        ("abc", 2, (1, 3)),
        ("abc", 3, (1, 4)),
        ("a\nb", 2, (2, 1)),
        ("a\rb", 2, (2, 1)),
        ("a\r\nb", 3, (2, 1)),
        ("a\n\nb", 3, (3, 1)),
        ("a\r\rb", 3, (3, 1)),
        ("a\n\rb", 3, (3, 1)),  # LF then CR: two line ends
        ("a\r\n\r\nb", 5, (3, 1)),
        ("a\nbc", 3, (2, 2)),
        ("a\r\nbc", 4, (2, 2)),
        ("a\rbc", 3, (2, 2)),
    ],
)
def test_line_col(text: str, index: int, expected: tuple[int, int]) -> None:
    assert line_col(text, index) == expected


def test_line_col_lf_of_crlf_belongs_to_the_line_it_ends() -> None:
    assert line_col("ab\r\ncd", 2) == (1, 3)  # the CR
    assert line_col("ab\r\ncd", 3) == (1, 4)  # the LF
    assert line_col("ab\r\ncd", 4) == (2, 1)


def test_line_col_counts_code_points() -> None:
    text = "😀名x\n😀y"
    assert line_col(text, 2) == (1, 3)
    assert line_col(text, 5) == (2, 2)


def test_line_col_clamps() -> None:
    assert line_col("ab\ncd", -5) == (1, 1)
    assert line_col("ab\ncd", 99) == (2, 3)


@given(st.text(alphabet="ab\r\n名😀"), st.data())
def test_line_col_matches_independent_computation(text: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(text)))
    if 0 < index < len(text) and text[index - 1 : index + 1] == "\r\n":
        return  # the LF of a CRLF is not the start of a line or a column of its own
    line, column = line_col(text, index)
    assert index_of(text, line, column) == index


# ---------------------------------------------------------------------------------------------
# locate

DOC = """{
  "name": "项目",
  "items": [10, {"id": "a", "tags": ["x", "y"]}, [1, [2, 3]]],
  "nested": {"deep": {"deeper": null}},
  "empty": {}, "list": [],
  "tricky \\"key\\"": "va{l}ue [with] \\"brackets\\"",
  "\\u0041": true
}"""


def value_at(text: str, position: tuple[int, int]) -> object:
    value, _end = json.JSONDecoder().raw_decode(text, index_of(text, *position))
    return value


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ((), json.loads(DOC)),
        (("name",), "项目"),
        (("items",), [10, {"id": "a", "tags": ["x", "y"]}, [1, [2, 3]]]),
        (("items", 0), 10),
        (("items", 1, "id"), "a"),
        (("items", 1, "tags", 1), "y"),
        (("items", 2, 1, 0), 2),
        (("nested", "deep", "deeper"), None),
        (("empty",), {}),
        (("list",), []),
        (('tricky "key"',), 'va{l}ue [with] "brackets"'),
        (("A",), True),  # keys are compared after decoding escapes
        (("items", "2", "1"), [2, 3]),  # JSON Pointer tokens are strings
    ],
)
def test_locate_existing_paths(path: tuple, expected: object) -> None:
    position = locate(DOC, path)
    assert position is not None
    assert value_at(DOC, position) == expected


def test_locate_points_at_the_value_not_the_key() -> None:
    assert locate('{"a": 1}', ("a",)) == (1, 7)
    assert locate('{"a":\n   [1, 2]}', ("a", 1)) == (2, 8)


@pytest.mark.parametrize(
    ("path", "ancestor"),
    [
        (("missing",), ()),
        (("items", 7), ("items",)),
        (("items", -1), ("items",)),
        (("items", "x"), ("items",)),
        (("items", "01"), ("items",)),
        (("items", True), ("items",)),
        (("items", 0, "x"), ("items", 0)),
        (("name", 0), ("name",)),
        (("nested", "deep", "nope", "more"), ("nested", "deep")),
        (("empty", "a"), ("empty",)),
        (("list", 0), ("list",)),
    ],
)
def test_locate_missing_path_gives_deepest_ancestor(path: tuple, ancestor: tuple) -> None:
    assert locate(DOC, path) == locate(DOC, ancestor)


def test_locate_int_segment_on_object_means_string_key() -> None:
    assert locate('{"0": "zero"}', (0,)) == (1, 7)


def test_locate_first_of_duplicate_keys() -> None:
    assert locate('{"a": 1, "a": 2}', ("a",)) == (1, 7)


@pytest.mark.parametrize("newline", ["\n", "\r", "\r\n"])
def test_locate_line_endings(newline: str) -> None:
    text = "{\n  \"a\": [\n    1,\n    \"two\"\n  ]\n}".replace("\n", newline)
    assert locate(text, ("a", 1)) == (4, 5)
    assert locate(text, ("a",)) == (2, 8)


def test_locate_counts_code_points() -> None:
    text = '{"名称😀": "值", "b": 2}'
    assert locate(text, ("b",)) == (1, 19)
    assert value_at(text, (1, 19)) == 2


def test_locate_ignores_bom() -> None:
    assert locate('\ufeff{"a": 1}', ("a",)) == (1, 7)
    assert locate("\ufeff  [1]", ()) == (1, 3)


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n", "\ufeff"])
def test_locate_none_without_a_value(text: str) -> None:
    assert locate(text, ()) is None
    assert locate(text, ("a",)) is None


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ('{"a": [1, 2', ("a", 1), (1, 11)),  # unterminated but the element is there
        ('{"a": [1, 2', ("a", 5), (1, 7)),
        ('{"a": ', ("a",), (1, 1)),  # no value: the object
        ('{"a" 1}', ("a",), (1, 1)),
        ('{"a": "unterminated, "b": 1', ("b",), (1, 1)),
        ("[1 2]", (1,), (1, 1)),
        ("nonsense", ("a",), (1, 1)),
        ('  {"x": {"y": [', ("x", "y", 0), (1, 15)),
    ],
)
def test_locate_malformed_text_gives_deepest_found(text: str, path: tuple, expected: tuple[int, int]) -> None:
    assert locate(text, path) == expected


def test_locate_deep_nesting_has_no_recursion() -> None:
    depth = 5000
    text = "[" * depth + "1" + "]" * depth
    assert locate(text, (0,) * depth) == (1, depth + 1)


# ---------------------------------------------------------------------------------------------
# Property: the position found is exactly where the value at the path starts

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=5), children, max_size=5),
    max_leaves=25,
)


def random_path(value: object, data: st.DataObject) -> tuple[tuple, object]:
    path: list = []
    while isinstance(value, (list, dict)) and value and data.draw(st.booleans()):
        if isinstance(value, list):
            index = data.draw(st.integers(0, len(value) - 1))
            path.append(index)
            value = value[index]
        else:
            key = data.draw(st.sampled_from(sorted(value)))
            path.append(key)
            value = value[key]
    return tuple(path), value


@settings(max_examples=300)
@given(
    json_values,
    st.sampled_from([None, 0, 2, "\t"]),
    st.booleans(),
    st.sampled_from(["\n", "\r", "\r\n"]),
    st.data(),
)
def test_locate_finds_the_value(value: object, indent: object, ensure_ascii: bool, newline: str,
                                data: st.DataObject) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii).replace("\n", newline)
    path, expected = random_path(value, data)
    position = locate(text, path)
    assert position is not None
    assert value_at(text, position) == expected
