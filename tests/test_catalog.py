"""The shipped catalog matches the contract, and the topics declare exactly the catalog's requirements."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from appcheck import catalog, topics

SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "requirements.yaml"


def test_shipped_catalog_matches_the_contract() -> None:
    if not SPEC.exists():
        pytest.skip("the contract's requirements.yaml is not beside this checkout")
    yaml = pytest.importorskip("yaml")
    text = SPEC.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    revisions = [int(number) for number in re.findall(r"^# Revision (\d+)\b", text, re.M)]
    shipped = json.loads((Path(catalog.__file__).parent / "data" / "catalog.json").read_text(encoding="utf-8"))
    assert shipped == {"revision": max(revisions, default=1), "calls": raw["calls"], "requirements": raw["requirements"]}, "run scripts/sync_catalog.py"
    assert catalog.revision() == shipped["revision"]


def test_catalog_revision_and_digest() -> None:
    import hashlib

    shipped = (Path(catalog.__file__).parent / "data" / "catalog.json").read_bytes()
    assert catalog.sha256() == hashlib.sha256(shipped).hexdigest()
    assert catalog.revision() == json.loads(shipped)["revision"] >= 2


def _cases():
    for call in topics.calls():
        for topic in call.topics:
            for track in [t.id for t in topic.tracks] or [None]:
                yield pytest.param(call.id, topic, track, id=f"{topic.name}#{track}" if track else topic.name)


@pytest.mark.parametrize("call_id,topic,track", list(_cases()))
def test_topic_declares_exactly_the_catalog_requirements(call_id, topic, track) -> None:
    declared = sorted(check.requirement for check in topic.checks_for(track))
    expected = sorted(rid for rid, req in catalog.requirements().items() if req.applies_to(call_id, topic.id, track))
    assert declared == expected


def test_topics_match_the_catalog_calls() -> None:
    listed = catalog.calls()
    for call in topics.calls():
        assert call.id in listed
        assert [t.id for t in call.topics] == list(listed[call.id]["topics"])
        for topic in call.topics:
            assert [t.id for t in topic.tracks] == listed[call.id]["topics"][topic.id].get("tracks", [])


def test_every_topic_schema_is_shipped() -> None:
    from appcheck import schemas

    for call in topics.calls():
        for topic in call.topics:
            assert topic.schema in schemas.shipped(), topic.schema
