"""``--format sarif``: valid SARIF 2.1.0 with one rule per requirement, one result per finding not passed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from appcheck import catalog
from appcheck.reporters import Options, message, reporter
from appcheck.reporters import sarif

from .conftest import BATCHES, NASTY_FILE, placed

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
#: RFC 3986 URI-reference characters (unreserved, reserved, and % for percent-encoding).
URI_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def render(batch, **options) -> dict:
    return json.loads(reporter("sarif").render(batch, Options(**options)))


@pytest.fixture(scope="module")
def validator(external_schemas):
    import jsonschema
    import referencing

    schema = json.loads((external_schemas / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft4Validator
    cls.check_schema(schema)
    return cls(schema, registry=referencing.Registry())  # no remote references: nothing is fetched


@pytest.mark.parametrize("name", BATCHES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_valid_against_the_sarif_schema(name, lang, request, validator) -> None:
    log = render(request.getfixturevalue(name), lang=lang)
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


@pytest.mark.parametrize("name", BATCHES)
def test_log_shape(name, request) -> None:
    from appcheck import __version__

    log = render(request.getfixturevalue(name))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "appcheck" and driver["version"] == __version__


@pytest.mark.parametrize("name", BATCHES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_result_per_finding_not_passed(name, lang, request) -> None:
    batch = request.getfixturevalue(name)
    run = render(batch, lang=lang)["runs"][0]
    expected = placed(batch)
    assert len(run["results"]) == len(expected)
    for result, (_, finding, _) in zip(run["results"], expected):
        assert result["ruleId"] == finding.requirement
        assert result["message"]["text"] == (message(finding, lang) or finding.requirement)
        assert result["properties"]["pointer"] == finding.path
        assert result["properties"]["status"] == finding.status.value
        if finding.status.value == "needs_review":
            # SARIF 3.27.10: a kind other than "fail" takes level "none"
            assert (result["kind"], result["level"]) == ("review", "none")
        else:
            assert (result["kind"], result["level"]) == ("fail", LEVEL[finding.severity.value])


@pytest.mark.parametrize("name", BATCHES)
def test_rules_match_results(name, request) -> None:
    run = render(request.getfixturevalue(name))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    assert set(ids) == {result["ruleId"] for result in run["results"]}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_catalog_rules_are_described_by_the_catalog_and_their_topics_clauses(example_batch) -> None:
    rules = render(example_batch)["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    known = catalog.requirements()
    quoted: dict[str, list[str]] = {}
    for finding in [f for report in example_batch.reports for f in report.findings] + list(example_batch.findings):
        if finding.status.value != "passed" and finding.source not in quoted.setdefault(finding.requirement, []):
            quoted[finding.requirement].append(finding.source)
    for rule in rules:
        requirement = known[rule["id"]]
        assert rule["shortDescription"]["text"] == requirement.rule
        assert rule["fullDescription"]["text"] == "\n".join(quoted[rule["id"]])
        assert f"原文：{rule['fullDescription']['text']}" in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] == LEVEL[requirement.severity.value]
        assert rule["properties"]["kind"] == requirement.kind


def test_special_requirements_have_their_own_descriptions(odd_batch) -> None:
    rules = {rule["id"]: rule for rule in render(odd_batch)["runs"][0]["tool"]["driver"]["rules"]}
    for rid in ("LOAD", "TOPIC", "SCHEMA", "AS-OF"):
        assert rules[rid]["shortDescription"]["text"] == sarif._SPECIAL[rid][0]
        assert rules[rid]["fullDescription"]["text"] == sarif._SPECIAL[rid][1]
    assert rules["AS-OF"]["defaultConfiguration"]["level"] == "note"
    assert rules["LOAD"]["defaultConfiguration"]["level"] == "error"


def test_unknown_requirement_gets_a_rule(nasty_batch) -> None:
    rules = {rule["id"]: rule for rule in render(nasty_batch)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["SOFT-ONE"]["defaultConfiguration"]["level"] == "warning"
    assert rules["INFO-ONE"]["defaultConfiguration"]["level"] == "note"
    assert rules["SOFT-ONE"]["shortDescription"]["text"] == "SOFT-ONE"


@pytest.mark.parametrize("name", ["example_batch", "odd_batch"])
def test_locations(name, request) -> None:
    batch = request.getfixturevalue(name)
    results = render(batch)["runs"][0]["results"]
    for result, (report, finding, file) in zip(results, placed(batch)):
        files = [file] if file is not None else []
        assert len(result["locations"]) == len(files)
        for location, file in zip(result["locations"], files):
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert URI_CHARS.fullmatch(uri), uri
            assert not uri.startswith("/") and ":" not in uri.split("/")[0]  # relative, as given
            assert unquote(uri) == file
            region = physical["region"]
            assert region["startLine"] >= 1 and region["startColumn"] >= 1
            if finding.line is not None:
                assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
            else:
                assert (region["startLine"], region["startColumn"]) == (1, 1)
            if finding.path:
                assert location["logicalLocations"] == [{"fullyQualifiedName": finding.path, "kind": "member"}]
            else:
                assert "logicalLocations" not in location


def test_file_names_with_spaces_and_chinese_are_percent_encoded(odd_batch) -> None:
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for result in render(odd_batch)["runs"][0]["results"] for loc in result["locations"]}
    assert "%E7%94%B3%E6%8A%A5%20%E6%9D%90%E6%96%99/bad%20%E5%9B%BD%E5%88%AB.json" in uris
    assert "%E7%94%B3%E6%8A%A5%20%E6%9D%90%E6%96%99/broken%20100%25.json" in uris


def test_a_batch_finding_is_one_result_per_bundle_at_its_line(example_batch) -> None:
    (finding,) = [f for f in example_batch.findings if f.requirement == "GD22-PI-IDENTITY"]
    results = [r for r in render(example_batch)["runs"][0]["results"] if r["ruleId"] == "GD22-PI-IDENTITY"]
    uris = [unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results]
    assert sorted(uris) == sorted(finding.bundles)  # 21 results for 21 bundles, no combined one
    listed = render(example_batch)["runs"][0]["properties"]["batchFindings"]
    for result in results:
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] > 1
        assert "bundles" not in result["properties"]  # listed once, in the run's batchFindings
        entry = listed[result["properties"]["batchFinding"]]
        assert entry["requirement"] == "GD22-PI-IDENTITY" and entry["bundles"] == list(finding.bundles)
        assert result["properties"]["bundleCount"] == len(finding.bundles)


def test_the_bundles_of_a_batch_finding_are_listed_once_in_the_run(example_batch) -> None:
    """Each batch finding not passed is an entry of the run's properties.batchFindings, naming its
    bundles once; every result of it points at its entry, so the log grows with the bundles, not
    with their square."""
    run = render(example_batch)["runs"][0]
    listed = run["properties"]["batchFindings"]
    expected = [f for f in example_batch.findings if f.status.value != "passed"]
    assert [(e["requirement"], e["status"], e["severity"], e["pointer"], e["message"], e["message_en"], e["bundles"]) for e in listed] == [
        (f.requirement, f.status.value, f.severity.value, f.path, f.message, f.message_en, list(f.bundles)) for f in expected
    ]
    names = sum(len(entry["bundles"]) for entry in listed)
    assert '"bundles"' not in json.dumps(run["results"])  # no result repeats a list
    pointing = [r for r in run["results"] if "batchFinding" in r["properties"]]
    assert len(pointing) == names  # a result at each bundle each batch finding names
    for result in pointing:
        entry = listed[result["properties"]["batchFinding"]]
        uri = unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        assert entry["requirement"] == result["ruleId"] and any(uri.endswith(name) for name in entry["bundles"])


def test_a_batch_without_batch_findings_lists_none(empty_batch) -> None:
    assert "batchFindings" not in render(empty_batch)["runs"][0]["properties"]


def test_a_batch_finding_is_reported_where_no_report_carries_it(nasty_batch) -> None:
    results = render(nasty_batch)["runs"][0]["results"]
    first, second = results[-2:]  # the batch findings: the reports do not carry them
    assert [unquote(loc["physicalLocation"]["artifactLocation"]["uri"]) for loc in first["locations"]] == [NASTY_FILE]
    assert second["locations"] == []


def _fingerprints(batch) -> list[str]:
    return [r["partialFingerprints"]["appcheck/v1"] for r in render(batch)["runs"][0]["results"]]


@pytest.mark.parametrize("name", ["example_batch", "odd_batch"])
def test_every_result_has_a_unique_fingerprint(name, request) -> None:
    prints = _fingerprints(request.getfixturevalue(name))
    assert prints and all(len(p) == 64 for p in prints)
    assert len(prints) == len(set(prints))


def test_fingerprints_ignore_lines_and_the_pointer_of_a_catalog_requirement() -> None:
    from appcheck.model import BatchReport, Finding, Report

    def one(path, line, requirement="GD22-EXC-ATTENDANCE", file="a.json"):
        return _fingerprints(BatchReport((Report((Finding(requirement, "failed", "error", path, "m", "m", "", line=line, column=1),), file=file),)))[0]

    assert one(("exchange", "attendance"), 3) == one(("exchange", "academicians"), 40)
    assert one(("exchange",), 3) != one(("exchange",), 3, file="b.json")
    assert one(("exchange",), 3) != one(("exchange",), 3, requirement="GD22-EXC-GRANT")
    assert one(("budget",), 3, requirement="SCHEMA") == one(("budget",), 9, requirement="SCHEMA")
    assert one(("budget",), 3, requirement="SCHEMA") != one(("project",), 3, requirement="SCHEMA")


def test_rule_help_says_what_is_checked_the_clause_and_how_to_fix_in_both_languages(example_batch, odd_batch) -> None:
    rules = render(example_batch)["runs"][0]["tool"]["driver"]["rules"] + render(odd_batch)["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        help_ = rule["help"]
        for part in ("text", "markdown"):
            assert "检查" in help_[part] and "如何修改" in help_[part], rule["id"]
            assert "Check" in help_[part] and "How to fix" in help_[part], rule["id"]
        requirement = catalog.requirements().get(rule["id"])
        if requirement is not None:
            assert rule["fullDescription"]["text"] in help_["text"] and rule["fullDescription"]["text"] in help_["markdown"]
            assert requirement.rule in help_["text"]
            assert help_["text"] != rule["fullDescription"]["text"]


def test_nasty_strings_survive(nasty_batch) -> None:
    text = reporter("sarif").render(nasty_batch, Options(lang="en"))
    log = json.loads(text)
    result = log["runs"][0]["results"][0]
    finding = nasty_batch.reports[0].findings[0]
    assert result["message"]["text"] == finding.message_en
    assert result["properties"]["expected"] == {"n": 3, "s": finding.message}
    assert result["properties"]["actual"] == [finding.message]
    assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "/a~1b/~0x/0/" + finding.message
    assert "\n::error" not in text  # JSON escapes the newline


def test_undecodable_and_absolute_file_names() -> None:
    from appcheck.model import BatchReport, Finding, Report

    finding = Finding("GD22-TRN-COUNTRIES", "failed", "error", (), "m", "m", "")
    batch = BatchReport((Report((finding,), file="bad\udcff\ud800.json"), Report((finding,), file="/tmp/a b/申报.json")))
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in render(batch)["runs"][0]["results"]]
    assert all(URI_CHARS.fullmatch(uri) for uri in uris), uris
    assert uris[1] == "file:///tmp/a%20b/%E7%94%B3%E6%8A%A5.json"


def test_empty_batch_has_an_empty_run(empty_batch) -> None:
    run = render(empty_batch)["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []


@pytest.mark.parametrize("name", BATCHES)
def test_stable_output(name, request) -> None:
    batch = request.getfixturevalue(name)
    assert reporter("sarif").render(batch, Options()) == reporter("sarif").render(batch, Options())


def test_strict_keeps_the_results(example_batch) -> None:
    plain = render(example_batch)["runs"][0]["results"]
    strict = render(example_batch, strict=True)["runs"][0]["results"]
    assert plain == strict


def test_a_rule_cites_each_topics_own_clause_once(tmp_path) -> None:
    """A run over bundles of two directions sharing a requirement: its help cites each direction's own clause."""
    from appcheck.engine import check_batch

    examples = Path(__file__).resolve().parents[2] / "examples" / "most-2022"
    bundles = [examples / "korea" / "MOST22-MAX3-DURATION.json", examples / "brics" / "MOST22-MAX3-DURATION.json"]
    with check_batch(bundles) as batch:
        (rule,) = [rule for rule in sarif.build(batch, Options())["runs"][0]["tool"]["driver"]["rules"] if rule["id"] == "MOST22-MAX3-DURATION"]
    cited = rule["fullDescription"]["text"].split("\n")
    assert [line.rpartition("：")[2] for line in cited] == ["“项目实施周期不超过 3 年”", "“项目执行期不超过 3 年”"]
    assert "原则上" not in rule["help"]["text"]


def test_waived_findings_are_results_with_an_accepted_suppression(waived_batch, validator) -> None:
    log = render(waived_batch, lang="en")
    assert not list(validator.iter_errors(log))
    results = log["runs"][0]["results"]
    waived = [finding for _, finding, _ in placed(waived_batch) if finding.status.value == "waived"]
    suppressed = [result for result in results if "suppressions" in result]
    assert len(suppressed) == len(waived) >= 3
    for result, finding in zip(suppressed, waived):
        [suppression] = result["suppressions"]
        assert suppression["kind"] == "external" and suppression["status"] == "accepted"
        assert suppression["justification"] == finding.waiver["reason"]
        assert suppression["properties"] == {key: value for key, value in finding.waiver.items() if key != "reason"}
        assert result["kind"] == "fail" and result["level"] == LEVEL[finding.severity.value] and result["properties"]["status"] == "waived"
    rule_ids = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rule_ids["WAIVER"]["properties"]["kind"] == "special"
