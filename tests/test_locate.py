"""Tests for appcheck.locate: positions of JSON values, as an editor shows them."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appcheck.locate import line_col, line_cols, locate, locate_many

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


#: a JSON value written in any way json.dumps can (indent, ASCII or not, line breaks), and the draw
generated_texts = given(
    json_values,
    st.sampled_from([None, 0, 2, "\t"]),
    st.booleans(),
    st.sampled_from(["\n", "\r", "\r\n"]),
    st.data(),
)


@settings(max_examples=300)
@generated_texts
def test_locate_finds_the_value(value: object, indent: object, ensure_ascii: bool, newline: str,
                                data: st.DataObject) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii).replace("\n", newline)
    path, expected = random_path(value, data)
    position = locate(text, path)
    assert position is not None
    assert value_at(text, position) == expected


# ---------------------------------------------------------------------------------------------
# locate_many: the answers of locate, whatever the order of the paths and however odd the text


def answers_as_locate(text: str, paths: list) -> None:
    assert locate_many(text, paths) == [locate(text, path) for path in paths]
    for order in (paths[::-1], paths[1::2] + paths[::2]):  # the containers are scanned lazily
        assert locate_many(text, order) == [locate(text, path) for path in order]


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        ('{"a": {"x": 1, "y": [1, 2]}, "b": 2, "a": 3}', [("a", "y", 1), ("b",), ("a",), ("a", "x"), ("c",)]),
        ('{"a": [1, 2], "b": {"c": 3}, "d": 4}', [("a", 1), ("d",), ("b", "c"), ("b", "z")]),
        ('{"a": [{"b": 1}, {"b": 2}], "c": 3}', [("a", 1, "b"), ("c",), ("a", 0, "b"), ("a", 2)]),
        ('{"\\u0061": 1, "a": 2, "b": 3}', [("a",), ("b",)]),  # an escaped key is the same key
        ('{"a": 1, "\\u0061": 2}', [("a",), ("b",)]),
        ('{"\\ud83d\\ude00": [1], "😀": 2}', [("😀", 0), ("😀",)]),
        ('{"k\\"": 1, "q": "a\\"b", "r": ["\\\\", {"s": 1}]}', [("r", 1, "s"), ('k"',), ("q",)]),
        ('{"a": "x\\y", "b": 1}', [("b",)]),  # an invalid escape: the loose scan takes the string
        ('{"a": {"b": 1}, "c": [1, 2', [("a", "b"), ("c", 1), ("c", 5), ("d",)]),  # breaks off after
        ('{"a": {"b": 1} "c": 2}', [("a", "b"), ("c",), ("a",)]),  # broken after the found member
        ('{"a": 1, "b": 01, "c": 2}', [("a",), ("c",), ("b",)]),
        ('{"a": [1, 2,], "b": 1}', [("a", 2), ("a", 1), ("b",)]),
        ('{"a": NaN, "b": -Infinity, "c": [Infinity, true, false, null], "d": 1}', [("d",), ("c", 3), ("b",)]),
        ('{"a": -Inf, "b": 1}', [("b",), ("a",)]),
        ('{"a": [1 2], "b": 1}', [("b",), ("a", 0), ("a", 1)]),
        ('{"a": {"x": [}, "b": 1}', [("b",), ("a", "x")]),  # mismatched brackets: the loose scan
        ('[[1, [2, 3]], {"a": [4]}, "]", 5]', [(3,), (1, "a", 0), (0, 1, 1), (2,)]),
        ('{"a": {}, "b": [], "c": 1}', [("a", "x"), ("b", 0), ("c",)]),
        ('{"a": 1, "a": {"b": 2}}', [("a", "b"), ("a",)]),
        ("{\r\n  \"a\": [\r\n    1,\r\n    {\"b\": 2}\r\n  ]\r\n}", [("a", 1, "b"), ("a", 0), ("a",)]),
        ('\ufeff{"a": 1}', [("a",), ()]),
        ('{"a": 1}  {"b": 2}', [("a",), ("b",)]),
        ('{"a": "unterminated', [("a",), ("b",)]),
        ('{"a": 1, "b" 2, "c": 3}', [("a",), ("c",), ("b",)]),
        # read with one regular expression match a member, or step by step: the same answers
        ('{"a": "x\\"]", "b": [1, "]", {"c": "\\\\"}], "c": 2}', [("c",), ("b", 2, "c"), ("b", 1)]),
        ('{"a": ' + "[" * 12 + "1" + "]" * 12 + ', "b": 2}', [("b",), ("a",) + (0,) * 12, ("a", 0, 0)]),
        ('{"a": [' + "[" * 12 + "1" + "]" * 12 + ', 2], "b": 2}', [("a", 1), ("b",), ("a", 0, 0)]),
        ('{"a": {"x": é}, "b": 1}', [("b",), ("a", "x"), ("a",)]),
        ('{"a": [1, #], "b": 1}', [("b",), ("a", 0), ("a", 1)]),
        ('{"a": [1.5e3, -0, 0.25, 1E+2, -Infinity, NaN], "b": 1.e3, "c": 1}', [("a", 5), ("c",), ("b",)]),
        ('{"a": [], "b": {}, "c": [{}, []], "d": {"e": [ ]}, "f": 1}', [("f",), ("c", 1), ("d", "e", 0)]),
        ('{"a": {"b": 1}, "a": 2, "\\u0062": {"c": 3}, "b": 4}', [("b", "c"), ("a", "b"), ("b",)]),
        ('{"a": , "b": 1}', [("b",), ("a",)]),
        ('{"a": [1, ], "b": 1}', [("a", 1), ("b",), ("a", 0)]),
        ('[1, {"a": [2, {"b": 3}]}, [4, [5]]', [(2, 1, 0), (1, "a", 1, "b"), (0,)]),
        ('{"a":1,"b":[1,2,{"c":[{"d":"e"}]}],"f":{"g":"h"}}', [("f", "g"), ("b", 2, "c", 0, "d"), ("a",)]),
    ],
)
def test_locate_many_answers_as_locate_on_odd_texts(text: str, paths: list) -> None:
    answers_as_locate(text, paths)


def all_paths(value: object, prefix: tuple = ()) -> list:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += all_paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += all_paths(child, prefix + (index,))
    return found


@settings(max_examples=300)
@generated_texts
def test_locate_many_answers_as_locate_on_generated_json(value: object, indent: object, ensure_ascii: bool,
                                                         newline: str, data: st.DataObject) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii).replace("\n", newline)
    paths = all_paths(value)
    paths += [path + extra for path in paths[:10] for extra in (("missing",), (0,), ("0",), (True,), (7,))]
    paths = data.draw(st.permutations(paths))[: data.draw(st.integers(1, 40))]
    answers_as_locate(text, paths)
    # and on the text broken somewhere
    cut = data.draw(st.integers(0, len(text)))
    odd = data.draw(st.sampled_from(["", "}", "]", ",", '"', ":", "\\", " 1", "{", "["]))
    answers_as_locate(text[:cut] + odd + text[cut + data.draw(st.integers(0, 2)):], paths)


@pytest.mark.parametrize("kind", ["[", "{"])
def test_locate_many_deep_nesting_has_no_recursion(kind: str) -> None:
    depth = 5000
    if kind == "[":
        text, path = "[" * depth + "1" + "]" * depth, (0,) * depth
    else:
        text, path = '{"a": ' * depth + "1" + "}" * depth, ("a",) * depth
    assert locate_many(text, [path, path[:-1] + (1,), path[:10]]) == [locate(text, path), locate(text, path[:-1]),
                                                                        locate(text, path[:10])]


@given(st.text(alphabet=st.sampled_from(list("ab\n名😀\r")), max_size=40), st.lists(st.integers(-3, 45), max_size=12))
def test_line_cols_answers_as_line_col(text: str, indices: list) -> None:
    assert line_cols(text, indices) == [line_col(text, index) for index in indices]


@pytest.mark.parametrize(
    "text", ['{"a": {"b": [1, {"c": 2}]}, "d": 3}', '{"a": {"b": [1, {"c": 2', '{"a\\u0062": [1 2], "a": }', "[[[]]]"]
)
def test_locate_many_leaves_no_reference_cycles_behind(text: str) -> None:
    import gc

    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        locate_many(text, [("a", "b", 1, "c"), ("d",), ("a", "b", 0), ("ab", 0), (0, 0), ("a", "x")])
        gc.collect()
        assert gc.garbage == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
