"""Batches for the reporter tests: real ones from the gd-2022 examples, odd files, and hand-built ones.

Reporters must render any batch; these cover every status and severity, the special requirement ids
(LOAD, TOPIC, SCHEMA, AS-OF), batch findings, file names with spaces and Chinese characters, XML-illegal
characters and attempts to inject workflow commands or markup.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import appcheck
from appcheck.model import BatchReport, Finding, Report

from ..conftest import EXAMPLES, ROOT

GD = EXAMPLES / "gd-2022"
SCHEMAS_ENV = "APPCHECK_EXTERNAL_SCHEMAS"

#: Strings no reporter may choke on or let through unescaped.
NASTY = "控制字符\x00\x01\x08\x0b\x0c\x1b\x7f 非字符\ufffe\uffff 孤代理\ud800 & <tag> \"q\" 'a' ]]> %0A %25 :: , \r\n::error::injected\n##[error]v1"
NASTY_FILE = "dir with space/申报 书,line=1::error::x%0A.json"


def _validate(paths: list[str], cwd: Path):
    """Validate ``paths`` relative to ``cwd`` so reports carry relative file names, as on a command line."""
    before = os.getcwd()
    os.chdir(cwd)
    try:
        return appcheck.validate_batch(paths)
    finally:
        os.chdir(before)


@pytest.fixture(scope="session")
def example_batch():
    """Every gd-2022 example as one batch (relative paths): failures, warnings, info, reviews, a batch finding."""
    paths = sorted(str(path.relative_to(ROOT).as_posix()) for path in GD.rglob("*.json"))
    return _validate(paths, ROOT)


@pytest.fixture(scope="session")
def odd_batch(tmp_path_factory):
    """Real files with odd names and the special findings: LOAD (with a position), TOPIC, SCHEMA, AS-OF."""
    root = tmp_path_factory.mktemp("odd")
    valid = json.loads((GD / "training" / "valid.json").read_text(encoding="utf-8"))
    folder = root / "申报 材料"
    folder.mkdir()
    (folder / "培训 valid copy.json").write_text(json.dumps(valid, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "bad 国别.json").write_text((GD / "training" / "GD22-TRN-COUNTRIES.json").read_text(encoding="utf-8"), encoding="utf-8")
    undated = dict(valid)
    del undated["submitted_on"]
    (folder / "no date.json").write_text(json.dumps(undated, ensure_ascii=False, indent=2), encoding="utf-8")
    no_budget = dict(valid)
    del no_budget["budget"]
    (folder / "schema.json").write_text(json.dumps(no_budget, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "topic.json").write_text(json.dumps(dict(valid, call="no-such-call")), encoding="utf-8")
    (folder / "broken 100%.json").write_text('{\n  "call": "gd-2022",\n  "topic": \n}\n', encoding="utf-8")
    names = sorted(path.relative_to(root).as_posix() for path in folder.iterdir())
    batch = _validate(names, root)
    ids = {finding.requirement for report in batch.reports for finding in report.findings}
    assert {"LOAD", "TOPIC", "SCHEMA", "AS-OF"} <= ids, ids
    return batch


def nasty_finding(requirement: str, status: str, severity: str, **extra) -> Finding:
    return Finding(requirement, status, severity, ("a/b", "~x", 0, NASTY), NASTY, "en " + NASTY, "“条款” " + NASTY,
                   expected={"n": 3, "s": NASTY}, actual=[NASTY], **extra)


@pytest.fixture(scope="session")
def nasty_batch():
    """Hand-built findings carrying XML-illegal characters and injection attempts, in every status and severity."""
    findings = (
        nasty_finding("GD22-TRN-COUNTRIES", "failed", "error", line=3, column=7),
        nasty_finding("GD22-TRN-COUNTRIES", "passed", "error"),
        nasty_finding("SOFT-ONE", "failed", "warning", line=1, column=1),
        nasty_finding("INFO-ONE", "failed", "info"),
        nasty_finding("GD22-HISTORY", "needs_review", "error", line=10, column=2),
        Finding("LOAD", "failed", "error", (), "", "", ""),  # empty messages, whole bundle
    )
    reports = (
        Report(findings, call="gd-2022", topic_id="training", track=None, file=NASTY_FILE),
        Report(findings[:2], file=None),  # an in-memory bundle: no file, no topic
        Report((), file="   "),  # no findings, a blank name
    )
    batch_findings = (
        Finding("GD22-PI-IDENTITY", "failed", "error", ("principal_investigator",), NASTY, NASTY, NASTY, bundles=(NASTY_FILE, "#1")),
        Finding("GD22-PI-IDENTITY", "needs_review", "warning", (), "复核", "review", "", bundles=("#1",)),
    )
    return BatchReport(reports, batch_findings)


@pytest.fixture(scope="session")
def waived_batch():
    """Every gd-2022 example as one batch with waivers: findings of a bundle's own checks and a batch
    finding waived (one waiver's reason carrying the nasty string), one waiver expired, one unused."""
    import datetime as dt

    from appcheck.waivers import Waiver

    paths = sorted(str(path.relative_to(ROOT).as_posix()) for path in GD.rglob("*.json"))
    until = dt.date(2099, 12, 31)
    waivers = [
        Waiver("GD22-TRN-COUNTRIES", ("examples/gd-2022/training/*",), "特批 " + NASTY, "科技厅 <b>&", until),
        Waiver("GD22-PI-IDENTITY", ("examples/gd-2022/batches/*",), "one person, two ids: accepted", "bureau", until),
        Waiver("GD22-COFUNDING", ("examples/gd-2022/research/GD22-COFUNDING.json",), "co-funding pledged late", "bureau", until, "/budget"),
        Waiver("GD22-FIELDS", ("*",), "stale", "bureau", dt.date(2020, 1, 1), origin="appcheck.toml:20"),
        Waiver("GD22-TRN-SCALE", ("nothing/*",), "never used", "bureau", until, origin="appcheck.toml:30"),
    ]
    before = os.getcwd()
    os.chdir(ROOT)
    try:
        batch = appcheck.validate_batch(paths, as_of="2026-01-01", waivers=waivers)
    finally:
        os.chdir(before)
    statuses = {(f.requirement, f.status.value) for report in batch.reports for f in report.findings} | {
        (f.requirement, f.status.value) for f in batch.findings}
    assert {("GD22-TRN-COUNTRIES", "waived"), ("GD22-PI-IDENTITY", "waived"), ("GD22-COFUNDING", "waived"), ("WAIVER", "failed")} <= statuses
    return batch


@pytest.fixture(scope="session")
def empty_batch():
    return BatchReport(())


@pytest.fixture(scope="session")
def external_schemas() -> Path:
    folder = os.environ.get(SCHEMAS_ENV)
    if not folder:
        pytest.skip(f"{SCHEMAS_ENV} is not set (the folder with the SARIF and JUnit schemas)")
    return Path(folder)


BATCHES = ("example_batch", "odd_batch", "nasty_batch", "waived_batch", "empty_batch")


def non_passed(batch) -> list[tuple]:
    """``(report or None, finding, names)`` for every finding not passed, reported once per place: each
    report's, then each batch finding with the bundles it names whose reports do not carry it (if any)."""
    found = [(report, f, [report.file]) for report in batch.reports for f in report.findings if f.status.value != "passed"]
    carried = {(report.file if report.file is not None else f"#{index}", f.requirement)
               for index, report in enumerate(batch.reports) for f in report.findings if f.status.value != "passed"}
    for finding in batch.findings:
        names = [name for name in finding.bundles if (name, finding.requirement) not in carried]
        if finding.status.value != "passed" and (names or not finding.bundles):
            found.append((None, finding, names))
    return found


def placed(batch) -> list[tuple]:
    """``(report or None, finding, file)`` once per place, in output order: a batch finding at each file
    it names whose report lacks it (``None`` for in-memory bundles, once)."""
    named = {report.file for report in batch.reports if report.file is not None}
    out = []
    for report, finding, names in non_passed(batch):
        if report is not None:
            out.append((report, finding, report.file))
        else:
            files = [b for b in names if b in named or not (b.startswith("#") and b[1:].isdigit())] or [None]
            out.extend((None, finding, file) for file in files)
    return out
