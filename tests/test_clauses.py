"""Every finding quotes its own topic's clause: each quoted fragment is in that topic's section of the guideline.

The guideline texts are read from ``shared/guidelines`` beside this checkout (skipped when absent,
as the catalog test is). Each call module's ``SECTIONS`` table says where a topic's (and track's)
section starts and ends, by the guideline's headings.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import attrs
import pytest

import appcheck
from appcheck import catalog, clauses, explain, testing, topics

ROOT = Path(__file__).resolve().parents[1]
#: ``shared/guidelines`` beside this checkout (or beside a folder holding it, as for a git worktree)
GUIDELINES = next((folder / "shared" / "guidelines" for folder in ROOT.parents if (folder / "shared" / "guidelines").is_dir()), ROOT.parent / "shared" / "guidelines")


def _guideline(call_id: str) -> str:
    path = GUIDELINES / f"{call_id}.txt"
    if not path.is_file():
        pytest.skip("the guideline texts are not beside this checkout (../shared/guidelines)")
    return path.read_text(encoding="utf-8")


def _folded(text: str) -> str:
    return "".join(text.split())


def _cases():
    for call in topics.calls():
        for topic in call.topics:
            for track in [None, *(t.id for t in topic.tracks)]:
                yield pytest.param(call, topic, track, id=f"{topic.name}#{track}" if track else topic.name)


# ----------------------------------------------------------------------------- the quotes


@pytest.mark.parametrize("call,topic,track", list(_cases()))
def test_every_quoted_fragment_is_in_the_topics_own_section(call, topic, track) -> None:
    assert testing.quote_problems(call, topic, track, _guideline(call.id)) == []


def test_a_quote_outside_its_section_is_named() -> None:
    call = topics.call("gd-2022")
    text = _guideline("gd-2022")
    research = call.topic("research")
    requirement = research.checks[0].requirement
    elsewhere = attrs.evolve(call, clauses={**call.clauses, "research": {**call.clauses.get("research", {}), requirement: "这句话不在指南里"}})
    problems = testing.quote_problems(elsewhere, research, None, text)
    assert problems == [f"gd-2022/research {requirement}: not in its section of the guideline: ['这句话不在指南里']"]


@pytest.mark.parametrize("call,topic,track", list(_cases()))
def test_a_quote_quotes_the_clause_never_only_names_it(call, topic, track) -> None:
    for item in explain.checklist(topic.name, track)["requirements"]:
        assert not re.search(r"考核指标 \d", item["source"]), item
        assert "拟支持项目数 / 共拟支持经费" not in item["source"], item


def test_a_finding_quotes_its_directions_budget_lines() -> None:
    report = appcheck.validate(ROOT / "examples" / "most-2022" / "usa" / "valid.json")
    quoted = {f.requirement: f.source.rpartition("：“")[2] for f in report.findings}
    assert quoted["MOST22-DIRECTION-BUDGET"] == quoted["MOST22-DIRECTION-AVERAGE"] == "拟支持项目数：90 个项目左右。共拟支持经费：18000 万元人民币”"
    assert quoted["MOST22-DURATION"] == "每个项目实施周期一般为 2~3 年”"  # the general rule: usa has no duration clause of its own


def test_a_finding_quotes_its_own_directions_clause_only() -> None:
    report = appcheck.validate(ROOT / "examples" / "most-2022" / "korea" / "valid.json")
    (finding,) = [f for f in report.findings if f.requirement == "MOST22-MAX3-DURATION"]
    assert finding.source.endswith("：“项目实施周期不超过 3 年”")
    assert "原则上" not in finding.source and "执行期" not in finding.source


def test_a_track_quotes_its_own_wording() -> None:
    report = appcheck.validate(ROOT / "examples" / "zj-2022" / "bilateral-industrial" / "valid-austria.json")
    deadline, fields = ([f for f in report.findings if f.requirement == rid] for rid in ("ZJ22-BIL-DEADLINE", "ZJ22-BIL-FIELDS"))
    assert report.track == "austria"
    assert [f.source.rpartition("：")[2] for f in deadline + fields] == [
        "“外方截止时间为8月9日”", "“优先支持与碳中和相关的绿色技术、智慧城市、信息通信、智慧能源系统及智慧交通等领域”",
    ]


# ----------------------------------------------------------------------------- the section tables


@pytest.mark.parametrize("call", topics.calls(), ids=lambda call: call.id)
def test_every_topic_has_a_section_that_starts_at_its_title(call) -> None:
    text = _guideline(call.id)
    assert {key.partition("#")[0] for key in call.sections} == {topic.id for topic in call.topics}
    for topic in call.topics:
        own = clauses.section(text, call.sections, topic.id)
        assert _folded(topic.title) in own[:200], topic.name


@pytest.mark.parametrize("call", topics.calls(), ids=lambda call: call.id)
def test_a_tracks_section_holds_its_own_heading_and_not_the_others(call) -> None:
    text = _guideline(call.id)
    for topic in call.topics:
        headed = {key: spans for key, spans in call.sections.items() if key.startswith(f"{topic.id}#")}
        for key, spans in headed.items():
            own = clauses.section(text, call.sections, key)
            assert _folded(spans[0][0]) in own
            for other, other_spans in headed.items():
                if other != key:
                    assert _folded(other_spans[0][0]) not in own, (key, other)


def test_a_heading_that_is_missing_or_not_unique_is_named() -> None:
    text = "一、总则\n甲。\n二、分则\n乙。一、总则"
    with pytest.raises(clauses.SectionError, match="occurs more than once"):
        clauses.section(text, {"a": (("一、总则", None),)}, "a")
    with pytest.raises(clauses.SectionError, match="is not in the guideline"):
        clauses.section(text, {"a": (("三、附则", None),)}, "a")
    with pytest.raises(clauses.SectionError, match="no '三、附则' after"):
        clauses.section(text, {"a": (("二、分则", "三、附则"),)}, "a")


def test_a_section_never_matches_across_a_cut() -> None:
    text = "总则：甲乙\n1、芬兰：丙\n2、挪威：丁\n附则"
    table = {"t": (("总则", "附则"),), "t#fi": (("1、芬兰", "2、挪威"),), "t#no": (("2、挪威", "附则"),)}
    finland = clauses.section(text, table, "t#fi")
    assert "丙" in finland and "丁" not in finland and "甲乙" in finland
    assert clauses.missing("乙1、芬兰", finland) == []  # contiguous in the text: one piece
    assert clauses.missing("乙……丁", finland) == ["丁"]
    norway = clauses.section(text, table, "t#no")
    assert clauses.missing("甲乙2、挪威", norway) == ["甲乙2、挪威"]  # finland's span lies between them


def test_derive_keeps_the_contracts_clauses_found_in_the_section() -> None:
    own = clauses.fold("(1) 项目执行期原则上不超过 2 年。(2) 须在申请前签署明确的知识产权协议。")
    assert clauses.derive("项目执行期原则上不超过 3 年 / 项目执行期原则上不超过 2 年", own) == "项目执行期原则上不超过 2 年"
    assert clauses.derive("签署明确的知识产权协议 / 须在申请前签署明确的知识产权协议", own) == "须在申请前签署明确的知识产权协议"
    assert clauses.derive("项目执行期……不超过 2 年", own) == "项目执行期……不超过 2 年"
    assert clauses.derive("项目实施周期不超过 3 年", own) is None


# ----------------------------------------------------------------------------- the shipped data


def test_shipped_clauses_are_derived_from_the_guidelines() -> None:
    for call in topics.calls():
        _guideline(call.id)
    spec = importlib.util.spec_from_file_location("sync_clauses", ROOT / "scripts" / "sync_clauses.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((Path(clauses.__file__).parent / "data" / "clauses.json").read_text(encoding="utf-8"))
    assert shipped == module.derive_all(GUIDELINES), "run scripts/sync_clauses.py"


def test_every_clause_declared_in_a_call_module_is_used() -> None:
    for call in topics.calls():
        for key, table in call.clauses.items():
            topic_id, _, track = key.partition("#")
            topic = call.topic(topic_id)
            assert topic is not None and (not track or topic.track(track) is not None), key
            declared = {check.requirement for check in topic.checks_for(track or None)}
            assert set(table) <= declared, (key, set(table) - declared)


def test_a_call_without_clause_tables_quotes_the_catalog() -> None:
    bare = topics.Call("x-0", "X", "X", topics=())
    assert clauses.clause(bare, "t", None, "R", fallback="the catalog's source") == "the catalog's source"
