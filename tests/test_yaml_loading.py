"""YAML drafts: the YAML 1.2 JSON-compatible reading, what is refused, and positions as an editor shows them."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import appcheck
from appcheck import engine, loading, yaml_loading
from appcheck.loading import Limits, Loaded, load_bytes, load_path, load_yaml_bytes
from appcheck.locate import locate
from appcheck.yaml_loading import load_yaml_text, locate_yaml

from .conftest import EXAMPLES

TRAINING = EXAMPLES / "gd-2022" / "training"
DRAFT = TRAINING / "valid-yaml-draft.yaml"
AS_OF = "2022-01-01"


@contextlib.contextmanager
def pure_parser() -> Iterator[None]:
    """Use PyYAML's pure-Python parser instead of the C one, as where libyaml is missing."""
    saved = getattr(yaml, "CBaseLoader", None)
    if saved is not None:
        del yaml.CBaseLoader
    yaml_loading._positions.cache_clear()
    try:
        yield
    finally:
        if saved is not None:
            yaml.CBaseLoader = saved
        yaml_loading._positions.cache_clear()


@pytest.fixture(params=["c", "pure"])
def parser(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "c":
        if getattr(yaml, "CBaseLoader", None) is None:
            pytest.skip("PyYAML was built without libyaml")
        yield "c"
    else:
        with pure_parser():
            yield "pure"


def data_of(text: str, limits: Limits = Limits()) -> object:
    loaded = load_yaml_text(text, limits)
    assert loaded.problem is None, loaded.problem
    assert loaded.format == "yaml"
    return loaded.data


def problem_of(text: str, code: str, limits: Limits = Limits()) -> loading.LoadProblem:
    loaded = load_yaml_text(text, limits)
    assert loaded.data is None and loaded.problem is not None, loaded
    assert loaded.problem.code == code, loaded.problem
    assert loaded.problem.message and loaded.problem.message_en
    return loaded.problem


# ---------------------------------------------------------------------------------------------
# Scalars


@pytest.mark.parametrize("written", [
    "NO", "no", "No", "yes", "Yes", "on", "off", "y", "n", "010", "0x1F", "0o17", "0b101", "1_000", "+1", ".5",
    "1.", "2022-05-10", "2022-05-10T10:00:00Z", "12:30:00", "1e", "NaN", "Infinity", "CN-GD", "null!",
    "0.1.2", "1,000", "--1", "0123.5", "01e3",
])
def test_plain_scalars_that_are_not_json_values_stay_strings_as_written(parser: str, written: str) -> None:
    assert data_of(f"a: {written}\n") == {"a": written}


@pytest.mark.parametrize(("written", "value"), [
    ("null", None), ("Null", None), ("NULL", None), ("~", None), ("", None),
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("False", False), ("FALSE", False),
    ("0", Decimal(0)), ("-0", Decimal("-0")), ("50", Decimal(50)), ("-12", Decimal(-12)),
    ("1.10", Decimal("1.10")), ("0.5", Decimal("0.5")), ("1e5", Decimal("1e5")), ("-2.5E-3", Decimal("-2.5E-3")),
    ("12345678901234567890.123456789", Decimal("12345678901234567890.123456789")),
])
def test_plain_scalars_that_are_json_values_are_converted(parser: str, written: str, value: object) -> None:
    data = data_of(f"a: {written}\n")
    assert data == {"a": value}
    assert type(data["a"]) is type(value)
    if isinstance(value, Decimal):
        assert str(data["a"]) == str(value)  # 1.10 stays 1.10


@pytest.mark.parametrize("written", ['"true"', "'50'", '"null"', "''", '"1.10"', "'NO'"])
def test_quoted_scalars_are_always_strings(parser: str, written: str) -> None:
    assert data_of(f"a: {written}\n") == {"a": written[1:-1]}


def test_block_scalars_are_strings(parser: str) -> None:
    assert data_of("a: |\n  50\n  true\nb: >-\n  folded\n  text\n") == {"a": "50\ntrue\n", "b": "folded text"}


def test_plain_multi_line_scalar_is_folded_to_one_string(parser: str) -> None:
    assert data_of("a: one\n  two\n") == {"a": "one two"}


@pytest.mark.parametrize("written", [".nan", ".NaN", ".NAN", ".inf", ".Inf", "+.inf", "-.inf", "-.INF"])
def test_nan_and_infinity_are_refused(parser: str, written: str) -> None:
    problem = problem_of(f"a: 1\nb: {written}\n", "constant")
    assert (problem.line, problem.column, problem.path) == (2, 4, ("b",))
    assert written in problem.message_en and written in problem.message


def test_numbers_breaking_the_limits_are_refused(parser: str) -> None:
    problem = problem_of("a: 1e9999\n", "number")
    assert (problem.line, problem.column, problem.path) == (1, 4, ("a",))
    assert problem_of("a: " + "9" * 5000 + "\n", "number").path == ("a",)
    problem = problem_of("a: " + "7" * 3301 + "e1000\n", "number")  # 4,301 digits before the point
    as_json = loading.load_text('{"a": ' + "7" * 3301 + "e1000}").problem
    assert problem.message_en.partition(": ")[2] == as_json.message_en.partition(": ")[2]
    assert "4301 digits before the decimal point" in problem.message_en
    assert data_of("a: " + "7" * 3300 + "e1000\n") == {"a": Decimal("7" * 3300 + "e1000")}


def test_keys_are_strings_as_written(parser: str) -> None:
    data = data_of("1: a\ntrue: b\nnull: c\n010: d\n'x': e\n\"y\": f\n~: g\n")
    assert data == {"1": "a", "true": "b", "null": "c", "010": "d", "x": "e", "y": "f", "~": "g"}
    assert data_of('"": empty\n') == {"": "empty"}


@pytest.mark.parametrize(("text", "line", "column"), [
    ("? [a, b]\n: 1\n", 1, 3),
    ("a: 1\n? {b: 1}\n: 2\n", 2, 3),
    ("{[1]: 2}\n", 1, 2),
])
def test_keys_that_are_collections_are_refused(parser: str, text: str, line: int, column: int) -> None:
    problem = problem_of(text, "key")
    assert (problem.line, problem.column) == (line, column)


def test_missing_key_is_refused(parser: str) -> None:
    problem = problem_of("a: 1\n? \n: 2\n", "key")
    assert problem.line == 2 or problem.line == 3


def test_collections(parser: str) -> None:
    text = "a:\n  - 1\n  - [x, {b: c}]\n  -\n    d: e\nf: {}\ng: []\n"
    assert data_of(text) == {"a": [Decimal(1), ["x", {"b": "c"}], {"d": "e"}], "f": {}, "g": []}
    assert data_of("[1, two]") == [Decimal(1), "two"]
    assert data_of("just text") == "just text"
    assert data_of("null") is None


def test_key_order_is_kept(parser: str) -> None:
    assert list(data_of("z: 1\na: 2\nm: 3\n")) == ["z", "a", "m"]


def test_comments_and_document_markers_are_fine(parser: str) -> None:
    assert data_of("%YAML 1.2\n---\n# comment\na: 1 # note\n...\n# after\n") == {"a": Decimal(1)}


# ---------------------------------------------------------------------------------------------
# Refused


@pytest.mark.parametrize(("text", "line", "column", "path", "shown"), [
    ("a: !!str 1\n", 1, 4, ("a",), "!!str"),
    ("a:\n  b: !!python/object:os.system x\n", 2, 6, ("a", "b"), "!!python/object:os.system"),
    ("a: !custom x\n", 1, 4, ("a",), "!custom"),
    ("a: !!binary aGVsbG8=\n", 1, 4, ("a",), "!!binary"),
    ("a: ! x\n", 1, 4, ("a",), "!"),
    ("a: !!map {b: 1}\n", 1, 4, ("a",), "!!map"),
    ("!!str key: 1\n", 1, 1, (), "!!str"),
    ("- !!set {x}\n", 1, 3, (0,), "!!set"),
    ("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n", 3, 4, ("a",), "!e!x"),
])
def test_every_tag_is_refused(parser: str, text: str, line: int, column: int, path: tuple, shown: str) -> None:
    problem = problem_of(text, "tag")
    assert (problem.line, problem.column, problem.path) == (line, column, path)
    assert f"tag {shown} is here" in problem.message_en and shown in problem.message


@pytest.mark.parametrize(("text", "line", "column", "shown"), [
    ("a: &x 1\nb: *x\n", 1, 4, "&x"),
    ("a: 1\nb: &list [1]\n", 2, 4, "&list"),
    ("a: [*x]\n", 1, 5, "*x"),
    ("<<: {a: 1}\nb: &y\n  c: 1\n", 2, 4, "&y"),
])
def test_anchors_and_aliases_are_refused(parser: str, text: str, line: int, column: int, shown: str) -> None:
    problem = problem_of(text, "alias")
    assert (problem.line, problem.column) == (line, column)
    assert shown in problem.message_en


def test_a_merge_key_without_alias_is_just_a_key(parser: str) -> None:
    assert data_of("<<: {a: 1}\n") == {"<<": {"a": Decimal(1)}}


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(12)
)


def test_billion_laughs_is_refused_fast(parser: str) -> None:
    start = time.perf_counter()
    problem = problem_of(BILLION_LAUGHS, "alias")
    assert time.perf_counter() - start < 1
    assert (problem.line, problem.column) == (1, 4)


def test_billion_laughs_file_gives_a_load_finding(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    start = time.perf_counter()
    report = appcheck.validate(path, as_of=AS_OF)
    assert time.perf_counter() - start < 2
    [finding] = report.findings
    assert finding.requirement == "LOAD" and finding.actual["code"] == "alias"
    assert (finding.line, finding.column) == (1, 4)


def test_duplicate_keys_at_any_depth(parser: str) -> None:
    problem = problem_of("a: 1\nb:\n  c:\n    - d: 1\n      e: 2\n      d: 3\n", "duplicate-key")
    assert (problem.line, problem.column, problem.path) == (6, 7, ("b", "c", 0, "d"))
    assert "first seen at line 4, column 7" in problem.message_en
    assert "首次出现于第 4 行第 7 列" in problem.message
    assert problem_of("a: 1\nb: 2\na: 3\n", "duplicate-key").path == ("a",)
    assert problem_of("{a: 1, 'a': 2}\n", "duplicate-key").column == 8  # quoting does not make it another key
    assert problem_of("1: x\n'1': y\n", "duplicate-key").line == 2


def test_same_key_in_different_mappings_is_fine(parser: str) -> None:
    assert data_of("a: {x: 1}\nb: {x: 2}\n") == {"a": {"x": Decimal(1)}, "b": {"x": Decimal(2)}}


def test_more_than_one_document_is_refused(parser: str) -> None:
    problem = problem_of("a: 1\n---\nb: 2\n", "syntax")
    assert (problem.line, problem.column) == (2, 1)
    assert "one bundle" in problem.message_en and "一份申报书" in problem.message
    assert problem_of("---\na: 1\n...\n---\nb: 2\n", "syntax").line == 4


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "# only a comment\n", "---\n", "---\n...\n", "\ufeff"])
def test_empty_documents(parser: str, text: str) -> None:
    problem_of(text, "empty")


def test_depth_limit(parser: str) -> None:
    assert data_of("a: {b: [1]}\n", Limits(max_depth=3)) == {"a": {"b": [Decimal(1)]}}
    problem = problem_of("a: {b: [1]}\n", "depth", Limits(max_depth=2))
    assert (problem.line, problem.column, problem.path) == (1, 8, ("a", "b"))
    problem = problem_of("[" * 100_000 + "]" * 100_000, "depth")
    assert problem.column == 201


def deep_flow(depth: int) -> str:
    """``depth`` nested mappings and sequences in flow style: JSON and YAML alike."""
    return '{"a": [' * (depth // 2) + "1" + "]}" * (depth // 2)


@pytest.mark.parametrize("depth", [201, 1_001, 1_500, 100_000])
def test_depth_limit_is_appcheck_s_own_and_the_same_as_for_json(parser: str, depth: int) -> None:
    # libyaml (bundled with PyYAML 6.0.2 and later) stops at 1,000 levels with a syntax error of its own
    text = deep_flow(depth + depth % 2)
    problem = problem_of(text, "depth")
    assert problem == loading.load_text(text).problem
    assert (problem.line, problem.column, problem.path) == (1, 1 + 100 * 7, ("a", 0) * 100)
    assert problem.message_en == "line 1, column 701: arrays and objects are nested deeper than 200 levels"
    assert problem.message == "第 1 行第 701 列：数组和对象嵌套超过 200 层"
    limits = Limits(max_depth=3_000, max_bytes=10**7)
    if depth <= 3_000:  # a raised limit lets it through, whatever libyaml allows
        nested = data_of(text, limits)
        for _ in range((depth + 1) // 2):
            assert list(nested) == ["a"] and len(nested["a"]) == 1
            nested = nested["a"][0]
        assert nested == Decimal(1)
    else:
        problem = problem_of(text, "depth", limits)
        assert (problem.column, len(problem.path)) == (1 + 1_500 * 7, 3_000)


@pytest.mark.parametrize("style", ["sequence", "mapping"])
def test_depth_limit_in_block_style(parser: str, style: str) -> None:
    lines = [" " * level + ("-" if style == "sequence" else "a:") for level in range(1_500)]
    text = "\n".join(lines) + " 1\n"
    problem = problem_of(text, "depth")
    assert (problem.line, problem.column) == (201, 201)
    assert problem.message_en.endswith("arrays and objects are nested deeper than 200 levels")
    assert len(problem.path) == 200
    nested = data_of(text, Limits(max_depth=1_500))
    for _ in range(1_499):
        nested = nested[0] if style == "sequence" else nested["a"]
    assert nested == ([Decimal(1)] if style == "sequence" else {"a": Decimal(1)})


def test_positions_in_a_draft_deeper_than_libyaml_goes(parser: str) -> None:
    text = "k:\n  " + deep_flow(1_500) + "\n"
    assert locate_yaml(text, ("k",) + ("a", 0) * 750) == (2, 3 + 750 * 7)


@pytest.mark.parametrize("depth", [1_500, 100_000])
def test_a_deep_draft_is_a_load_finding_as_the_same_json_is(parser: str, depth: int) -> None:
    text = deep_flow(depth).encode()
    findings = [
        appcheck.validate(engine.Source("draft", text, format=kind), as_of=AS_OF).findings
        for kind in ("yaml", "json")
    ]
    assert findings[0] == findings[1]
    [finding] = findings[0]
    assert finding.requirement == "LOAD" and finding.actual["code"] == "depth"
    assert (finding.line, finding.column) == (1, 701)
    assert finding.message_en == "draft: line 1, column 701: arrays and objects are nested deeper than 200 levels"
    assert finding.message == "draft：第 1 行第 701 列：数组和对象嵌套超过 200 层"


@pytest.mark.parametrize(("text", "line", "column", "needle", "hint"), [
    ("a: [1, 2\nb: 3\n", 2, 2, "expected ',' or ']'", "没有闭合"),
    ("a: 1\n b: 2\n", 2, 3, "mapping values are not allowed", "键值对"),
    ("a:\n\tb: 1\n", 2, 1, "tab", "制表符"),
    ("a: 'open\n", 2, 1, "end of stream", "没有闭合"),
    ("a: 1\nb: \"x\n", 3, 1, "end of stream", "没有闭合"),
    ("a:\n  - 1\n  b: 2\n", 3, 3, "", ""),
])
def test_syntax_errors_give_the_parser_position_and_problem(
    parser: str, text: str, line: int, column: int, needle: str, hint: str,
) -> None:
    problem = problem_of(text, "syntax")
    assert (problem.line, problem.column) == (line, column), problem
    assert problem.message_en.startswith(f"line {line}, column {column}: YAML syntax error: ")
    assert problem.message.startswith(f"第 {line} 行第 {column} 列：YAML 语法错误：")
    assert needle in problem.message_en and hint in problem.message
    assert problem.offset is not None


def test_full_width_colon_gets_a_hint(parser: str) -> None:
    problem = problem_of("名称：值\n说明: x\n", "syntax")
    assert "full-width colon" in problem.message_en and "全角冒号" in problem.message


@pytest.mark.parametrize(("char", "code"), [("\x01", "U+0001"), ("\x7f", "U+007F"), ("\x9f", "U+009F"), ("\ufffe", "U+FFFE")])
def test_characters_yaml_does_not_allow(parser: str, char: str, code: str) -> None:
    problem = problem_of(f"a: 1\nb: x{char}y\n", "control-character")
    assert (problem.line, problem.column, problem.offset) == (2, 5, 9)
    assert code in problem.message_en and code in problem.message


@pytest.mark.parametrize(("char", "escape"), [("\x85", "\\N"), ("\u2028", "\\L"), ("\u2029", "\\P")])
@pytest.mark.parametrize(("before", "after"), [
    ('title: "a', 'b"\n'),  # PyYAML folds it into a space: "a b"
    ("title: 'a", "b'\n"),
    ("title: a", "b\n"),
    ("title: |\n  a", "b\n"),
    ("title: >\n  a", "b\n"),
    ("# a comment a", "b\ntitle: x\n"),  # PyYAML would end the comment there
    ("a", "b: x\n"),
])
def test_yaml_1_1_line_breaks_written_as_such_are_refused_not_folded(
    parser: str, char: str, escape: str, before: str, after: str,
) -> None:
    text = "format: appcheck/1\n" + before + char + after
    problem = problem_of(text, "line-break")
    line = 2 + before.count("\n")
    column = len(before.rpartition("\n")[2]) + 1
    assert (problem.line, problem.column) == (line, column)
    code = f"U+{ord(char):04X}"
    assert problem.message_en.startswith(f"line {line}, column {column}: the character {code} (")
    assert f"YAML 1.1 reads it as a line break, which would change the text; remove it, or write it as the escape {escape}" in problem.message_en
    assert problem.message.startswith(f"第 {line} 行第 {column} 列：YAML 文本中不能直接出现字符 {code}")


def test_yaml_1_1_line_breaks_as_escapes_are_kept(parser: str) -> None:
    assert data_of('title: "a\\Nb\\Lc\\Pd"\n') == {"title": "a\x85b\u2028c\u2029d"}


def test_a_draft_with_a_next_line_character_is_a_load_finding_and_json_keeps_it() -> None:
    text = (TRAINING / "valid.json").read_text(encoding="utf-8")
    bundle = json.loads(text)
    bundle["project"]["title"] = "a\x85b"
    as_json = json.dumps(bundle, ensure_ascii=False).encode()
    assert appcheck.validate(engine.Source("draft.json", as_json), as_of=AS_OF).ok
    assert load_bytes(as_json).data["project"]["title"] == "a\x85b"  # JSON keeps it as written
    as_yaml = yaml.safe_dump(bundle, allow_unicode=True).replace("\\N", "\x85").encode()
    [finding] = appcheck.validate(engine.Source("draft.yaml", as_yaml, format="yaml")).findings
    assert finding.requirement == "LOAD" and finding.actual["code"] == "line-break"


def test_lone_surrogates_in_text_are_refused(parser: str) -> None:
    problem = problem_of("a: x\ud800\n", "encoding")
    assert (problem.line, problem.column) == (1, 5)


def test_surrogate_escapes_are_refused(parser: str) -> None:
    loaded = load_yaml_text('a: 1\nb: "\\ud800"\n')
    assert loaded.problem is not None and loaded.problem.code in ("encoding", "syntax")
    assert loaded.problem.line == 2
    assert data_of('a: "\\U0001F600 \\u00e9 \\x41 \\t"\n') == {"a": "\U0001f600 é A \t"}


# ---------------------------------------------------------------------------------------------
# Bytes and files


def test_bytes_with_and_without_bom(parser: str) -> None:
    raw = "名称: 值\nb: !!str x\n".encode()
    plain, with_bom = load_yaml_bytes(raw), load_yaml_bytes(b"\xef\xbb\xbf" + raw)
    assert plain.format == with_bom.format == "yaml"
    assert (plain.problem.line, plain.problem.column) == (with_bom.problem.line, with_bom.problem.column) == (2, 4)
    assert with_bom.problem.offset == plain.problem.offset + 3 == len("名称: 值\nb: ".encode()) + 3
    assert with_bom.text == plain.text == raw.decode()
    assert load_yaml_bytes(b"\xef\xbb\xbfa: 1\n").data == {"a": Decimal(1)}
    assert load_yaml_text("\ufeffa: 1\n").data == {"a": Decimal(1)}
    assert load_yaml_text("\ufeffa: !!str 1\n").problem.offset == 6


def test_gbk_bytes_are_refused() -> None:
    loaded = load_yaml_bytes("title: 培训班\n".encode("gbk"))
    assert loaded.problem.code == "encoding" and "GBK" in loaded.problem.message_en
    assert (loaded.problem.line, loaded.problem.column, loaded.problem.offset) == (1, 8, 7)
    assert loaded.format == "yaml" and loaded.text is None


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_wide_encodings_are_refused(encoding: str) -> None:
    loaded = load_yaml_bytes("a: 1\n".encode(encoding))
    assert loaded.problem.code == "encoding" and loaded.problem.offset == 0


def test_size_limit() -> None:
    assert load_yaml_bytes(b"a: 1\n", Limits(max_bytes=4)).problem.code == "too-large"
    assert load_yaml_text("a: 1\n", Limits(max_bytes=4)).problem.code == "too-large"


def test_wrong_argument_types() -> None:
    with pytest.raises(TypeError):
        load_yaml_bytes("a: 1")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        load_yaml_text(b"a: 1")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        load_yaml_text("a: 1", limits=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".YAML"])
def test_load_path_reads_yaml_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"draft{suffix}"
    path.write_bytes(b"a: 010\n")
    loaded = load_path(path)
    assert loaded.data == {"a": "010"} and loaded.format == "yaml"


def test_json_loading_reports_json_format() -> None:
    assert load_bytes(b"{}").format == "json" and Loaded(None, None, None).format == "json"


def test_the_yaml_draft_example_is_the_json_example() -> None:
    assert load_path(DRAFT).data == load_path(TRAINING / "valid.json").data


# ---------------------------------------------------------------------------------------------
# Positions


def test_locate_yaml(parser: str) -> None:
    text = "a: 1\nb:\n  c: [1, {d: x}]\n  e:\n  - 1\n  - two\nf:\n  - g: 1\n"
    assert locate_yaml(text, ()) == (1, 1)
    assert locate_yaml(text, ("a",)) == (1, 4)
    assert locate_yaml(text, ("b",)) == (3, 3)  # a block mapping starts at its first key
    assert locate_yaml(text, ("b", "c")) == (3, 6)
    assert locate_yaml(text, ("b", "c", 1, "d")) == (3, 14)
    assert locate_yaml(text, ("b", "c", "1", "d")) == (3, 14)
    assert locate_yaml(text, ("b", "e")) == (5, 3)
    assert locate_yaml(text, ("b", "e", 1)) == (6, 5)
    assert locate_yaml(text, ("f", 0, "g")) == (8, 8)
    assert locate_yaml(text, ("b", "missing", "deeper")) == (3, 3)
    assert locate_yaml(text, ("b", "e", 7)) == (5, 3)
    assert locate_yaml(text, ("b", "e", "x")) == (5, 3)
    assert locate_yaml(text, ("b", "e", -1)) == (5, 3)
    assert locate_yaml(text, ("a", "b")) == (1, 4)
    assert locate_yaml(text, (True,)) == (1, 1)


def test_locate_yaml_int_keys_and_duplicates(parser: str) -> None:
    assert locate_yaml("1: a\n2: b\n", (2,)) == (2, 4)
    assert locate_yaml("a: 1\na: 2\n", ("a",)) == (1, 4)  # the first wins


def test_locate_yaml_skips_complex_keys(parser: str) -> None:
    text = "? {a: 1}\n: {a: 2}\na: 3\n"
    assert locate_yaml(text, ("a",)) == (3, 4)


def test_locate_yaml_empty_and_broken_text(parser: str) -> None:
    assert locate_yaml("", ("a",)) is None
    assert locate_yaml("# nothing\n", ()) is None
    assert locate_yaml("a: 1\nb: [2\n", ("b",)) == (2, 4)  # found before the parser gives up
    assert locate_yaml("a: 1\nb: [2\n", ("c",)) == (1, 1)
    assert locate_yaml("a: \x01\n", ("a",)) is None
    assert locate_yaml("a: 1\n---\na: 2\n", ("a",)) == (1, 4)


def test_locate_yaml_empty_value_is_after_its_colon(parser: str) -> None:
    assert locate_yaml("a:\nb: 1\n", ("a",)) == (1, 3)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_locate_yaml_with_every_line_end(parser: str, newline: str) -> None:
    text = newline.join(["# 说明", "名称: 值", "b:", "  c: [1, 二]", "  d: 4", ""])
    assert locate_yaml(text, ("名称",)) == (2, 5)
    assert locate_yaml(text, ("b", "c", 1)) == (4, 10)
    assert locate_yaml(text, ("b", "d")) == (5, 6)
    assert locate_yaml("\ufeff" + text, ("b", "d")) == (5, 6)


def test_unicode_line_separators_do_not_end_lines(parser: str) -> None:
    # PyYAML counts U+2028/U+2029/U+0085 as line breaks; editors (and JSON positions here) do not.
    text = "a: 'x\u2028y\x85z'\nb: 1\n"
    assert locate_yaml(text, ("b",)) == (2, 4)
    problem = problem_of("a: 1\nb: 'x\u2028y'\n", "line-break")  # refused, at its place
    assert (problem.line, problem.column) == (2, 6)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_problem_positions_with_every_line_end(parser: str, newline: str) -> None:
    text = newline.join(["a: 1", "b:", "  c: 2", "  c: 3", ""])
    problem = problem_of(text, "duplicate-key")
    assert (problem.line, problem.column) == (4, 3)
    assert "first seen at line 3, column 3" in problem.message_en
    problem = problem_of(newline.join(["a: 1", "b: [1", ""]), "syntax")
    assert problem.line == 3


# ---------------------------------------------------------------------------------------------
# Through the engine


def _draft(tmp_path: Path, newline: str = "\n", bom: bool = False, **changes: str) -> Path:
    text = DRAFT.read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "draft.yaml"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode("utf-8"))
    return path


def _line_of(needle: str) -> tuple[int, int]:
    for number, line in enumerate(DRAFT.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def test_yaml_draft_passes_like_the_json_bundle() -> None:
    yaml_report = appcheck.validate(DRAFT, as_of=AS_OF)
    json_report = appcheck.validate(TRAINING / "valid.json", as_of=AS_OF)
    assert yaml_report.ok and json_report.ok
    assert [(f.requirement, f.status) for f in yaml_report.findings] == [(f.requirement, f.status) for f in json_report.findings]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", [False, True])
def test_findings_of_a_yaml_bundle_carry_editor_positions(tmp_path: Path, newline: str, bom: bool) -> None:
    path = _draft(tmp_path, newline, bom, **{"subsidy_requested: 50 ": "subsidy_requested: -5 "})
    report = appcheck.validate(path, as_of=AS_OF)
    line, column = _line_of("subsidy_requested")
    at_subsidy = [f for f in report.findings if f.segments == ("budget", "subsidy_requested")]
    assert {f.requirement for f in at_subsidy} >= {"SCHEMA", "GD22-TRN-GRANT"}
    assert {(f.line, f.column) for f in at_subsidy} == {(line, column + len("subsidy_requested: "))}
    venue = next(f for f in report.findings if f.requirement == "GD22-TRN-VENUE")
    assert (venue.line, venue.column) == (_line_of("venue:")[0] + 1, 5)  # a block mapping: its first key
    assert all(f.line is not None for f in report.findings)


def test_every_finding_of_the_yaml_draft_points_at_its_value() -> None:
    report = appcheck.validate(DRAFT, as_of=AS_OF)
    text = DRAFT.read_text(encoding="utf-8")
    for finding in report.findings:
        assert (finding.line, finding.column) == locate_yaml(text, finding.segments), finding


def test_invalid_yaml_example_fails_its_requirement_where_it_is_written() -> None:
    path = TRAINING / "GD22-TRN-VENUE--yaml.yaml"
    report = appcheck.validate(path, as_of=AS_OF)
    [failure] = [f for f in report.findings if f.status.value == "failed"]
    assert failure.requirement == "GD22-TRN-VENUE"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[failure.line - 1][failure.column - 1:].startswith("country: CN")
    assert "CN-FJ" in lines[failure.line]


def test_load_finding_of_a_yaml_file(tmp_path: Path) -> None:
    path = _draft(tmp_path, **{"days: 15": "days: 15\n  days: 16"})
    [finding] = appcheck.validate(path, as_of=AS_OF).findings
    assert finding.requirement == "LOAD" and finding.actual["code"] == "duplicate-key"
    line, column = _line_of("days: 15")
    assert (finding.line, finding.column) == (line + 1, column)
    assert finding.segments == ("training", "days")
    assert str(path) in finding.message_en


def test_yaml_scalar_that_stays_a_string_is_reported_by_the_schema(tmp_path: Path) -> None:
    path = _draft(tmp_path, **{"independent_legal_entity: true": "independent_legal_entity: yes"})
    report = appcheck.validate(path, as_of=AS_OF)
    finding = next(f for f in report.failures() if f.segments == ("applicant", "independent_legal_entity"))
    line, column = _line_of("independent_legal_entity")
    assert (finding.line, finding.column) == (line, column + len("independent_legal_entity: "))


@pytest.mark.parametrize(("data", "expected"), [
    (b"\xef\xbb\xbf  {}", "json"), (b"\xef\xbb\xbf\n [1]", "json"), (b"{a: 1}", "json"),
    (b"a: 1", "yaml"), (b"", "yaml"), (b"- 1", "yaml"), (b"\xff\xfe{\x00", "yaml"),
])
def test_source_format_is_sniffed(data: bytes, expected: str) -> None:
    assert engine.Source("-", data).resolved_format() == expected
    assert engine.Source("-", data, format="json").resolved_format() == "json"


def test_source_format_is_checked() -> None:
    with pytest.raises(ValueError):
        engine.Source("-", b"", format="xml")


def test_yaml_from_standard_input_has_positions() -> None:
    raw = DRAFT.read_bytes().replace(b"subsidy_requested: 50 ", b"subsidy_requested: -5 ")
    report = appcheck.validate(engine.Source("-", raw), as_of=AS_OF)
    line, column = _line_of("subsidy_requested")
    schema = next(f for f in report.failures() if f.requirement == "SCHEMA")
    assert (schema.line, schema.column) == (line, column + len("subsidy_requested: "))
    json_report = appcheck.validate(engine.Source("-", (TRAINING / "valid.json").read_bytes()), as_of=AS_OF)
    assert json_report.ok
    forced = appcheck.validate(engine.Source("-", b"a: 1\n", format="json"), as_of=AS_OF)
    assert forced.findings[0].actual["code"] == "syntax"


def test_json_positions_are_unchanged() -> None:
    text = (TRAINING / "valid.json").read_text(encoding="utf-8")
    report = appcheck.validate(TRAINING / "valid.json", as_of=AS_OF)
    for finding in report.findings:
        assert (finding.line, finding.column) == locate(text, finding.segments)


# ---------------------------------------------------------------------------------------------
# Properties

KEYS = st.text(max_size=20)
SCALARS = (
    st.none() | st.booleans() | st.text(max_size=30)
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.integers(min_value=-(10**30), max_value=10**30).map(Decimal)
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=20,
)


def _quoted(text: str) -> str:
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif " " <= char <= "~":
            out.append(char)
        elif ord(char) > 0xFFFF:
            out.append(f"\\U{ord(char):08x}")
        else:
            out.append(f"\\u{ord(char):04x}")
    return '"' + "".join(out) + '"'


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    return _quoted(value)


def _flow(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_quoted(key)}: {_flow(item)}" for key, item in value.items()) + "}"
    return _scalar(value)


def _block(value: object, indent: int = 0) -> str:
    pad = " " * indent
    if isinstance(value, dict) and value:
        lines = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{_quoted(key)}:\n{_block(item, indent + 2)}")
            else:
                lines.append(f"{pad}{_quoted(key)}: {_flow(item)}")
        return "\n".join(lines)
    if isinstance(value, list) and value:
        lines = []
        for item in value:
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}-\n{_block(item, indent + 2)}")
            else:
                lines.append(f"{pad}- {_flow(item)}")
        return "\n".join(lines)
    return pad + _flow(value)


def _same(a: object, b: object) -> bool:
    """Equal, with the same types and Decimals written the same way."""
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return isinstance(a, Decimal) and isinstance(b, Decimal) and str(a) == str(b)
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    return a == b


@given(VALUES, st.booleans(), st.booleans())
def test_json_values_written_as_yaml_load_back_unchanged(value: object, block: bool, pure: bool) -> None:
    text = _block(value) + "\n" if block else _flow(value)
    with pure_parser() if pure else contextlib.nullcontext():
        loaded = load_yaml_text(text)
    assert loaded.problem is None, (text, loaded.problem)
    assert _same(loaded.data, value), (text, loaded.data)


@given(st.text(), st.booleans())
def test_load_yaml_text_never_raises(text: str, pure: bool) -> None:
    with pure_parser() if pure else contextlib.nullcontext():
        loaded = load_yaml_text(text)
        assert loaded.problem is None or loaded.data is None
        locate_yaml(text, ("a", 0))


@given(st.text(alphabet=st.sampled_from(list("ab:-[]{},'\"!&*?#\n\r\t 0.1~|>%")), max_size=40),
       st.lists(st.sampled_from(["a", "b", 0, 1, "0"]), max_size=3))
def test_yaml_syntax_soup_never_raises(text: str, segments: list) -> None:
    loaded = load_yaml_text(text)
    if loaded.problem is not None and loaded.problem.line is not None:
        assert loaded.problem.line >= 1 and loaded.problem.column >= 1
    position = locate_yaml(text, segments)
    if position is not None:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        assert 1 <= position[0] <= len(lines)
        assert 1 <= position[1] <= len(lines[position[0] - 1]) + 1
