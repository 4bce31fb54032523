"""``--format github``: one workflow command per finding not passed, escaped so nothing can be injected."""

from __future__ import annotations

import pytest

from appcheck.model import Finding
from appcheck.reporters import Options, message_with_waiver, reporter
from appcheck.reporters.github import annotation, escape_data, escape_property

from .conftest import BATCHES, NASTY, NASTY_FILE, placed


def render(batch, **options) -> list[str]:
    text = reporter("github").render(batch, Options(**options))
    assert text.endswith("\n")
    return text[:-1].split("\n")


def parse(line: str):
    """Read a line as the Actions runner does (``ActionCommand.TryParseV2``); ``None`` when not a command."""
    line = line.lstrip()
    if not line.startswith("::"):
        return None
    end = line.find("::", 2)
    if end < 0:
        return None
    info, data = line[2:end], line[end + 2:]
    command, _, props = info.partition(" ")
    properties = {}
    for pair in filter(None, props.split(",")):
        key, _, value = pair.partition("=")
        properties[key] = value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    return command, properties, data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def expected_commands(batch):
    """``(command, file, finding)`` in output order: a batch finding only at the bundles whose reports lack it."""
    out = []
    for _, finding, file in placed(batch):
        if finding.status.value == "failed":
            command = {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
        else:
            command = "notice"
        out.append((command, file, finding))
    return out


def test_toolkit_escaping() -> None:
    assert escape_data("100% a\r\nb:c,d") == "100%25 a%0D%0Ab:c,d"
    assert escape_property("100% a\r\nb:c,d") == "100%25 a%0D%0Ab%3Ac%2Cd"
    assert annotation("error", "msg") == "::error::msg"
    assert annotation("warning", "m", "a b.json", 3, 4, "R-1") == "::warning file=a b.json,line=3,col=4,title=R-1::m"


@pytest.mark.parametrize("name", BATCHES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_command_per_finding_then_a_summary(name, lang, request) -> None:
    batch = request.getfixturevalue(name)
    lines = render(batch, lang=lang)
    expected = expected_commands(batch)
    assert len(lines) == len(expected) + 1
    for line, (command, file, finding) in zip(lines, expected):
        parsed = parse(line)
        assert parsed is not None, line
        got_command, properties, data = parsed
        assert got_command == command
        assert data == (message_with_waiver(finding, lang) or finding.requirement)
        assert properties.get("file") == file
        assert properties["title"] == finding.requirement
        if finding.line is not None:
            assert (properties["line"], properties["col"]) == (str(finding.line), str(finding.column))
        else:
            assert "line" not in properties and "col" not in properties
    summary = lines[-1]
    assert parse(summary) is None and not summary.lstrip().startswith("##[")
    assert summary.startswith("appcheck")


def test_examples_give_errors_warnings_and_notices(example_batch) -> None:
    commands = {parse(line)[0] for line in render(example_batch)[:-1]}
    assert commands == {"error", "warning", "notice"}


def test_injection_attempts_stay_inside_their_command(nasty_batch) -> None:
    lines = render(nasty_batch, lang="en")
    commands = [parse(line) for line in lines]
    assert all(command is not None for command in commands[:-1]) and commands[-1] is None
    first = commands[0]
    assert first[0] == "error"
    assert first[1] == {"file": NASTY_FILE, "line": "3", "col": "7", "title": "GD22-TRN-COUNTRIES"}
    assert first[2] == "en " + NASTY
    for line in lines:
        assert "\r" not in line
        assert not line.lstrip().startswith("##[")


def test_file_name_cannot_add_properties() -> None:
    from appcheck.model import BatchReport, Report

    finding = Finding("GD22-TRN-COUNTRIES", "failed", "error", (), "x\n::error::injected", "", "", line=2, column=3)
    batch = BatchReport((Report((finding,), file="a,line=1::b.json"),))
    lines = render(batch)
    assert lines[0] == "::error file=a%2Cline=1%3A%3Ab.json,line=2,col=3,title=GD22-TRN-COUNTRIES::x%0A::error::injected"
    assert len(lines) == 2


def test_empty_batch_prints_only_the_summary(empty_batch) -> None:
    lines = render(empty_batch, lang="en")
    assert len(lines) == 1 and parse(lines[0]) is None
    assert "0 file(s)" in lines[0]


def test_summary_counts(example_batch) -> None:
    summary = render(example_batch, lang="en")[-1]
    bad = sum(1 for report in example_batch.reports if not report.ok)
    assert f"{len(example_batch.reports)} file(s), {len(example_batch.reports) - bad} ok, {bad} not ok" in summary
    strict = render(example_batch, lang="en", strict=True)[-1]
    strict_bad = sum(1 for report in example_batch.reports if not report.strict_ok)
    assert f"{len(example_batch.reports) - strict_bad} ok, {strict_bad} not ok" in strict


@pytest.mark.parametrize("name", BATCHES)
def test_stable_output(name, request) -> None:
    batch = request.getfixturevalue(name)
    assert render(batch) == render(batch)


def test_a_batch_finding_is_annotated_once_per_bundle_at_its_line(example_batch) -> None:
    (finding,) = [f for f in example_batch.findings if f.requirement == "GD22-PI-IDENTITY"]
    annotations = [parse(line) for line in render(example_batch)[:-1]]
    identity = [properties for _, properties, _ in annotations if properties["title"] == "GD22-PI-IDENTITY"]
    assert sorted(properties["file"] for properties in identity) == sorted(finding.bundles)
    assert all("line" in properties for properties in identity)
    places = [(properties.get("file"), properties.get("line"), properties["title"]) for _, properties, _ in annotations]
    assert len(places) == len(set(places))


def test_a_waived_finding_is_a_notice_with_the_waiver(waived_batch) -> None:
    lines = [parse(line) for line in render(waived_batch, lang="en")[:-1]]
    waived = [data for command, properties, data in lines if "[waived: " in data]
    assert len(waived) >= 3 and all(command == "notice" for command, _, data in lines if "[waived: " in data)
    assert any(data.endswith("[waived: one person, two ids: accepted (approved by bureau, until 2099-12-31)]") for data in waived)
