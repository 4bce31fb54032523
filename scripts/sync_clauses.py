"""Regenerate ``src/appcheck/data/clauses.json``: the clause each topic (and track) quotes, from the guidelines.

Usage: ``python scripts/sync_clauses.py [PATH/TO/guidelines]`` (default: ``shared/guidelines`` beside the
checkout). For every check of every topic and track, the catalog's ``source`` is split into its
clauses (at `` / ``), and the clauses whose every fragment (split at ``……``) occurs in that topic's or
track's section of the guideline are kept (see ``appcheck.clauses``; the sections are the call
modules' ``SECTIONS`` tables). A topic with tracks quotes what its tracks quote (each wording once,
joined by `` / ``); a track quoting the same as its topic has no entry of its own. A pair the call
module writes out in its ``CLAUSES`` table is left to it.
A pair with no clause found is an error listing every such pair: write its clause into ``CLAUSES``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = next((folder / "shared" / "guidelines" for folder in ROOT.parents if (folder / "shared" / "guidelines").is_dir()), ROOT.parent / "shared" / "guidelines")
TARGET = ROOT / "src" / "appcheck" / "data" / "clauses.json"

sys.path.insert(0, str(ROOT / "src"))

from appcheck import catalog, clauses, packs, topics  # noqa: E402


class Unquoted(ValueError):
    """Pairs of a topic (or track) and a requirement for which no clause of the contract is in the section."""


def derive_call(call, text: str) -> tuple[dict, list[str]]:
    """``({key: {requirement: clause}}, problems)`` for one call and its guideline text."""
    derived: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    for topic in call.topics:
        tracks = [track.id for track in topic.tracks]
        own = {}
        for track in tracks:  # each track's own wording, where its section has one
            key = f"{topic.id}#{track}"
            section = clauses.section(text, call.sections, key)
            for check in topic.checks_for(track):
                if clauses.declared(call, topic.id, track, check.requirement) is not None:
                    own[(track, check.requirement)] = clauses.declared(call, topic.id, track, check.requirement)
                    continue
                found = clauses.derive(catalog.requirement(check.requirement).source, section)
                if found is None:
                    problems.append(f"{call.id}/{key} {check.requirement}: {catalog.requirement(check.requirement).source!r}")
                    continue
                own[(track, check.requirement)] = found
                derived.setdefault(key, {})[check.requirement] = found
        section = clauses.section(text, call.sections, topic.id)
        for check in topic.checks:
            if clauses.declared(call, topic.id, None, check.requirement) is not None:
                continue
            if tracks:  # the topic quotes what its tracks quote
                found = clauses.TOPICS_SEPARATOR.join(dict.fromkeys(
                    own[(track, check.requirement)] for track in tracks if (track, check.requirement) in own)) or None
                if found is None:
                    continue  # its tracks' problems are listed
            else:
                found = clauses.derive(catalog.requirement(check.requirement).source, section)
            if found is None:
                problems.append(f"{call.id}/{topic.id} {check.requirement}: {catalog.requirement(check.requirement).source!r}")
                continue
            derived.setdefault(topic.id, {})[check.requirement] = found
        for track in tracks:  # a track quoting what its topic quotes needs no entry of its own
            key = f"{topic.id}#{track}"
            for requirement, found in list(derived.get(key, {}).items()):
                if derived.get(topic.id, {}).get(requirement) == found:
                    del derived[key][requirement]
            if key in derived and not derived[key]:
                del derived[key]
    return derived, problems


def derive_all(guidelines: Path) -> dict:
    """``{call: {"topic" or "topic#track": {requirement: clause}}}`` for every call; raises :class:`Unquoted`."""
    result, problems = {}, []
    for call in topics.calls():
        if call.id not in packs.host().call_ids:
            continue  # an installed call pack's call: its clauses are its own
        derived, found = derive_call(call, (guidelines / f"{call.id}.txt").read_text(encoding="utf-8"))
        result[call.id] = derived
        problems += found
    if problems:
        raise Unquoted("no clause of the contract is in the section of:\n  " + "\n  ".join(problems))
    return result


def render(derived: dict) -> str:
    return json.dumps(derived, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    guidelines = Path(argv[0]) if argv else DEFAULT
    try:
        derived = derive_all(guidelines)
    except Unquoted as problem:
        print(problem, file=sys.stderr)
        return 1
    TARGET.write_text(render(derived), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} from {guidelines}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
