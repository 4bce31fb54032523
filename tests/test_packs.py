"""Call packs end to end: a pack scaffolded by ``appcheck new-call`` from zj-2026 is built into a wheel
(once), installed into a temporary site directory, discovered, listed by ``appcheck topics``, passes
the generic checks with its examples classified by their names, and is refused cleanly, naming the
pack, when broken in each way a pack can be: the other calls keep working.

Everything installed runs in a fresh interpreter (``PYTHONPATH`` = the site directory), so this
process's caches never see a pack.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from appcheck import scaffold

ROOT = Path(__file__).resolve().parents[1]
GUIDELINE = next((folder / "shared" / "guidelines" / "zj-2026.txt" for folder in ROOT.parents
                  if (folder / "shared" / "guidelines" / "zj-2026.txt").is_file()), None)
PACK = "appcheck-zj-2027 0.1.0"
VALID_2026 = ROOT / "examples" / "zj-2026" / "intergov" / "valid-norway.json"


def _run(site: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The scaffolded pack (with the guideline text, where it is beside this checkout)."""
    target = tmp_path_factory.mktemp("pack") / "appcheck-zj-2027"
    done = scaffold.new_call("zj-2027", "zj-2026", target, guideline=GUIDELINE)
    assert done["distribution"] == "appcheck-zj-2027" and done["examples"] > 0
    return target


@pytest.fixture(scope="module")
def site(folder: Path, tmp_path_factory) -> Path:
    """The pack built into a wheel offline and installed into a site directory of its own."""
    dist = tmp_path_factory.mktemp("dist")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    built = subprocess.run([*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist), str(folder)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("appcheck_zj_2027-0.1.0-*.whl")
    target = tmp_path_factory.mktemp("site")
    installed = subprocess.run([*pip, "install", "-q", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    return target


# ----------------------------------------------------------------------------- the scaffold

def test_the_scaffold_renames_the_call_and_its_requirement_ids(folder: Path) -> None:
    package = folder / "src" / "appcheck_zj2027"
    module = (package / "zj2027.py").read_text(encoding="utf-8")
    assert 'CALL_ID = "zj-2027"' in module and "ZJ27-IGV-DUAL" in module and "ZJ26-" not in module
    assert "from appcheck.rules.dates import" in module and "from appcheck.topics import" in module
    assert not re.search(r"^from \.", module, flags=re.M)
    catalog = json.loads((package / "data" / "catalog.json").read_text(encoding="utf-8"))
    assert list(catalog["calls"]) == ["zj-2027"] and catalog["requirements"]
    assert all(rid.startswith("ZJ27-") for rid in catalog["requirements"])
    assert all(topic.startswith("zj-2027/") for entry in catalog["requirements"].values() for topic in entry["topics"])
    intergov = json.loads((package / "schemas" / "zj-2027" / "intergov.json").read_text(encoding="utf-8"))
    assert intergov["$id"] == "https://appcheck.invalid/schemas/zj-2027/intergov.json"
    assert intergov["properties"]["call"] == {"const": "zj-2027"}
    assert (folder / "examples" / "zj-2027" / "intergov" / "ZJ27-IGV-DUAL.json").is_file()
    assert (folder / "examples" / "zj-2027" / "batches").is_dir()
    pyproject = (folder / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points."appcheck.calls"]\nzj-2027 = "appcheck_zj2027.zj2027:CALL"' in pyproject
    assert 'check_pack("appcheck-zj-2027", examples=EXAMPLES)' in (folder / "tests" / "test_pack.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("args,message", [
    (("zj-2026", "zj-2026"), "call zj-2026 is already installed (from appcheck"),
    (("ZJ 2027", "zj-2026"), "a call id is lower-case letters and digits"),
    (("zj-2027", "zj-2099"), "unknown call 'zj-2099'"),
    (("acme", "zj-2026"), "cannot derive a requirement-id prefix from 'acme'"),
])
def test_the_scaffold_refuses_what_it_cannot_write(args, message, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        scaffold.new_call(*args, tmp_path / "new")
    assert not (tmp_path / "new").exists()


def test_the_scaffold_never_writes_into_an_existing_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="exists; new-call writes a new folder"):
        scaffold.new_call("zj-2027", "zj-2026", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_new_call_on_the_command_line(tmp_path: Path, capsys) -> None:
    from appcheck.cli import main

    assert main(["new-call", "acme-2030", "--from", "gd-2022", "--dir", str(tmp_path / "acme")]) == 0
    assert "wrote call pack appcheck-acme-2030" in capsys.readouterr().out
    module = (tmp_path / "acme" / "src" / "appcheck_acme2030" / "acme2030.py").read_text(encoding="utf-8")
    assert "ACME30-" in module and "GD22-" not in module
    assert main(["new-call", "acme-2030", "--from", "gd-2022", "--dir", str(tmp_path / "acme")]) == 2
    assert "exists" in capsys.readouterr().err


# ----------------------------------------------------------------------------- installed

def test_the_installed_pack_is_discovered_and_listed_with_its_version(site: Path) -> None:
    done = _run(site, "-m", "appcheck", "topics", "--format", "json")
    assert done.returncode == 0, done.stderr
    listed = {call["call"]: (call["pack"], call["version"]) for call in json.loads(done.stdout)}
    assert listed["zj-2027"] == ("appcheck-zj-2027", "0.1.0")
    assert listed["zj-2026"] == ("appcheck", "0.1.0")
    text = _run(site, "-m", "appcheck", "topics").stdout
    assert any(line.startswith("zj-2027  ") and line.endswith("(appcheck-zj-2027 0.1.0)") for line in text.splitlines())
    assert "  zj-2027/intergov  " in text


def test_the_installed_pack_passes_the_generic_checks_with_its_examples(site: Path, folder: Path) -> None:
    done = _run(site, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder / "tests"), cwd=folder)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "1 passed" in done.stdout


def test_the_installed_pack_validates_its_examples_as_their_names_say(site: Path, folder: Path) -> None:
    examples = folder / "examples" / "zj-2027" / "intergov"
    done = _run(site, "-m", "appcheck", "validate", "--format", "json", "--as-of", "2025-01-01",
                str(examples / "valid-norway.json"), str(examples / "ZJ27-IGV-DUAL.json"), str(VALID_2026))
    assert done.returncode == 1, done.stderr
    reports = json.loads(done.stdout)["reports"]
    failed = [sorted({f["requirement"] for f in report["findings"] if f["status"] == "failed"}) for report in reports]
    assert failed == [[], ["ZJ27-IGV-DUAL"], []]
    assert [report["topic"] for report in reports] == ["zj-2027/intergov", "zj-2027/intergov", "zj-2026/intergov"]
    (dual,) = [f for f in reports[1]["findings"] if f["requirement"] == "ZJ27-IGV-DUAL"]
    assert "分别向浙江省科技厅和" in dual["source"]  # the clause the pack quotes for the example's track


def test_check_pack_names_what_is_wrong(site: Path, folder: Path, tmp_path: Path) -> None:
    examples = tmp_path / "examples"
    shutil.copytree(folder / "examples", examples)
    valid = examples / "zj-2027" / "intergov" / "valid-norway.json"
    valid.rename(valid.with_name("ZJ27-DURATION--not-really.json"))
    script = ("import sys; from appcheck.testing import check_pack\n"
              "try:\n    check_pack('appcheck-zj-2027', examples=sys.argv[1])\n"
              "except AssertionError as error:\n    print(error)\nelse:\n    print('no problem')\n")
    done = _run(site, "-c", script, str(examples))
    assert done.stdout.startswith("1 problem(s) in call pack appcheck-zj-2027:"), done.stdout + done.stderr
    assert "ZJ27-DURATION--not-really.json: named after ZJ27-DURATION, fails []" in done.stdout


# ----------------------------------------------------------------------------- refused

def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fails_to_load(site: Path) -> None:
    module = site / "appcheck_zj2027" / "zj2027.py"
    module.write_text(module.read_text(encoding="utf-8") + "\nraise RuntimeError('broken on purpose')\n", encoding="utf-8")


def _declares_a_taken_call_id(site: Path) -> None:
    _edit(site / "appcheck_zj2027" / "zj2027.py", 'CALL_ID = "zj-2027"', 'CALL_ID = "zj-2026"')


def _registers_a_taken_call_id(site: Path) -> None:
    (entry_points,) = site.glob("appcheck_zj_2027-*.dist-info/entry_points.txt")
    _edit(entry_points, "zj-2027 = ", "zj-2026 = ")


def _lacks_a_catalog_entry(site: Path) -> None:
    path = site / "appcheck_zj2027" / "data" / "catalog.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["requirements"]["ZJ27-DURATION"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _ships_an_invalid_schema(site: Path) -> None:
    _edit(site / "appcheck_zj2027" / "schemas" / "zj-2027" / "tibet.json", '"type": "object"', '"type": 5')


def _reuses_a_requirement_id(site: Path) -> None:
    path = site / "appcheck_zj2027" / "data" / "catalog.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["requirements"]["ZJ26-DURATION"] = data["requirements"]["ZJ27-DURATION"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _lists_a_reserved_id(site: Path) -> None:
    path = site / "appcheck_zj2027" / "data" / "catalog.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["requirements"]["SCHEMA"] = data["requirements"]["ZJ27-DURATION"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _names_a_setting_of_another_call(site: Path) -> None:
    _edit(site / "appcheck_zj2027" / "zj2027.py", 'DOMESTIC_DEADLINE = "zj-2027.domestic_deadline"', 'DOMESTIC_DEADLINE = "zj-2026.domestic_deadline"')


def _adds_a_requirement_to_another_calls_topic(site: Path) -> None:
    path = site / "appcheck_zj2027" / "data" / "catalog.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["requirements"]["ZJ27-DURATION"]["topics"].append("zj-2026/intergov")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _two_packs_share_requirement_ids(site: Path) -> None:
    """A second distribution registering another call from the same package: both list the same ids."""
    (info,) = site.glob("appcheck_zj_2027-*.dist-info")
    twin = site / "appcheck_zj_twin-0.1.0.dist-info"
    twin.mkdir()
    (twin / "METADATA").write_text("Metadata-Version: 2.1\nName: appcheck-zj-twin\nVersion: 0.1.0\n", encoding="utf-8")
    (twin / "entry_points.txt").write_text("[appcheck.calls]\nzj-2099 = appcheck_zj2027.zj2027:CALL\n", encoding="utf-8")
    assert info.is_dir()


BROKEN = {
    "fails-to-load": (_fails_to_load, "call zj-2027 (appcheck_zj2027.zj2027:CALL) cannot be loaded: RuntimeError: broken on purpose"),
    "declares-a-taken-call-id": (_declares_a_taken_call_id,
                                 "entry point zj-2027 (appcheck_zj2027.zj2027:CALL) declares call id 'zj-2026', which appcheck 0.1.0 registers; "
                                 "the entry point's name must be the call's id"),
    "registers-a-taken-call-id": (_registers_a_taken_call_id, "registers call zj-2026, which appcheck 0.1.0 registers too"),
    "lacks-a-catalog-entry": (_lacks_a_catalog_entry, "zj-2027/intergov checks ZJ27-DURATION, which its catalog (data/catalog.json) has no entry for"),
    "ships-an-invalid-schema": (_ships_an_invalid_schema, "its schema schemas/zj-2027/tibet.json is not valid Draft 2020-12 (at type): "),
    "reuses-a-requirement-id": (_reuses_a_requirement_id, "lists requirement ZJ26-DURATION, which appcheck 0.1.0 lists too"),
    "adds-a-requirement-to-another-calls-topic": (_adds_a_requirement_to_another_calls_topic,
                                                  "its catalog entry ZJ27-DURATION names 'zj-2026/intergov', not a topic of its own calls (zj-2027)"),
    "lists-a-reserved-id": (_lists_a_reserved_id, "lists requirement SCHEMA, an id appcheck reserves for its own findings"),
    "names-a-setting-of-another-call": (_names_a_setting_of_another_call,
                                        "call zj-2027 declares setting 'zj-2026.domestic_deadline'; a call's settings are named zj-2027.NAME"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_pack_is_refused_naming_it_and_the_other_calls_work(case: str, site: Path, folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    change, message = BROKEN[case]
    change(broken)
    done = _run(broken, "-m", "appcheck", "topics")
    assert done.returncode == 2
    assert done.stderr.startswith(f"appcheck topics: call pack {PACK}: {message}") and done.stderr.count("\n") == 1, done.stderr
    listed = [line.split()[0] for line in done.stdout.splitlines() if not line.startswith(" ")]
    assert listed == ["gd-2022", "most-2022", "zj-2022", "zj-2025", "zj-2026"]
    checked = _run(broken, "-m", "appcheck", "validate", "--format", "json",
                   str(VALID_2026), str(folder / "examples" / "zj-2027" / "intergov" / "valid-norway.json"))
    assert checked.returncode == 1, checked.stderr
    other, own = json.loads(checked.stdout)["reports"]
    assert other["ok"] and other["topic"] == "zj-2026/intergov"
    if case == "registers-a-taken-call-id":  # its call is no longer registered as zj-2027: an unknown call
        assert [f["requirement"] for f in own["findings"]] == ["TOPIC"] and "unknown call" in own["findings"][0]["message_en"]
    else:
        (finding,) = own["findings"]
        assert finding["requirement"] == "TOPIC"
        assert finding["message_en"].startswith(f'call "zj-2027" cannot be checked: call pack {PACK}: {message}')
    if case == "fails-to-load":
        explained = _run(broken, "-m", "appcheck", "explain", "zj-2027/intergov")
        assert explained.returncode == 2 and f"cannot be looked up: call pack {PACK}: {message}" in explained.stderr


def test_two_packs_listing_the_same_requirement_ids_are_both_refused_naming_each_other(site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    _two_packs_share_requirement_ids(broken)
    done = _run(broken, "-m", "appcheck", "topics")
    assert done.returncode == 2
    more = len(json.loads((broken / "appcheck_zj2027" / "data" / "catalog.json").read_text(encoding="utf-8"))["requirements"]) - 1
    first = min(json.loads((broken / "appcheck_zj2027" / "data" / "catalog.json").read_text(encoding="utf-8"))["requirements"])
    assert sorted(done.stderr.splitlines()) == [
        f"appcheck topics: call pack {PACK}: lists requirement {first}, which appcheck-zj-twin 0.1.0 lists too (and {more} more)",
        f"appcheck topics: call pack appcheck-zj-twin 0.1.0: lists requirement {first}, which {PACK} lists too (and {more} more)",
    ]
    assert "zj-2026" in done.stdout and "zj-2027" not in done.stdout


# ----------------------------------------------------------------------------- reading the entry points

def test_appcheck_s_own_calls_are_the_entry_points_its_pyproject_registers() -> None:
    """appcheck's own calls are read from :data:`packs.OWN_CALLS`, not from the installed metadata:
    the table is the one ``pyproject.toml`` registers (and the installed metadata, when current)."""
    from importlib import metadata

    from appcheck import __version__, packs
    from appcheck.config import _tomllib

    project = _tomllib().loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["appcheck.calls"] == packs.OWN_CALLS
    registered = {point.name: point.value for point in metadata.entry_points(group=packs.GROUP) if point.dist.metadata["Name"] == packs.HOST}
    assert registered in ({}, packs.OWN_CALLS)  # none: an installation older than the entry points
    host = packs.host()
    assert [(point.name, point.value) for point in host.entry_points] == sorted(packs.OWN_CALLS.items())
    assert packs.installed()[packs.HOST] is host and (host.name, host.version) == ("appcheck", __version__)
    for call_id, value in packs.OWN_CALLS.items():
        assert packs.pack_of(call_id) is host
        module, _, attribute = value.partition(":")
        assert next(point for point in host.entry_points if point.name == call_id).load() is getattr(__import__(module, fromlist=[attribute]), attribute)

def test_a_broken_distribution_does_not_hide_the_others(monkeypatch) -> None:
    """Should ``entry_points()`` fail on some distribution, the distributions are read one by one."""
    from importlib import metadata

    from appcheck import packs

    def broken(**_):
        raise ValueError("a distribution with unreadable metadata")

    before = packs.installed()
    monkeypatch.setattr(metadata, "entry_points", broken)
    packs.installed.cache_clear()
    try:
        assert packs.installed() == before
        assert packs.host().call_ids == ("gd-2022", "most-2022", "zj-2022", "zj-2025", "zj-2026")
    finally:
        monkeypatch.undo()
        packs.installed.cache_clear()
    assert packs.installed() == before
