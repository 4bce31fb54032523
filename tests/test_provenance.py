"""Every report records its provenance, and nothing but the time of the run changes from run to run."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET

import pytest

import appcheck
from appcheck import catalog, provenance

from .conftest import EXAMPLES
from .reporters.conftest import external_schemas  # noqa: F401 (a fixture)
from .test_cli import run

GD = EXAMPLES / "gd-2022"
COUNTRIES = GD / "training" / "GD22-TRN-COUNTRIES.json"
VALID = GD / "training" / "valid.json"
ZJ = EXAMPLES / "zj-2022"
FORMATS = ("json", "sarif", "junit", "text", "github", "html")


def digest(path) -> dict:
    raw = path.read_bytes()
    return {"path": str(path), "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}


def config_with_waivers(tmp_path):
    path = tmp_path / "appcheck.toml"
    path.write_text(
        '[settings]\n"gd-2022.published_on" = 2022-04-15\n\n'
        '[[waivers]]\nrequirement = "GD22-TRN-COUNTRIES"\nbundles = ["*"]\nreason = "特批"\napproved_by = "科技厅"\nexpires_on = 2099-12-31\n\n'
        '[[waivers]]\nrequirement = "GD22-TRN-SCALE"\nbundles = ["*"]\nreason = "old"\napproved_by = "科技厅"\nexpires_on = 2020-12-31\n',
        encoding="utf-8")
    return path


def test_the_json_report_records_every_field(tmp_path) -> None:
    path = config_with_waivers(tmp_path)
    code, out, _ = run("validate", str(COUNTRIES), str(VALID), "--format", "json", "--config", str(path), "--as-of", "2026-03-01")
    found = json.loads(out)["provenance"]
    assert set(found) == {"appcheck", "catalogue", "calls", "settings", "as_of", "waivers", "bundles", "run_at"}
    assert found["calls"] == {"gd-2022": {"pack": "appcheck", "version": appcheck.__version__}}
    assert found["appcheck"] == appcheck.__version__
    assert found["catalogue"] == {"revision": catalog.revision(), "sha256": catalog.sha256()} and found["catalogue"]["revision"] >= 2
    assert found["settings"] == {"gd-2022.published_on": {"value": "2022-04-15", "default": False}}  # the calls checked only
    assert found["as_of"] == "2026-03-01"
    assert [(w["requirement"], w["state"], w["origin"]) for w in found["waivers"]] == [
        ("GD22-TRN-COUNTRIES", "applied", f"{path}:4"), ("GD22-TRN-SCALE", "expired", f"{path}:11")]
    assert found["bundles"] == [digest(COUNTRIES), digest(VALID)]
    assert found["run_at"].endswith("Z") and len(found["run_at"]) == 20
    reports = json.loads(out)["reports"]
    assert [(r["size"], r["sha256"]) for r in reports] == [(b["size"], b["sha256"]) for b in found["bundles"]]


def test_default_settings_are_marked_and_given_ones_are_not() -> None:
    bundles = sorted(ZJ.rglob("valid*.json"))[:1] + [VALID]
    batch = appcheck.validate_batch([str(path) for path in bundles], as_of="2026-01-01", settings={"zj-2026.domestic_deadline": "2025-10-31"})
    assert batch.provenance.settings == {
        "gd-2022.published_on": {"value": None, "default": True},
        "zj-2022.deadline_year": {"value": 2021, "default": True},
        "zj-2026.domestic_deadline": {"value": "2025-10-31", "default": False},
    }
    assert batch.provenance.given_settings() == {"zj-2026.domestic_deadline": "2025-10-31"}


def test_standard_input_and_bundles_in_memory(tmp_path) -> None:
    raw = COUNTRIES.read_bytes()
    code, out, _ = run("validate", "-", "--format", "json", "--no-config", stdin=raw)
    assert json.loads(out)["provenance"]["bundles"] == [{"path": "-", "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}]
    batch = appcheck.validate_batch([json.loads(raw)])
    assert batch.provenance.bundles == ({"path": "#0", "size": None, "sha256": None},)
    assert "size" not in batch.reports[0].to_dict()


def test_an_unreadable_file_is_recorded_without_a_digest(tmp_path) -> None:
    batch = appcheck.validate_batch([str(tmp_path / "gone.json")])
    assert batch.provenance.bundles == ({"path": str(tmp_path / "gone.json"), "size": None, "sha256": None},)


def test_the_report_round_trips_with_its_provenance() -> None:
    batch = appcheck.validate_batch([str(COUNTRIES)], as_of="2026-01-01")
    data = json.loads(json.dumps(batch.to_dict()))
    assert appcheck.BatchReport.from_dict(data).to_dict() == data


def test_sarif_records_it_in_the_run_and_its_invocation(tmp_path, external_schemas) -> None:
    import jsonschema
    import referencing

    code, out, _ = run("validate", str(COUNTRIES), "--format", "sarif", "--config", str(config_with_waivers(tmp_path)))
    log = json.loads(out)
    schema = json.loads((external_schemas / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft4Validator(schema, registry=referencing.Registry()).iter_errors(log))
    [sarif_run] = log["runs"]
    recorded = sarif_run["properties"]["provenance"]
    [invocation] = sarif_run["invocations"]
    assert invocation["executionSuccessful"] is True and invocation["startTimeUtc"] == recorded["run_at"]
    assert invocation["properties"]["as_of"] == recorded["as_of"] and invocation["properties"]["settings"] == recorded["settings"]
    assert recorded["bundles"] == [digest(COUNTRIES)] and recorded["catalogue"]["sha256"] == catalog.sha256()


@pytest.mark.parametrize("xsd_name", ["junit-windyroad-ant.xsd", "junit-jenkins-xunit-10.xsd"])
def test_junit_records_it_in_each_suites_properties(tmp_path, external_schemas, xsd_name) -> None:
    import xmlschema

    code, out, _ = run("validate", str(COUNTRIES), str(VALID), "--format", "junit", "--config", str(config_with_waivers(tmp_path)))
    assert not list(xmlschema.XMLSchema(str(external_schemas / xsd_name)).iter_errors(out))
    suites = ET.fromstring(out).findall("testsuite")
    assert [suite.get("name") for suite in suites] == [str(COUNTRIES), str(VALID), "batch"]
    for suite, path in zip(suites, (COUNTRIES, VALID)):
        properties = {p.get("name"): p.get("value") for p in suite.find("properties")}
        assert properties["appcheck.version"] == appcheck.__version__
        assert properties["appcheck.catalogue.revision"] == str(catalog.revision())
        assert properties["appcheck.catalogue.sha256"] == catalog.sha256()
        assert properties["appcheck.setting.gd-2022.published_on"] == "2022-04-15"
        assert properties["appcheck.call.gd-2022"] == f"appcheck {appcheck.__version__}"
        assert properties["appcheck.waiver.1"].startswith("GD22-TRN-COUNTRIES applied * : 特批".replace(" :", ":"))
        assert properties["appcheck.waiver.2"].startswith("GD22-TRN-SCALE expired")
        assert {key: properties[f"appcheck.bundle.{key}"] for key in ("path", "size", "sha256")} == {k: str(v) for k, v in digest(path).items()}
        assert properties["appcheck.run_at"].endswith("Z") and "appcheck.as_of" in properties


def test_the_text_footer_with_verbose_only() -> None:
    code, out, _ = run("validate", str(VALID), "--no-config", "--lang", "en", "-v", "--set", "gd-2022.published_on=2022-04-15")
    footer = out[out.index("\nprovenance\n"):]
    assert f"appcheck {appcheck.__version__}; catalogue revision {catalog.revision()} (sha256 {catalog.sha256()})" in footer
    assert "setting gd-2022.published_on = 2022-04-15\n" in footer
    assert f"bundle {VALID} {digest(VALID)['size']} bytes sha256 {digest(VALID)['sha256']}" in footer
    assert "\nprovenance\n" not in run("validate", str(VALID), "--no-config", "--lang", "en")[1]  # (a path may hold the word)
    assert "检查依据" in run("validate", str(VALID), "--no-config", "-v")[1]


@pytest.mark.parametrize("fmt", FORMATS)
def test_nothing_but_the_time_of_the_run_changes_between_runs(fmt, tmp_path, monkeypatch) -> None:
    config = config_with_waivers(tmp_path)
    times = iter(["2026-03-01T09:00:00Z", "2026-11-30T23:59:59Z"])
    monkeypatch.setattr(provenance, "now", lambda: next(times))
    argv = ("validate", str(COUNTRIES), str(VALID), str(GD / "training" / "GD22-TRN-SCALE.json"), "--format", fmt, "--config", str(config), "-v")
    first, second = run(*argv)[1], run(*argv)[1]
    if fmt in ("json", "sarif", "junit", "text", "html"):
        assert "2026-03-01T09:00:00Z" in first and "2026-11-30T23:59:59Z" in second
    assert first.replace("2026-03-01T09:00:00Z", "TIME") == second.replace("2026-11-30T23:59:59Z", "TIME")
    if fmt in ("json", "sarif"):
        assert provenance.comparable(json.loads(first)) == provenance.comparable(json.loads(second))


def test_the_html_report_shows_it_in_a_last_section() -> None:
    batch = appcheck.validate_batch([str(VALID)], as_of="2026-01-01")
    from appcheck.reporters import Options, html

    page = html.render(batch, Options(lang="en"))
    section = page[page.index('<section class="provenance">'):]
    assert section.startswith('<section class="provenance"><h2>')
    assert f"catalogue revision {catalog.revision()} (sha256 {catalog.sha256()})" in section
    assert f"bundle {VALID} {digest(VALID)['size']} bytes sha256 {digest(VALID)['sha256']}" in section
    assert '<section class="provenance">' not in html.render(appcheck.BatchReport(batch.reports), Options())


def test_every_format_writes_the_same_from_memory_and_from_the_batchs_disk_stores() -> None:
    """Past the spill threshold the bundles' rows are read back from disk, a row at a time, by every
    reporter: the same bytes as a batch held in memory and as its materialized ``BatchReport``."""
    import pickle

    from appcheck import engine
    from appcheck.model import BatchReport
    from appcheck.reporters import Options, reporter

    files = sorted(GD.rglob("*.json"))[:12]
    bundles = [*files, json.loads(VALID.read_text(encoding="utf-8"))]
    expected = [digest(path) for path in files] + [{"path": f"#{len(files)}", "size": None, "sha256": None}]
    outputs: dict = {}
    for hold in (None, 2):  # in memory; past 2 bundles on disk
        with engine.check_batch(bundles, as_of="2022-05-01", settings={"gd-2022.published_on": "2022-04-15"}, hold=hold) as batch:
            rows = batch.provenance.bundles
            assert isinstance(rows, provenance.Bundles) and len(rows) == len(bundles)
            assert list(rows) == list(rows) == expected  # read again, the same rows
            report = batch.report()
            assert isinstance(report.provenance.bundles, tuple) and list(report.provenance.bundles) == expected
            assert pickle.loads(pickle.dumps(report.provenance)) == report.provenance
            assert BatchReport.from_dict(report.to_dict()).provenance == report.provenance
            for fmt in FORMATS:
                for verbose in (False, True):
                    options = Options(lang="en", verbose=verbose)
                    for each in (batch, report):
                        text = reporter(fmt).render(each, options)
                        outputs.setdefault((fmt, verbose), set()).add(text.replace(batch.provenance.run_at, "RUN_AT"))
            assert json.loads(reporter("json").render(batch, Options()))["provenance"] == json.loads(json.dumps(report.provenance.to_dict()))
    for (fmt, verbose), found in outputs.items():
        assert len(found) == 1, (fmt, verbose)
    assert expected[0]["sha256"] in outputs[("json", False)].pop() and expected[0]["sha256"] in outputs[("text", True)].pop()
