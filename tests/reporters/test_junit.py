"""``--format junit``: JUnit XML valid against the strict Ant schema and the Jenkins xUnit schema."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from appcheck.reporters import Options, message, reporter
from appcheck.reporters.junit import body, clean

from .conftest import BATCHES, NASTY, NASTY_FILE, non_passed

XSDS = ("junit-windyroad-ant.xsd", "junit-jenkins-xunit-10.xsd")


def classname(report, suite_name: str) -> str:
    """The topic (with its track), or for a bundle without one, the suite's name (its file)."""
    if report.topic is None:
        return suite_name
    return report.topic + (f"#{report.track}" if report.track else "")


def batch_suite(batch) -> list:
    """The batch findings a last suite holds: those naming bundles whose suites lack them."""
    return [finding for report, finding, _ in non_passed(batch) if report is None]


def render(batch, **options) -> str:
    return reporter("junit").render(batch, Options(**options))


def parse(batch, **options) -> ET.Element:
    return ET.fromstring(render(batch, **options))


@pytest.fixture(scope="module", params=XSDS)
def xsd(request, external_schemas):
    import xmlschema

    return xmlschema.XMLSchema(str(external_schemas / request.param))


@pytest.mark.parametrize("name", BATCHES)
@pytest.mark.parametrize("strict", [False, True])
def test_valid_against_both_xsds(name, strict, request, xsd) -> None:
    text = render(request.getfixturevalue(name), strict=strict, lang="en")
    errors = list(xsd.iter_errors(text))
    assert not errors, "\n".join(str(error) for error in errors[:3])


@pytest.mark.parametrize("name", BATCHES)
def test_one_suite_per_file_and_one_case_per_finding(name, request) -> None:
    batch = request.getfixturevalue(name)
    root = parse(batch)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == len(batch.reports) + (1 if batch_suite(batch) else 0)
    for index, (suite, report) in enumerate(zip(suites, batch.reports)):
        assert suite.get("id") == str(index)
        if report.file and report.file.strip():
            assert suite.get("name") == clean(report.file)
        cases = suite.findall("testcase")
        assert len(cases) == len(report.findings) == int(suite.get("tests"))
        for case, finding in zip(cases, report.findings):
            assert case.get("name").startswith(clean(finding.requirement))
            assert case.get("classname") == classname(report, suite.get("name"))
        assert [child.tag for child in suite][0] == "properties"
        assert [child.tag for child in suite][-2:] == ["system-out", "system-err"]
    if batch_suite(batch):
        assert suites[-1].get("name") == "batch"
        assert len(suites[-1].findall("testcase")) == len(batch_suite(batch))


@pytest.mark.parametrize("name", BATCHES)
@pytest.mark.parametrize("strict", [False, True])
def test_failures(name, strict, request) -> None:
    batch = request.getfixturevalue(name)
    suites = parse(batch, strict=strict, lang="en").findall("testsuite")
    groups = [report.findings for report in batch.reports] + ([batch_suite(batch)] if batch_suite(batch) else [])
    for suite, findings in zip(suites, groups):
        cases = suite.findall("testcase")
        failing = [f.status.value not in ("passed", "waived") if strict else f.blocking for f in findings]
        assert [case.find("failure") is not None for case in cases] == failing
        assert int(suite.get("failures")) == sum(failing)
        assert suite.get("errors") == "0"
        for case, finding in zip(cases, findings):
            failure = case.find("failure")
            if failure is not None:
                assert failure.get("message") == clean(message(finding, "en"))
                assert failure.get("type") == finding.requirement
                assert failure.text.startswith(body(message(finding, "en")))
                assert body(finding.source) in failure.text


@pytest.mark.parametrize("name", ["example_batch", "odd_batch", "nasty_batch"])
def test_warnings_and_reviews_go_to_the_suite_output(name, request) -> None:
    batch = request.getfixturevalue(name)
    suites = parse(batch, lang="en").findall("testsuite")
    noted = 0
    for suite, report in zip(suites, batch.reports):
        out = suite.find("system-out").text or ""
        for finding in report.findings:
            if finding.status.value != "passed" and not finding.blocking:
                assert f" {finding.requirement} " in out
                assert body(message(finding, "en")) in out
                noted += 1
    assert noted
    # with --strict they are failures, and the suite output is empty
    for suite in parse(batch, strict=True).findall("testsuite"):
        assert not suite.find("system-out").text


def test_file_names_with_spaces_and_chinese(odd_batch) -> None:
    names = [suite.get("name") for suite in parse(odd_batch).findall("testsuite")]
    assert "申报 材料/bad 国别.json" in names
    assert "申报 材料/broken 100%.json" in names


def test_illegal_characters_are_replaced_and_markup_escaped(nasty_batch) -> None:
    text = render(nasty_batch, strict=True)
    root = ET.fromstring(text)  # parses: nothing XML 1.0 forbids is left
    suite = root.find("testsuite")
    assert suite.get("name") == clean(NASTY_FILE)
    failure = suite.find("testcase").find("failure")
    expected = clean(NASTY)
    assert failure.get("message") == expected  # attributes keep CR and LF (written as character references)
    assert body(NASTY) in failure.text
    assert "\ufffd" in failure.text and "<tag>" in failure.text and "]]>" in failure.text
    for char in "\x00\x01\x08\x0b\x0c\x1b\ufffe\uffff\ud800":
        assert char not in text


def test_blank_and_missing_file_names_get_a_name(nasty_batch) -> None:
    suites = parse(nasty_batch).findall("testsuite")
    assert suites[1].get("name") == "#1" and suites[1].get("package") == "appcheck"
    assert suites[2].get("name") == "#2" and suites[2].get("tests") == "0"


def test_empty_batch(empty_batch) -> None:
    root = parse(empty_batch)
    assert root.tag == "testsuites" and len(root) == 0


def test_timestamp_is_the_checked_date(example_batch) -> None:
    suite = parse(example_batch).find("testsuite")
    assert suite.get("timestamp") == f"{example_batch.reports[0].checked_on.isoformat()}T00:00:00"
    assert suite.get("hostname") == "localhost"


@pytest.mark.parametrize("name", BATCHES)
def test_stable_output(name, request) -> None:
    batch = request.getfixturevalue(name)
    assert render(batch) == render(batch)


@pytest.mark.parametrize("name", BATCHES)
def test_case_names_are_unique_within_each_suite(name, request) -> None:
    for suite in parse(request.getfixturevalue(name)).findall("testsuite"):
        names = [case.get("name") for case in suite.findall("testcase")]
        assert len(names) == len(set(names)), suite.get("name")


def test_a_case_is_named_by_its_requirement_whatever_the_outcome(example_batch) -> None:
    from appcheck import catalog

    for suite, report in zip(parse(example_batch).findall("testsuite"), example_batch.reports):
        for case, finding in zip(suite.findall("testcase"), report.findings):
            if finding.requirement in catalog.requirements():
                assert case.get("name") == finding.requirement
            else:  # SCHEMA and the like: several a bundle, each named by its place too
                assert case.get("name").startswith(f"{finding.requirement} {finding.path}")


def test_passing_and_failing_bundles_name_their_cases_alike() -> None:
    from appcheck.model import BatchReport, Finding, Report

    passing = Finding("GD22-EXC-ATTENDANCE", "passed", "error", ("exchange", "attendance"), "ok", "ok", "")
    failing = Finding("GD22-EXC-ATTENDANCE", "failed", "error", ("exchange", "academicians"), "no", "no", "")
    schema = [Finding("SCHEMA", "failed", "error", ("budget",), "m", "m", "")] * 2
    root = parse(BatchReport((Report((passing, *schema), file="a.json"), Report((failing,), file="b.json"))))
    names = [[case.get("name") for case in suite.findall("testcase")] for suite in root.findall("testsuite")]
    assert names == [["GD22-EXC-ATTENDANCE", "SCHEMA /budget", "SCHEMA /budget #2"], ["GD22-EXC-ATTENDANCE"]]


def test_no_batch_suite_repeats_the_bundles_findings(example_batch) -> None:
    assert example_batch.findings
    names = [suite.get("name") for suite in parse(example_batch).findall("testsuite")]
    assert "batch" not in names


def test_waived_findings_are_skipped_with_the_reason(waived_batch, xsd) -> None:
    from appcheck.reporters import waiver_note

    text = render(waived_batch, lang="en", strict=True)
    assert not list(xsd.iter_errors(text))
    root = ET.fromstring(text)
    groups = [report.findings for report in waived_batch.reports] + [batch_suite(waived_batch)]
    skipped_total = 0
    for suite, findings in zip(root.findall("testsuite"), groups):
        for case, finding in zip(suite.findall("testcase"), findings):
            skipped = case.find("skipped")
            assert (skipped is not None) == (finding.status.value == "waived")
            if skipped is not None:
                assert case.find("failure") is None
                assert skipped.get("message") == clean(waiver_note(finding, "en")) and finding.waiver["approved_by"] in skipped.get("message")
                assert skipped.text.startswith(body(message(finding, "en")))
        assert int(suite.get("skipped")) == sum(f.status.value == "waived" for f in findings)
        skipped_total += int(suite.get("skipped"))
    assert skipped_total >= 3
