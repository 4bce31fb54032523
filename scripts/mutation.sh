#!/usr/bin/env bash
# Mutation testing of the rule modules (src/appcheck/rules/) with mutmut 3; not part of CI.
#
#   scripts/mutation.sh                     # all rule modules (long: several thousand mutants)
#   scripts/mutation.sh funding dates       # only these modules
#   scripts/mutation.sh --survivors         # re-test only the mutants not killed last time (after adding tests)
#   MUTATION_JOBS=1 scripts/mutation.sh     # fewer parallel workers (default: all cores)
#
# Configuration: [tool.mutmut] in pyproject.toml (the tests run per mutant are the ones under
# tests/rules, tests/topics and tests/test_examples.py that reach the mutated function).
# mutmut works in ./mutants/ (git-ignored) and reuses earlier results there when the source
# is unchanged; delete mutants/ for a clean run. Inspect survivors with
#   .venv/bin/mutmut results            and     .venv/bin/mutmut show <mutant name>
# The score is printed at the end: killed / total per module, and in all.
set -euo pipefail

cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
MUTMUT="$(dirname "$PY")/mutmut"

"$PY" -m pip install --quiet -e '.[test,mutation]'

names=()
if [ "${1:-}" = "--survivors" ]; then
    shift
    mapfile -t names < <("$PY" - <<'PYEOF'
import json
from pathlib import Path

from mutmut.stats import status_by_exit_code

for meta in sorted(Path("mutants/src/appcheck/rules").glob("*.py.meta")):
    for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
        if status_by_exit_code[code] in ("survived", "no tests", "suspicious"):
            print(name)
PYEOF
)
    echo "re-testing ${#names[@]} mutants"
fi
for module in "$@"; do
    names+=("appcheck.rules.${module%.py}.*")
done

jobs="${MUTATION_JOBS:-$(nproc 2>/dev/null || echo 2)}"
if [ ${#names[@]} -gt 0 ]; then
    printf '%s\n' "${names[@]}" | xargs -d '\n' "$MUTMUT" run --max-children "$jobs" || true
else
    "$MUTMUT" run --max-children "$jobs" || true
fi

"$PY" - "$@" <<'PYEOF'
"""Mutation score from mutmut's result files: killed / total per rule module."""
import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

# killed: a test failed, or the mutant made the tests time out / crash
KILLED = {"killed", "timeout", "segfault", "caught by type check"}
only = {m.removesuffix(".py") for m in sys.argv[1:]}
rows = []
for meta in sorted(Path("mutants/src/appcheck/rules").glob("*.py.meta")):
    module = meta.name.removesuffix(".py.meta")
    if only and module not in only:
        continue
    status = Counter(status_by_exit_code[c] for c in json.loads(meta.read_text())["exit_code_by_key"].values())
    killed = sum(n for s, n in status.items() if s in KILLED)
    total = sum(status.values())
    rows.append((module, killed, total, status["survived"], status["no tests"], status["not checked"]))

print(f"{'module':<14}{'killed':>8}{'total':>8}{'score':>8}{'survived':>10}{'no tests':>10}{'not run':>9}")
for module, killed, total, *rest in rows:
    print(f"{module:<14}{killed:>8}{total:>8}{f'{100 * killed / total:.1f}%' if total else '-':>8}"
          + "".join(f"{n:>{w}}" for n, w in zip(rest, (10, 10, 9))))
k, t = sum(r[1] for r in rows), sum(r[2] for r in rows)
print(f"{'total':<14}{k:>8}{t:>8}{f'{100 * k / t:.1f}%' if t else '-':>8}"
      + "".join(f"{sum(r[i] for r in rows):>{w}}" for i, w in zip((3, 4, 5), (10, 10, 9))))
PYEOF
