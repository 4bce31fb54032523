"""Tests for appcheck.loading: strict JSON loading where every problem names its place."""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import threading
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from appcheck import loading
from appcheck.loading import (
    JSONLoadError,
    Limits,
    Loaded,
    LoadProblem,
    load_bytes,
    load_path,
    load_text,
    parse_json,
)

CODES = {
    "not-found", "not-a-file", "unreadable", "too-large", "encoding", "syntax", "duplicate-key",
    "constant", "number", "depth", "control-character", "empty",
}


def problem_of(result: Loaded, code: str) -> LoadProblem:
    """The problem of a failed load, checked for its code and for the invariants of every problem."""
    assert not result.ok
    assert result.data is None
    problem = result.problem
    assert problem is not None
    assert problem.code == code, problem
    check_problem(problem)
    return problem


def check_problem(problem: LoadProblem) -> None:
    assert problem.code in CODES
    assert problem.message and problem.message_en
    problem.message.encode("utf-8")  # printable: no lone surrogates
    problem.message_en.encode("utf-8")
    assert (problem.line is None) == (problem.column is None)
    if problem.line is not None:
        assert problem.line >= 1 and problem.column >= 1
        assert f"第 {problem.line} 行第 {problem.column} 列" in problem.message
        assert f"line {problem.line}, column {problem.column}" in problem.message_en
    assert problem.offset is None or problem.offset >= 0
    assert isinstance(problem.path, tuple)


def at(problem: LoadProblem) -> tuple:
    return problem.line, problem.column, problem.offset


# ---------------------------------------------------------------------------------------------
# Values


def test_numbers_are_decimals() -> None:
    result = load_text('{"a": 1.10, "b": 150, "c": -0, "d": 1E5, "e": [2.5e-3]}')
    assert result.ok and result.problem is None
    data = result.data
    assert data == {"a": Decimal("1.10"), "b": Decimal("150"), "c": Decimal("-0"), "d": Decimal("1E5"),
                    "e": [Decimal("2.5e-3")]}
    assert str(data["a"]) == "1.10"
    assert all(type(value) is Decimal for value in (data["a"], data["b"], data["c"], data["d"], data["e"][0]))


def test_plain_types() -> None:
    result = load_text('{"o": {"x": [true, false, null, "s"]}}')
    assert type(result.data) is dict
    assert type(result.data["o"]) is dict
    assert result.data["o"]["x"] == [True, False, None, "s"]
    assert type(result.data["o"]["x"]) is list


def test_loaded_keeps_text() -> None:
    result = load_text("[1]")
    assert result.text == "[1]"
    assert load_text("[").text == "["


def test_parse_json_returns_data_or_raises() -> None:
    assert parse_json("[1, 2]") == [Decimal(1), Decimal(2)]
    with pytest.raises(JSONLoadError) as caught:
        parse_json('{"a": 1, "a": 2}')
    assert caught.value.problem.code == "duplicate-key"
    assert isinstance(caught.value, ValueError)


# ---------------------------------------------------------------------------------------------
# Syntax and positions


@pytest.mark.parametrize("newline", ["\n", "\r", "\r\n"])
def test_syntax_error_position_for_each_line_ending(newline: str) -> None:
    text = newline.join(['{', '  "a": 1,', '  "b" 2', '}'])
    problem = problem_of(load_text(text), "syntax")
    assert (problem.line, problem.column) == (3, 7)
    assert problem.offset == text.index("2")
    assert "冒号" in problem.message and "“2”" in problem.message
    assert "expected ':'" in problem.message_en and "'2'" in problem.message_en


def test_syntax_columns_in_code_points_offsets_in_bytes() -> None:
    text = '{"名称😀": 1,\n "x": "值" 2}'
    problem = problem_of(load_text(text), "syntax")
    assert (problem.line, problem.column) == (2, 11)
    assert problem.offset == len(text[: text.index(" 2}") + 1].encode("utf-8"))


@pytest.mark.parametrize(
    ("text", "line", "column", "needle"),
    [
        ("[1 2]", 1, 4, "',' or a closing bracket"),
        ('{"a":1,}', 1, 7, "trailing comma"),
        ("[1,\n]", 1, 3, "trailing comma"),
        ("{'a': 1}", 1, 2, "a key in double quotes"),
        ("[1] x", 1, 5, "more follows"),
        ("[1", 1, 3, "end of the input"),
        ('"abc', 1, 1, "unterminated string"),
        ('"a\\x"', 1, 3, "invalid escape \\x"),
        ('"\\u12"', 1, 3, "invalid \\u escape"),
        ("{，}", 1, 2, "full-width"),
        ("\u3000", 1, 1, "U+3000"),
        ("tru", 1, 1, "expected a value"),
        ("// comment\n{}", 1, 1, "expected a value"),
    ],
)
def test_syntax_errors(text: str, line: int, column: int, needle: str) -> None:
    problem = problem_of(load_text(text), "syntax")
    assert (problem.line, problem.column) == (line, column)
    assert needle in problem.message_en


@pytest.mark.parametrize("text", ["", " ", "\n\r\n\t ", "\ufeff", "\ufeff  \n"])
def test_empty(text: str) -> None:
    problem = problem_of(load_text(text), "empty")
    assert "为空" in problem.message and "empty" in problem.message_en


@pytest.mark.parametrize("raw", [b"", b"  \r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"])
def test_empty_bytes(raw: bytes) -> None:
    problem_of(load_bytes(raw), "empty")


@pytest.mark.parametrize(
    ("char", "escape"),
    [("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r"), ("\x00", "\\u0000"), ("\x1f", "\\u001f")],
)
def test_control_character_in_string(char: str, escape: str) -> None:
    text = '{"a":\n  "line one' + char + 'line two"}'
    problem = problem_of(load_text(text), "control-character")
    assert (problem.line, problem.column) == (2, 12)
    assert f"U+{ord(char):04X}" in problem.message
    assert escape in problem.message_en


def test_del_is_not_a_control_character() -> None:
    assert load_text('"a\x7fb"').data == "a\x7fb"


# ---------------------------------------------------------------------------------------------
# Duplicate keys


def test_duplicate_key_top_level() -> None:
    text = '{\n  "id": 1,\n  "name": "x",\n  "id": 2\n}'
    problem = problem_of(load_text(text), "duplicate-key")
    assert (problem.line, problem.column) == (4, 3)
    assert problem.path == ("id",)
    assert problem.message == '第 4 行第 3 列：对象中键 "id" 重复（首次出现于第 2 行第 3 列）'
    assert problem.message_en == 'line 4, column 3: duplicate key "id" in object (first seen at line 2, column 3)'


@pytest.mark.parametrize("newline", ["\n", "\r", "\r\n"])
def test_duplicate_key_nested(newline: str) -> None:
    text = newline.join([
        '{"items": [',
        '  {"id": 1},',
        '  {"id": 2, "tags": {"a": 1,',
        '                     "a": 2}}',
        ']}',
    ])
    problem = problem_of(load_text(text), "duplicate-key")
    assert (problem.line, problem.column) == (4, 22)
    assert problem.path == ("items", 1, "tags", "a")
    assert "首次出现于第 3 行第 22 列" in problem.message


def test_duplicate_key_after_escape_decoding() -> None:
    problem = problem_of(load_text('{"a": 1, "\\u0061": 2}'), "duplicate-key")
    assert problem.path == ("a",)
    assert problem.column == 10


def test_first_duplicate_in_document_order() -> None:
    problem = problem_of(load_text('{"a": 1, "a": {"c": 1, "c": 2}}'), "duplicate-key")
    assert problem.path == ("a",)
    problem = problem_of(load_text('{"a": 1, "x": {"c": 1, "c": 2}, "a": 2}'), "duplicate-key")
    assert problem.path == ("x", "c")


def test_same_key_in_different_objects_is_fine() -> None:
    assert load_text('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]').ok


def test_duplicate_key_before_later_syntax_error() -> None:
    problem = problem_of(load_text('[{"a": 1, "a": 2}, !!!'), "duplicate-key")
    assert problem.path == (0, "a")


# ---------------------------------------------------------------------------------------------
# Constants and numbers


@pytest.mark.parametrize(
    ("text", "literal", "column", "path"),
    [
        ("NaN", "NaN", 1, ()),
        ("[1, Infinity]", "Infinity", 5, (1,)),
        ('{"a": {"b": -Infinity}}', "-Infinity", 13, ("a", "b")),
        ('{"NaN": "NaN", "x": NaN}', "NaN", 21, ("x",)),
    ],
)
def test_constants(text: str, literal: str, column: int, path: tuple) -> None:
    problem = problem_of(load_text(text), "constant")
    assert (problem.line, problem.column) == (1, column)
    assert problem.path == path
    assert literal in problem.message and literal in problem.message_en


@pytest.mark.parametrize(
    ("literal", "ok"),
    [
        ("1" * 4300, True),
        ("1" * 4301, False),
        ("-" + "9" * 4301, False),
        ("0." + "0" * 4298 + "1", True),
        ("0." + "0" * 4299 + "1", False),
        ("1e1000", True),
        ("1e1001", False),
        ("1E-1000", True),
        ("1e-1001", False),
        ("2.5e+1001", False),
        ("1e0000000000001", True),
        ("1e" + "9" * 100_000, False),
    ],
)
def test_number_limits(literal: str, ok: bool) -> None:
    result = load_text('{"n": [' + literal + "]}")
    if ok:
        assert result.data == {"n": [Decimal(literal)]}
    else:
        problem = problem_of(result, "number")
        assert (problem.line, problem.column) == (1, 8)
        assert problem.path == ("n", 0)


@given(st.integers(min_value=1, max_value=4300), st.integers(min_value=0, max_value=1000))
@example(3300, 1000)  # 4,300 digits before the point: the largest
@example(3301, 1000)
@example(3299, 1000)
@example(4300, 0)
@example(4299, 1)
@example(4300, 1)
def test_a_number_with_more_than_4300_digits_before_the_point_is_refused(digits: int, exponent: int) -> None:
    literal = "7" * digits + f"e{exponent}"
    result = load_text('{"n": ' + literal + "}")
    whole = digits + exponent  # the digits before the decimal point when written out
    if whole <= loading.MAX_NUMBER_DIGITS:
        assert result.data == {"n": Decimal(literal)}
        json.dumps(int(result.data["n"]))  # within Python's limit for an int's digits: it serializes
    else:
        problem = problem_of(result, "number")
        assert problem.message_en == (
            f"line 1, column 7: the number {literal[:20]}… has {whole} digits before the decimal point when "
            "written out, more than the limit of 4300 (its absolute value must be less than 10^4300)"
        )


def test_zero_with_a_large_exponent_is_zero() -> None:
    assert load_text("[0e1000, 0.0e1000, -0e999]").data == [Decimal("0e1000"), Decimal("0.0e1000"), Decimal("-0e999")]


def test_huge_number_is_quick() -> None:
    problem = problem_of(load_text("1" * 2_000_000), "number")
    assert "2000000" in problem.message_en


def test_number_like_text_in_strings_is_kept() -> None:
    text = '{"s": "x1e2023 ' + "1" * 5000 + '", "n": 1.50}'
    assert load_text(text).data == {"s": "x1e2023 " + "1" * 5000, "n": Decimal("1.50")}


# ---------------------------------------------------------------------------------------------
# Depth


def nested(depth: int, kind: str = "[") -> str:
    if kind == "[":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


@pytest.mark.parametrize("kind", ["[", "{"])
def test_depth_limit_default(kind: str) -> None:
    assert load_text(nested(200, kind)).ok
    problem = problem_of(load_text(nested(201, kind)), "depth")
    assert problem.line == 1
    assert problem.column == (201 if kind == "[" else 1 + 200 * 5)
    assert "200" in problem.message


def test_depth_limit_custom() -> None:
    limits = Limits(max_depth=3)
    assert load_text('[{"a": [1]}, {"b": [2]}]', limits).ok
    problem = problem_of(load_text('[{"a": [[1]]}]', limits), "depth")
    assert (problem.line, problem.column) == (1, 9)


def test_depth_problem_names_the_path_of_the_container_too_deep() -> None:
    problem = problem_of(load_text('{"a": [1, {"b": {"c\\"x": [[[[1]]]]}}], "d": 2}', Limits(max_depth=5)), "depth")
    assert (problem.line, problem.column, problem.path) == (1, 27, ("a", 1, "b", 'c"x', 0))
    assert problem.message_en == "line 1, column 27: arrays and objects are nested deeper than 5 levels"
    assert problem.message == "第 1 行第 27 列：数组和对象嵌套超过 5 层"
    problem = problem_of(load_text('[0, "]", [1, 2, ["x", {"k": 1, "y": [[3]]}]]]', Limits(max_depth=4)), "depth")
    assert problem.path == (2, 2, 1, "y")


def test_brackets_in_strings_do_not_count() -> None:
    assert load_text('["[[[[{{{{", "\\"[[[["]', Limits(max_depth=1)).ok


def test_unbalanced_brackets_still_checked() -> None:
    problem_of(load_text("]" * 10 + "[" * 300, Limits()), "depth")
    problem_of(load_text("[]" * 300), "syntax")


def test_recursion_error_is_caught() -> None:
    result = load_text(nested(100_000), Limits(max_depth=1_000_000, max_bytes=10**7))
    problem_of(result, "depth")


# ---------------------------------------------------------------------------------------------
# Encodings


def test_utf8_bom_accepted() -> None:
    result = load_bytes(b'\xef\xbb\xbf{"a": "\xe5\x90\x8d"}')
    assert result.data == {"a": "名"}
    assert result.text == '{"a": "名"}'


def test_bom_shifts_offsets_not_columns() -> None:
    problem = problem_of(load_bytes(b"\xef\xbb\xbf[1,]"), "syntax")
    assert at(problem) == (1, 3, 5)
    problem = problem_of(load_text("\ufeff[1,]"), "syntax")
    assert at(problem) == (1, 3, 5)


def test_gbk() -> None:
    raw = '{"项目": "测试",\n "名称": 1}'.encode("gbk")
    problem = problem_of(load_bytes(raw), "encoding")
    assert "GBK" in problem.message and "GBK" in problem.message_en
    assert at(problem) == (1, 3, 2)
    assert "字节偏移 2" in problem.message
    assert load_bytes(raw).text is None


def test_gbk_after_utf8() -> None:
    raw = '{"a": "名",\n "b": "'.encode() + "名称".encode("gbk") + b'"}'
    problem = problem_of(load_bytes(raw), "encoding")
    assert "GBK" in problem.message_en
    assert at(problem) == (2, 8, raw.index(b'"b": "') + 6)


def test_invalid_utf8_that_is_not_gbk() -> None:
    raw = b'{"a":\r\n "caf\xe9"}'
    problem = problem_of(load_bytes(raw), "encoding")
    assert "GBK" not in problem.message_en
    assert "0xE9" in problem.message_en and "byte offset 12" in problem.message_en
    assert at(problem) == (2, 6, 12)


def test_truncated_utf8_is_not_called_gbk() -> None:
    raw = '["名'.encode()[:-1]
    problem = problem_of(load_bytes(raw), "encoding")
    assert "GBK" not in problem.message_en
    assert "incomplete" in problem.message_en


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16LE"),
        ("utf-16-be", "UTF-16BE"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32LE"),
        ("utf-32-be", "UTF-32BE"),
    ],
)
def test_wide_encodings(codec: str, name: str) -> None:
    raw = '{"名称": 1}'.encode(codec)
    problem = problem_of(load_bytes(raw), "encoding")
    assert name in problem.message and name in problem.message_en
    assert "UTF-8" in problem.message
    assert problem.offset == 0
    if codec in ("utf-16", "utf-32"):
        assert "byte order mark" in problem.message_en


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_short_utf16_without_bom(codec: str) -> None:
    problem_of(load_bytes("1".encode(codec)), "encoding")


@pytest.mark.parametrize(
    ("text", "column", "path"),
    [
        ('["\\ud800"]', 3, (0,)),
        ('["ok", "x\\udc00"]', 10, (1,)),
        ('{"k": "\\ud83d\\ud83d\\ude00"}', 8, ("k",)),  # the first high surrogate is unpaired
        ('{"k": "\\ude00\\ud83d"}', 8, ("k",)),  # reversed pair
        ('{"\\ud800": 1}', 3, ()),  # in a key: its object (a path holding it could not be printed)
        ('{"a": {"b": 1, "x\\udfff": 1}}', 18, ("a",)),
        ('["\\\\\\ud800"]', 5, (0,)),  # an escaped backslash, then a real escape
        ('"\\uD800x"', 2, ()),
    ],
)
def test_lone_surrogate_escape(text: str, column: int, path: tuple) -> None:
    problem = problem_of(load_text(text), "encoding")
    assert (problem.line, problem.column) == (1, column)
    assert problem.path == path
    assert "surrogate" in problem.message_en
    json.dumps(attrs.asdict(problem), ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('["\\ud83d\\ude00"]', ["😀"]),
        ('["\\uD83D\\uDE00x"]', ["😀x"]),
        ('["\\\\ud800"]', ["\\ud800"]),  # an escaped backslash followed by text
    ],
)
def test_surrogate_pairs_and_lookalikes_accepted(text: str, value: object) -> None:
    assert load_text(text).data == value


def test_raw_surrogate_in_text() -> None:
    problem = problem_of(load_text('{"a":\n "x\ud800"}'), "encoding")
    assert (problem.line, problem.column) == (2, 4)
    assert "U+D800" in problem.message


# ---------------------------------------------------------------------------------------------
# Sizes and limits


def test_size_limit_bytes() -> None:
    raw = b'{"a": "0123456789"}'
    assert load_bytes(raw, Limits(max_bytes=len(raw))).ok
    problem = problem_of(load_bytes(raw, Limits(max_bytes=len(raw) - 1)), "too-large")
    assert str(len(raw)) in problem.message


def test_size_limit_text_counts_utf8_bytes() -> None:
    text = '["名称"]'
    size = len(text.encode())
    assert load_text(text, Limits(max_bytes=size)).ok
    problem_of(load_text(text, Limits(max_bytes=size - 1)), "too-large")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"max_bytes": 0}, ValueError),
        ({"max_depth": -1}, ValueError),
        ({"max_bytes": 1.5}, TypeError),
        ({"max_depth": True}, TypeError),
        ({"max_depth": "200"}, TypeError),
    ],
)
def test_limits_validation(kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        Limits(**kwargs)


def test_limits_defaults() -> None:
    assert Limits() == Limits(max_bytes=10 * 1024 * 1024, max_depth=200)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Limits().max_depth = 3  # type: ignore[misc]


def test_wrong_argument_types() -> None:
    with pytest.raises(TypeError):
        load_text(b"[]")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        load_bytes("[]")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        load_path(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_json(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        load_text("[]", limits=200)  # type: ignore[arg-type]


def test_bytearray_and_memoryview() -> None:
    assert load_bytes(bytearray(b"[1]")).data == [Decimal(1)]
    assert load_bytes(memoryview(b"[1]")).data == [Decimal(1)]


# ---------------------------------------------------------------------------------------------
# Files


def write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def test_load_path_ok(tmp_path: Path) -> None:
    path = write(tmp_path / "app.json", '{"名称": 1.0}'.encode())
    for name in (path, str(path), os.fsencode(path)):
        result = load_path(name)
        assert result.data == {"名称": Decimal("1.0")}


def test_load_path_content_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "app.json", b'{\r\n"a": 1,\r\n"a": 2}')
    problem = problem_of(load_path(path), "duplicate-key")
    assert at(problem) == (3, 1, 12)
    assert load_path(path).text == '{\r\n"a": 1,\r\n"a": 2}'


def test_not_found(tmp_path: Path) -> None:
    problem = problem_of(load_path(tmp_path / "missing.json"), "not-found")
    assert "missing.json" in problem.message and "missing.json" in problem.message_en


def test_not_found_in_file_parent(tmp_path: Path) -> None:
    parent = write(tmp_path / "file.json", b"{}")
    problem_of(load_path(parent / "x.json"), "not-found")


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "nowhere.json")
    problem = problem_of(load_path(link), "not-found")
    assert "link.json" in problem.message
    assert "broken" in problem.message_en and "损坏" in problem.message


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    problem = problem_of(load_path(tmp_path / "a.json"), "unreadable")
    assert "loop" in problem.message_en and "循环" in problem.message
    assert "a.json" in problem.message


def test_symlink_to_regular_file_is_fine(tmp_path: Path) -> None:
    target = write(tmp_path / "target.json", b"[true]")
    (tmp_path / "link.json").symlink_to(target)
    assert load_path(tmp_path / "link.json").data == [True]


def test_directory(tmp_path: Path) -> None:
    problem = problem_of(load_path(tmp_path), "not-a-file")
    assert "directory" in problem.message_en and "目录" in problem.message
    assert tmp_path.name in problem.message


def test_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    results: list[Loaded] = []
    worker = threading.Thread(target=lambda: results.append(load_path(fifo)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "load_path blocked on a FIFO"
    problem = problem_of(results[0], "not-a-file")
    assert "FIFO" in problem.message_en and "pipe.json" in problem.message


def test_socket(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        try:
            server.bind(os.fspath(path))
        except OSError:  # pragma: no cover - path too long for a socket on this machine
            pytest.skip("cannot create a socket here")
        problem = problem_of(load_path(path), "not-a-file")
        assert "socket" in problem.message_en
    finally:
        server.close()


def test_character_device() -> None:
    if not os.path.exists(os.devnull) or not stat.S_ISCHR(os.stat(os.devnull).st_mode):
        pytest.skip("no character device to test with")  # pragma: no cover
    problem = problem_of(load_path(os.devnull), "not-a-file")
    assert "character device" in problem.message_en


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path: Path) -> None:  # pragma: no cover - not run as root
    path = write(tmp_path / "secret.json", b"{}")
    path.chmod(0)
    try:
        problem = problem_of(load_path(path), "unreadable")
        assert "secret.json" in problem.message and "permission" in problem.message_en
    finally:
        path.chmod(0o600)


def test_permission_error_from_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "secret.json", b"{}")

    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if name == path:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]  # pragma: no cover

    monkeypatch.setattr(loading.os, "open", refuse)
    problem = problem_of(load_path(path), "unreadable")
    assert "secret.json" in problem.message and "Permission denied" in problem.message_en
    assert "没有读取权限" in problem.message


def test_other_os_error_from_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "app.json", b"{}")
    real_fstat = os.fstat
    calls: list[int] = []

    def broken(descriptor: int) -> os.stat_result:
        calls.append(descriptor)
        if len(calls) == 1:  # only the call made by load_path
            raise OSError(5, "Input/output error")
        return real_fstat(descriptor)

    monkeypatch.setattr(loading.os, "fstat", broken)
    problem = problem_of(load_path(path), "unreadable")
    assert "Input/output error" in problem.message and "app.json" in problem.message_en


def test_file_vanishes_between_stat_and_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "gone.json", b"{}")
    real_open = os.open

    def vanish(name: object, *args: object, **kwargs: object) -> int:
        if name == path:
            os.unlink(path)
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loading.os, "open", vanish)
    problem = problem_of(load_path(path), "not-found")
    assert "gone.json" in problem.message


def test_file_replaced_by_special_file_after_stat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "app.json", b"{}")
    real_fstat = os.fstat
    calls: list[int] = []

    def as_fifo(descriptor: int) -> os.stat_result:
        calls.append(descriptor)
        info = list(real_fstat(descriptor))
        if len(calls) == 1:  # only the call made by load_path
            info[stat.ST_MODE] = stat.S_IFIFO | 0o600
        return os.stat_result(info)

    monkeypatch.setattr(loading.os, "fstat", as_fifo)
    problem_of(load_path(path), "not-a-file")


def test_size_limit_file(tmp_path: Path) -> None:
    content = b'{"a": "0123456789"}'
    path = write(tmp_path / "app.json", content)
    assert load_path(path, Limits(max_bytes=len(content))).ok
    problem = problem_of(load_path(path, Limits(max_bytes=len(content) - 1)), "too-large")
    assert "app.json" in problem.message and str(len(content)) in problem.message_en


def test_file_grows_after_stat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "app.json", b"[" + b"1," * 100 + b"1]")
    real_stat = os.stat

    def small_stat(name: object, *args: object, **kwargs: object) -> os.stat_result:
        info = real_stat(name, *args, **kwargs)  # type: ignore[arg-type]
        if name != path:
            return info  # pragma: no cover
        fields = list(info)
        fields[stat.ST_SIZE] = 1
        return os.stat_result(fields)

    monkeypatch.setattr(loading.os, "stat", small_stat)
    problem = problem_of(load_path(path, Limits(max_bytes=10)), "too-large")
    assert "at least 11" in problem.message_en


class Endless(io.RawIOBase):
    """A stream that never ends and counts what is taken from it (as /dev/zero, a chunk at a time)."""

    def __init__(self, chunk: int) -> None:
        self.chunk, self.taken = chunk, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        size = min(len(buffer), self.chunk)
        buffer[:size] = b"{" * size
        self.taken += size
        return size


@pytest.mark.parametrize("chunk", [1, 7, 4096, 10**6])
def test_read_stream_takes_at_most_one_byte_more_than_the_limit(chunk: int) -> None:
    endless = Endless(chunk)
    data, problem = loading.read_stream(endless, Limits(max_bytes=10_000), "upload")
    assert data == b"" and endless.taken <= 10_001
    assert problem.code == "too-large"
    assert problem.message_en == "the file 'upload' has at least 10001 bytes, more than the limit of 10000"


@pytest.mark.parametrize("size", [0, 1, 9_999, 10_000])
def test_read_stream_within_the_limit_reads_everything(size: int) -> None:
    raw = bytes(range(256)) * 40
    assert loading.read_stream(io.BytesIO(raw[:size]), Limits(max_bytes=10_000)) == (raw[:size], None)
    assert loading.read_stream(io.BufferedReader(io.BytesIO(raw[:size]), 3), Limits(max_bytes=10_000)) == (raw[:size], None)


def test_read_stream_error_is_an_unreadable_problem() -> None:
    class Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            raise IsADirectoryError(21, "Is a directory")

    data, problem = loading.read_stream(Broken(), Limits(), "-")
    assert data == b"" and problem.code == "unreadable"
    assert problem.message_en == "cannot read the file '-': Is a directory"


def test_undecodable_file_name(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xff\xfe-missing.json"
    problem = problem_of(load_path(name), "not-found")
    assert "\\xff\\xfe-missing.json" in problem.message
    problem = problem_of(load_path(os.fsdecode(name)), "not-found")
    assert "\\xff\\xfe-missing.json" in problem.message_en


def test_undecodable_file_name_that_exists(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xff.json"
    with open(name, "wb") as file:
        file.write(b"[1]")
    assert load_path(name).data == [Decimal(1)]


def test_invalid_file_name() -> None:
    problem = problem_of(load_path("bad\x00name.json"), "unreadable")
    assert "bad\\x00name.json" in problem.message_en or "bad\x00name.json" in problem.message_en


@pytest.mark.parametrize("name", ["app.yaml", "APP.YML", "app.yml"])
def test_yaml_goes_to_the_yaml_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = write(tmp_path / name, b"a: 1\n")
    calls: list[tuple[bytes, Limits]] = []

    def fake(raw: bytes, limits: Limits) -> Loaded:
        calls.append((raw, limits))
        return Loaded({"a": 1}, raw.decode(), None)

    monkeypatch.setattr(loading, "_load_yaml_bytes", fake)
    limits = Limits(max_depth=7)
    assert load_path(path, limits).data == {"a": 1}
    assert calls == [(b"a: 1\n", limits)]


def test_json_does_not_go_to_the_yaml_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(raw: bytes, limits: Limits) -> Loaded:  # pragma: no cover - must not be called
        raise AssertionError("YAML hook called for JSON")

    monkeypatch.setattr(loading, "_load_yaml_bytes", fail)
    path = write(tmp_path / "app.yaml.json", b"[]")
    assert load_path(path).data == []


# ---------------------------------------------------------------------------------------------
# Properties


def to_expected(value: object) -> object:
    """What load_text should give for json.dumps(value): numbers as Decimal, the rest as is."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    if isinstance(value, list):
        return [to_expected(item) for item in value]
    return {key: to_expected(item) for key, item in value.items()}  # type: ignore[union-attr]


def same(actual: object, expected: object) -> bool:
    """Equality that also checks types (so True is not Decimal(1), 1 is not 1.0)."""
    if type(actual) is not type(expected):
        return False
    if isinstance(expected, list):
        return len(actual) == len(expected) and all(map(same, actual, expected))  # type: ignore[arg-type]
    if isinstance(expected, dict):
        return list(actual) == list(expected) and all(
            same(actual[key], expected[key]) for key in expected  # type: ignore[index]
        )
    if isinstance(expected, Decimal):
        return actual == expected and str(actual) == str(expected)
    return actual == expected


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**40), 10**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300)
@given(json_values, st.booleans(), st.sampled_from([None, 2]))
def test_round_trip(value: object, ensure_ascii: bool, indent: int | None) -> None:
    text = json.dumps(value, ensure_ascii=ensure_ascii, indent=indent)
    result = load_text(text)
    assert result.ok, result.problem
    assert same(result.data, to_expected(value))
    assert result.text == text
    assert same(load_bytes(text.encode()).data, to_expected(value))
    assert same(load_bytes(b"\xef\xbb\xbf" + text.encode()).data, to_expected(value))


JSONISH = '[]{}",:0123456789.eE+-tfnulrsaNIy\\ \n\r\t\x00\x1f名😀\ud800\u3000'


def check_result(result: Loaded, size: int) -> None:
    if result.ok:
        assert result.problem is None
    else:
        assert result.data is None
        check_problem(result.problem)
        if result.problem.offset is not None:
            assert result.problem.offset <= size


def standard_json(text: str) -> object:
    """The stdlib's reading (numbers as Decimal), or a marker when it refuses the text."""
    try:
        return json.loads(text, parse_int=Decimal, parse_float=Decimal)
    except (ValueError, RecursionError):
        return "refused"


@settings(max_examples=300)
@given(st.text() | st.text(alphabet=JSONISH))
def test_load_text_never_raises(text: str) -> None:
    result = load_text(text)
    check_result(result, len(text.encode("utf-8", "surrogatepass")))
    if result.ok:  # whatever is accepted, the standard library reads the same way
        assert same(result.data, standard_json(text.removeprefix("\ufeff")))
    elif result.problem.code in ("syntax", "control-character", "empty"):
        assert standard_json(text.removeprefix("\ufeff")) == "refused"


@settings(max_examples=300)
@given(st.binary() | st.text(alphabet=JSONISH).map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_load_bytes_never_raises(raw: bytes) -> None:
    result = load_bytes(raw)
    check_result(result, len(raw))


@settings(max_examples=200)
@given(json_values, st.data())
def test_duplicate_anywhere_is_found(value: object, data: st.DataObject) -> None:
    """Add a duplicate key to a random object of a generated document: it is always reported."""
    text = json.dumps({"root": value}, indent=1)
    objects = [index for index, char in enumerate(text) if char == "{" and text[index + 1 : index + 2] == "\n"]
    index = data.draw(st.sampled_from(objects))
    duplicated = text[: index + 1] + '\n"k": 1, "k": 2,' + text[index + 1 :]
    problem = problem_of(load_text(duplicated), "duplicate-key")
    assert problem.path[-1] == "k"
    line = duplicated.count("\n", 0, index + 1) + 1
    assert (problem.line, problem.column) == (line + 1, 9)


# ---------------------------------------------------------------------------------------------
# JSONTestSuite (test_parsing), when the shared test data is there


def _json_test_suite() -> list[Path]:
    folder = os.environ.get("APPCHECK_JSONTESTSUITE")
    default = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "jsontestsuite-test_parsing"
    path = Path(folder) if folder else default
    return sorted(path.glob("*.json")) if path.is_dir() else []


@pytest.mark.skipif(not _json_test_suite(), reason="JSONTestSuite test data not available")
@pytest.mark.parametrize("path", _json_test_suite(), ids=lambda path: path.name)
def test_json_test_suite(path: Path) -> None:
    result = load_path(path)
    if result.problem is not None:
        check_problem(result.problem)
    if path.name.startswith("y_object_duplicated_key"):
        assert result.problem is not None and result.problem.code == "duplicate-key"
    elif path.name.startswith("y_"):
        assert result.ok, result.problem
    elif path.name.startswith("n_"):
        assert not result.ok



# ---------------------------------------------------------------------------------------------
# The fast paths of the strict parser answer as the slow ones


@pytest.mark.parametrize("digits", [1, 2, 4299, 4300, 4301, 5000])
@pytest.mark.parametrize("sign", ["", "-"])
def test_integer_limit_from_bytes_and_text(digits: int, sign: str) -> None:
    literal = sign + "7" * digits
    text = '{"a": 1,\n "n": [0, ' + literal + "]}"
    for result in (load_text(text), load_bytes(text.encode("utf-8"))):
        if digits <= loading.MAX_NUMBER_DIGITS:
            assert result.data == {"a": Decimal(1), "n": [Decimal(0), Decimal(literal)]}
            assert repr(result.data["n"][1]) == repr(Decimal(literal))
        else:
            problem = problem_of(result, "number")
            assert (problem.line, problem.column, problem.path) == (2, 11, ("n", 1))
            assert f"{digits} digits" in problem.message_en


@pytest.mark.parametrize("text", ["0", "-0", "[0, -0, 10, -10]", '{"x": -0}'])
def test_integers_keep_their_sign_and_exponent(text: str) -> None:
    assert repr(load_text(text).data) == repr(json.loads(text, parse_int=Decimal, parse_float=Decimal))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('{"a": 1, "a": 2, "n": ' + "1" * 4301 + "}", "number"),  # the number is read before the object closes
        ('[{"a": 1, "a": 2}, ' + "1" * 4301 + "]", "duplicate-key"),
        ("[" + "1" * 4301 + ', {"a": 1, "a": 2}]', "number"),
        ("[NaN, " + "1" * 4301 + "]", "constant"),
        ("[" + "1" * 4301 + ", NaN]", "number"),
        ("[" + "1" * 4301 + ", 1e1001]", "number"),
        ("[1e1001, " + "1" * 4301 + "]", "number"),
    ],
)
def test_first_failure_wins_with_integers_made_in_c(text: str, code: str) -> None:
    for result in (load_text(text), load_bytes(text.encode("utf-8"))):
        problem_of(result, code)


@pytest.mark.parametrize("text", ["", " ", "\n", " \t\r\n ", "\ufeff", "\ufeff \n"])
def test_empty_with_any_blanks(text: str) -> None:
    problem_of(load_text(text), "empty")
    problem_of(load_bytes(text.encode("utf-8")), "empty")


@pytest.mark.parametrize("text", ["1\n", " [1] \n", "\n\n{}\r\n", "\u3000"])
def test_not_empty_with_blanks_around(text: str) -> None:
    assert load_text(text).problem is None or load_text(text).problem.code != "empty"


@given(st.text(alphabet=st.sampled_from(list('[]{}",:0123 \\ud8cAx\ud800é')), max_size=30))
def test_bytes_and_text_loaders_agree(text: str) -> None:
    """load_bytes (which skips the checks a decoded text cannot need) answers as load_text."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        return
    assert load_bytes(raw) == load_text(text)


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"\x00", b"\xff", b"\xfe", b"\x00{", b"{\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf{}",
     b"\x00\x00\x00{", b"{\x00\x00\x00", b"\x00{\x00}", b"{\x00}\x00", b"a\x00", b"\x00a", b"ab\x00\x00"],
)
def test_wide_encoding_answers_as_before(raw: bytes) -> None:
    boms = {b"\x00\x00\xfe\xff": "UTF-32BE", b"\xff\xfe\x00\x00": "UTF-32LE", b"\xfe\xff": "UTF-16BE", b"\xff\xfe": "UTF-16LE"}
    expected = next(((name, True) for bom, name in boms.items() if raw.startswith(bom)), None)
    if expected is None and len(raw) >= 4:
        nul = tuple(byte == 0 for byte in raw[:4])
        patterns = {(True, True, True, False): "UTF-32BE", (False, True, True, True): "UTF-32LE",
                    (True, False, True, False): "UTF-16BE", (False, True, False, True): "UTF-16LE"}
        expected = (patterns[nul], False) if nul in patterns else None
    elif expected is None and len(raw) >= 2 and (raw[0] == 0) != (raw[1] == 0):
        expected = ("UTF-16BE" if raw[0] == 0 else "UTF-16LE"), False
    assert loading._wide_encoding(raw) == expected
