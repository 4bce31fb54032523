"""The shipped catalog matches the contract, and the topics declare exactly the catalog's requirements."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest

from appcheck import catalog, testing, topics

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
                yield pytest.param(call, topic, track, id=f"{topic.name}#{track}" if track else topic.name)


@pytest.mark.parametrize("call,topic,track", list(_cases()))
def test_topic_declares_exactly_the_catalog_requirements(call, topic, track) -> None:
    assert testing.declaration_problems(call, topic, track) == []


@pytest.mark.parametrize("call", topics.calls(), ids=lambda call: call.id)
def test_the_catalog_lists_each_calls_topics_and_tracks_and_every_schema_is_shipped(call) -> None:
    assert testing.listing_problems(call) == []


def test_a_topic_declaring_other_than_its_catalog_entries_is_named() -> None:
    call = topics.call("gd-2022")
    research = call.topic("research")
    short = attrs.evolve(research, checks=research.checks[1:])
    (problem,) = testing.declaration_problems(call, short, None)
    assert problem == f"gd-2022/research checks nothing more beyond its catalog entries and misses {research.checks[0].requirement}"


def test_a_requirement_read_alone_is_the_one_of_the_whole_catalog() -> None:
    """appcheck's own requirements are made one by one as a report asks for them: the same objects."""
    shipped = json.loads((Path(catalog.__file__).parent / "data" / "catalog.json").read_text(encoding="utf-8"))
    for rid in shipped["requirements"]:
        assert catalog.requirement(rid) is catalog.requirements()[rid]
        assert catalog.requirement(rid).rule == " ".join(shipped["requirements"][rid]["rule"].split())
    with pytest.raises(KeyError):
        catalog.requirement("XX99-NO-SUCH-REQUIREMENT")
