"""``--format text`` with ``quiet`` (only bundles not ok, their failures, the summary) and ``summary``
(one line per bundle); control characters in values and file names are escaped, one finding is one line."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import appcheck
from appcheck.engine import Source
from appcheck.model import BatchReport
from appcheck.reporters import Options, reporter
from appcheck.reporters.text import safe

from ..conftest import EXAMPLES
from .conftest import BATCHES


def render(batch, **options) -> list[str]:
    return reporter("text").render(batch, Options(**options)).splitlines()


def _name(report, index: int) -> str:
    return report.file or f"#{index}"


def _failing(finding, strict: bool) -> bool:
    return finding.status.value not in ("passed", "waived") if strict else finding.blocking


@pytest.mark.parametrize("name", BATCHES)
@pytest.mark.parametrize("strict", [False, True])
def test_quiet_shows_only_bundles_not_ok_with_their_failures_then_the_summary(name, strict, request) -> None:
    from appcheck.reporters.text import _ORDER, _line

    batch = request.getfixturevalue(name)
    options = Options(lang="en", quiet=True, strict=strict)
    expected = ""
    for index, report in enumerate(batch.reports):
        if report.strict_ok if strict else report.ok:
            continue
        topic = report.topic + (f"#{report.track}" if report.track else "") if report.topic else "unknown topic"
        failing = sorted((f for f in report.findings if _failing(f, strict)), key=lambda f: _ORDER[(f.status, f.severity)])
        expected += f"{_name(report, index)}  {topic}  not ok\n" + "".join(_line(f, _name(report, index), options) + "\n" for f in failing) + "\n"
    blocking = [f for f in batch.findings if _failing(f, strict)]
    if blocking:
        expected += "batch\n" + "".join(_line(f, ", ".join(f.bundles) or f.source, options) + "\n" for f in blocking) + "\n"
    bad = sum(1 for r in batch.reports if not (r.strict_ok if strict else r.ok))
    expected += f"{len(batch.reports)} file(s): {len(batch.reports) - bad} ok, {bad} not ok\n"
    assert reporter("text").render(batch, options) == expected


def test_quiet_on_the_examples_prints_far_fewer_lines(example_batch) -> None:
    whole, quiet = render(example_batch), render(example_batch, quiet=True)
    assert len(quiet) < len(whole) * 0.6
    assert not any("另有" in line for line in quiet)  # no "N more requirements passed" lines
    ok_files = {r.file for r in example_batch.reports if r.ok}
    assert ok_files and not any(line.split("  ")[0] in ok_files for line in quiet)
    assert not any(" 警告 " in line or " 提示 " in line or " 待评审 " in line for line in quiet)


@pytest.mark.parametrize("name", BATCHES)
@pytest.mark.parametrize("quiet", [False, True])
def test_summary_is_one_line_per_bundle(name, quiet, request) -> None:
    batch = request.getfixturevalue(name)
    text = reporter("text").render(batch, Options(lang="en", summary=True, quiet=quiet))
    shown = [(i, r) for i, r in enumerate(batch.reports) if not (quiet and r.ok)]
    lines = text.split("\n")[:-1]
    body = [line for line in lines[:-1] if line]
    assert len(body) == len(shown)
    for line, (index, report) in zip(body, shown):
        assert line.startswith(_name(report, index) + "  ")
        assert line[len(_name(report, index)) + 2:].split("  ")[1] == ("ok" if report.ok else "not ok")
        errors = sum(1 for f in report.findings if f.status.value == "failed" and f.severity.value == "error")
        assert (f"{errors} error" in line) == bool(errors)
    assert lines[-1].endswith("not ok") and "file(s)" in lines[-1]


def test_summary_counts_each_kind_in_chinese() -> None:
    from appcheck.model import BatchReport, Finding, Report

    findings = (Finding("A", "failed", "error"), Finding("B", "failed", "error"), Finding("C", "failed", "warning"),
                Finding("D", "needs_review", "error"), Finding("E", "passed", "error"))
    lines = render(BatchReport((Report(findings, file="a.json"), Report((), file="b.json"))), summary=True)
    assert lines[0] == "a.json  未知专题  未通过  2 个错误，1 个警告，1 个待评审"
    assert lines[1] == "b.json  未知专题  通过  无问题"
    assert lines[-1] == "共 2 个文件：1 个通过，1 个未通过"


def _text(report, **options) -> str:
    return reporter("text").render(BatchReport([report]), Options(lang="en", **options))


def test_a_value_cannot_forge_a_line_or_drive_the_terminal() -> None:
    bundle = b'{"format": "appcheck/1", "call": "\\u001b[2J\\r\\nfake.json  ok"}'
    out = _text(appcheck.validate(Source("evil\r\nname\x1b[31m.json", bundle)))
    assert "\x1b" not in out and "\r" not in out
    lines = out.splitlines()
    assert lines[0].startswith("evil\\r\\nname\\x1b[31m.json  ")
    assert lines[1].startswith('  evil\\r\\nname\\x1b[31m.json:1:34: error TOPIC /call  unknown call "\\x1b[2J\\r\\nfake.json  ok"; expected one of: ')
    assert not any(line.startswith("fake.json") for line in lines)


def test_colours_are_the_reporters_own() -> None:
    bundle = b'{"format": "appcheck/1", "call": "\\u001b[2J"}'
    out = _text(appcheck.validate(Source("x.json", bundle)), color=True)
    assert "\\x1b[2J" in out and "\x1b[2J" not in out
    assert "\x1b[31m" in out  # the label's colour


@pytest.mark.parametrize("character, escaped", [
    ("\x1b", "\\x1b"), ("\r", "\\r"), ("\n", "\\n"), ("\t", "\\t"), ("\x00", "\\x00"), ("\x07", "\\x07"), ("\x7f", "\\x7f"),
    ("\x85", "\\x85"), ("\x9b", "\\x9b"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\u202e", "\\u202e"), ("\u2066", "\\u2066"),
    ("a", "a"), ("中", "中"), ("é", "é"), (" ", " "),
])
def test_safe_escapes_what_a_terminal_acts_on(character, escaped) -> None:
    assert safe(f"<{character}>") == f"<{escaped}>"


@given(st.text(max_size=40))
@settings(max_examples=200)
def test_every_finding_is_one_line_whatever_the_values(value) -> None:
    bundle = json.loads((EXAMPLES / "gd-2022" / "training" / "valid.json").read_text(encoding="utf-8"))
    bundle["project"]["title"] = value
    bundle["call"] = value if value else bundle["call"]
    report = appcheck.validate(bundle, as_of="2022-05-10")
    out = _text(report, verbose=True)
    shown = [f for f in report.findings]
    finding_lines = [line for line in out.splitlines() if line.startswith("  #0")]
    assert len(finding_lines) == len(shown)
    assert not any(ch in out for ch in "\x1b\r\x85\u2028\u2029")
