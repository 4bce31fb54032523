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
from appcheck import catalog, testing, topics

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
def test_example_is_classified_by_its_name_and_reports_every_applicable_requirement_once(path: Path) -> None:
    assert testing.example_problems(path, as_of=AS_OF) == []


@pytest.mark.parametrize("folder", _batches(), ids=_id)
def test_batch_example_fails_its_batch_requirement(folder: Path) -> None:
    assert testing.batch_problems(folder, as_of=AS_OF) == []
    assert not appcheck.validate_batch(sorted(folder.glob("*.json")), as_of=AS_OF).ok


@pytest.mark.parametrize("call", topics.calls(), ids=lambda call: call.id)
def test_every_topic_has_a_valid_example_and_every_requirement_a_failing_one(call) -> None:
    assert testing.coverage_problems(call, EXAMPLES) == []


def test_examples_exist_for_every_track() -> None:
    for call in topics.calls():
        for topic in call.topics:
            valid = sorted(p.name for p in (EXAMPLES / call.id / topic.id).glob("valid*.json"))
            for track in topic.tracks:
                assert any(track.id in name for name in valid) or "valid.json" in valid, f"{topic.name}#{track.id}"


def test_an_example_failing_other_than_its_name_says_is_named(tmp_path: Path) -> None:
    source = EXAMPLES / "gd-2022" / "training" / "valid.json"
    wrong = tmp_path / "GD22-TRN-TARGETS.json"
    wrong.write_bytes(source.read_bytes())
    (problem, ) = testing.example_problems(wrong, as_of=AS_OF)
    assert problem == f"{wrong}: named after GD22-TRN-TARGETS, fails []"


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
