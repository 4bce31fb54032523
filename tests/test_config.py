"""The configuration file: where it is found, what it may say, how it is refused, and flag > file > default."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import appcheck
from appcheck import config

from .conftest import EXAMPLES
from .test_cli import run

TRAINING = EXAMPLES / "gd-2022" / "training"
VALID = TRAINING / "valid.json"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def effective(*argv) -> dict:
    code, out, err = run("config", "--json", *argv)
    assert code == 0, err
    return json.loads(out)


# -- finding the file ------------------------------------------------------------------------------


def test_appcheck_toml_in_the_current_directory(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, "appcheck.toml", 'lang = "en"\n')
    monkeypatch.chdir(tmp_path)
    assert config.find() == path


def test_found_upwards_and_the_nearest_wins(tmp_path, monkeypatch) -> None:
    write(tmp_path, "appcheck.toml", 'lang = "en"\n')
    nearer = write(tmp_path / "a", "pyproject.toml", '[project]\nname = "x"\n[tool.appcheck]\nlang = "zh"\n')
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    assert config.find(tmp_path / "a" / "b" / "c") == nearer
    monkeypatch.chdir(tmp_path / "a" / "b" / "c")
    assert effective()["values"]["lang"] == {"value": "zh", "source": f"{nearer}:4"}


def test_pyproject_without_the_table_is_passed_over(tmp_path) -> None:
    outer = write(tmp_path, "appcheck.toml", 'lang = "en"\n')
    write(tmp_path / "a", "pyproject.toml", '[project]\nname = "x"\n[tool.ruff]\nline-length = 100\n')
    assert config.find(tmp_path / "a") == outer


@pytest.mark.parametrize("text", [
    '[tool."\\u0061ppcheck"]\nlang = "zh"\n',  # a quoted key with an escape: the table, though "appcheck" is not written
    '[tool]\n"app\\u0063heck" = { lang = "zh" }\n',
    'tool.appcheck.lang = "zh"\n',
    "[tool.'appcheck']\nlang = 'zh'\n",
])
def test_pyproject_table_however_its_key_is_written(tmp_path, text) -> None:
    outer = write(tmp_path, "appcheck.toml", 'lang = "en"\n')
    nearer = write(tmp_path / "a", "pyproject.toml", text)
    assert config.find(tmp_path / "a") == nearer != outer


@pytest.mark.parametrize("text", [
    '[project]\nname = "x"\ndescription = "checks \\"applications\\""\n',  # escapes, but no such table
    '[project]\nname = "appcheck-plugin"\n[tool.appcheckers]\nx = 1\n',  # the word, but not the table
    '[tool.app]\ncheck = 1\n',
])
def test_pyproject_without_the_table_however_it_is_written(tmp_path, text) -> None:
    outer = write(tmp_path, "appcheck.toml", 'lang = "en"\n')
    write(tmp_path / "a", "pyproject.toml", text)
    assert config.find(tmp_path / "a") == outer


def test_appcheck_toml_before_pyproject_in_one_directory(tmp_path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.appcheck]\nlang = "zh"\n')
    dedicated = write(tmp_path, "appcheck.toml", 'lang = "en"\n')
    assert config.find(tmp_path) == dedicated


def test_nothing_in_a_tree_without_a_configuration_counts(tmp_path) -> None:
    write(tmp_path / "x", "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "x", "notes.toml", 'lang = "en"\n')
    assert config.find(tmp_path / "x") == config.find(tmp_path.parent)  # whatever is above, if anything


def test_no_config_ignores_the_file_and_config_names_one(tmp_path, monkeypatch) -> None:
    write(tmp_path, "appcheck.toml", 'lang = "en"\n')
    other = write(tmp_path / "elsewhere", "season.toml", 'lang = "zh"\nstrict = true\n')
    monkeypatch.chdir(tmp_path)
    assert effective()["values"]["lang"]["value"] == "en"
    assert effective("--no-config")["values"]["lang"] == {"value": "zh", "source": "default"}
    named = effective("--config", str(other))
    assert named["values"]["strict"] == {"value": True, "source": f"{other.absolute()}:2"} and named["file"] == str(other.absolute())
    code, _, err = run("config", "--config", str(other), "--no-config", "--lang", "en")
    assert code == 2 and "not allowed with" in err


# -- what a file says ------------------------------------------------------------------------------

FULL = """\
lang = "en"
format = "json"
jobs = 3
strict = true
as_of = 2025-11-01
exclude = ["drafts/*", "*.bak.json"]

[settings]
"zj-2026.domestic_deadline" = 2025-10-31
"gd-2022.published_on" = "2022-04-15"
"""


def test_every_key_in_appcheck_toml(tmp_path) -> None:
    loaded = config.load(write(tmp_path, "appcheck.toml", FULL))
    assert dict(loaded.values) == {
        "lang": "en", "format": "json", "jobs": 3, "strict": True, "as_of": dt.date(2025, 11, 1),
        "exclude": ("drafts/*", "*.bak.json"),
        "settings": {"zj-2026.domestic_deadline": dt.date(2025, 10, 31), "gd-2022.published_on": dt.date(2022, 4, 15)},
    }
    assert loaded.lines["jobs"] == 3 and loaded.lines["settings.gd-2022.published_on"] == 10


def test_every_key_in_pyproject(tmp_path) -> None:
    text = '[project]\nname = "bureau"\n\n[tool.appcheck]\n' + FULL.replace("[settings]", "[tool.appcheck.settings]")
    loaded = config.load(write(tmp_path, "pyproject.toml", text))
    assert loaded.values["as_of"] == dt.date(2025, 11, 1) and loaded.lines["as_of"] == 9
    assert loaded.lines["settings.zj-2026.domestic_deadline"] == 13


def test_jobs_auto_and_as_of_as_text(tmp_path) -> None:
    loaded = config.load(write(tmp_path, "appcheck.toml", 'jobs = "auto"\nas_of = "2026-01-31"\n'))
    assert loaded.values == {"jobs": "auto", "as_of": dt.date(2026, 1, 31)}


def test_empty_file_sets_nothing(tmp_path) -> None:
    assert config.load(write(tmp_path, "appcheck.toml", "# nothing yet\n")).values == {}
    assert config.load(write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')).values == {}


# -- every malformed configuration: exit 2, the file, the line, what is accepted --------------------

MALFORMED = [
    ("unknown-key", 'lang = "en"\nlanguage = "en"\n', 2, "unknown key 'language'; accepted: settings, lang, format"),
    ("lang", 'lang = "fr"\n', 1, 'lang is one of "zh", "en", not the text "fr"'),
    ("lang-type", "lang = 1\n", 1, 'lang is one of "zh", "en", not a whole number'),
    ("format", 'format = "xml"\n', 1, 'format is one of "text", "json", "sarif", "junit", "github"'),
    ("jobs-zero", "jobs = 0\n", 1, 'jobs is a whole number of processes, 1 or more, or "auto", not a whole number'),
    ("jobs-text", 'jobs = "many"\n', 1, 'or "auto", not the text "many"'),
    ("jobs-bool", "jobs = true\n", 1, 'or "auto", not a boolean'),
    ("jobs-float", "jobs = 2.0\n", 1, 'or "auto", not a number'),
    ("strict", 'strict = "yes"\n', 1, 'strict is true or false, not the text "yes"'),
    ("as-of-text", 'as_of = "next monday"\n', 1, "as_of is a date (as_of = 2025-10-31"),
    ("as-of-datetime", "as_of = 2025-10-31T10:00:00\n", 1, "as_of is a date (as_of = 2025-10-31, or the text \"2025-10-31\"), not a date and time"),
    ("exclude-text", 'exclude = "drafts/*"\n', 1, "exclude is an array of globs"),
    ("exclude-item", 'exclude = ["a", 1]\n', 1, "exclude is an array of globs"),
    ("settings-type", 'settings = "x"\n', 1, "settings is a table of call settings"),
    ("settings-unknown", '[settings]\n"gd-2022.publish_on" = 2022-04-15\n', 2,
     "settings: unknown setting 'gd-2022.publish_on'; known: gd-2022.published_on, zj-2022.deadline_year, zj-2026.domestic_deadline"),
    ("settings-unquoted", "[settings]\ngd-2022.published_on = 2022-04-15\n", 2, "settings names are quoted"),
    ("settings-value", '[settings]\n"gd-2022.published_on" = "15 April"\n', 2, "gd-2022.published_on"),
    ("settings-value-type", '[settings]\n"zj-2022.deadline_year" = 2021\n"gd-2022.published_on" = 5\n', 3,
     "settings: setting 'gd-2022.published_on' accepts a date"),
    ("settings-year", '[settings]\n"zj-2022.deadline_year" = "next"\n', 2, "setting 'zj-2022.deadline_year' accepts a year"),
    ("toml", 'lang = "en"\nstrict = \n', 2, "not valid TOML: Invalid value"),
    ("toml-duplicate", 'lang = "en"\nlang = "zh"\n', 2, "not valid TOML"),
]


@pytest.mark.parametrize("name,text,line,message", MALFORMED, ids=[case[0] for case in MALFORMED])
def test_malformed_config_is_a_usage_error_naming_file_line_and_what_is_accepted(tmp_path, name, text, line, message) -> None:
    path = write(tmp_path, "appcheck.toml", text)
    with pytest.raises(config.ConfigError) as raised:
        config.load(path)
    assert raised.value.line == line and message in raised.value.message
    for command in (["validate", str(VALID)], ["config"]):
        code, out, err = run(*command, "--config", str(path))
        assert code == 2 and out == "" and f"{path}:{line}: " in err and message in err


def test_malformed_pyproject_table_names_its_line(tmp_path) -> None:
    path = write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.appcheck]\nlang = "en"\nstrict = 1\n')
    with pytest.raises(config.ConfigError, match=r"pyproject.toml:6: strict is true or false, not a whole number"):
        config.load(path)
    path = write(tmp_path, "pyproject.toml", '[tool]\nappcheck = "on"\n')
    with pytest.raises(config.ConfigError, match=r"pyproject.toml:2: \[tool.appcheck\] is a table, not the text"):
        config.load(path)


def test_unreadable_and_undecodable_files(tmp_path) -> None:
    with pytest.raises(config.ConfigError, match="cannot be read"):
        config.load(tmp_path / "missing.toml")
    path = tmp_path / "appcheck.toml"
    path.write_bytes('lang = "en"\n# 中文\n'.encode("gbk"))
    with pytest.raises(config.ConfigError, match=r"appcheck.toml:2: is not UTF-8"):
        config.load(path)
    code, _, err = run("validate", str(VALID), "--config", str(tmp_path / "missing.toml"))
    assert code == 2 and "missing.toml: cannot be read" in err


def test_a_broken_file_found_upwards_is_reported_not_skipped(tmp_path, monkeypatch) -> None:
    write(tmp_path, "pyproject.toml", '[tool.appcheck]\nlang = \n')
    monkeypatch.chdir(tmp_path)
    code, _, err = run("validate", str(VALID))
    assert code == 2 and "pyproject.toml:2: not valid TOML" in err


# -- precedence: flag > file > default -------------------------------------------------------------

FLAGS = {  # key: (the file's value, as TOML; the flag; the value the flag sets; the default)
    "lang": ('"en"', ["--lang", "zh"], "zh", "zh"),
    "format": ('"json"', ["--format", "sarif"], "sarif", "text"),
    "jobs": ("3", ["--jobs", "auto"], "auto", "auto"),
    "strict": ("true", ["--no-strict"], False, False),
    "as_of": ("2025-11-01", ["--as-of", "2026-02-01"], "2026-02-01", None),
}


@pytest.mark.parametrize("key", FLAGS)
def test_flag_over_file_over_default(tmp_path, monkeypatch, key) -> None:
    in_file, flag, flagged, default = FLAGS[key]
    monkeypatch.chdir(tmp_path)
    assert effective()["values"][key] == {"value": default, "source": "default"}
    path = write(tmp_path, "appcheck.toml", f"# a bureau's season\n{key} = {in_file}\n")
    from_file = effective()["values"][key]
    assert from_file["source"] == f"{path}:2" and from_file["value"] == json.loads(json.dumps(config.load(path).values[key], default=str))
    assert effective(*flag)["values"][key] == {"value": flagged, "source": "command line"}


def test_settings_merge_name_by_name(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, "appcheck.toml", '[settings]\n"zj-2022.deadline_year" = 2022\n"gd-2022.published_on" = 2022-04-15\n')
    monkeypatch.chdir(tmp_path)
    settings = effective("--set", "gd-2022.published_on=2022-04-20")["settings"]
    assert settings == {
        "gd-2022.published_on": {"value": "2022-04-20", "source": "command line"},
        "zj-2022.deadline_year": {"value": 2022, "source": f"{path}:2"},
        "zj-2026.domestic_deadline": {"value": None, "source": "default"},
    }


def test_file_values_drive_validate_and_flags_override_them(tmp_path, monkeypatch) -> None:
    bundle = json.loads(VALID.read_text(encoding="utf-8"))
    bundle["principal_investigator"]["title_awarded_on"] = "2022-04-20"
    (tmp_path / "a.json").write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("validate", "a.json")[0] == 0
    write(tmp_path, "appcheck.toml", 'format = "json"\nlang = "en"\n[settings]\n"gd-2022.published_on" = 2022-04-15\n')
    code, out, _ = run("validate", "a.json")
    failed = [f["requirement"] for f in json.loads(out)["reports"][0]["findings"] if f["status"] == "failed"]
    assert code == 1 and failed == ["GD22-PI-QUALIFICATION"]
    code, out, _ = run("validate", "a.json", "--format", "text", "--set", "gd-2022.published_on=2022-04-21")
    assert code == 0 and out.startswith("a.json") and "ok" in out  # English from the file, the flag's setting and format
    assert run("validate", "a.json", "--no-config")[0] == 0


def test_strict_from_the_file_and_no_strict_on_the_command_line(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    warning_only = str(TRAINING / "GD22-TRN-SCALE.json")
    write(tmp_path, "appcheck.toml", "strict = true\n")
    assert run("validate", warning_only)[0] == 1
    assert run("validate", warning_only, "--no-strict")[0] == 0


def test_exclude_globs_relative_to_the_config_file(tmp_path, monkeypatch) -> None:
    for name in ("submitted/a.json", "drafts/b.json", "submitted/c.bak.json"):
        write(tmp_path, name, VALID.read_text(encoding="utf-8"))
    write(tmp_path, "appcheck.toml", 'exclude = ["drafts/*", "*.bak.json"]\n')
    monkeypatch.chdir(tmp_path / "submitted")  # the globs stay relative to the file, not to here
    code, out, _ = run("validate", ".", str(tmp_path / "drafts"), "--format", "json")
    assert code == 0 and [r["file"] for r in json.loads(out)["reports"]] == ["./a.json"]
    code, out, _ = run("validate", "c.bak.json", "--format", "json")  # a named file is excluded as well
    assert code == 0 and json.loads(out)["reports"] == []


def test_the_python_api_reads_no_file_unless_asked(tmp_path, monkeypatch) -> None:
    bundle = json.loads(VALID.read_text(encoding="utf-8"))
    bundle["principal_investigator"]["title_awarded_on"] = "2022-04-20"
    path = write(tmp_path, "appcheck.toml", '[settings]\n"gd-2022.published_on" = 2022-04-15\n')
    monkeypatch.chdir(tmp_path)
    assert appcheck.validate(bundle).ok and appcheck.validate_batch([bundle]).ok
    loaded = config.load(path)
    assert not appcheck.validate(bundle, settings=loaded.settings).ok


def test_config_text_names_each_source(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, "appcheck.toml", FULL)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("config", "--lang", "zh")
    lines = out.splitlines()
    assert code == 0 and lines[0] == f"# configuration file: {path}"
    assert any(line.startswith('lang = "zh"') and line.endswith("# command line") for line in lines)
    assert any(line.startswith("as_of = 2025-11-01") and line.endswith(f"# {path}:5") for line in lines)
    assert any(line.startswith('settings."zj-2022.deadline_year" = 2021') and line.endswith("# default") for line in lines)
    assert any(line.startswith('settings."zj-2026.domestic_deadline" = 2025-10-31') and line.endswith(f"# {path}:9") for line in lines)


def test_toml_is_read_by_the_standard_library_and_tomli_only_before_python_3_11() -> None:
    from appcheck.config import _tomllib

    tomllib = _tomllib()  # the standard library's, or tomli on Python 3.10
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    toml_readers = [dep for dep in project["dependencies"] if dep.startswith(("tomli", "toml"))]
    assert toml_readers == ["tomli>=1.1; python_version < '3.11'"]
