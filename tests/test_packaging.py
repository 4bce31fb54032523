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
