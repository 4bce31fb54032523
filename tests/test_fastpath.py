"""The fast path (jsonschema-rs) changes nothing but speed: same findings, mirrored keywords agree.

Run with and without jsonschema-rs installed, and with ``APPCHECK_ENGINE=python``: tests that need
the fast engine are skipped without it, the rest hold on either path.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
import urllib.parse
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import appcheck
from appcheck import fastpath, locate, schemas
from appcheck.engine import Source
from appcheck.rules.base import as_date

from .conftest import EXAMPLES, ROOT, read_json

rs = fastpath._module()
needs_rs = pytest.mark.skipif(rs is None, reason="jsonschema-rs is not installed (pip install appcheck[fast])")
EXAMPLE_PATHS = sorted(p for p in EXAMPLES.rglob("*.json") if "batches" not in p.relative_to(EXAMPLES).parts)
AS_OF = "2022-05-10"


@pytest.fixture
def engines():
    """Run a function on each engine in turn: ``engines(fn)`` -> ``{"python": ..., "auto": ...}``."""

    def both(function):
        results = {}
        try:
            for name in ("python", "auto"):
                fastpath.use_engine(name)
                results[name] = function()
        finally:
            fastpath.use_engine(None)
        return results

    return both


def _ours(schema):
    return schemas.Validator(schema, registry=schemas.registry(), format_checker=schemas.FORMAT_CHECKER)


def _fast(schema):
    return rs.validator_for(fastpath.mirror(schema), registry=fastpath._registry(), pattern_options=rs.RegexOptions())


# ----------------------------------------------------------------------------- choosing the engine

def test_engine_follows_the_environment(monkeypatch) -> None:
    monkeypatch.setenv(fastpath.ENV, "python")
    assert fastpath.engine() == "python"
    assert fastpath.is_valid("gd-2022/research.json", read_json(EXAMPLES / "gd-2022" / "research" / "valid.json")) is False
    monkeypatch.setenv(fastpath.ENV, "auto")
    assert fastpath.engine() == ("python" if rs is None else "jsonschema-rs")
    monkeypatch.setenv(fastpath.ENV, "fortran")
    with pytest.raises(ValueError, match="APPCHECK_ENGINE"):
        fastpath.engine()


def test_use_engine_overrides_the_environment(monkeypatch) -> None:
    monkeypatch.setenv(fastpath.ENV, "auto")
    try:
        fastpath.use_engine("python")
        assert fastpath.engine() == "python"
    finally:
        fastpath.use_engine(None)
    with pytest.raises(ValueError):
        fastpath.use_engine("fast")


@needs_rs
def test_every_shipped_schema_has_a_fast_validator() -> None:
    # A schema the mirror refuses silently loses the fast path: say so here instead.
    missing = [name for name in schemas.shipped() if fastpath.validator(name) is None]
    assert missing == []


@needs_rs
def test_a_fast_engine_error_means_the_full_check(auto_engine) -> None:
    bundle = read_json(EXAMPLES / "gd-2022" / "research" / "valid.json")
    assert fastpath.is_valid("gd-2022/research.json", bundle) is True
    bundle["project"]["title"] = "\ud800"  # a lone surrogate: jsonschema-rs cannot read it
    assert fastpath.is_valid("gd-2022/research.json", bundle) is False


# ----------------------------------------------------------------------------- identical findings

@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_both_engines_give_identical_reports_on_every_example(path, engines) -> None:
    results = engines(lambda: appcheck.validate(path, as_of=AS_OF))
    assert results["python"] == results["auto"]


def test_both_engines_give_identical_reports_on_batches(engines) -> None:
    for folder in sorted(EXAMPLES.glob("*/batches/*")):
        files = sorted(folder.glob("*.json"))
        results = engines(lambda: appcheck.validate_batch(files, as_of=AS_OF))
        assert results["python"] == results["auto"], folder


@pytest.fixture
def auto_engine():
    """The fast engine whatever APPCHECK_ENGINE says (the suite also runs with it set to python)."""
    fastpath.use_engine("auto")
    yield
    fastpath.use_engine(None)


@needs_rs
def test_the_fast_path_is_taken_for_valid_examples(auto_engine) -> None:
    from appcheck.engine.envelope import resolve_topic

    for path in sorted(EXAMPLES.glob("*/*/valid*.json")):
        data = read_json(path)
        _, topic, _, problem = resolve_topic(data)
        assert problem is None
        assert fastpath.is_valid(topic.schema, data), path


_TRICKY_NUMBERS = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**9, max_value=10**9),
    st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=-10**6, max_value=10**6),
    st.sampled_from([Decimal(v) for v in (
        "150.0001", "150.00010", "150.00001", "0.30000000000000004", "1e400", "-1e400", "1e-400", "3.0", "3.00000",
        "1e3999", "1e4001", "-1e4001", "1." + "0" * 4100, "1" + "0" * 4100 + "e-4100", "12345678901234567890.0001",
        "9007199254740993", "9007199254740993.5", "0E-4005", "-0", "1E+2",
    )]),
)
_TRICKY_STRINGS = st.one_of(
    st.text(alphabet=st.sampled_from(list("aZ09-_ x:\t\n\r\u3000\xa0\x1c\x85\ufeff\u200b２٣é") + ["\U0001F600"]), max_size=12),
    st.sampled_from(["2022-02-29", "2024-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2022-13-01", "2022-1-01",
                     "２０２２-01-01", "2022-01-01\n", "CN", "CN\n", "cn", "CN-GD", "CN-ＧＤ", "x-note", "a" * 64, "a" * 65]),
)
_VALUES = st.one_of(st.none(), st.booleans(), _TRICKY_NUMBERS, _TRICKY_STRINGS, st.builds(list), st.builds(dict))


def _leaves(value, prefix=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, prefix + (index,))
    else:
        yield prefix


_DATES = st.sampled_from(["2022-02-29", "2024-02-29", "2100-02-29", "0000-01-01", "0001-01-01", "9999-12-31",
                          "2022-13-01", "2022-04-31", "2022-1-01", "２０２２-01-01", "2022-01-01\n", "2022-01-01T00:00"])


def _like(value):
    """Edge values of the same kind as ``value``: the values the schema's keywords judge."""
    if isinstance(value, Decimal):
        return _TRICKY_NUMBERS
    if isinstance(value, str) and as_date(value) is not None:
        return _DATES | st.dates().map(str)
    if isinstance(value, str):
        return _TRICKY_STRINGS
    return _VALUES


def _get(bundle, path):
    for segment in path:
        bundle = bundle[segment]
    return bundle


def _set(bundle, path, value):
    parent = bundle
    for segment in path[:-1]:
        parent = parent[segment]
    parent[path[-1]] = value


@st.composite
def schema_edge_bundles(draw):
    """A valid example with a few leaves (numbers, dates, ids, texts) set to values near the edges."""
    path = draw(st.sampled_from(sorted(EXAMPLES.glob("*/*/valid*.json"))))
    bundle = read_json(path)
    leaves = [leaf for leaf in _leaves(bundle) if leaf and leaf[0] not in ("call", "topic", "track", "format")]
    for _ in range(draw(st.integers(1, 3))):
        leaf = draw(st.sampled_from(leaves))
        _set(bundle, leaf, draw(_like(_get(bundle, leaf)) | _VALUES))
    if draw(st.booleans()):
        bundle[draw(st.sampled_from(["x-note", "unknown", "x"]))] = draw(_VALUES)
    return bundle


@given(schema_edge_bundles())
@settings(max_examples=150)
def test_both_engines_give_identical_reports_on_generated_bundles(bundle) -> None:
    python, fast = _reports_of_both_engines(bundle)
    assert python == fast


def _reports_of_both_engines(bundle) -> tuple:
    """``validate(bundle)`` on the pure-Python path, then on the fast path."""
    try:
        reports = []
        for name in ("python", "auto"):
            fastpath.use_engine(name)
            reports.append(appcheck.validate(copy.deepcopy(bundle), as_of=AS_OF))
    finally:
        fastpath.use_engine(None)
    return tuple(reports)


@given(schema_edge_bundles())
@settings(max_examples=100)
def test_both_engines_give_identical_reports_on_generated_files(bundle) -> None:
    text = json.dumps(bundle, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    text = re.sub(rb'"(-?[0-9][0-9.eE+-]*)"', rb"\1", text)  # Decimals back to JSON numbers
    try:
        reports = {}
        for name in ("python", "auto"):
            fastpath.use_engine(name)
            reports[name] = appcheck.validate(Source("bundle.json", text), as_of=AS_OF)
    finally:
        fastpath.use_engine(None)
    assert reports["python"] == reports["auto"]


# ----------------------------------------------------------------------------- the full check, pruned

def _errors(errors) -> list:
    """Everything of a jsonschema error list that findings are made of, and the errors of its branches."""
    return [
        (e.message, list(e.absolute_path), list(e.absolute_schema_path), e.validator, e.validator_value, e.instance,
         _errors(e.context))
        for e in errors
    ]


def _both_validators(name, bundle) -> tuple[list, list]:
    full = schemas._validator_for(name, False).iter_errors(bundle)
    pruned = schemas._validator_for(name, True).iter_errors(bundle)
    return _errors(full), _errors(pruned)


def _schema_of(bundle) -> str | None:
    """The shipped schema of the bundle's topic (None if it names none: no schema check then)."""
    from appcheck.engine.envelope import resolve_topic

    _, topic, _, problem = resolve_topic(bundle)
    return None if problem is not None else topic.schema


_NODES = st.one_of(_VALUES, st.builds(lambda: [{}]), st.builds(lambda: {"x-note": 1, "unknown": None}))


def _nodes(value, prefix=()):
    yield prefix, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, prefix + (index,))


@st.composite
def schema_broken_bundles(draw):
    """A valid example broken anywhere: leaves or whole objects and arrays replaced, fields removed or added."""
    path = draw(st.sampled_from(sorted(EXAMPLES.glob("*/*/valid*.json"))))
    bundle = read_json(path)
    for _ in range(draw(st.integers(1, 4))):
        nodes = [(at, node) for at, node in _nodes(bundle) if at and at[0] not in ("call", "topic", "track", "format")]
        at, node = draw(st.sampled_from(nodes))
        action = draw(st.sampled_from(["set", "set", "delete", "add", "duplicate"]))
        if action == "delete" and isinstance(_get(bundle, at[:-1]), dict):
            del _get(bundle, at[:-1])[at[-1]]
        elif action == "add" and isinstance(node, dict):
            node[draw(st.sampled_from(["x-note", "unknown", "id", "name", "x"]))] = draw(_VALUES)
        elif action == "duplicate" and isinstance(node, list) and node:
            node.append(copy.deepcopy(node[0]))
        else:
            _set(bundle, at, draw(_like(node) | _NODES))
    return bundle


@needs_rs
@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_the_pruned_check_finds_the_same_errors_on_every_example(path) -> None:
    bundle = read_json(path)
    name = _schema_of(bundle)
    if name is not None:  # else an example about the envelope, which never reaches the schema check
        full, pruned = _both_validators(name, bundle)
        assert pruned == full


@needs_rs
@given(schema_broken_bundles() | schema_edge_bundles())
@settings(max_examples=300)
def test_the_pruned_check_finds_the_same_errors_on_broken_bundles(bundle) -> None:
    full, pruned = _both_validators(_schema_of(bundle), bundle)
    assert pruned == full


@given(schema_broken_bundles())
@settings(max_examples=100)
def test_both_engines_give_identical_reports_on_broken_bundles(bundle) -> None:
    python, fast = _reports_of_both_engines(bundle)
    assert python == fast


def _benchmark_bundles(count: int, seed: int) -> list:
    """``(name, text, kind)`` of the benchmark's realistic bundles (``benchmarks/generate.py``)."""
    if not (ROOT / "benchmarks" / "generate.py").is_file():
        pytest.skip("benchmarks/generate.py is not in this checkout")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return list(generate.bundles(count, seed=seed))


def test_both_engines_give_identical_reports_on_the_benchmark_bundles(engines) -> None:
    # The realistic mix of the benchmark (a tenth of it broken against the schema), as files.
    made = _benchmark_bundles(160, seed=31)
    assert any(kind.startswith("schema") for _, _, kind in made)
    results = engines(lambda: [appcheck.validate(Source(name, text.encode("utf-8")), as_of=AS_OF) for name, text, _ in made])
    assert results["python"] == results["auto"]


@needs_rs
def test_the_pruned_check_skips_what_the_fast_engine_vouches_for(monkeypatch) -> None:
    bundle = read_json(EXAMPLES / "gd-2022" / "research" / "valid.json")
    bundle["team"][0]["organization"] = 7
    asked = []

    def vouches(schema, instance):
        asked.append((instance, fastpath.vouches(schema, instance)))
        return asked[-1][1]

    monkeypatch.setattr(schemas, "vouches", vouches)
    full, pruned = _both_validators("gd-2022/research.json", bundle)
    assert pruned == full and [e[1] for e in pruned] == [["team", 0, "organization"]]
    assert (bundle["project"], True) in asked  # a valid part is not walked
    assert (bundle["team"], False) in asked  # the part with the mistake is


@needs_rs
def test_every_subschema_is_placed_in_the_mirrored_registry() -> None:
    places = fastpath._places()
    documents = {schemas.schema_uri(name, contents): fastpath.mirror(contents) for name, contents in schemas.shipped().items()}
    assert len(places) > len(documents)
    for schema, uri, reference in places.values():
        base, _, pointer = urllib.parse.urljoin(uri, reference).partition("#")
        node = documents[base]
        for segment in pointer.split("/")[1:]:
            segment = urllib.parse.unquote(segment).replace("~1", "/").replace("~0", "~")
            node = node[int(segment)] if isinstance(node, list) else node[segment]
        if schema == {"$ref": reference}:  # only a $ref: placed as what ours resolves it to
            target = schemas.registry().resolver(base_uri=uri).lookup(reference).contents
            assert node == fastpath.mirror(target), (uri, reference)
        else:
            assert node == fastpath.mirror(schema), (uri, reference)


@needs_rs
def test_a_subschema_is_compiled_by_reference_whatever_its_name(monkeypatch) -> None:
    # Pointers into the mirror are escaped and percent-encoded: names with ~ / % # ^ [ and non-ASCII.
    names = ["a~b", "c/d", "50%", "#x", "^y[0-9]$", "名称", "sp ace"]
    document = {
        "$id": "https://appcheck.invalid/schemas/test-places.json",
        "$defs": {"word": {"type": "string", "minLength": 2}},
        "properties": {name: {"properties": {"v": {"$ref": "#/$defs/word"}}} for name in names},
        "patternProperties": {"^x-\\d$": {"type": "integer"}},
    }
    monkeypatch.setattr(schemas, "shipped", lambda: {"test-places.json": document})
    for cached in (fastpath._places, fastpath._registry):
        cached.cache_clear()
    monkeypatch.setattr(fastpath, "_SUBVALIDATORS", {})
    monkeypatch.setattr(fastpath, "_BY_URI", {})
    try:
        for name in names:
            sub = document["properties"][name]
            assert fastpath.vouches(sub, {"v": "ok"}) is True, name
            assert fastpath.vouches(sub, {"v": "o"}) is False, name
        number = document["patternProperties"]["^x-\\d$"]
        assert fastpath.vouches(number, 3) is True and fastpath.vouches(number, "3") is False
    finally:
        for cached in (fastpath._places, fastpath._registry):
            cached.cache_clear()


@needs_rs
def test_vouches_only_for_known_subschemas_and_readable_values() -> None:
    team = schemas.shipped()["defs.json"]["$defs"]["team"]
    assert fastpath.vouches(team, [{"name": "张三", "organization": "a"}]) is True
    assert fastpath.vouches(team, [{"name": "\ud800", "organization": "a"}]) is False  # unreadable: not vouched
    assert fastpath.vouches(copy.deepcopy(team), []) is False  # an equal schema that is not the shipped one
    assert fastpath.vouches({"type": "string"}, "s") is False


def test_the_full_check_is_not_pruned_on_the_python_engine(monkeypatch) -> None:
    monkeypatch.setattr(schemas, "vouches", lambda schema, instance: pytest.fail("asked the fast engine"))
    try:
        fastpath.use_engine("python")
        bundle = read_json(EXAMPLES / "gd-2022" / "research" / "valid.json")
        bundle["budget"]["extra_field"] = 1
        assert list(schemas.validator_for("gd-2022/research.json").iter_errors(bundle))
    finally:
        fastpath.use_engine(None)


# ----------------------------------------------------------------------------- mirrored keywords

@needs_rs
@given(_TRICKY_NUMBERS)
@example(Decimal("1." + "0" * 4100))
@example(Decimal("1e4001"))
def test_numbers_are_judged_alike(number) -> None:
    for schema in ({"multipleOf": Decimal("0.0001")}, {"type": "integer"}, {"minimum": 0}, {"maximum": Decimal("150")},
                   {"exclusiveMinimum": Decimal("0.0001")}, {"const": Decimal("3")}, {"enum": [Decimal("1"), Decimal("150.0001")]}):
        ours = _ours(schema).is_valid(number)
        fast = _fast(schema).is_valid(number)
        assert not fast or ours, (schema, number)  # the direction that must hold
        if abs(number.adjusted()) < 3900:
            assert fast == ours, (schema, number)  # and no needless fallback in the ordinary range


@needs_rs
def test_the_mirror_bounds_multiple_of_where_ours_gives_up() -> None:
    schema = {"multipleOf": Decimal("0.0001")}
    assert _ours(schema).is_valid(Decimal("1e4001")) is False
    assert _fast(schema).is_valid(Decimal("1e4001")) is False
    assert _ours(schema).is_valid(Decimal("1." + "0" * 4100)) is True  # 1, however it is written


def _patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            elif key == "patternProperties" and isinstance(value, dict):
                yield from value
            if key not in fastpath._DATA:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


SHIPPED_PATTERNS = sorted({p for contents in schemas.shipped().values() for p in _patterns(contents)})
_PATTERN_TEXT = st.text(alphabet=st.sampled_from(
    list("aAzZ09_-x:. ") + list(fastpath.PYTHON_WHITESPACE) + list("\ufeff\u200b\u180e２٣éK\u212a\U0001F600\u0085")
), max_size=70)


@needs_rs
@pytest.mark.parametrize("pattern", SHIPPED_PATTERNS)
@given(text=_PATTERN_TEXT)
@example(text="CN\n")
@example(text="\u3000")
@example(text="\x1c")
@example(text="\ufeff")
def test_shipped_patterns_are_judged_alike(pattern, text) -> None:
    ours = bool(schemas._compiled(pattern).search(text))
    fast = rs.validator_for({"pattern": fastpath.portable_pattern(pattern)}, pattern_options=rs.RegexOptions()).is_valid(text)
    assert fast == ours


@needs_rs
@given(text=st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z") | _PATTERN_TEXT)
@example(text="0000-01-01")
@example(text="1900-02-29")
@example(text="2000-02-29")
@example(text="2100-02-29")
@example(text="0400-02-29")
@example(text="0004-02-29")
@example(text="9999-12-31")
def test_the_date_pattern_is_our_date_format(text) -> None:
    fast = rs.validator_for({"pattern": fastpath.DATE_PATTERN}, pattern_options=rs.RegexOptions()).is_valid(text)
    assert fast == (as_date(text) is not None)


@needs_rs
def test_the_date_pattern_on_every_day_of_leap_and_century_years() -> None:
    check = rs.validator_for({"pattern": fastpath.DATE_PATTERN}, pattern_options=rs.RegexOptions()).is_valid
    for year in (0, 1, 4, 100, 400, 1900, 2000, 2022, 2024, 2100, 9996, 9999):
        for month in range(0, 14):
            for day in range(0, 33):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                assert check(text) == (as_date(text) is not None), text


@pytest.mark.parametrize("pattern", [".", "\\w", "\\b", "[]a]", "(?=a)", "(?<n>a)", "é", "[a&&b]", "[[:alpha:]]", "\\u0041", "a\\"])
def test_patterns_the_mirror_cannot_vouch_for_are_refused(pattern) -> None:
    with pytest.raises(fastpath.Unmirrorable):
        fastpath.portable_pattern(pattern)


@pytest.mark.parametrize("schema", [
    {"unevaluatedProperties": False}, {"propertyNames": {"pattern": "^a"}}, {"contains": {"type": "string"}},
    {"x-unknown": 3}, {"properties": {"a": {"pattern": "\\w"}}}, {"patternProperties": {"^\\w": True}},
])
def test_schemas_the_mirror_cannot_vouch_for_are_refused(schema) -> None:
    with pytest.raises(fastpath.Unmirrorable):
        fastpath.mirror(schema)


def test_the_mirror_keeps_data_and_drops_unchecked_formats() -> None:
    mirrored = fastpath.mirror({
        "properties": {"pattern": {"const": {"pattern": "\\d"}}, "mail": {"format": "email"}, "day": {"format": "date"}},
        "enum": [{"pattern": "."}],
    })
    assert mirrored["properties"]["pattern"] == {"const": {"pattern": "\\d"}}
    assert mirrored["properties"]["mail"] == {}
    assert mirrored["properties"]["day"] == {"allOf": [{"pattern": fastpath.DATE_PATTERN}]}
    assert mirrored["enum"] == [{"pattern": "."}]


def test_python_whitespace_is_exactly_what_re_matches() -> None:
    assert fastpath.PYTHON_WHITESPACE == "".join(chr(c) for c in range(0x110000) if re.match(r"\s", chr(c)))


# ----------------------------------------------------------------------------- locating many paths

_JSONISH = st.text(alphabet=st.sampled_from(list('{}[]",:0123 \n\r\tabud8\\')), max_size=40)


@settings(max_examples=500)
@given(text=_JSONISH | st.sampled_from([p.read_text(encoding="utf-8") for p in EXAMPLE_PATHS[:20]]),
       paths=st.lists(st.lists(st.one_of(st.sampled_from(["a", "b", "0", "applicant", "team", "partners", "id", "name"]),
                                         st.integers(-1, 3), st.booleans()), max_size=4), max_size=6))
def test_locate_many_answers_as_locate(text, paths) -> None:
    assert locate.locate_many(text, paths) == [locate.locate(text, path) for path in paths]


def test_locate_many_on_every_path_of_every_example() -> None:
    for path in EXAMPLE_PATHS[::7]:
        text = path.read_text(encoding="utf-8")
        paths = list(_leaves(json.loads(text)))
        assert locate.locate_many(text, paths) == [locate.locate(text, p) for p in paths]


# ----------------------------------------------------------------------------- start-up

def _imports_of(*args: str) -> set:
    code = (
        "import sys\nfrom appcheck.cli import main\n"
        f"status = main({list(args)!r})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'referencing', 'jsonschema_rs')))"
    )
    env = {k: v for k, v in os.environ.items() if k != fastpath.ENV}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1].replace("'", '"')))


@needs_rs
def test_a_valid_file_is_checked_without_importing_jsonschema() -> None:
    loaded = _imports_of("validate", "--as-of", AS_OF, str(EXAMPLES / "gd-2022" / "research" / "valid.json"))
    assert not {m for m in loaded if m.split(".")[0] in ("jsonschema", "referencing")}, loaded


def test_a_schema_violation_still_gets_jsonschema_findings(tmp_path) -> None:
    bundle = read_json(EXAMPLES / "gd-2022" / "research" / "valid.json")
    bundle["budget"]["extra_field"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bundle, default=str), encoding="utf-8")
    assert "jsonschema" in _imports_of("validate", "--as-of", AS_OF, str(bad))


@given(text=st.text(alphabet=st.sampled_from(list("ab\r\n\u2028")), max_size=30), indices=st.lists(st.integers(-2, 33), max_size=8))
def test_line_cols_answers_as_line_col(text, indices) -> None:
    assert locate.line_cols(text, indices) == [locate.line_col(text, index) for index in indices]


@needs_rs
def test_a_topic_s_validator_reads_only_the_schemas_it_refers_to() -> None:
    """One bundle's fast check reads and mirrors its topic's schema and what it refers to (defs.json),
    not every shipped schema, and looks for no call pack."""
    script = ("import sys; from appcheck import fastpath, schemas\n"
              "assert fastpath.validator('gd-2022/research.json') is not None\n"
              "print(schemas._own_schema.cache_info().currsize, fastpath._mirrored.cache_info().currsize, 'importlib.metadata' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["2", "2", "False"], done.stdout
