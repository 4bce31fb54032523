"""The pre-commit hook: ``.pre-commit-hooks.yaml`` declares it, and ``pre-commit`` running it on staged
bundles passes a good draft and stops a bad one, naming the requirement.

The end-to-end tests run the real ``pre-commit`` in a scratch git repository with a ``repo: local``
hook of ``language: system`` whose entry is this environment's ``appcheck``: nothing is installed or
fetched. They are skipped when ``git`` or ``pre-commit`` is not installed.
"""

from __future__ import annotations

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


@pytest.fixture
def scratch_repo(tmp_path):
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
    config = f"""repos:
  - repo: local
    hooks:
      - id: appcheck
        name: appcheck
        entry: {appcheck} validate --lang en
        language: system
        types_or: [json, yaml]
        require_serial: true
        files: ^applications/
"""
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (repo / "applications").mkdir()

    def stage_and_check(name: str, source: Path) -> subprocess.CompletedProcess:
        target = repo / "applications" / name
        shutil.copyfile(source, target)
        run(git, "add", ".pre-commit-config.yaml", f"applications/{name}")
        return run(pre_commit, "run", "--color", "never", check=False)  # the staged files

    return stage_and_check


def test_good_draft_passes(scratch_repo) -> None:
    result = scratch_repo("draft.json", EXAMPLES / "gd-2022" / "training" / "valid.json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "appcheck" in result.stdout and "Passed" in result.stdout


def test_bad_draft_is_stopped_and_named(scratch_repo) -> None:
    result = scratch_repo("draft.json", EXAMPLES / "gd-2022" / "training" / "GD22-TRN-COUNTRIES.json")
    assert result.returncode != 0
    assert "Failed" in result.stdout
    assert "GD22-TRN-COUNTRIES" in result.stdout
