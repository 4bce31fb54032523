"""Waivers: which failed findings they cover (glob, pointer), expiry on the boundary day, unused and
expired waivers, the findings never waived, and how a configuration file states them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import appcheck
from appcheck import config
from appcheck.model import Finding, Status
from appcheck.waivers import Waiver, Waivers

from .conftest import EXAMPLES
from .test_cli import run

GD = EXAMPLES / "gd-2022"
COUNTRIES = GD / "training" / "GD22-TRN-COUNTRIES.json"  # fails GD22-TRN-COUNTRIES at /training/trainees
COFUNDING = GD / "research" / "GD22-COFUNDING.json"  # fails GD22-COFUNDING at /budget
VALID = GD / "training" / "valid.json"
IDENTITY = sorted(str(path) for path in (GD / "batches" / "GD22-PI-IDENTITY").iterdir())  # a batch finding
UNTIL = dt.date(2099, 12, 31)


def waiver(requirement="GD22-TRN-COUNTRIES", bundles=("*",), pointer=None, expires_on=UNTIL, base=None, origin="test") -> Waiver:
    return Waiver(requirement, bundles, "特批", "科技厅", expires_on, pointer, origin, base)


def statuses(batch) -> dict:
    """``{requirement: status}`` of every finding that is not passed, the batch's included."""
    found = {f.requirement: f.status.value for report in batch.reports for f in report.findings if f.status.value != "passed"}
    found.update((f.requirement, f.status.value) for f in batch.findings if f.requirement != "WAIVER")
    return found


def waiver_findings(batch) -> list[tuple[str, str]]:
    return [(f.severity.value, f.actual["reason"]) for f in batch.findings if f.requirement == "WAIVER"]


# -- what a waived finding is ----------------------------------------------------------------------


def test_a_waived_finding_no_longer_blocks_and_keeps_its_waiver() -> None:
    assert not appcheck.validate_batch([str(COUNTRIES)]).ok
    batch = appcheck.validate_batch([str(COUNTRIES)], waivers=[waiver(origin="appcheck.toml:4")])
    assert batch.ok and batch.reports[0].ok and batch.findings == ()
    finding = next(f for f in batch.reports[0].findings if f.requirement == "GD22-TRN-COUNTRIES")
    assert finding.status is Status.WAIVED and not finding.blocking and finding.clean()
    assert finding.waiver == {"reason": "特批", "approved_by": "科技厅", "expires_on": "2099-12-31", "origin": "appcheck.toml:4"}
    assert finding.message_en.startswith("trainees come from 2 countries")  # what was found stays
    data = batch.reports[0].to_dict()
    assert data["summary"]["waived"] == 1 and data["summary"]["failed"] == 0
    assert appcheck.Report.from_dict(json.loads(json.dumps(data))).to_dict() == data


def test_waivers_apply_the_same_in_worker_processes_and_past_the_memory_hold() -> None:
    from appcheck import engine

    paths = [str(COUNTRIES), str(COFUNDING), str(VALID)] * 3
    waivers = [waiver(), waiver("GD22-COFUNDING", pointer="/budget")]
    expected = appcheck.validate_batch(paths, waivers=waivers).to_dict()
    with engine.check_batch(paths, jobs=2, hold=0, waivers=waivers) as checked:
        assert checked.report().to_dict() == expected and checked.ok


# -- matching: glob and pointer --------------------------------------------------------------------


@pytest.mark.parametrize("globs,covered", [
    (("*",), True),
    (("*GD22-TRN-COUNTRIES.json",), True),  # * crosses /
    (("examples/gd-2022/training/*.json",), True),  # relative to the base (the configuration's folder)
    (("training/*",), False),
    (("nothing.json", "examples/gd-2022/*/GD22-TRN-*.json"), True),  # any glob of the list
    (("examples/gd-2022/research/*",), False),
])
def test_bundle_globs(globs, covered) -> None:
    base = str(EXAMPLES.parent)
    batch = appcheck.validate_batch([str(COUNTRIES)], waivers=[waiver(bundles=globs, base=base)])
    assert statuses(batch)["GD22-TRN-COUNTRIES"] == ("waived" if covered else "failed")
    assert waiver_findings(batch) == ([] if covered else [("warning", "特批")])


def test_bundle_given_in_memory_is_matched_by_its_place() -> None:
    bundle = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    valid = json.loads(VALID.read_text(encoding="utf-8"))
    batch = appcheck.validate_batch([valid, bundle], waivers=[waiver(bundles=("#1",))])
    assert batch.ok and statuses(batch)["GD22-TRN-COUNTRIES"] == "waived"
    batch = appcheck.validate_batch([bundle, valid], waivers=[waiver(bundles=("#1",))])
    assert not batch.ok and waiver_findings(batch) == [("warning", "特批")]


@pytest.mark.parametrize("pointer,covered", [
    (None, True),
    ("", True),  # the whole bundle
    ("/budget", True),
    ("/budget/self_raised", False),  # a value inside the one the finding is about
    ("/budg", False),  # a prefix of the name is not a parent
    ("/project", False),
])
def test_pointer(pointer, covered) -> None:
    batch = appcheck.validate_batch([str(COFUNDING)], waivers=[waiver("GD22-COFUNDING", pointer=pointer)])
    assert statuses(batch)["GD22-COFUNDING"] == ("waived" if covered else "failed") and batch.ok == covered


def test_pointer_covers_the_values_inside_it() -> None:
    batch = appcheck.validate_batch([str(COUNTRIES)], waivers=[waiver(pointer="/training")])
    assert statuses(batch)["GD22-TRN-COUNTRIES"] == "waived"


def test_other_requirement_is_not_covered() -> None:
    batch = appcheck.validate_batch([str(COUNTRIES)], waivers=[waiver("GD22-TRN-SCALE")])
    assert statuses(batch)["GD22-TRN-COUNTRIES"] == "failed" and waiver_findings(batch) == [("warning", "特批")]


def test_a_batch_finding_is_waived_only_when_every_bundle_it_names_is_covered() -> None:
    assert statuses(appcheck.validate_batch(IDENTITY))["GD22-PI-IDENTITY"] == "failed"
    batch = appcheck.validate_batch(IDENTITY, waivers=[waiver("GD22-PI-IDENTITY", bundles=("*/GD22-PI-IDENTITY/*",))])
    assert batch.ok and statuses(batch)["GD22-PI-IDENTITY"] == "waived" and waiver_findings(batch) == []
    batch = appcheck.validate_batch(IDENTITY, waivers=[waiver("GD22-PI-IDENTITY", bundles=("*/training.json",))])
    assert not batch.ok and statuses(batch)["GD22-PI-IDENTITY"] == "failed"


def test_only_failed_findings_are_waived() -> None:
    # the valid training bundle's GD22-TRN-SYSTEM needs review: a waiver does not touch it and is unused
    batch = appcheck.validate_batch([str(VALID)], waivers=[waiver("GD22-TRN-SYSTEM")])
    assert statuses(batch) == {"GD22-TRN-SYSTEM": "needs_review"} and waiver_findings(batch) == [("warning", "特批")]


# -- never LOAD, TOPIC or SCHEMA -------------------------------------------------------------------


@pytest.mark.parametrize("requirement", ["LOAD", "SCHEMA", "TOPIC"])
def test_load_schema_and_topic_findings_are_never_waived(tmp_path, requirement) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"call": "gd-2022",', encoding="utf-8")
    no_budget = json.loads(VALID.read_text(encoding="utf-8"))
    del no_budget["budget"]
    unknown = dict(no_budget, call="no-such-call")
    batch = appcheck.validate_batch([str(broken), no_budget, unknown], waivers=[waiver(requirement)])  # made in code
    assert not batch.ok
    assert {f.requirement: f.status.value for r in batch.reports for f in r.findings if f.requirement in ("LOAD", "SCHEMA", "TOPIC")} == {
        "LOAD": "failed", "SCHEMA": "failed", "TOPIC": "failed"}
    assert waiver_findings(batch) == [("warning", "特批")]
    with pytest.raises(ValueError, match=f"{requirement} findings are never waived"):
        Waiver.from_mapping({"requirement": requirement, "bundles": "*", "reason": "r", "approved_by": "a", "expires_on": UNTIL})


# -- expiry ----------------------------------------------------------------------------------------


@settings(max_examples=30)
@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(-400, 400))
@example(dt.date(2026, 3, 31), 0)  # the last day it holds
@example(dt.date(2026, 3, 31), 1)  # the day after: expired
@example(dt.date(2026, 3, 31), -1)  # the day before
@example(dt.date(2024, 2, 29), 1)
def test_a_waiver_holds_up_to_and_including_its_expiry_date(expires_on, days_after) -> None:
    as_of = expires_on + dt.timedelta(days=days_after)
    holds = as_of <= expires_on  # the reference: expires_on is the last day a waiver holds
    batch = appcheck.validate_batch([str(COUNTRIES)], as_of=as_of, waivers=[waiver(expires_on=expires_on)])
    assert batch.ok == holds
    assert statuses(batch)["GD22-TRN-COUNTRIES"] == ("waived" if holds else "failed")
    assert waiver_findings(batch) == ([] if holds else [("error", "特批")])


def test_an_expired_waiver_does_nothing_but_say_so() -> None:
    batch = appcheck.validate_batch([str(COUNTRIES)], as_of="2026-04-01", waivers=[waiver(expires_on=dt.date(2026, 3, 31), origin="appcheck.toml:7")])
    [finding] = [f for f in batch.findings if f.requirement == "WAIVER"]
    assert finding.status is Status.FAILED and finding.severity.value == "error" and finding.blocking
    assert "expired on 2026-03-31" in finding.message_en and "2026-03-31" in finding.message and finding.source == "appcheck.toml:7"
    assert statuses(batch)["GD22-TRN-COUNTRIES"] == "failed"


def test_an_unused_waiver_is_a_warning() -> None:
    batch = appcheck.validate_batch([str(VALID)], waivers=[waiver(origin="appcheck.toml:9")])
    [finding] = [f for f in batch.findings if f.requirement == "WAIVER"]
    assert finding.severity.value == "warning" and "matched no failed finding" in finding.message_en
    assert batch.ok and not batch.strict_ok


def test_each_waiver_is_judged_on_its_own() -> None:
    batch = appcheck.validate_batch([str(COUNTRIES), str(COFUNDING)], waivers=[
        waiver(), waiver("GD22-COFUNDING", expires_on=dt.date(2020, 1, 1)), waiver("GD22-TRN-SCALE")])
    assert [severity for severity, _ in waiver_findings(batch)] == ["error", "warning"]
    assert statuses(batch)["GD22-TRN-COUNTRIES"] == "waived" and statuses(batch)["GD22-COFUNDING"] == "failed"


def test_waivers_must_be_waiver_values() -> None:
    with pytest.raises(TypeError):
        appcheck.validate_batch([str(VALID)], waivers=[{"requirement": "GD22-TRN-COUNTRIES"}])
    with pytest.raises(TypeError):
        Waivers.of(["x"], dt.date(2026, 1, 1))


# -- in a configuration file -----------------------------------------------------------------------

ENTRY = """\
[[waivers]]
requirement = "GD22-TRN-COUNTRIES"
bundles = ["submitted/*.json"]
pointer = "/training/trainees"
reason = "特批：两国学员，经审批同意"
approved_by = "省科技厅国际合作处"
expires_on = 2099-06-30
"""


def test_waivers_from_a_configuration_file(tmp_path, monkeypatch) -> None:
    (tmp_path / "submitted").mkdir()
    (tmp_path / "submitted" / "a.json").write_bytes(COUNTRIES.read_bytes())
    path = tmp_path / "appcheck.toml"
    path.write_text('lang = "en"\n\n' + ENTRY, encoding="utf-8")
    [loaded] = config.load(path).waivers
    assert loaded == Waiver("GD22-TRN-COUNTRIES", ("submitted/*.json",), "特批：两国学员，经审批同意", "省科技厅国际合作处",
                            dt.date(2099, 6, 30), "/training/trainees", f"{path}:3", str(tmp_path))
    monkeypatch.chdir(tmp_path / "submitted")  # globs are relative to the file's folder, not to here
    code, out, _ = run("validate", "a.json")
    assert code == 0 and "waived GD22-TRN-COUNTRIES /training/trainees" in out and "approved by 省科技厅国际合作处, until 2099-06-30" in out
    code, out, _ = run("config")
    assert code == 0 and f"GD22-TRN-COUNTRIES at /training/trainees for submitted/*.json" in out
    assert json.loads(run("config", "--json")[1])["waivers"][0]["origin"] == f"{path}:3"
    code, out, _ = run("validate", "a.json", "--as-of", "2099-07-01")  # expired by then
    assert code == 1 and "waiver expired on 2099-06-30" in out


def test_waivers_in_pyproject(tmp_path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "bureau"\n[tool.appcheck]\nlang = "en"\n' + ENTRY.replace("[[waivers]]", "[[tool.appcheck.waivers]]") * 2, encoding="utf-8")
    assert [w.origin for w in config.load(path).waivers] == [f"{path}:5", f"{path}:12"]


WAIVER_ERRORS = [
    ("missing-reason", ENTRY.replace('reason = "特批：两国学员，经审批同意"\n', ""), 1, "waivers[0]: reason is required (a waiver needs requirement, bundles, reason, approved_by, expires_on)"),
    ("missing-approver", ENTRY.replace('approved_by = "省科技厅国际合作处"\n', ""), 1, "approved_by is required"),
    ("missing-expiry", ENTRY.replace("expires_on = 2099-06-30\n", ""), 1, "expires_on is required"),
    ("empty-reason", ENTRY.replace('"特批：两国学员，经审批同意"', '"  "'), 5, "reason is a non-empty text"),
    ("expiry-text", ENTRY.replace("2099-06-30", '"end of June"'), 7, "expires_on is a date (expires_on = 2026-06-30)"),
    ("expiry-datetime", ENTRY.replace("2099-06-30", "2099-06-30T12:00:00"), 7, "expires_on is a date"),
    ("unknown-field", ENTRY + 'approved_on = 2025-01-01\n', 8, "unknown field 'approved_on'; accepted: requirement, bundles, pointer, reason, approved_by, expires_on"),
    ("unknown-requirement", ENTRY.replace('"GD22-TRN-COUNTRIES"', '"GD22-TRN-COUNTRY"'), 2, "unknown requirement 'GD22-TRN-COUNTRY'"),
    ("load", ENTRY.replace('"GD22-TRN-COUNTRIES"', '"LOAD"'), 2, "LOAD findings are never waived"),
    ("schema", ENTRY.replace('"GD22-TRN-COUNTRIES"', '"SCHEMA"'), 2, "SCHEMA findings are never waived"),
    ("topic", ENTRY.replace('"GD22-TRN-COUNTRIES"', '"TOPIC"'), 2, "TOPIC findings are never waived"),
    ("bundles-empty", ENTRY.replace('["submitted/*.json"]', "[]"), 3, "bundles is a glob or an array of globs"),
    ("bundles-number", ENTRY.replace('["submitted/*.json"]', "[1]"), 3, "bundles is a glob or an array of globs"),
    ("pointer", ENTRY.replace('"/training/trainees"', '"training/trainees"'), 4, "pointer is a JSON Pointer (RFC 6901)"),
    ("not-a-list", 'waivers = "none"\n', 1, "waivers is an array of tables"),
    ("not-a-table", "waivers = [1]\n", 1, "waivers[0]: a waiver is a table"),
]


@pytest.mark.parametrize("name,text,line,message", WAIVER_ERRORS, ids=[case[0] for case in WAIVER_ERRORS])
def test_malformed_waivers_are_usage_errors(tmp_path, name, text, line, message) -> None:
    path = tmp_path / "appcheck.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(config.ConfigError) as raised:
        config.load(path)
    assert (raised.value.line, message in raised.value.message) == (line, True), raised.value
    code, out, err = run("validate", str(VALID), "--config", str(path))
    assert code == 2 and out == "" and f"{path}:{line}: " in err


def test_waiver_errors_name_the_entry_they_are_in(tmp_path) -> None:
    path = tmp_path / "appcheck.toml"
    path.write_text(ENTRY + "\n" + ENTRY.replace("2099-06-30", '"soon"'), encoding="utf-8")
    with pytest.raises(config.ConfigError, match=r"appcheck.toml:15: waivers\[1\]: expires_on is a date"):
        config.load(path)


def test_finding_from_dict_keeps_the_waiver() -> None:
    finding = Finding("GD22-TRN-COUNTRIES", "waived", "error", ("training",), waiver={"reason": "r", "approved_by": "a", "expires_on": "2099-12-31"})
    assert Finding.from_dict(json.loads(json.dumps(finding.to_dict()))) == finding


def test_paths_are_strings_in_the_config_origin(tmp_path) -> None:
    path = tmp_path / "appcheck.toml"
    path.write_text(ENTRY, encoding="utf-8")
    assert isinstance(config.load(Path(path)).waivers[0].origin, str)
