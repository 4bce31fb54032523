"""The pre-commit hook: ``.pre-commit-hooks.yaml`` declares it, and ``pre-commit`` running it on staged
bundles passes a good draft and stops a bad one, naming the requirement.

The end-to-end tests run the real ``pre-commit`` in a scratch git repository with a ``repo: local``
hook of ``language: system`` whose entry is this environment's ``appcheck``: nothing is installed or
fetched. They are skipped when ``git`` or ``pre-commit`` is not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def _hooks() -> list:
    yaml = pytest.importorskip("yaml")  # PyYAML comes with pre-commit
    return yaml.safe_load(HOOKS.read_text(encoding="utf-8"))


def test_hook_definition() -> None:
    hooks = _hooks()
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    assert hook["id"] == "appcheck"
    assert hook["name"]
    assert hook["entry"] == "appcheck validate"
    assert hook["language"] == "python"
    assert sorted(hook["types_or"]) == ["json", "yaml"]
    assert hook.get("pass_filenames", True) is True
    assert hook.get("require_serial") is True  # one run sees the whole batch


def test_hook_definition_is_accepted_by_pre_commit() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    load_manifest = getattr(clientlib, "load_manifest", None)
    if load_manifest is None:
        pytest.skip("this pre-commit has no clientlib.load_manifest")

    (hook,) = load_manifest(str(HOOKS))
    assert hook["id"] == "appcheck" and hook["types_or"] == ["json", "yaml"]


def test_the_default_file_pattern_matches_bundles_only() -> None:
    import re

    pattern = re.compile(_hooks()[0]["files"])
    for name in ("applications/draft.json", "applications/2026/a.yaml", "team/applications/b.yml"):
        assert pattern.search(name), name
    for name in ("package.json", ".pre-commit-config.yaml", "config/settings.json", "my-applications.json", ".github/workflows/ci.yml"):
        assert not pattern.search(name), name


@pytest.fixture
def scratch_repo(tmp_path):
    """``stage(path, source)`` puts a file in a scratch git repository and stages it; ``check(files)``
    runs pre-commit there with the shipped hook's file selection (``types_or`` and ``files``), or with
    ``files`` in .pre-commit-config.yaml as a user widens it."""
    git, pre_commit, appcheck = _tool("git"), _tool("pre-commit"), _tool("appcheck")
    if git is None or pre_commit is None:
        pytest.skip("git and pre-commit are needed for the hook test")
    if appcheck is None:
        pytest.skip("the appcheck command is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update({
        "HOME": str(home),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "NO_COLOR": "1",
    })

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    run(git, "init", "-q")
    run(git, "config", "user.name", "appcheck tests")
    run(git, "config", "user.email", "tests@example.invalid")
    run(git, "config", "commit.gpgsign", "false")
    shipped = _hooks()[0]

    def stage(name: str, source: Path | str) -> None:
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copyfile(source, target)
        else:
            target.write_text(source, encoding="utf-8")
        run(git, "add", name)

    def check(files: str | None = None) -> subprocess.CompletedProcess:
        config = f"""repos:
  - repo: local
    hooks:
      - id: appcheck
        name: appcheck
        entry: {appcheck} validate --lang en
        language: system
        types_or: {json.dumps(shipped["types_or"])}
        require_serial: {json.dumps(shipped["require_serial"])}
        files: {json.dumps(shipped["files"] if files is None else files)}
"""
        stage(".pre-commit-config.yaml", config)
        return run(pre_commit, "run", "--color", "never", check=False)  # the staged files

    return stage, check


def test_good_draft_passes(scratch_repo) -> None:
    stage, check = scratch_repo
    stage("applications/draft.json", EXAMPLES / "gd-2022" / "training" / "valid.json")
    result = check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "appcheck" in result.stdout and "Passed" in result.stdout


def test_bad_draft_is_stopped_and_named(scratch_repo) -> None:
    stage, check = scratch_repo
    stage("applications/draft.json", EXAMPLES / "gd-2022" / "training" / "GD22-TRN-COUNTRIES.json")
    result = check()
    assert result.returncode != 0
    assert "Failed" in result.stdout
    assert "GD22-TRN-COUNTRIES" in result.stdout


def test_by_default_the_repository_s_other_json_and_yaml_files_are_left_alone(scratch_repo) -> None:
    stage, check = scratch_repo
    stage("package.json", '{"name": "site", "version": "1.0.0"}\n')
    stage("config/settings.yaml", "debug: true\n")
    stage("applications/draft.json", EXAMPLES / "gd-2022" / "training" / "valid.json")
    result = check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "not an appcheck bundle" not in result.stdout


def test_widened_it_names_a_file_that_is_not_a_bundle(scratch_repo) -> None:
    stage, check = scratch_repo
    stage("package.json", '{"name": "site", "version": "1.0.0"}\n')
    stage("applications/draft.json", EXAMPLES / "gd-2022" / "training" / "valid.json")
    result = check(files="")
    assert result.returncode != 0
    assert 'package.json:1:1: error TOPIC /  not an appcheck bundle: no "format": "appcheck/1"' in result.stdout
    assert ".pre-commit-config.yaml:1:1: error TOPIC" in result.stdout
