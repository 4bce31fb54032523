"""``appcheck recheck REPORT.json``: a verdict that stands, one that changed (and why), a missing bundle,
and a recheck across a changed setting."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from appcheck import catalog, recheck

from .conftest import EXAMPLES
from .test_cli import run

TRAINING = EXAMPLES / "gd-2022" / "training"


@pytest.fixture
def season(tmp_path, monkeypatch):
    """A bureau's folder: three bundles (one failing GD22-TRN-COUNTRIES), checked to report.json."""
    (tmp_path / "submitted").mkdir()
    for name in ("valid.json", "GD22-TRN-COUNTRIES.json", "GD22-TRN-SCALE.json"):
        shutil.copy(TRAINING / name, tmp_path / "submitted" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate(*argv) -> dict:
    code, out, err = run("validate", *argv, "--format", "json", "--no-config")
    assert code in (0, 1), err
    Path("report.json").write_text(out, encoding="utf-8")
    return json.loads(out)


def recheck_json(*argv) -> tuple[int, dict]:
    code, out, err = run("recheck", "report.json", "--json", *argv)
    assert out, err
    return code, json.loads(out)


def test_an_unchanged_batch_stands(season) -> None:
    validate("submitted")
    code, out, _ = run("recheck", "report.json", "--lang", "en")
    assert code == 0
    assert out.splitlines() == [
        "submitted/GD22-TRN-COUNTRIES.json: stands", "submitted/GD22-TRN-SCALE.json: stands", "submitted/valid.json: stands",
        "3 bundle(s): 3 stand, 0 changed, 0 missing",
    ]
    assert "结论不变" in run("recheck", "report.json")[1]


def test_a_changed_bundle_lists_what_changed_and_why(season) -> None:
    validate("submitted")
    path = season / "submitted" / "valid.json"
    bundle = json.loads(path.read_text(encoding="utf-8"))
    bundle["training"]["trainees"] = bundle["training"]["trainees"][:1]
    path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    code, result = recheck_json()
    assert code == 1 and result["exit_status"] == 1
    changed = next(b for b in result["bundles"] if b["path"] == "submitted/valid.json")
    assert changed["state"] == "changed" and (changed["ok_before"], changed["ok_after"]) == (True, False)
    assert {"requirement": "GD22-TRN-COUNTRIES", "path": "/training/trainees", "before": "passed", "after": "failed"} in changed["changes"]
    assert changed["reasons"][0].startswith("bundle changed (sha256 ")
    assert [b["state"] for b in result["bundles"] if b["path"] != "submitted/valid.json"] == ["stands", "stands"]
    code, out, _ = run("recheck", "report.json", "--lang", "en")
    assert "submitted/valid.json: changed, ok -> not ok (bundle changed (sha256 " in out
    assert "  GD22-TRN-COUNTRIES /training/trainees: passed -> failed" in out.splitlines()


def test_a_bundle_that_is_the_same_bytes_again_stands(season) -> None:
    validate("submitted")
    path = season / "submitted" / "valid.json"
    raw = path.read_bytes()
    path.write_bytes(raw + b"\n")  # a different file with the same findings
    code, result = recheck_json()
    assert code == 0 and [b["state"] for b in result["bundles"]] == ["stands"] * 3


def test_a_missing_bundle_exits_2_and_the_others_are_still_rechecked(season) -> None:
    validate("submitted")
    (season / "submitted" / "GD22-TRN-SCALE.json").unlink()
    code, result = recheck_json()
    assert code == 2
    assert [(b["path"], b["state"], b["reasons"]) for b in result["bundles"]] == [
        ("submitted/GD22-TRN-COUNTRIES.json", "stands", []),
        ("submitted/GD22-TRN-SCALE.json", "missing", ["no such file"]),
        ("submitted/valid.json", "stands", []),
    ]


def test_a_bundle_from_standard_input_cannot_be_read_again(season) -> None:
    code, out, _ = run("validate", "-", "--format", "json", "--no-config", stdin=(TRAINING / "valid.json").read_bytes())
    (season / "report.json").write_text(out, encoding="utf-8")
    code, result = recheck_json()
    assert code == 2 and result["bundles"][0]["state"] == "missing"


def test_recheck_uses_the_recorded_setting_not_the_current_configuration(season) -> None:
    path = season / "submitted" / "valid.json"
    bundle = json.loads(path.read_text(encoding="utf-8"))
    bundle["principal_investigator"]["title_awarded_on"] = "2022-04-20"
    path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    report = validate(str(path.relative_to(season)), "--set", "gd-2022.published_on=2022-04-15")
    assert report["provenance"]["settings"]["gd-2022.published_on"] == {"value": "2022-04-15", "default": False}
    assert not report["ok"]
    (season / "appcheck.toml").write_text('[settings]\n"gd-2022.published_on" = 2022-04-30\n', encoding="utf-8")
    code, result = recheck_json()
    assert code == 0 and result["bundles"][0]["state"] == "stands"  # the March setting, whatever the file says now
    code, result = recheck_json("--set", "gd-2022.published_on=2022-04-25")  # the verdict under another value
    assert code == 1 and result["reasons"] == ["setting gd-2022.published_on 2022-04-15 -> 2022-04-25"]
    [bundle_result] = result["bundles"]
    assert bundle_result["changes"] == [{"requirement": "GD22-PI-QUALIFICATION", "path": bundle_result["changes"][0]["path"], "before": "failed", "after": "passed"}]
    assert bundle_result["reasons"] == ["setting gd-2022.published_on 2022-04-15 -> 2022-04-25"]
    code, out, err = run("recheck", "report.json", "--set", "gd-2022.publish_on=2022-04-25")
    assert code == 2 and "unknown setting" in err


def test_recheck_uses_the_recorded_as_of_and_waivers(season) -> None:
    (season / "appcheck.toml").write_text(
        '[[waivers]]\nrequirement = "GD22-TRN-COUNTRIES"\nbundles = ["submitted/*"]\nreason = "特批"\napproved_by = "科技厅"\nexpires_on = 2026-03-31\n',
        encoding="utf-8")
    code, out, _ = run("validate", "submitted", "--format", "json", "--as-of", "2026-03-01")
    (season / "report.json").write_text(out, encoding="utf-8")
    assert code == 0 and json.loads(out)["provenance"]["waivers"][0]["state"] == "applied"
    (season / "appcheck.toml").unlink()
    code, result = recheck_json()  # today the waiver has expired; on the recorded date it held
    assert code == 0 and {b["state"] for b in result["bundles"]} == {"stands"} and result["batch"] == []


def test_another_appcheck_or_catalogue_is_named_as_a_reason(season) -> None:
    report = validate("submitted")
    report["provenance"]["appcheck"] = "0.0.9"
    report["provenance"]["catalogue"] = {"revision": 1, "sha256": "0" * 64}
    report["provenance"]["calls"]["gd-2022"]["version"] = "0.0.9"
    finding = next(f for f in report["reports"][0]["findings"] if f["requirement"] == "GD22-TRN-COUNTRIES")
    finding["status"] = "passed"  # what the older catalogue said
    (season / "report.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    code, result = recheck_json()
    assert code == 1
    expected_reasons = ["appcheck 0.0.9 -> 0.1.0", f"catalogue revision 1 -> {catalog.revision()} (sha256 000000000000… -> {catalog.sha256()[:12]}…)",
                        "call gd-2022: appcheck 0.0.9 -> appcheck 0.1.0"]
    assert result["reasons"] == expected_reasons
    first = result["bundles"][0]
    assert first["state"] == "changed" and first["reasons"] == expected_reasons
    assert first["changes"] == [{"requirement": "GD22-TRN-COUNTRIES", "path": "/training/trainees", "before": "passed", "after": "failed"}]


@pytest.mark.parametrize("text,message", [
    ("not json", "not a JSON report"),
    ('{"format": "sarif"}', "not a JSON report of appcheck"),
    ('{"format": "appcheck-report/1", "ok": true, "reports": [], "findings": []}', "records no provenance"),
    ('{"format": "appcheck-report/1", "provenance": {"appcheck": "0.1.0"}}', "provenance is incomplete or malformed"),
])
def test_a_report_that_cannot_be_rechecked_is_a_usage_error(season, text, message) -> None:
    (season / "report.json").write_text(text, encoding="utf-8")
    code, out, err = run("recheck", "report.json")
    assert code == 2 and out == "" and message in err
    assert run("recheck", "nothing.json")[0] == 2
    with pytest.raises(recheck.RecheckError, match=message):
        recheck.recheck(recheck.load(season / "report.json"))
