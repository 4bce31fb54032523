"""``--format text`` with ``quiet`` (only bundles not ok, their failures, the summary) and ``summary``
(one line per bundle)."""

from __future__ import annotations

import pytest

from appcheck.reporters import Options, reporter

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
