"""Any bundle gets a report that every format can write: every example bundle, changed in one place
(a key deleted, a value of another JSON type, huge and tiny numbers, deep nesting, odd Unicode and lone
surrogates, dates at the ends of the calendar), checked as a mapping and as a file.

For each: no exception; the same findings from the mapping and from its file; every report format
writes it (JSON and SARIF parse as JSON, JUnit as XML, text and GitHub one line a finding, HTML); every
pointer resolves in the bundle or names the missing member of an object that exists; no message or
value is written as Python writes it (``<object``, `` at 0x``, ``None``, ``Decimal(``); the same
input gives the same bytes in every format. Where the mapping is refused (nesting deeper than the
depth limit, a number too large, a lone surrogate), the file is refused at the same place.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import appcheck
from appcheck.engine import Source
from appcheck.loading import Limits
from appcheck.model import BatchReport, dumps
from appcheck.reporters import Options, reporter

from .conftest import EXAMPLES, read_json

BUNDLES = sorted(str(path.relative_to(EXAMPLES)) for path in EXAMPLES.rglob("*.json"))
FORMATS = ("text", "json", "sarif", "junit", "github", "html")
PYTHON_REPR = ("<object", " at 0x", "None", "Decimal(")


def _paths(value, prefix: tuple = ()) -> list[tuple]:
    """Every path in ``value`` (the root excluded), depth first."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append(prefix + (key,))
            found.extend(_paths(item, prefix + (key,)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append(prefix + (index,))
            found.extend(_paths(item, prefix + (index,)))
    return found


def _nested(value, depth: int, as_object: bool):
    for _ in range(depth):
        value = {"a": value} if as_object else [value]
    return value


numbers = st.sampled_from([
    Decimal("1E+300"), Decimal("-1E+300"), Decimal("1E-300"), Decimal(10) ** 30, Decimal("0E-10"), Decimal("-0"),
    Decimal("1.10"), Decimal("1E+1"), Decimal("9" * 60), Decimal("0.0000001"), Decimal(-1), Decimal(0),
    Decimal(10) ** 5000, Decimal("7" * 3400 + "E1000"), Decimal("1E+999999"), Decimal("1E-999999"), Decimal("9" * 4299),
]) | st.decimals(allow_nan=False, allow_infinity=False, min_value=-10 ** 12, max_value=10 ** 12)
texts = st.sampled_from([
    "", " ", "\x1b[2J\r\nfake.json  ok", "\u202eevil", "\u0085", "\u2028", "\ufeff", "𝔘𝔫𝔦", "\x00", "a\tb", "中文", "é" * 300,
    "\ud800", "a\udfffb", "\udc00\udbff",  # lone surrogates
]) | st.text(max_size=30)
dates = st.sampled_from([
    "9999-12-31", "9999-12-30", "0001-01-01", "0001-01-02", "2024-02-29", "2023-02-29", "0000-00-00", "2022-05-10", "2022-5-10",
])
others = st.sampled_from([None, True, False, [], {}, [None], {"a": None}, ["x", None], [[]], {"": {}}])
replacements = numbers | texts | dates | others
depths = st.integers(min_value=1, max_value=150) | st.sampled_from([195, 196, 197, 198, 199, 200, 201, 202, 1000, 1500])

_MARK = "@value@"


def _text(bundle) -> str:
    """The bundle as a file: JSON with numbers as written, lone surrogates as ``\\u`` escapes."""
    return dumps(bundle).encode("utf-8", "backslashreplace").decode("utf-8")


@st.composite
def mutated(draw) -> tuple[str, dict, str]:
    """``(example, changed bundle, the same bundle as a file's text)``."""
    name = draw(st.sampled_from(BUNDLES))
    bundle = read_json(EXAMPLES / name)
    paths = _paths(bundle)
    path = draw(st.sampled_from(paths)) if paths else ()
    kind = draw(st.sampled_from(["delete", "replace", "replace", "deep"]))
    if not path:
        return name, bundle, _text(bundle)
    parent = bundle
    for segment in path[:-1]:
        parent = parent[segment]
    if kind == "delete":
        del parent[path[-1]]
        return name, bundle, _text(bundle)
    value = draw(replacements)
    if kind == "replace":
        parent[path[-1]] = value
        return name, bundle, _text(bundle)
    depth, as_object = draw(depths), draw(st.booleans())
    parent[path[-1]] = _MARK  # the text of a deep value is written by hand: json.dumps stops at ~1,000 levels
    opening, closing = ('{"a": ', "}") if as_object else ("[", "]")
    text = _text(bundle).replace(json.dumps(_MARK), opening * depth + _text(value) + closing * depth, 1)
    parent[path[-1]] = _nested(value, depth, as_object)
    return name, bundle, text


def _resolves(bundle, segments: tuple) -> bool:
    """The pointer names a value of the bundle, or a missing member of an object of the bundle."""
    node = bundle
    for depth, segment in enumerate(segments):
        if isinstance(node, Mapping) and isinstance(segment, str):
            if segment not in node:
                return depth == len(segments) - 1
            node = node[segment]
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            node = node[segment]
        else:
            return False
    return True


def _rendered(report) -> dict[str, str]:
    batch = BatchReport([report])
    return {f"{name}-{lang}": reporter(name).render(batch, Options(lang=lang)) for name in FORMATS for lang in ("zh", "en")}


def _comparable(report) -> list[dict]:
    """The findings, without where in the text (a mapping has no text); a LOAD finding by its place
    (a file's message names the file, the line and the column)."""
    return [
        {key: value for key, value in finding.to_dict().items() if key not in ("line", "column")}
        if finding.requirement != "LOAD" else {"requirement": "LOAD", "path": finding.path}
        for finding in report.findings
    ]


@given(mutated())
@settings(max_examples=2000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_any_changed_example_gets_a_report_every_format_can_write(case) -> None:
    name, bundle, text = case
    report = appcheck.validate(bundle, as_of="2022-05-10")

    # the same findings from the file
    from_file = appcheck.validate(Source(name, text.encode("utf-8"), format="json"), limits=Limits(max_depth=200), as_of="2022-05-10")
    # (SCHEMA findings of a file come in the order of their lines, of a mapping in pointer order)
    assert sorted(map(dumps, _comparable(from_file))) == sorted(map(dumps, _comparable(report)))
    assert [f for f in _comparable(from_file) if f.get("requirement") != "SCHEMA"] == [f for f in _comparable(report) if f.get("requirement") != "SCHEMA"]

    # every format writes it, the same bytes every time
    rendered = _rendered(report)
    assert _rendered(appcheck.validate(bundle, as_of="2022-05-10")) == rendered
    for key, output in rendered.items():
        output.encode("utf-8")  # nothing a file cannot hold
        if key.startswith(("json", "sarif")):
            json.loads(output)
        elif key.startswith("junit"):
            ET.fromstring(output.encode("utf-8"))
        elif key.startswith("text"):
            assert "\x1b" not in output and "\r" not in output
            finding_lines = [line for line in output.split("\n") if line.startswith("  #0")]
            assert len(finding_lines) == sum(1 for f in report.findings if f.status.value != "passed")
        elif key.startswith("html"):
            assert "<script>alert" not in output
        else:  # github: one workflow command a line
            assert "\r" not in output and all(line.startswith("::") or not line.startswith(":") for line in output.split("\n"))

    # every pointer resolves, or names the missing member of an object
    for finding in report.findings:
        assert _resolves(bundle, finding.segments), (finding.requirement, finding.path)

    # no value written as Python writes it (unless the bundle itself holds that text)
    for finding in report.findings:
        shown = dumps({key: value for key, value in finding.to_dict().items() if key in ("message", "message_en", "expected", "actual")})
        for marker in PYTHON_REPR:
            assert marker not in shown or marker in text, (finding.requirement, marker, shown)
