"""Record ``tests/report_bytes.json``: the digest of every reporter's output on every case of
``tests/test_report_bytes.py``, from the code as it is.

Run it only with a deliberate output change that CHANGELOG.md states, in the same commit (a speed
or refactoring change never changes an output byte). ``--outputs DIR`` also writes every output
under DIR, one file per case and output, to diff against what a failing test wrote.

    python scripts/record_report_bytes.py [--outputs DIR] [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outputs", type=Path, metavar="DIR", help="also write every output under DIR")
    parser.add_argument("--check", action="store_true", help="compare with the recorded snapshot instead of writing it")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from tests import test_report_bytes

    recorded = test_report_bytes.record(args.outputs)
    text = json.dumps(recorded, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    if args.check:
        same = test_report_bytes.SNAPSHOT.read_text(encoding="utf-8") == text
        print("the snapshot matches" if same else "the snapshot differs", file=sys.stderr)
        return 0 if same else 1
    test_report_bytes.SNAPSHOT.write_text(text, encoding="utf-8")
    cases = recorded["cases"]
    print(f"recorded {len(recorded['outputs'])} outputs of {len(cases)} cases in {test_report_bytes.SNAPSHOT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
