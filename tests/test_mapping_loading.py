"""A bundle given as a mapping gets its file's verdict: depth, cycles, size, numbers, surrogates, types."""

from __future__ import annotations

import json
from collections import OrderedDict
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import appcheck
from appcheck import engine, mapping_loading
from appcheck.loading import MAX_NUMBER_DIGITS, Limits, load_text
from appcheck.mapping_loading import load_mapping
from appcheck.model import dumps
from appcheck.reporters import FORMATS, Options, reporter

from .conftest import example as example_bundle

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    | st.floats(allow_nan=False, allow_infinity=False) | st.decimals(allow_nan=False, allow_infinity=False),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=30,
)


def problem(value: dict, code: str, limits: Limits = Limits()):
    loaded = load_mapping(value, limits)
    assert loaded.data is None and loaded.problem is not None and loaded.problem.code == code, loaded
    return loaded.problem


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def file_finding(text: str):
    [finding] = appcheck.validate(engine.Source("draft.json", text.encode("utf-8", "surrogatepass"))).findings
    return finding


# ---------------------------------------------------------------------------------------------
# Depth and cycles


@pytest.mark.parametrize("depth", [201, 500, 5_000, 100_000])
def test_deep_nesting_is_the_file_s_depth_finding_not_a_recursion_error(depth: int) -> None:
    bundle = {"k": nested(depth - 1)}  # the object itself is a level
    [finding] = appcheck.validate(bundle).findings
    as_file = file_finding(json.dumps(bundle)) if depth <= 500 else None
    assert finding.requirement == "LOAD" and finding.actual == {"code": "depth", "offset": None}
    assert finding.path == "/k" + "/0" * 199
    assert finding.message_en.endswith(": arrays and objects are nested deeper than 200 levels")
    assert finding.message.endswith("：数组和对象嵌套超过 200 层")
    if as_file is not None:
        assert (as_file.actual["code"], as_file.path) == ("depth", finding.path)
        assert as_file.message_en.endswith(finding.message_en.rpartition(": ")[2])


@pytest.mark.parametrize("depth", [199, 200])
def test_nesting_up_to_the_limit_loads(depth: int) -> None:
    assert load_mapping({"k": nested(depth - 1)}).data == {"k": nested(depth - 1)}
    problem({"k": nested(depth)}, "depth", Limits(max_depth=depth))
    assert load_mapping({"k": nested(depth)}, Limits(max_depth=depth + 1)).ok


def test_a_raised_depth_limit_is_applied_without_recursion() -> None:
    deep = {"k": nested(50_000)}
    assert load_mapping(deep, Limits(max_depth=50_001)).ok
    assert problem(deep, "depth", Limits(max_depth=50_000)).path == ("k",) + (0,) * 49_999


def test_a_reference_cycle_is_a_load_finding() -> None:
    loop: list = []
    loop.append(loop)
    [finding] = appcheck.validate({"call": "gd-2022", "k": {"a": loop}}).findings
    assert finding.requirement == "LOAD" and finding.actual["code"] == "cycle" and finding.path == "/k/a/0"
    assert finding.message_en == "/k/a/0: this array contains itself (a reference cycle); a bundle is a tree of JSON values"
    assert "循环引用" in finding.message
    bundle: dict = {"call": "gd-2022", "x": [1, {"y": None}]}
    bundle["x"][1]["y"] = bundle
    assert problem(bundle, "cycle").path == ("x", 1, "y")
    x: list = []
    for _ in range(500):
        x = [x]
    x[0][0].append(x)
    assert problem({"k": x}, "cycle", Limits(max_depth=1_000)).path == ("k", 0, 0, 1)


def test_a_container_used_twice_is_no_cycle_and_is_copied_twice() -> None:
    shared = {"a": [1, 2]}
    loaded = load_mapping({"x": [shared, shared], "y": shared})
    assert loaded.data == {"x": [{"a": [1, 2]}, {"a": [1, 2]}], "y": {"a": [1, 2]}}
    assert loaded.data["x"][0] is not loaded.data["x"][1]


def test_shared_containers_count_as_often_as_their_file_writes_them() -> None:
    bomb: list = [0]
    for _ in range(60):  # 2^60 zeros when written out
        bomb = [bomb, bomb]
    too_large = problem({"k": bomb}, "too-large")
    assert too_large.message_en == "the mapping, written as JSON, would have more than the limit of 10485760 bytes"
    small: list = [0]
    for _ in range(3):
        small = [small, small]
    assert load_mapping({"k": small}, Limits(max_bytes=len(json.dumps({"k": small}, separators=(",", ":"))))).ok


@given(JSON_VALUES, st.integers(min_value=1, max_value=400))
def test_a_mapping_is_too_large_only_when_its_compact_json_is(value: object, limit: int) -> None:
    bundle = {"v": value}
    size = len(json.dumps(bundle, separators=(",", ":"), ensure_ascii=False, default=str).encode())
    loaded = load_mapping(bundle, Limits(max_bytes=limit))
    if size <= limit:
        assert loaded.ok or loaded.problem.code != "too-large"


# ---------------------------------------------------------------------------------------------
# Numbers


def test_huge_numbers_are_a_load_finding_that_states_the_limit() -> None:
    [finding] = appcheck.validate({"call": 10**5000}).findings
    assert finding.requirement == "LOAD" and finding.actual["code"] == "number" and finding.path == "/call"
    assert finding.message_en == "/call: the integer has more digits than the limit of 4300"
    mantissa = Decimal("7" * 3400 + "e1000")
    finding = problem({"call": mantissa}, "number")
    assert finding.message_en == (
        "/call: the number 7.777777777777777777… has more than 4300 digits written out in full, more than the limit of 4300"
    )
    as_file = file_finding('{"call": ' + "7" * 3400 + "e1000}")
    assert as_file.actual["code"] == "number" and as_file.path == "/call"
    assert as_file.message_en == (
        "draft.json: line 1, column 10: the number 77777777777777777777… has 4400 digits before the decimal "
        "point when written out, more than the limit of 4300 (its absolute value must be less than 10^4300)"
    )


@given(st.integers(min_value=-6_000, max_value=6_000))
@example(MAX_NUMBER_DIGITS - 1)
@example(MAX_NUMBER_DIGITS)
@example(MAX_NUMBER_DIGITS + 1)
@example(-MAX_NUMBER_DIGITS + 1)
@example(-MAX_NUMBER_DIGITS)
@example(-MAX_NUMBER_DIGITS - 1)
def test_a_number_is_accepted_when_it_has_at_most_4300_digits_written_out(places: int) -> None:
    value = Decimal(f"9e{places}") if places >= 0 else Decimal(f"1e{places}")
    written = format(value, "f")
    digits = sum(char.isdigit() for char in written)
    loaded = load_mapping({"x": value})
    assert loaded.ok == (digits <= MAX_NUMBER_DIGITS), (written[:30], digits, loaded.problem)
    if places >= 0:  # the same as an integer
        assert load_mapping({"x": 10 ** (places + 1) - 1}).ok == loaded.ok


@pytest.mark.parametrize("literal", ["9" * 3300 + "e1000", "9" * 4300, "-" + "9" * 4300, "1e1000", "0." + "0" * 4000 + "1"])
def test_the_largest_accepted_numbers_serialize_in_every_format(literal: str) -> None:
    bundle = example_bundle("gd-2022", "training")
    bundle["budget"]["subsidy_requested"] = Decimal(literal)
    text = json.dumps(bundle, default=str).replace(json.dumps(str(Decimal(literal))), literal)
    for checked in (appcheck.validate(bundle), appcheck.validate(engine.Source("draft.json", text.encode()))):
        assert not any(f.requirement == "LOAD" for f in checked.findings), checked.findings[:1]
        dumps(checked.to_dict()).encode("utf-8")
        with engine.check_batch([bundle]) as batch:
            for name in FORMATS:
                reporter(name).render(batch, Options()).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Text


def test_lone_surrogates_get_the_file_s_verdict() -> None:
    [finding] = appcheck.validate({"call": "gd-2022", "title": "a\ud800"}).findings
    assert finding.requirement == "LOAD" and finding.actual["code"] == "encoding" and finding.path == "/title"
    assert finding.message_en == "/title: the text holds the surrogate code point U+D800 (character 2), which is not a Unicode character"
    as_file = file_finding('{"call": "gd-2022", "title": "a\\ud800"}')
    assert (as_file.requirement, as_file.actual["code"], as_file.path) == ("LOAD", "encoding", "/title")
    finding = problem({"call": "gd-2022", "o": {"t\udc00": 1}}, "encoding")
    assert finding.path == ("o",)  # the key is no place: its object is
    assert finding.message_en == '/o: the key "t\\udc00" of this object holds the surrogate code point U+DC00 (character 2), which is not a Unicode character'
    report = appcheck.validate({"call": "gd-2022", "o": {"t\udc00": 1}})
    dumps(report.to_dict()).encode("utf-8")
    assert appcheck.validate({"call": "gd-2022", "title": "a\U0001F600b"}).findings[0].requirement != "LOAD"


def test_a_surrogate_pair_in_a_python_string_is_not_its_character() -> None:
    # "\ud83d\ude00" escaped in a file is one character (U+1F600); in a Python string it is two code points
    finding = problem({"call": "gd-2022", "title": "a\ud83d\ude00"}, "encoding")
    assert finding.path == ("title",)
    assert "U+D83D (character 2)" in finding.message_en
    report = appcheck.validate({"call": "gd-2022", "title": "a\ud83d\ude00"})
    assert report.findings[0].requirement == "LOAD"
    dumps(report.to_dict()).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Types, and the data


@pytest.mark.parametrize(("value", "path", "message"), [
    ({"x": {1, 2}}, "/x", "/x: a set value {1, 2} cannot be part of a bundle (JSON values only)"),
    ({"x": {1: 2}}, "/x", "/x: the key 1 of this object is an int; keys are text"),
    ({"x": [float("nan")]}, "/x/0", "/x/0: a float value nan cannot be part of a bundle (JSON values only)"),
    ({"x": Decimal("-Infinity")}, "/x", "/x: a Decimal value Decimal('-Infinity') cannot be part of a bundle (JSON values only)"),
    ({"x": {10**5000}}, "/x", "/x: a set value <set> cannot be part of a bundle (JSON values only)"),
    ({"x": b"abc"}, "/x", "/x: a bytes value b'abc' cannot be part of a bundle (JSON values only)"),
])
def test_values_json_has_no_form_for(value: dict, path: str, message: str) -> None:
    [finding] = appcheck.validate(value).findings
    assert (finding.requirement, finding.actual["code"], finding.path, finding.message_en) == ("LOAD", "type", path, message)


def test_the_data_is_what_the_loader_makes_of_the_file_and_the_caller_s_object_is_untouched() -> None:
    bundle = {"a": [1, 2.5, Decimal("1.10"), True, None, "x"], "b": (1, OrderedDict(c=0.1)), "c": 10**100}
    before = repr(bundle)
    data = load_mapping(bundle).data
    assert data == {"a": [Decimal(1), Decimal("2.5"), Decimal("1.10"), True, None, "x"], "b": [Decimal(1), {"c": Decimal("0.1")}], "c": Decimal(10**100)}
    assert type(data["b"]) is list and type(data["b"][1]) is dict and repr(bundle) == before
    assert str(data["a"][2]) == "1.10"


@given(JSON_VALUES)
def test_the_quick_copy_and_the_careful_walk_agree(value: object) -> None:
    bundle = {"v": value}
    careful = mapping_loading._walk(bundle, Limits())
    try:
        quick = mapping_loading._quick(bundle, Limits())
    except (mapping_loading._Irregular, UnicodeEncodeError):
        return
    assert quick == careful and json.dumps(quick, default=str) == json.dumps(careful, default=str)


@given(JSON_VALUES)
@example(["a\ud800"])
@example({"\udfff": 1})
@example([10**4300 - 1, -(10**4299)])
def test_a_mapping_gets_the_verdict_and_data_of_its_json_text(value: object) -> None:
    if not all(leaf is None or isinstance(leaf, (bool, int, float, str)) for leaf in _leaves(value)):
        value = [leaf for leaf in _leaves(value) if not isinstance(leaf, Decimal)]
    bundle = {"v": value}
    loaded, as_file = load_mapping(bundle), load_text(json.dumps(bundle))
    assert loaded.ok == as_file.ok, (loaded.problem, as_file.problem)
    assert loaded.data == as_file.data
    if not loaded.ok:
        assert loaded.problem.code == as_file.problem.code and loaded.problem.path == as_file.problem.path


def _leaves(value: object):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def test_load_mapping_argument_types() -> None:
    with pytest.raises(TypeError):
        load_mapping([1])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        load_mapping({}, limits=5)  # type: ignore[arg-type]
