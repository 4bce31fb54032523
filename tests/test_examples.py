"""Every example bundle is classified as its name says.

``examples/<call>/<topic>/valid*.json`` (or ``.yaml``/``.yml``) passes every requirement (needs-review allowed);
``examples/<call>/<topic>/<REQUIREMENT>[--variant].json`` fails that requirement and no other;
``examples/<call>/batches/<REQUIREMENT>[--variant]/`` is a batch in which every bundle fails that
batch requirement and nothing else, with a batch finding naming the bundles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import appcheck
from appcheck import catalog, topics

from .conftest import EXAMPLES, failed_ids

AS_OF = "2022-01-01"


def _bundles() -> list[Path]:
    found = (p for pattern in ("*.json", "*.yaml", "*.yml") for p in EXAMPLES.rglob(pattern))
    return sorted(p for p in found if "batches" not in p.relative_to(EXAMPLES).parts)


def _batches() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*/batches/*") if p.is_dir())


def _id(path: Path) -> str:
    return str(path.relative_to(EXAMPLES))


def requirement_of(path: Path) -> str:
    return path.stem.split("--")[0] if path.is_file() else path.name.split("--")[0]


@pytest.mark.parametrize("path", _bundles(), ids=_id)
def test_example_is_classified_by_its_name(path: Path) -> None:
    report = appcheck.validate(path, as_of=AS_OF)
    failures = sorted(failed_ids(report))
    if path.stem.startswith("valid"):
        assert failures == [], [(f.requirement, f.message) for f in report.failures()]
        assert report.ok
    else:
        wanted = requirement_of(path)
        assert wanted in catalog.requirements() or wanted in ("SCHEMA", "LOAD", "TOPIC"), f"{path.name} names no requirement"
        assert failures == [wanted], [(f.requirement, f.message) for f in report.failures()]


@pytest.mark.parametrize("path", _bundles(), ids=_id)
def test_example_reports_every_applicable_requirement_once(path: Path) -> None:
    report = appcheck.validate(path, as_of=AS_OF)
    if report.topic is None:
        return
    call, topic = report.topic.split("/")
    expected = sorted(rid for rid, req in catalog.requirements().items() if req.applies_to(call, topic, report.track))
    reported = [f.requirement for f in report.findings if f.requirement in catalog.requirements()]
    assert sorted(reported) == expected


@pytest.mark.parametrize("folder", _batches(), ids=_id)
def test_batch_example_fails_its_batch_requirement(folder: Path) -> None:
    wanted = requirement_of(folder)
    batch = appcheck.validate_batch(sorted(folder.glob("*.json")), as_of=AS_OF)
    assert batch.findings and {f.requirement for f in batch.findings} == {wanted}
    for report in batch.reports:
        assert sorted(failed_ids(report)) == [wanted], report.file
    assert not batch.ok


def test_examples_exist_for_every_call_topic_and_track() -> None:
    for call in topics.calls():
        for topic in call.topics:
            folder = EXAMPLES / call.id / topic.id
            valid = sorted(p.name for p in folder.glob("valid*.json"))
            assert valid, f"no valid example for {topic.name}"
            for track in topic.tracks:
                assert any(track.id in name for name in valid) or len(topic.tracks) == 0 or "valid.json" in valid, f"{topic.name}#{track.id}"


def test_every_requirement_of_a_covered_call_has_a_failing_example() -> None:
    covered = set(topics.call_ids())
    named = {requirement_of(p) for p in _bundles() if not p.stem.startswith("valid")} | {requirement_of(p) for p in _batches()}
    missing = sorted(
        rid for rid, req in catalog.requirements().items()
        if any(t.split("/")[0] in covered for t in req.topics) and rid not in named
    )
    assert missing == []


def _expected(path: Path) -> list[str]:
    return [] if path.stem.startswith("valid") else [requirement_of(path)]


@pytest.mark.parametrize("call", sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()))
def test_a_whole_call_folder_as_one_batch_classifies_every_file(call: str) -> None:
    """``appcheck validate examples/<call>`` is one batch: quotas must not blur the examples."""
    files = [p for p in _bundles() if p.relative_to(EXAMPLES).parts[0] == call]
    batch = appcheck.validate_batch(files, as_of=AS_OF)
    assert batch.findings == ()
    for path, report in zip(files, batch.reports):
        assert sorted(failed_ids(report)) == _expected(path), path.name


def test_every_example_at_once() -> None:
    files = _bundles()
    batch = appcheck.validate_batch(files, as_of=AS_OF)
    assert [sorted(failed_ids(r)) for r in batch.reports] == [_expected(p) for p in files]


def _named(path: Path) -> list[str]:
    """What a file's name says it fails: a batch folder's requirement for its bundles, else :func:`_expected`."""
    parts = path.relative_to(EXAMPLES).parts
    if "batches" in parts:
        return [requirement_of(path.parent)]
    return _expected(path)


@pytest.mark.parametrize("folder", [""] + sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()), ids=lambda name: name or "examples")
def test_a_folder_run_as_appcheck_validate_runs_it_classifies_every_file_by_its_name(folder: str) -> None:
    """``appcheck validate examples/<call>`` and ``appcheck validate examples``, batch examples included,
    as one batch: every file fails what its name says, and each batch folder gives one batch finding
    naming exactly its own bundles."""
    from appcheck import discover

    files = [Path(name) for name in discover.collect([str(EXAMPLES / folder)])]
    batch = appcheck.validate_batch(files, as_of=AS_OF)
    assert [(path.relative_to(EXAMPLES).as_posix(), sorted(failed_ids(r))) for path, r in zip(files, batch.reports)] == \
        [(path.relative_to(EXAMPLES).as_posix(), _named(path)) for path in files]
    folders = {path.parent for path in files if "batches" in path.relative_to(EXAMPLES).parts}
    assert sorted(sorted(f.bundles) for f in batch.findings) == sorted(sorted(str(p) for p in files if p.parent == group) for group in folders)
