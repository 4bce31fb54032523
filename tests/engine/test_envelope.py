"""The envelope: the call, topic and track a bundle names, and what a file that is no bundle is told."""

from __future__ import annotations


import pytest

import appcheck

from ..conftest import example


def test_unknown_call_topic_and_track() -> None:
    assert [f.requirement for f in appcheck.validate({"call": "gd-2099"}).findings] == ["TOPIC"]
    assert appcheck.validate({"call": "gd-2022", "topic": "nope"}).findings[0].path == "/topic"
    report = appcheck.validate({"call": "gd-2022", "topic": "industrial"})
    assert report.findings[0].requirement == "TOPIC" and "direction-1" in report.findings[0].message
    report = appcheck.validate({"call": "gd-2022", "topic": "training", "track": "x"})
    assert report.findings[0].requirement == "TOPIC" and report.findings[0].path == "/track"


@pytest.mark.parametrize("data", [{"name": "x", "version": "1.0.0"}, {"repos": []}, {}, {"call": None}])
def test_a_file_that_is_not_a_bundle_says_so(data) -> None:
    report = appcheck.validate(data)
    assert [(f.requirement, f.status.value, f.path) for f in report.findings] == [("TOPIC", "failed", "")]
    assert report.findings[0].message_en == 'not an appcheck bundle: no "format": "appcheck/1"'
    assert report.findings[0].message == '不是 appcheck 申报书：缺少 "format": "appcheck/1"'


def test_another_format_is_not_a_bundle_and_the_finding_points_at_it() -> None:
    (finding,) = appcheck.validate({"format": "appcheck/2", "name": "x"}).findings
    assert finding.requirement == "TOPIC" and finding.path == "/format" and finding.actual == "appcheck/2"
    assert finding.message_en == 'not an appcheck bundle: "format" is "appcheck/2", not "appcheck/1"'


def test_a_bundle_with_its_format_and_an_unknown_call_is_told_the_calls() -> None:
    (finding,) = appcheck.validate({"format": "appcheck/1", "call": "xx-1999"}).findings
    assert finding.message_en.startswith("unknown call \"xx-1999\"; expected one of: ") and finding.path == "/call"


def test_a_bundle_that_forgot_its_format_is_still_checked_against_its_call() -> None:
    bundle = example("gd-2022", "training")
    del bundle["format"]
    report = appcheck.validate(bundle)
    assert "TOPIC" not in {f.requirement for f in report.findings}
    assert any(f.requirement == "SCHEMA" and f.path in ("", "/format") for f in report.findings)
