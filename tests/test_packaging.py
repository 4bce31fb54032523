"""The built wheel carries the schemas and data files, and validates a bundle on its own."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    hatchling_wheel = pytest.importorskip("hatchling.builders.wheel")
    out = tmp_path_factory.mktemp("dist")
    builder = hatchling_wheel.WheelBuilder(str(ROOT))
    return Path(next(iter(builder.build(directory=str(out), versions=["standard"]))))


def test_wheel_contains_schemas_catalog_and_lists(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(ROOT / "schemas").as_posix() for p in (ROOT / "schemas").rglob("*.json")}
    assert {f"appcheck/schemas/{name}" for name in shipped} <= names
    assert "appcheck/data/catalog.json" in names
    assert "appcheck/data/clauses.json" in names
    assert any(name.startswith("appcheck/data/countries/") and name.endswith(".json") for name in names)
    assert not any(name.startswith(("tests/", "examples/")) for name in names)


def test_unpacked_wheel_validates_without_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import appcheck, appcheck.schemas as s;"
        "assert appcheck.__file__.startswith(sys.argv[1]), appcheck.__file__;"
        "assert str(s.schema_root()).startswith(sys.argv[1]);"
        "r = appcheck.validate(sys.argv[2]); print(r.ok, len(r.findings));"
        "(t,) = [f for f in r.findings if f.requirement == 'GD22-TRN-TARGETS'];"
        "assert t.source.endswith('在专业媒体或综合性媒体上至少有 1 篇项目报道”'), t.source"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "site"), str(ROOT / "examples/gd-2022/training/valid.json")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("True")


def _floors() -> dict[str, str]:
    """Each direct dependency of pyproject.toml (runtime and the test extra): its lowest version."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors = {}
    for line in project["dependencies"] + project["optional-dependencies"]["test"]:
        requirement = Requirement(line)
        [floor] = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        floors[requirement.name.lower()] = floor
    return floors


def _pins() -> dict[str, str]:
    from packaging.requirements import Requirement

    pins = {}
    for line in (ROOT / ".ci" / "constraints-lowest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            [pin] = [spec.version for spec in requirement.specifier if spec.operator == "=="]
            pins[requirement.name.lower()] = pin
    return pins


# A floor whose own release pip never installs (yanked), and the lowest release it does install.
YANKED = {"xmlschema": ("3.0", "3.0.1")}


def test_the_lowest_versions_ci_installs_are_pyproject_s_floors() -> None:
    from packaging.version import Version

    floors, pins = _floors(), _pins()
    assert pins.keys() == floors.keys()
    for name, floor in floors.items():
        expected = YANKED[name][1] if name in YANKED and YANKED[name][0] == floor else floor
        assert Version(pins[name]) == Version(expected), (name, floor, pins[name])


def test_ci_runs_the_readme_s_test_command_first_then_the_lowest_versions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "python3 -m venv .venv && .venv/bin/python -m pip install -q -e '.[test]' && .venv/bin/python -m pytest -q"
    assert command in readme
    commands = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if "pytest" in line and not line.startswith("#")]
    assert commands == [
        command + " || exit",
        "python3 -m venv .venv-lowest && .venv-lowest/bin/python -m pip install -q -c .ci/constraints-lowest.txt "
        "-e '.[test]' && .venv-lowest/bin/python -m pytest -q || exit",
    ]
