"""``appcheck validate --format sarif|junit|github`` end to end: the reporter's output and the exit status."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from appcheck import cli

from ..conftest import ROOT

GOOD = "examples/gd-2022/training/valid.json"
BAD = "examples/gd-2022/training/GD22-TRN-COUNTRIES.json"


def _run(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(ROOT)
    status = cli.main(["validate", "--color", "never", *args])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_exit_status_follows_the_batch(fmt, monkeypatch, capsys) -> None:
    assert _run(monkeypatch, capsys, "--format", fmt, GOOD)[0] == cli.EXIT_OK
    assert _run(monkeypatch, capsys, "--format", fmt, GOOD, "--strict")[0] == cli.EXIT_FAILED  # a pending review
    assert _run(monkeypatch, capsys, "--format", fmt, GOOD, BAD)[0] == cli.EXIT_FAILED


def test_sarif_from_the_command_line(monkeypatch, capsys) -> None:
    _, out = _run(monkeypatch, capsys, "--format", "sarif", BAD)
    results = json.loads(out)["runs"][0]["results"]
    assert {r["ruleId"] for r in results if r["kind"] == "fail"} == {"GD22-TRN-COUNTRIES"}
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == BAD


def test_junit_from_the_command_line(monkeypatch, capsys) -> None:
    _, out = _run(monkeypatch, capsys, "--format", "junit", BAD)
    failures = ET.fromstring(out).findall("./testsuite/testcase/failure")
    assert [f.get("type") for f in failures] == ["GD22-TRN-COUNTRIES"]


def test_github_from_the_command_line(monkeypatch, capsys) -> None:
    _, out = _run(monkeypatch, capsys, "--format", "github", "--lang", "en", BAD)
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and f"file={BAD}," in errors[0] and "title=GD22-TRN-COUNTRIES::" in errors[0]
