"""Regenerate ``src/appcheck/data/catalog.json`` from the product contract's requirements catalog.

Usage: ``python scripts/sync_catalog.py [PATH/TO/requirements.yaml]`` (default: ``../shared/spec/requirements.yaml``).
Needs PyYAML (a development tool only: the package reads the JSON it writes).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "spec" / "requirements.yaml"
TARGET = ROOT / "src" / "appcheck" / "data" / "catalog.json"


def revision(text: str) -> int:
    """The contract's revision: the highest ``# Revision N`` its header names (1 when none)."""
    return max((int(found) for found in re.findall(r"^# Revision (\d+)\b", text, re.M)), default=1)


def convert(source: Path) -> dict:
    text = source.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    return {"revision": revision(text), "calls": raw["calls"], "requirements": raw["requirements"]}


def render(catalog: dict) -> str:
    return json.dumps(catalog, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT
    TARGET.write_text(render(convert(source)), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} from {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
