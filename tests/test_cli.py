from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from appcheck import cli, provenance

from .conftest import EXAMPLES

VALID = str(EXAMPLES / "gd-2022" / "training" / "valid.json")
INVALID = str(EXAMPLES / "gd-2022" / "training" / "GD22-TRN-COUNTRIES.json")
WARNING_ONLY = str(EXAMPLES / "gd-2022" / "training" / "GD22-TRN-SCALE.json")


def run(*argv, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = out, err
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = cli.main(list(argv))
    finally:
        sys.stdout, sys.stderr, sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def test_valid_bundle_exits_0() -> None:
    code, out, _ = run("validate", VALID)
    assert code == 0 and "通过" in out


def test_invalid_bundle_exits_1_and_names_the_requirement_with_position() -> None:
    code, out, _ = run("validate", INVALID, "--lang", "en")
    assert code == 1
    line = next(l for l in out.splitlines() if "GD22-TRN-COUNTRIES " in l)
    assert f"{INVALID}:" in line and "error" in line and "2 countries" in line


def test_warnings_pass_unless_strict() -> None:
    assert run("validate", WARNING_ONLY)[0] == 0
    assert run("validate", WARNING_ONLY, "--strict")[0] == 1
    assert run("validate", VALID, "--strict")[0] == 1  # the training system needs review


def test_directory_is_walked_in_order(tmp_path) -> None:
    code, out, _ = run("validate", str(EXAMPLES / "gd-2022" / "training"), "--format", "json")
    data = json.loads(out)
    files = [r["file"] for r in data["reports"]]
    assert files == sorted(files) and len(files) == len(set(files)) and code == 1


def test_each_file_once_and_symlink_cycles_end(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.json").write_bytes(Path(VALID).read_bytes())
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    (tmp_path / "same.json").symlink_to(tmp_path / "a" / "one.json")
    code, out, _ = run("validate", str(tmp_path), str(tmp_path / "a" / "one.json"), "--format", "json")
    assert code == 0 and len(json.loads(out)["reports"]) == 1


@pytest.mark.parametrize("argv", [("validate",), ("validate", "/no/such/path.json"), ("validate", "--format", "xml", VALID), ("explain", "gd-2022/nope"), ("schema", "nope/x"), ("init", "gd-2022/industrial"), ("validate", VALID, "--set", "nope=1"), ("validate", VALID, "--as-of", "yesterday"), ()])
def test_usage_errors_exit_2(argv) -> None:
    code, out, err = run(*argv)
    assert code == 2 and err


def test_empty_directory_is_a_usage_error(tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    code, _, err = run("validate", str(tmp_path), "--lang", "en")
    assert code == 2 and "no .json" in err
    code, _, err = run("validate", str(tmp_path))
    assert code == 2 and "该目录中没有 .json" in err


def test_stdin(tmp_path) -> None:
    code, out, _ = run("validate", "-", "--format", "json", stdin=Path(VALID).read_bytes())
    assert code == 0 and json.loads(out)["reports"][0]["file"] == "-"
    code, out, _ = run("validate", "-", stdin=b"{")
    assert code == 1 and "LOAD" in out


def appcheck_process(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "appcheck", *argv], capture_output=True, env=env, timeout=120, **kwargs)


def test_closed_stdin_is_a_usage_error() -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run(f"exec '{sys.executable}' -m appcheck validate - --lang en <&-", shell=True, capture_output=True, env=env, timeout=120)
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode() == (
        "appcheck validate: '-' reads a bundle from standard input, which is closed; "
        "redirect or pipe a bundle into it (appcheck validate - < draft.json), or name the files\n"
    )


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_stdin_stops_at_the_size_limit_with_a_load_finding(device: str) -> None:
    with open(device, "rb") as endless:
        done = appcheck_process("validate", "-", "--max-bytes", "1000", "--format", "json", stdin=endless)
    assert done.returncode == 1 and done.stderr == b""
    [finding] = json.loads(done.stdout)["reports"][0]["findings"]
    assert finding["requirement"] == "LOAD" and finding["actual"]["code"] == "too-large"
    assert finding["message_en"] == "the file '-' has at least 1001 bytes, more than the limit of 1000"
    assert finding["message"] == "文件“-”至少有 1001 字节，超过上限 1000 字节"
    with open(device, "rb") as endless:  # the default limit, 10 MiB, as well
        done = appcheck_process("validate", "-", "--lang", "en", stdin=endless)
    assert done.returncode == 1 and b"at least 10485761 bytes, more than the limit of 10485760" in done.stdout


def test_stdin_at_the_size_limit_is_read_whole(tmp_path) -> None:
    raw = Path(VALID).read_bytes()
    assert run("validate", "-", "--max-bytes", str(len(raw)), stdin=raw)[0] == 0
    code, out, _ = run("validate", "-", "--max-bytes", str(len(raw) - 1), "--lang", "en", stdin=raw)
    assert code == 1 and f"at least {len(raw)} bytes, more than the limit of {len(raw) - 1}" in out


def test_json_format_is_the_batch_dict() -> None:
    code, out, _ = run("validate", INVALID, VALID, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and [r["ok"] for r in data["reports"]] == [False, True]


def test_unreadable_file_is_reported_not_crashed(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes("名称".encode("gbk"))
    code, out, _ = run("validate", str(bad), VALID)
    assert code == 1 and "LOAD" in out and "GBK" in out


def test_internal_error_exits_3_with_one_line(monkeypatch) -> None:
    from appcheck import engine

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "check_batch", broken)
    code, out, err = run("validate", VALID)
    assert code == 3 and err.count("\n") == 1 and "internal error" in err


def test_color_only_when_asked_or_on_a_terminal(monkeypatch) -> None:
    assert "\x1b[" not in run("validate", INVALID)[1]
    assert "\x1b[" in run("validate", INVALID, "--color", "always")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("validate", INVALID, "--color", "auto")[1]


def test_topics_explain_schema_init() -> None:
    code, out, _ = run("topics")
    assert code == 0 and "gd-2022/training" in out and "direction-1" in out
    assert "gd-2022  广东省2022年度国际科技合作专题申报指南  (appcheck 0.1.0)" in out.splitlines()
    topics = json.loads(run("topics", "--format", "json")[1])
    assert [(c["call"], c["pack"], c["version"]) for c in topics if c["call"] == "gd-2022"] == [("gd-2022", "appcheck", "0.1.0")]
    code, out, _ = run("explain", "gd-2022/exchange")
    assert code == 0 and "GD22-EXC-ATTENDANCE" in out and "交流项目总参与人数不少于 150 人" in out
    data = json.loads(run("explain", "gd-2022/industrial", "--track", "direction-2", "--format", "json")[1])
    assert "GD22-IND-ENTERPRISE" in [r["requirement"] for r in data["requirements"]]
    code, out, _ = run("explain", "Attendance")
    assert code == 0 and "## Failing example" in out
    schema = json.loads(run("schema", "gd-2022/training")[1])
    assert "$defs" in schema and "../defs.json" not in json.dumps(schema)
    draft = json.loads(run("init", "gd-2022/industrial", "--track", "direction-1")[1])
    assert draft["track"] == "direction-1" and "budget" in draft


def test_module_entry_point_and_closed_pipe() -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, "-m", "appcheck", "validate", str(EXAMPLES / "gd-2022")], capture_output=True, env=env, timeout=120)
    assert done.returncode == 1 and b"GD22-" in done.stdout
    piped = subprocess.run(f"'{sys.executable}' -m appcheck validate '{EXAMPLES}' | head -1", shell=True, capture_output=True, env=env, timeout=120)
    assert piped.stderr == b"" and piped.stdout.count(b"\n") == 1


def test_terminal_that_cannot_print_chinese_gets_escapes() -> None:
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    done = subprocess.run([sys.executable, "-m", "appcheck", "validate", INVALID], capture_output=True, env=env, timeout=120)
    assert done.returncode == 1 and b"\\u" in done.stdout and b"Traceback" not in done.stderr


def test_jobs_output_equals_one_job() -> None:
    one = run("validate", str(EXAMPLES / "gd-2022"), "--format", "json", "--jobs", "1")
    two = run("validate", str(EXAMPLES / "gd-2022"), "--format", "json", "--jobs", "2")
    auto = run("validate", str(EXAMPLES / "gd-2022"), "--format", "json", "--jobs", "auto")
    same = [(code, provenance.comparable(json.loads(out)), err) for code, out, err in (one, two, auto)]  # all but the time of the run
    assert same[0] == same[1] == same[2] and one[0] == 1


def test_jobs_must_be_positive_or_auto() -> None:
    assert run("validate", VALID, "--jobs", "0")[0] == 2
    assert run("validate", VALID, "--jobs", "some")[0] == 2
    assert run("validate", VALID, "--jobs", "auto")[0] == 0


def test_jobs_auto_is_the_default(monkeypatch) -> None:
    from appcheck import engine

    asked = []
    real = engine.check_batch

    def spy(bundles, **kwargs):
        asked.append((len(bundles), kwargs["jobs"]))
        return real(bundles, **kwargs)

    monkeypatch.setattr(engine, "check_batch", spy)
    monkeypatch.setattr(engine, "auto_jobs", lambda files: 7 if files == 1 else 0)
    assert run("validate", VALID)[0] == 0 and asked == [(1, 7)]


def test_size_and_depth_limits_are_configurable(tmp_path) -> None:
    size = Path(VALID).stat().st_size
    assert run("validate", VALID, "--max-bytes", str(size))[0] == 0
    code, out, _ = run("validate", VALID, "--max-bytes", str(size - 1))
    assert code == 1 and "LOAD" in out
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 30 + "]" * 30)
    assert "LOAD" in run("validate", str(deep), "--max-depth", "20")[1]
    assert "LOAD" not in run("validate", str(deep), "--max-depth", "40")[1]
    assert run("validate", VALID, "--max-bytes", "0")[0] == 2


@pytest.mark.parametrize("depth", [600, 900, 5000])
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "html"])
def test_a_raised_max_depth_never_breaks_a_report(tmp_path, depth, fmt) -> None:
    """--max-depth above the default: deep values in the call, a subdivision, a title and a note give
    findings (or a LOAD finding where the document is too deep to read at all), never exit 3."""
    text = Path(VALID).read_text(encoding="utf-8")
    bundle = json.loads(text)
    bundle["call"], bundle["project"]["title"], bundle["x-note"] = "@call@", "@title@", "@note@"
    bundle["applicant"]["subdivision"] = "@sub@"
    deep = (json.dumps(bundle, ensure_ascii=False)
            .replace('"@call@"', "[" * depth + "1" + "]" * depth)
            .replace('"@title@"', '{"a": ' * depth + "1" + "}" * depth)
            .replace('"@note@"', "[" * depth + "]" * depth)
            .replace('"@sub@"', "[" * depth + '"CN-GD"' + "]" * depth))
    path = tmp_path / "deep.json"
    path.write_text(deep, encoding="utf-8")
    code, out, err = run("validate", str(path), "--max-depth", str(depth * 2), "--format", fmt, "--lang", "en")
    assert code == 1 and not err, err
    if fmt in ("json", "sarif"):
        json.loads(out)
    # the call alone, deep: the topic finding
    bundle = json.loads(text)
    bundle["call"] = "@call@"
    path.write_text(json.dumps(bundle).replace('"@call@"', "[" * depth + "1" + "]" * depth), encoding="utf-8")
    code, out, err = run("validate", str(path), "--max-depth", str(depth * 2), "--format", fmt, "--lang", "en")
    assert code == 1 and not err, err
    assert ("TOPIC" in out) or ("LOAD" in out)


# ----------------------------------------------------------------------------- start-up

def _modules_after(code: str, cwd: Path | None = None) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (stdout of the command itself discarded)."""
    script = (
        "import io, sys, contextlib\n"
        f"with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    {code}\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=cwd)
    return set(done.stdout.split())


#: what a usage line or --help has no use for: attrs, the model, the rules, every call's module
HEAVY = ("attr", "attrs", "appcheck.model", "appcheck.engine", "appcheck.rules", "appcheck.topics", "importlib.metadata", "pickle")


def _heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m in HEAVY or m.startswith(tuple(f"{h}." for h in HEAVY))}


def test_importing_appcheck_imports_no_model_until_it_is_used() -> None:
    assert _heavy(_modules_after("import appcheck")) == set()
    used = _modules_after("import appcheck; appcheck.Report, appcheck.Status.FAILED")
    assert {"attrs", "appcheck.model"} <= used


def test_the_report_classes_are_the_models_whichever_way_they_are_imported() -> None:
    import appcheck
    from appcheck import model

    for name in ("BatchReport", "Finding", "Report", "Severity", "Status"):
        assert getattr(appcheck, name) is getattr(model, name) and name in dir(appcheck)
    from appcheck import Finding  # noqa: F401  (the from-import form too)

    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        appcheck.nothing  # noqa: B018


@pytest.mark.parametrize("argv", [["--help"], ["validate", "--help"], [], ["validate", "--no-such-option"]])
def test_help_and_usage_stay_light(argv) -> None:
    assert _heavy(_modules_after(f"from appcheck.cli import main; main({argv!r})")) == set()


def test_one_file_imports_only_its_own_call_without_settings() -> None:
    valid = EXAMPLES / "gd-2022" / "research" / "valid.json"
    loaded = _modules_after(f"from appcheck.cli import main; main(['validate', '--as-of', '2022-05-10', {str(valid)!r}])")
    calls = {m for m in loaded if m.startswith("appcheck.topics.") and m != "appcheck.topics.base"}
    assert calls == {"appcheck.topics.gd2022"}, calls
    assert "pickle" not in loaded and "sqlite3" not in loaded  # a one-file batch spills nothing


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_bundle_of_an_own_call_looks_for_no_call_pack(fmt, tmp_path: Path) -> None:
    """appcheck's own calls win any clash, so the installed distributions are not scanned for packs;
    with no configuration file (none from ``tmp_path`` upwards), no TOML parser either."""
    valid = EXAMPLES / "gd-2022" / "research" / "valid.json"
    loaded = _modules_after(f"from appcheck.cli import main; main(['validate', '--format', {fmt!r}, '--as-of', '2022-05-10', {str(valid)!r}])",
                            cwd=tmp_path)
    assert "importlib.metadata" not in loaded and "tomllib" not in loaded and "tomli" not in loaded
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"format": "appcheck/1", "call": "xx-2099"}), encoding="utf-8")
    loaded = _modules_after(f"from appcheck.cli import main; main(['validate', {str(unknown)!r}])", cwd=tmp_path)
    assert "importlib.metadata" in loaded  # a call appcheck does not have: every pack is looked at


def test_a_valid_bundle_needs_no_fractions_and_a_pyproject_without_the_word_is_not_parsed(tmp_path: Path) -> None:
    """``multipleOf`` is exact (fractions) in jsonschema's own validator, which a valid bundle does not
    reach; a pyproject.toml that never writes ``appcheck`` has no ``[tool.appcheck]`` and is not parsed."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.ruff]\nline-length = 100\n', encoding="utf-8")
    valid = EXAMPLES / "gd-2022" / "research" / "valid.json"
    loaded = _modules_after(f"from appcheck.cli import main; main(['validate', '--as-of', '2022-05-10', {str(valid)!r}])", cwd=tmp_path)
    assert "fractions" not in loaded and "tomllib" not in loaded and "tomli" not in loaded
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.appcheck]\nlang = "en"\n', encoding="utf-8")
    loaded = _modules_after(f"from appcheck.cli import main; main(['validate', '--as-of', '2022-05-10', {str(valid)!r}])", cwd=tmp_path)
    assert "tomllib" in loaded or "tomli" in loaded


@pytest.mark.parametrize("collecting", [True, False])
def test_the_command_line_leaves_the_garbage_collector_as_it_found_it(collecting: bool) -> None:
    import gc

    frozen = gc.get_freeze_count()
    (gc.enable if collecting else gc.disable)()
    try:
        assert run("validate", VALID, "--format", "json")[0] == 0
        assert run("--help")[0] == 0 and run("validate", "--no-such-option")[0] == 2
        assert gc.isenabled() is collecting and gc.get_freeze_count() == frozen  # a list of arguments: no freeze
    finally:
        gc.enable()


def test_a_small_batch_is_checked_with_the_collector_paused_a_larger_one_with_it_running(monkeypatch, tmp_path) -> None:
    import gc

    from appcheck import engine

    seen = []
    real = engine.check_batch

    def spy(bundles, **kwargs):
        seen.append((len(bundles), gc.isenabled()))
        return real(bundles, **kwargs)

    monkeypatch.setattr(engine, "check_batch", spy)
    monkeypatch.setattr(cli, "PAUSED_UP_TO", 2)
    for index in range(3):
        (tmp_path / f"{index}.json").write_bytes(Path(VALID).read_bytes())
    assert gc.isenabled()
    run("validate", str(tmp_path / "0.json"), str(tmp_path / "1.json"))
    run("validate", str(tmp_path))
    assert seen == [(2, False), (3, True)] and gc.isenabled()

