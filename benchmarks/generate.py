"""Realistic bundles for the benchmark: the example bundles of every covered topic, grown and mutated.

Each bundle is made from one example of ``examples/<call>/<topic>/`` by a random generator seeded
with ``(seed, index)``, so bundle *i* is the same in every run and can be made again on its own
(the memory measurements never hold all of them):

- about 70 % *valid*: a ``valid*.json`` example, grown to about 9 KB the way real applications are
  (a long ``project.summary``, ``x-`` notes on the parties, team members and documents);
- about 15 % *rule-invalid*: one of the topic's failing examples (``<REQUIREMENT>*.json``), grown alike;
- about 15 % *schema-invalid*: a valid one with one schema-level mistake (a missing required field,
  a wrong type, money with 5 decimals, an impossible date, a malformed id, an unknown field).

``python benchmarks/generate.py OUT_DIR N [--seed S] [--topic CALL/TOPIC]`` writes N files.
"""

from __future__ import annotations

import argparse
import json
import random
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TARGET_BYTES = 9 * 1024

_SENTENCES = [
    "本项目面向区域产业升级的共性关键技术需求，联合外方合作单位开展联合研发。",
    "双方将在材料制备、工艺优化与可靠性评价三个方面分工协作，定期互派研究人员。",
    "项目实施期内拟建立联合实验平台一个，共同申请发明专利并发表高水平论文。",
    "外方团队在该领域具有长期积累，已与申报单位开展过两轮实质性合作交流。",
    "成果将在省内重点企业开展中试验证，形成可推广的技术方案和标准草案。",
    "The partners will exchange researchers twice a year and share test data under the signed agreement.",
    "Work packages cover design, prototyping, field validation and dissemination of results.",
]


@lru_cache(maxsize=None)
def topics() -> tuple[tuple[str, tuple[Path, ...], tuple[Path, ...]], ...]:
    """``(call/topic, valid examples, failing examples)`` for every covered topic."""
    found = []
    for folder in sorted(EXAMPLES.glob("*/*")):
        if not folder.is_dir() or folder.name == "batches":
            continue
        files = sorted(folder.glob("*.json"))
        valid = tuple(p for p in files if p.name.startswith("valid"))
        failing = tuple(p for p in files if not p.name.startswith("valid"))
        if valid:
            found.append((f"{folder.parent.name}/{folder.name}", valid, failing))
    return tuple(found)


@lru_cache(maxsize=None)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _grow(bundle: dict, rng: random.Random) -> None:
    """Add what real bundles carry and examples leave out: a long summary, notes (``x-`` fields)."""
    project = bundle.get("project")
    note = lambda: "".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 3)))  # noqa: E731
    for key in ("partners", "team", "documents", "agreements"):
        items = bundle.get(key)
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict):
                    item["x-note"] = note()
    if isinstance(bundle.get("applicant"), dict):
        bundle["applicant"]["x-note"] = note()
    if isinstance(project, dict):
        project["summary"] = ""
        size = len(json.dumps(bundle, ensure_ascii=False, indent=2).encode("utf-8"))
        parts = []
        while size < TARGET_BYTES:  # the sentences need no JSON escapes: their UTF-8 size is what they add
            parts.append(rng.choice(_SENTENCES))
            size += len(parts[-1].encode("utf-8"))
        project["summary"] = "".join(parts)


def _leaves(value, prefix=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, prefix + (index,))
    else:
        yield prefix, value


def _break_schema(bundle: dict, rng: random.Random) -> str:
    """One schema-level mistake, as applicants make them; returns what was done."""
    leaves = [(path, value) for path, value in _leaves(bundle) if path and path[0] not in ("call", "topic", "track", "format")]
    numbers = [(p, v) for p, v in leaves if isinstance(v, (int, float)) and not isinstance(v, bool)]
    dates = [(p, v) for p, v in leaves if isinstance(v, str) and len(v) == 10 and v[4:5] == "-" and v[7:8] == "-"]
    ids = [(p, v) for p, v in leaves if p[-1] in ("id", "organization")]
    choices = ["missing", "unknown-field", "wrong-type"] + ["money"] * bool(numbers) + ["date"] * bool(dates) + ["id"] * bool(ids)
    kind = rng.choice(choices)
    if kind == "missing":
        del bundle[rng.choice([k for k in ("project", "applicant", "budget", "partners") if k in bundle] or ["format"])]
    elif kind == "unknown-field":
        bundle["projcet"] = {"title": "拼写错误的字段"}
    elif kind == "wrong-type":
        path, _ = rng.choice(leaves)
        _set(bundle, path, {"value": "应为标量"})
    elif kind == "money":
        path, value = rng.choice(numbers)
        _set(bundle, path, float(f"{value}") + 0.00001)
    elif kind == "date":
        path, value = rng.choice(dates)
        _set(bundle, path, value[:5] + "02-30")
    elif kind == "id":
        path, value = rng.choice(ids)
        _set(bundle, path, f"Org {value}")
    return kind


def _set(bundle, path, value) -> None:
    for segment in path[:-1]:
        bundle = bundle[segment]
    bundle[path[-1]] = value


def bundle(index: int, seed: int = 2026, topic: str | None = None) -> tuple[str, str, str]:
    """Bundle number ``index``: ``(file name, JSON text, kind)``; kind is valid / rules / schema."""
    rng = random.Random(seed * 1_000_003 + index)
    choices = [t for t in topics() if topic is None or t[0] == topic]
    if not choices:
        raise ValueError(f"no examples for topic {topic!r}")
    name, valid, failing = choices[index % len(choices)] if topic is None else choices[0]
    roll = rng.random()
    kind = "valid" if roll < 0.70 or not failing and roll < 0.85 else ("rules" if roll < 0.85 else "schema")
    source = rng.choice(failing if kind == "rules" else valid)
    data = json.loads(_read(source))
    _grow(data, rng)
    if kind == "schema":
        kind = f"schema:{_break_schema(data, rng)}"
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return f"{index:05d}-{name.replace('/', '--')}-{kind.split(':')[0]}.json", text, kind


def bundles(count: int, seed: int = 2026, topic: str | None = None):
    """The first ``count`` bundles, made one at a time."""
    for index in range(count):
        yield bundle(index, seed, topic)


def write(folder: Path, count: int, seed: int = 2026, topic: str | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text, _ in bundles(count, seed, topic):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--topic", metavar="CALL/TOPIC")
    args = parser.parse_args(argv)
    paths = write(args.out, args.count, args.seed, args.topic)
    print(f"wrote {len(paths)} bundles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
