"""The generic checks every call passes, appcheck's own and every call pack's.

A pack's tests call :func:`check_pack` (the test module ``appcheck new-call`` writes does)::

    from appcheck.testing import check_pack

    def test_the_pack_passes_appchecks_generic_checks():
        check_pack("appcheck-zj-2027", examples=EXAMPLES)

appcheck's own tests run the same functions, one case at a time. Each function returns the
problems it finds, as text naming the call, topic, track or file (an empty list: none);
:func:`check_pack` runs them all and raises ``AssertionError`` listing every problem.

The checks:

- every topic (and track) declares exactly its catalog requirements, and the catalog lists the
  call's topics and tracks as the call module does; every topic's schema is shipped
  (:func:`declaration_problems`, :func:`listing_problems`);
- every example is classified as its name says: ``<call>/<topic>/valid*.json`` (``.yaml``, ``.yml``)
  passes every requirement (needs-review allowed), ``<REQUIREMENT>[--variant].json`` fails that
  requirement and no other, and every requirement that applies is reported once;
  ``<call>/batches/<REQUIREMENT>[--variant]/`` is a batch whose bundles all fail that batch
  requirement and nothing else (:func:`example_problems`, :func:`batch_problems`); every topic has a
  valid example and every requirement a failing one (:func:`coverage_problems`);
- where the guideline text is at hand (``guidelines/<call>.txt``, or the one the pack ships as its
  catalog names it), every fragment of every clause a finding quotes occurs in its topic's (and
  track's) section of the guideline (:func:`quote_problems`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import catalog, clauses, packs, topics

#: the date an example without ``submitted_on`` is checked as of
AS_OF = dt.date(2022, 1, 1)
SUFFIXES = (".json", ".yaml", ".yml")
#: what an example may be named after besides a requirement
ENVELOPE = ("SCHEMA", "LOAD", "TOPIC")


def _failed(report) -> list[str]:
    return sorted({f.requirement for f in report.findings if f.status.value == "failed"})


def _failures(report) -> list[tuple[str, str]]:
    return [(f.requirement, f.message_en) for f in report.findings if f.status.value == "failed"]


def requirement_of(path: Path) -> str:
    """The requirement an example file (``REQ--variant.json``) or batch folder (``REQ--variant``) is named after."""
    return (path.stem if path.is_file() else path.name).split("--")[0]


def example_files(folder: Path, call_id: str | None = None) -> list[Path]:
    """The example bundles under ``folder`` (``<call>/<topic>/...``), batches left out; one call's with ``call_id``."""
    root = Path(folder) / call_id if call_id else Path(folder)
    found = (path for path in root.rglob("*") if path.suffix in SUFFIXES and path.is_file())
    return sorted(path for path in found if "batches" not in path.relative_to(folder).parts)


def batch_folders(folder: Path, call_id: str | None = None) -> list[Path]:
    """The batch examples under ``folder`` (``<call>/batches/<REQ>[--variant]/``)."""
    pattern = f"{call_id}/batches/*" if call_id else "*/batches/*"
    return sorted(path for path in Path(folder).glob(pattern) if path.is_dir())


# ----------------------------------------------------------------------------- declarations

def declaration_problems(call: topics.Call, topic: topics.Topic, track: str | None) -> list[str]:
    """The topic (and track) declares exactly the requirements the catalog lists for it."""
    declared = sorted(check.requirement for check in topic.checks_for(track))
    expected = sorted(rid for rid, req in catalog.requirements().items() if req.applies_to(call.id, topic.id, track))
    if declared == expected:
        return []
    where = f"{topic.name}#{track}" if track else topic.name
    extra, missing = sorted(set(declared) - set(expected)), sorted(set(expected) - set(declared))
    return [f"{where} checks {', '.join(extra) or 'nothing more'} beyond its catalog entries and misses {', '.join(missing) or 'none'}"]


def listing_problems(call: topics.Call) -> list[str]:
    """The catalog lists the call's topics and tracks in the module's order; every topic's schema is shipped."""
    from . import schemas

    listed = catalog.calls().get(call.id)
    if listed is None:
        return [f"{call.id}: the catalog has no calls entry for it"]
    problems = []
    if [t.id for t in call.topics] != list(listed.get("topics", {})):
        problems.append(f"{call.id}: topics {[t.id for t in call.topics]}, the catalog lists {list(listed.get('topics', {}))}")
    for topic in call.topics:
        tracks = listed.get("topics", {}).get(topic.id, {}).get("tracks", [])
        if [t.id for t in topic.tracks] != tracks:
            problems.append(f"{topic.name}: tracks {[t.id for t in topic.tracks]}, the catalog lists {tracks}")
        if topic.schema not in schemas.shipped():
            problems.append(f"{topic.name}: its schema {topic.schema} is not shipped")
    return problems


# ----------------------------------------------------------------------------- examples

def example_problems(path: Path, as_of: dt.date | str = AS_OF) -> list[str]:
    """The example is classified as its name says, and reports every requirement that applies once."""
    import appcheck

    path = Path(path)
    report = appcheck.validate(path, as_of=as_of)
    failures = _failed(report)
    problems = []
    if path.stem.startswith("valid"):
        if failures or not report.ok:
            problems.append(f"{path}: named valid, fails {_failures(report)}" + ("" if failures else " and is not ok"))
    else:
        wanted = requirement_of(path)
        if wanted not in catalog.requirements() and wanted not in ENVELOPE:
            problems.append(f"{path}: its name names no requirement ({wanted})")
        elif failures != [wanted]:
            problems.append(f"{path}: named after {wanted}, fails {_failures(report)}")
    if report.topic is not None:
        call_id, topic_id = report.topic.split("/")
        expected = sorted(rid for rid, req in catalog.requirements().items() if req.applies_to(call_id, topic_id, report.track))
        reported = sorted(f.requirement for f in report.findings if f.requirement in catalog.requirements())
        if reported != expected:
            problems.append(f"{path}: reports {reported}, expected every requirement of its topic once: {expected}")
    return problems


def batch_problems(folder: Path, as_of: dt.date | str = AS_OF) -> list[str]:
    """Every bundle of the batch example fails the batch requirement it is named after, and nothing else."""
    import appcheck

    folder = Path(folder)
    wanted = requirement_of(folder)
    files = sorted(path for path in folder.iterdir() if path.suffix in SUFFIXES)
    batch = appcheck.validate_batch(files, as_of=as_of)
    problems = []
    if not batch.findings or {f.requirement for f in batch.findings} != {wanted}:
        problems.append(f"{folder}: batch findings {sorted({f.requirement for f in batch.findings})}, expected {wanted}")
    for path, report in zip(files, batch.reports):
        if _failed(report) != [wanted]:
            problems.append(f"{path}: in batch {folder.name}, fails {_failed(report)}, expected [{wanted}]")
    return problems


def coverage_problems(call: topics.Call, examples: Path) -> list[str]:
    """Every topic of the call has a valid example, every requirement of the call a failing one."""
    examples = Path(examples)
    problems = []
    for topic in call.topics:
        if not any(path.stem.startswith("valid") for path in example_files(examples / call.id, topic.id)):
            problems.append(f"{topic.name}: no valid example in {examples / call.id / topic.id}")
    named = {requirement_of(path) for path in example_files(examples, call.id) if not path.stem.startswith("valid")}
    named |= {requirement_of(path) for path in batch_folders(examples, call.id)}
    own = {check.requirement for topic in call.topics for check in topic.checks}
    missing = sorted(own - named)
    if missing:
        problems.append(f"{call.id}: no failing example for {', '.join(missing)}")
    return problems


# ----------------------------------------------------------------------------- quotes

def quote_problems(call: topics.Call, topic: topics.Topic, track: str | None, guideline: str) -> list[str]:
    """Every fragment of every clause the topic's (track's) findings quote occurs in its section of ``guideline``."""
    key = topic.id if track is None else f"{topic.id}#{track}"
    try:
        own = clauses.section(guideline, call.sections, key)
    except clauses.SectionError as error:
        return [f"{call.id}/{key}: {error}"]
    problems = []
    for check in topic.checks_for(track) if track is not None else topic.checks:
        # what the finding, ``appcheck explain`` and the SARIF rule help quote
        quoted = clauses.clause(call, topic.id, track, check.requirement, fallback=catalog.requirement(check.requirement).source)
        parts = clauses.fragments(quoted)
        if not parts:
            problems.append(f"{call.id}/{key} {check.requirement}: quotes nothing")
        outside = [part for part in parts if part not in own]
        if outside:
            problems.append(f"{call.id}/{key} {check.requirement}: not in its section of the guideline: {outside}")
    return problems


def shipped_guideline(call: topics.Call) -> str | None:
    """The guideline text the call's pack ships (``data/`` + the catalog's ``guideline`` path), if any."""
    pack = packs.pack_of(call.id)
    name = catalog.calls().get(call.id, {}).get("guideline")
    if pack is None or packs.is_host(pack) or not isinstance(name, str):
        return None
    entry = packs.data_root(pack).joinpath("data", *name.split("/"))
    return entry.read_text(encoding="utf-8") if entry.is_file() else None


def cases(call: topics.Call) -> Iterable[tuple[topics.Topic, str | None]]:
    """Every topic of the call, with each of its tracks and without one."""
    for topic in call.topics:
        for track in [None, *(t.id for t in topic.tracks)]:
            yield topic, track


# ----------------------------------------------------------------------------- all of them

def pack_problems(pack: str, examples: Path | None = None, guidelines: Path | None = None, as_of: dt.date | str = AS_OF) -> list[str]:
    """Every problem the generic checks find in the installed pack named ``pack`` (its distribution name)."""
    found = {name.lower(): each for name, each in packs.installed().items()}
    chosen: Any = found.get(pack.lower())
    if chosen is None:
        return [f"no installed pack is named {pack!r}; installed: {', '.join(packs.installed())}"]
    problems = [str(error) for error in packs.refusals() if error.pack == chosen.label]
    if problems:
        return problems
    for call_id in chosen.call_ids:
        call = topics.call(call_id)
        problems += listing_problems(call)
        guideline = None
        if guidelines is not None and (Path(guidelines) / f"{call_id}.txt").is_file():
            guideline = (Path(guidelines) / f"{call_id}.txt").read_text(encoding="utf-8")
        guideline = guideline if guideline is not None else shipped_guideline(call)
        for topic, track in cases(call):
            if track is not None or not topic.tracks:
                problems += declaration_problems(call, topic, track)
            if guideline is not None:
                problems += quote_problems(call, topic, track, guideline)
        if examples is not None:
            problems += coverage_problems(call, examples)
            for path in example_files(examples, call_id):
                problems += example_problems(path, as_of)
            for folder in batch_folders(examples, call_id):
                problems += batch_problems(folder, as_of)
    return problems


def check_pack(pack: str, examples: Path | None = None, guidelines: Path | None = None, as_of: dt.date | str = AS_OF) -> None:
    """Run every generic check on the installed pack ``pack``; ``AssertionError`` listing every problem found.

    ``examples``: the folder holding ``<call>/<topic>/...`` and ``<call>/batches/...`` (examples are
    not installed with a pack; pass the folder beside its tests). ``guidelines``: a folder of
    ``<call>.txt`` guideline texts, else the one the pack ships, else the quotes are not checked.
    """
    problems = pack_problems(pack, examples, guidelines, as_of)
    if problems:
        raise AssertionError(f"{len(problems)} problem(s) in call pack {pack}:\n  " + "\n  ".join(problems))
