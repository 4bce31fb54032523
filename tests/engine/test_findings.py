"""Finding construction: values clipped and shown as JSON would, pointers cut to what exists, missing values read as missing."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import pytest
from hypothesis import example as example_value
from hypothesis import given, settings
from hypothesis import strategies as st

import appcheck
from appcheck.engine import Source

from ..conftest import by_requirement, example


def _clip_reference(value, limit, depth=None):
    """The clipping rule as first written: by isinstance, every container copied; below VALUE_DEPTH
    levels a container is its size."""
    from appcheck.engine import VALUE_DEPTH, VALUE_LIMIT
    from appcheck.rules.base import excerpt

    depth = VALUE_DEPTH if depth is None else depth
    if isinstance(value, str):
        return value if len(value) <= limit else excerpt(value, limit)
    if isinstance(value, (list, tuple)):
        if depth <= 0:
            return f"[…{len(value)}]"
        head = [_clip_reference(item, VALUE_LIMIT, depth - 1) for item in value[:50]]
        return head + [f"… {len(value) - 50} more"] if len(value) > 50 else head
    if isinstance(value, Mapping):
        if depth <= 0:
            return f"{{…{len(value)}}}"
        return {key: _clip_reference(item, VALUE_LIMIT, depth - 1) for key, item in value.items()}
    return value


clip_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=300) | st.decimals(allow_nan=False, allow_infinity=False, places=2) | st.dates(),
    lambda children: st.lists(children, max_size=60) | st.lists(children, max_size=3).map(tuple)
    | st.dictionaries(st.text(max_size=4), children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3).map(MappingProxyType),
    max_leaves=80,
)


@given(clip_values, st.sampled_from([200, 600]))
@example_value(["x"] * 50, 200)
@example_value(["x"] * 51, 200)
@example_value(tuple(range(51)), 200)
@example_value("x" * 200, 200)
@example_value("x" * 201, 200)
@example_value({"a": "x" * 201}, 600)
@example_value([[[[[[[[[1]]]]]]]]], 200)
@example_value([[[[[[[[[[1]]]]]]]]]], 200)
@settings(max_examples=300)
def test_clip_keeps_values_small_as_the_reference_does(value, limit) -> None:
    from appcheck.engine.findings import clip

    clipped = clip(value, limit)
    assert clipped == _clip_reference(value, limit)
    assert type(clipped) is type(_clip_reference(value, limit))


_PYTHON_REPR = ("<object", " at 0x", "None", "Decimal(")


def _leaks(report) -> list:
    """Python's way of writing a value, wherever a finding shows one."""
    text = json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False, default=str)
    return [marker for marker in _PYTHON_REPR if marker in text]


@pytest.mark.parametrize("topic, field", [("training", "title"), ("exchange", "degree"), ("research", "title")])
def test_a_missing_qualification_reads_as_missing_in_both_languages(topic, field) -> None:
    bundle = example("gd-2022", topic)
    pi = bundle["principal_investigator"]
    for name in ("degree", "title"):
        if name != field:
            pi[name] = "master" if name == "degree" else "intermediate"
    pi.pop(field, None)
    report = appcheck.validate(bundle)
    finding = by_requirement(report)["GD22-PI-QUALIFICATION"]
    assert finding.status.value == "failed"
    assert ("未填写" in finding.message) and ("missing" in finding.message_en)
    assert field not in finding.actual  # not given: not in the values either
    assert not _leaks(report)
    assert appcheck.validate(bundle).to_dict() == report.to_dict()  # the same every time


def test_a_team_member_without_an_organization_reads_as_missing() -> None:
    bundle = example("gd-2022", "industrial", "valid-direction-1.json")
    del bundle["team"][0]["organization"]
    bundle["applicant"].pop("id")
    report = appcheck.validate(bundle)
    assert not _leaks(report)


def test_nulls_of_a_draft_read_as_missing() -> None:
    from appcheck import explain, topics

    said = []
    for call_id in topics.call_ids():
        for topic in topics.call(call_id).topics:
            for track in [t.id for t in topic.tracks] or [None]:
                draft = json.loads(explain.to_json(explain.draft(f"{call_id}/{topic.id}", track)))
                report = appcheck.validate(draft, as_of="2022-05-10")
                assert not _leaks(report), (topic.name, track)
                texts = [f.message_en for f in report.findings if f.path.endswith("employed_by_applicant") and f.requirement != "SCHEMA"]
                assert all("missing (null; expected true or false)" in text for text in texts), texts
                said.extend(texts)
    assert said  # the drafts leave employed_by_applicant null, and a rule says so


def test_a_missing_member_of_a_value_that_is_not_an_object_points_at_that_value() -> None:
    """``"budget": 5``: the subsidy cannot be read, and the finding points at /budget (which exists), not
    at /budget/subsidy_requested (a child of a number); its message names the member it wanted."""
    bundle = example("gd-2022", "training")
    bundle["budget"] = 5
    finding = by_requirement(appcheck.validate(bundle))["GD22-TRN-GRANT"]
    assert finding.path == "/budget"
    assert "/budget/subsidy_requested is missing" in finding.message_en


def test_a_missing_member_of_an_object_is_named_by_the_pointer() -> None:
    bundle = example("gd-2022", "training")
    del bundle["budget"]["subsidy_requested"]
    finding = by_requirement(appcheck.validate(bundle))["GD22-TRN-GRANT"]
    assert finding.path == "/budget/subsidy_requested"


@pytest.mark.parametrize("segments, expected", [
    (("budget", "subsidy_requested"), ("budget", "subsidy_requested")),  # resolves
    (("budget", "absent"), ("budget", "absent")),  # the object lacks the member: named
    (("budget", "absent", "deeper"), ("budget",)),  # an absent member's child: the object
    (("budget", "subsidy_requested", "x"), ("budget", "subsidy_requested")),  # a child of a number
    (("partners", 5), ("partners",)),  # past the end of an array
    (("partners", "x"), ("partners",)),  # a key of an array
    (("budget", 0), ("budget",)),  # an index of an object
    ((), ()),
])
def test_pointers_are_cut_to_what_exists(segments, expected) -> None:
    from appcheck.engine.findings import _existing

    data = {"budget": {"subsidy_requested": Decimal(5)}, "partners": []}
    assert _existing(data, segments) == expected


@pytest.mark.parametrize("field, day", [(("project", "end_date"), "9999-12-31"), (("submitted_on",), "0001-01-01"), (("submitted_on",), "9999-12-31")])
def test_dates_at_the_ends_of_the_calendar_give_true_findings(field, day) -> None:
    from ..conftest import EXAMPLES, read_json

    for path in sorted(EXAMPLES.glob("*/*/valid*.json")):
        bundle = read_json(path)
        node = bundle
        for name in field[:-1]:
            node = node[name]
        node[field[-1]] = day
        report = appcheck.validate(bundle)
        for finding in report.findings:
            assert "malformed" not in finding.message_en, finding
            assert finding.path or finding.requirement in ("SCHEMA", "AS-OF") or finding.status.value == "passed", finding
        assert not _leaks(report)


def test_a_project_ending_on_the_calendars_last_day_is_too_long_at_its_end_date() -> None:
    bundle = example("gd-2022", "training")
    bundle["project"]["end_date"] = "9999-12-31"
    finding = by_requirement(appcheck.validate(bundle))["GD22-TRN-GRANT"]
    assert finding.status.value == "failed" and finding.path == "/project/end_date"


def test_a_deep_value_in_a_finding_is_summed_up_below_the_depth_limit() -> None:
    from appcheck.engine.findings import VALUE_DEPTH, clip

    deep: list = [1]
    for _ in range(5000):
        deep = [deep]
    clipped = clip(deep, 200)
    for _ in range(VALUE_DEPTH):
        assert type(clipped) is list and len(clipped) == 1
        clipped = clipped[0]
    assert clipped == "[…1]"
    assert json.loads(json.dumps(clip({"k": deep}, 200)))
    many = clip({str(n): n for n in range(80)}, 200)
    assert len(many) == 51 and many["…"] == "30 more"


@pytest.mark.parametrize("written", ["1.10", "1E+1", "150.0"])
def test_money_keeps_its_written_form_in_every_report(written) -> None:
    from appcheck.model import BatchReport
    from appcheck.reporters import Options, reporter

    with open("examples/gd-2022/research/valid.json", encoding="utf-8") as handle:
        text = handle.read().replace('"subsidy_requested": 50', f'"subsidy_requested": {written}')
    assert written in text
    report = appcheck.validate(Source("money.json", text.encode()))
    finding = by_requirement(report)["GD22-RES-GRANT"]
    assert str(finding.actual) == written and f"requested is {written} " in finding.message_en
    assert str(finding.to_dict()["actual"]) == written
    for name in ("json", "sarif"):
        rendered = reporter(name).render(BatchReport([report]), Options(lang="en"))
        assert f'"actual": {written}\n' in rendered or f'"actual": {written},' in rendered  # a JSON number, as written
        json.loads(rendered)  # still JSON
    # comparisons stay exact: 1.10 is not 50
    assert finding.status.value == "failed"


def test_places_scan_the_text_once_when_first_asked_and_let_it_go(monkeypatch) -> None:
    import gc

    from appcheck import locate
    from appcheck.engine.findings import Places

    text = '{"a": [1, {"b": 2}], "c": "x"}'
    paths = [("a", 1, "b"), ("c",), ("missing",), ()]
    scans = []
    scan = locate.locate_many
    monkeypatch.setattr(locate, "locate_many", lambda *args: scans.append(args) or scan(*args))
    places = Places(text, "json", paths)
    assert scans == []
    assert [places.position(index) for index in range(len(paths))] == locate.locate_many(text, paths)
    assert len(scans) == 2  # the places' one scan, then the comparison's
    assert places.position(0) == (1, 17) and len(scans) == 2
    assert text not in gc.get_referents(places) and all(text not in gc.get_referents(r) for r in gc.get_referents(places))


def test_a_yaml_text_is_placed_as_at_once() -> None:
    from appcheck.engine.findings import Places, positions

    text = "a:\n  - 1\n  - b: 2\nc: x\n"
    paths = [("a", 1, "b"), ("c",), ("missing",)]
    places = Places(text, "yaml", paths)
    assert [places.position(index) for index in range(3)] == positions(text, "yaml", paths)


@pytest.mark.parametrize("said", [("中", "en"), ("长" * 700, "long " * 200), ("", "")])
@pytest.mark.parametrize("bundles", [(), ("a.json", "#2")])
def test_a_finding_of_a_passed_outcome_said_later_formats_and_clips_its_words_when_first_read(said, bundles) -> None:
    import pickle

    from appcheck import topics
    from appcheck.engine.findings import MESSAGE_LIMIT, finding_for
    from appcheck.rules.base import passed, passed_saying

    call = topics.call("gd-2022")
    topic = call.topic("research")
    check = topic.checks[0]
    calls = []
    lazy = finding_for(check, passed_saying(lambda: calls.append(1) or said, ("project", "title"), expected="x" * 300, actual=2), call, topic, 3, 4, bundles)
    eager = finding_for(check, passed(*said, ("project", "title"), expected="x" * 300, actual=2), call, topic, 3, 4, bundles)
    assert calls == [] and lazy.expected == eager.expected and lazy.line == 3  # made without its words said
    assert lazy.message_en == eager.message_en and calls == [1]  # said once, both messages clipped as at once
    assert lazy == eager and repr(lazy) == repr(eager) and lazy.to_dict() == eager.to_dict() and pickle.loads(pickle.dumps(lazy)) == eager
    assert len(lazy.message) <= MESSAGE_LIMIT and len(lazy.message_en) <= MESSAGE_LIMIT and calls == [1]


def test_a_pointer_cut_to_what_exists_keeps_a_passed_outcomes_words_unsaid() -> None:
    from appcheck.engine.findings import pointing
    from appcheck.rules.base import passed, passed_saying, words_of

    calls = []
    lazy = pointing({"a": 1}, passed_saying(lambda: calls.append(1) or ("中", "en"), ("a", "b", "c"), expected=1, actual=2))
    assert calls == [] and words_of(lazy) is not None and lazy.segments == ("a",)
    assert lazy == passed("中", "en", ("a",), expected=1, actual=2) and calls == [1]
