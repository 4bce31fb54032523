from __future__ import annotations

import copy
import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import pytest
from hypothesis import example as example_value
from hypothesis import given, settings
from hypothesis import strategies as st

import appcheck
from appcheck.engine import Source

from .conftest import EXAMPLES, by_requirement, example, failed_ids

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.decimals(allow_nan=False, allow_infinity=False, places=4),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@given(json_values)
@settings(max_examples=200)
def test_validate_returns_a_report_for_any_json_value(value) -> None:
    bundle = value if isinstance(value, dict) else {"value": value}
    report = appcheck.validate(bundle, as_of="2022-05-10")
    assert isinstance(report, appcheck.Report)
    assert not report.ok or report.findings


envelopes = st.fixed_dictionaries({
    "format": st.just("appcheck/1"), "call": st.just("gd-2022"),
    "topic": st.sampled_from(["research", "industrial", "training", "exchange"]),
}, optional={"track": st.sampled_from(["direction-1", "direction-2", "x"]), "project": json_values, "applicant": json_values,
             "partners": json_values, "budget": json_values, "training": json_values, "exchange": json_values, "team": json_values,
             "agreements": json_values, "principal_investigator": json_values, "targets": json_values, "submitted_on": json_values})


@given(envelopes)
@settings(max_examples=200)
def test_rules_never_crash_on_malformed_topic_bundles(bundle) -> None:
    report = appcheck.validate(bundle, as_of="2022-05-10")
    assert isinstance(report, appcheck.Report)


def test_unknown_call_topic_and_track() -> None:
    assert [f.requirement for f in appcheck.validate({"call": "gd-2099"}).findings] == ["TOPIC"]
    assert appcheck.validate({"call": "gd-2022", "topic": "nope"}).findings[0].path == "/topic"
    report = appcheck.validate({"call": "gd-2022", "topic": "industrial"})
    assert report.findings[0].requirement == "TOPIC" and "direction-1" in report.findings[0].message
    report = appcheck.validate({"call": "gd-2022", "topic": "training", "track": "x"})
    assert report.findings[0].requirement == "TOPIC" and report.findings[0].path == "/track"


def test_a_bundle_that_is_not_an_object(tmp_path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]")
    report = appcheck.validate(path)
    assert [f.requirement for f in report.findings] == ["SCHEMA"] and not report.ok


def test_without_submitted_on_the_as_of_date_is_used_and_said() -> None:
    bundle = example("gd-2022", "training")
    del bundle["submitted_on"]
    report = appcheck.validate(bundle, as_of=dt.date(2022, 5, 10))
    finding = by_requirement(report)["AS-OF"]
    assert finding.status.value == "needs_review" and "2022-05-10" in finding.message
    assert report.checked_on == dt.date(2022, 5, 10) and report.ok


def test_malformed_submitted_on_fails_the_dated_rules() -> None:
    bundle = example("gd-2022", "training")
    bundle["submitted_on"] = "2022-13-01"
    report = appcheck.validate(bundle)
    assert "SCHEMA" in failed_ids(report) and "GD22-PI-QUALIFICATION" in failed_ids(report)
    assert by_requirement(report)["GD22-PI-QUALIFICATION"].path == "/submitted_on"


def test_schema_findings_come_first_with_pointers() -> None:
    bundle = example("gd-2022", "training")
    bundle["budget"]["subsidy_requested"] = Decimal("50.00001")
    bundle["training"]["typo"] = 1
    report = appcheck.validate(bundle)
    schema = [f for f in report.findings if f.requirement == "SCHEMA"]
    assert report.findings[: len(schema)] == tuple(schema)
    assert {f.path for f in schema} == {"/budget/subsidy_requested", "/training"}
    assert any("typo" in f.message for f in schema)


def test_x_prefixed_notes_are_allowed_anywhere() -> None:
    bundle = example("gd-2022", "training")
    bundle["x-note"] = "draft 3"
    bundle["training"]["x-reviewer"] = {"any": ["thing"]}
    assert appcheck.validate(bundle).ok


def test_unknown_top_level_field_is_an_error() -> None:
    bundle = example("gd-2022", "training")
    bundle["subsidy"] = 50
    assert failed_ids(appcheck.validate(bundle)) == {"SCHEMA"}


def test_the_bundle_is_never_changed() -> None:
    bundle = example("gd-2022", "exchange")
    before = copy.deepcopy(bundle)
    appcheck.validate(bundle)
    assert bundle == before


def test_report_round_trips_through_json() -> None:
    report = appcheck.validate("examples/gd-2022/research/GD22-COFUNDING.json")
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert appcheck.Report.from_dict(json.loads(json.dumps(data))).to_dict() == data


def test_same_input_same_output_and_thread_safety() -> None:
    paths = [f"examples/gd-2022/{t}" for t in ("research/valid.json", "training/GD22-TRN-SCALE.json", "exchange/GD22-EXC-ATTENDANCE.json")] * 8
    expected = [appcheck.validate(p).to_dict() for p in paths]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda p: appcheck.validate(p).to_dict(), paths))
    assert results == expected


def test_source_bytes(tmp_path) -> None:
    from pathlib import Path

    raw = Path("examples/gd-2022/training/valid.json").read_bytes()
    report = appcheck.validate_batch([Source("stdin", raw)]).reports[0]
    assert report.ok and report.file == "stdin" and report.findings[0].line is not None
    bad = appcheck.validate_batch([Source("stdin", b'{"a": 1, "a": 2}')]).reports[0]
    assert [f.requirement for f in bad.findings] == ["LOAD"] and bad.findings[0].line == 1


def test_a_source_read_from_a_stream_is_checked_as_its_bytes_up_to_the_size_limit() -> None:
    import io

    from appcheck.loading import Limits

    raw = (EXAMPLES / "gd-2022" / "training" / "valid.json").read_bytes()
    read = Source.read("upload", io.BytesIO(raw))
    assert read == Source("upload", raw)
    assert appcheck.validate(read).to_dict() == appcheck.validate(Source("upload", raw)).to_dict()
    limits = Limits(max_bytes=len(raw) - 1)
    too_large = Source.read("upload", io.BytesIO(raw), limits)
    assert too_large.data == b"" and too_large.problem.code == "too-large"
    [finding] = appcheck.validate(too_large, limits=limits).findings
    assert finding.requirement == "LOAD" and finding.actual == {"code": "too-large", "offset": None}
    assert finding.message_en == f"the file 'upload' has at least {len(raw)} bytes, more than the limit of {len(raw) - 1}"


def test_wrong_argument_types_raise() -> None:
    with pytest.raises(TypeError):
        appcheck.validate(42)
    with pytest.raises(TypeError):
        appcheck.validate_batch("examples")
    with pytest.raises(ValueError):
        appcheck.validate({}, settings={"nope": 1})
    with pytest.raises(TypeError):
        appcheck.validate({}, as_of=20220510)


def test_settings_are_applied() -> None:
    bundle = example("gd-2022", "training")
    bundle["principal_investigator"]["title_awarded_on"] = "2022-04-20"
    assert appcheck.validate(bundle).ok
    report = appcheck.validate(bundle, settings={"gd-2022.published_on": "2022-04-15"})
    assert failed_ids(report) == {"GD22-PI-QUALIFICATION"}


def test_mapping_with_values_json_cannot_hold() -> None:
    report = appcheck.validate({"call": "gd-2022", "x": {1, 2}})
    assert [f.requirement for f in report.findings] == ["LOAD"] and report.findings[0].path == "/x"
    report = appcheck.validate({"call": "gd-2022", "x": float("nan")})
    assert report.findings[0].requirement == "LOAD"


def test_integrity_ids_unique_and_references_known() -> None:
    bundle = example("gd-2022", "research")
    bundle["partners"][1]["id"] = "tum"
    report = appcheck.validate(bundle)
    assert "/partners/1/id" in {f.path for f in report.findings if f.requirement == "SCHEMA"}
    bundle = example("gd-2022", "research")
    bundle["agreements"][0]["parties"].append("ghost")
    assert "/agreements/0/parties/4" in {f.path for f in appcheck.validate(bundle).findings if f.requirement == "SCHEMA"}


def test_batch_finding_names_the_bundles() -> None:
    import glob

    batch = appcheck.validate_batch(sorted(glob.glob("examples/gd-2022/batches/GD22-PI-IDENTITY/*.json")))
    assert not batch.ok and len(batch.findings) == 1
    assert all(name.endswith(".json") for name in batch.findings[0].bundles)


def test_a_value_json_cannot_hold_is_named_with_its_article() -> None:
    report = appcheck.validate({"format": "appcheck/1", "x": {1: "a"}}, as_of="2022-05-10")
    assert report.findings[0].requirement == "LOAD" and report.findings[0].message_en == "/x: the key 1 of this object is an int; keys are text"
    report = appcheck.validate({"format": "appcheck/1", "x": [1, int]}, as_of="2022-05-10")
    assert report.findings[0].message_en == "/x/1: a type value <class 'int'> cannot be part of a bundle (JSON values only)"
    report = appcheck.validate({"format": "appcheck/1", "x": {"a", "b"}}, as_of="2022-05-10")
    assert ": a set value" in report.findings[0].message_en


def test_a_bundle_left_out_of_a_quota_says_how_many_checks_it_fails() -> None:
    from appcheck.engine.batch import _not_counted

    from .conftest import example

    one = example("most-2022", "usa")
    one["project"]["title"] = ""  # fails the schema: one required check
    many = example("most-2022", "usa")
    for block in ("project", "budget", "partners"):
        many[block] = 7  # fails the schema and the rules reading them
    batch = appcheck.validate_batch([one, many], as_of="2022-01-01")
    quota = [next(f for f in r.findings if f.requirement == "MOST22-US-QUOTA") for r in batch.reports]
    assert [f.actual["counted"] for f in quota] == [False, False]
    assert "already fails a required check (SCHEMA), so" in quota[0].message_en
    assert len(quota[1].actual["blocking"]) > 1 and "already fails required checks (MOST22-" in quota[1].message_en
    six = [f"X-{n}" for n in range(6)]
    assert "(X-0, X-1, X-2, X-3, X-4…), so" in _not_counted(six).message_en
    assert "X-0、X-1、X-2、X-3、X-4…）" in _not_counted(six).message
    assert "…" not in _not_counted(six[:5]).message_en


# the fast paths of the engine: each answers as the full reading does

org_ids = st.sampled_from(["cn", "de", "fr", "x", ""]) | st.integers(0, 2) | st.none()
references = org_ids | st.lists(org_ids, max_size=3)
organizations = st.dictionaries(st.sampled_from(["id", "name", "kind"]), org_ids, max_size=3) | org_ids
holders = st.dictionaries(st.sampled_from(["organization", "parties", "about", "partner", "host", "overseas_co_builder"]), references, max_size=3)
integrity_bundles = st.fixed_dictionaries({}, optional={
    "applicant": organizations,
    "partners": st.lists(organizations, max_size=4) | organizations,
    "principal_investigator": holders | org_ids,
    "team": st.lists(holders, max_size=3) | holders,
    "budget": st.fixed_dictionaries({}, optional={"allocation": st.lists(holders, max_size=3), "self_raised": st.lists(holders, max_size=3) | holders}),
    "agreements": st.lists(holders, max_size=3),
    "documents": st.lists(holders, max_size=3),
    "prior_cooperation": st.lists(holders, max_size=2),
    "platform": holders,
})


@given(integrity_bundles)
@settings(max_examples=500)
def test_integrity_holds_exactly_when_the_full_reading_finds_nothing(bundle) -> None:
    from appcheck import topics
    from appcheck.engine import SCHEMA_FINDINGS_LIMIT, integrity

    topic = topics.call("gd-2022").topic("research")
    assert integrity.integrity_holds(bundle) is (not integrity.integrity_problems(topic, bundle, SCHEMA_FINDINGS_LIMIT)[0])


def test_integrity_holds_on_every_valid_example_and_not_on_a_broken_reference() -> None:
    from appcheck.engine.integrity import integrity_holds

    bundle = example("gd-2022", "research")
    assert integrity_holds(bundle)
    bundle["agreements"][0]["parties"].append("ghost")
    assert not integrity_holds(bundle)
    bundle = example("gd-2022", "research")
    bundle["partners"][1]["id"] = bundle["applicant"]["id"]
    assert not integrity_holds(bundle)


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


def test_a_packed_checked_bundle_gives_back_its_findings() -> None:
    from appcheck import engine

    checked = engine.check_one((example("gd-2022", "research"), 0, dt.date(2022, 5, 10), None, None))
    packed = checked.packed()
    assert isinstance(packed.findings, engine.Pickled)
    assert packed.own_findings() == checked.own_findings() == checked.findings
    assert (packed.ok, packed.strict_ok, packed.reads, packed.head) == (checked.ok, checked.strict_ok, checked.reads, checked.head)


def test_the_plan_of_a_topic_is_its_applicable_checks_in_order() -> None:
    from appcheck import topics
    from appcheck.engine import single

    for call_id in topics.call_ids():
        call = topics.call(call_id)
        for topic in call.topics:
            for track in [t.id for t in topic.tracks] or [None]:
                own, batch = single._plan(call.id, topic.id, track)
                applicable = [(position, check) for position, check in enumerate(topic.checks) if check.applies(track)]
                assert list(own) == [pair for pair in applicable if not pair[1].batch]
                assert list(batch) == [pair for pair in applicable if pair[1].batch]


# ----------------------------------------------------------------------------- values in reports

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
    from .conftest import EXAMPLES, read_json

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


# -- a file that is not a bundle ---------------------------------------------------------------------

@pytest.mark.parametrize("data", [{"name": "x", "version": "1.0.0"}, {"repos": []}, {}, {"call": None}])
def test_a_file_that_is_not_a_bundle_says_so(data) -> None:
    report = appcheck.validate(data)
    assert [(f.requirement, f.status.value, f.path) for f in report.findings] == [("TOPIC", "failed", "")]
    assert report.findings[0].message_en == 'not an appcheck bundle: no "format": "appcheck/1"'
    assert report.findings[0].message == '不是 appcheck 申报书：缺少 "format": "appcheck/1"'


def test_another_format_is_not_a_bundle_and_the_finding_points_at_it() -> None:
    (finding,) = appcheck.validate({"format": "appcheck/2", "name": "x"}).findings
    assert finding.requirement == "TOPIC" and finding.path == "/format" and finding.actual == "appcheck/2"
    assert finding.message_en == 'not an appcheck bundle: "format" is "appcheck/2", not "appcheck/1"'


def test_a_bundle_with_its_format_and_an_unknown_call_is_told_the_calls() -> None:
    (finding,) = appcheck.validate({"format": "appcheck/1", "call": "xx-1999"}).findings
    assert finding.message_en.startswith("unknown call \"xx-1999\"; expected one of: ") and finding.path == "/call"


def test_a_bundle_that_forgot_its_format_is_still_checked_against_its_call() -> None:
    bundle = example("gd-2022", "training")
    del bundle["format"]
    report = appcheck.validate(bundle)
    assert "TOPIC" not in {f.requirement for f in report.findings}
    assert any(f.requirement == "SCHEMA" and f.path in ("", "/format") for f in report.findings)


@pytest.mark.parametrize("count, listed, left_out, exact", [
    (100, 100, 0, True), (101, 100, 1, True), (1100, 100, 1000, False), (1099, 100, 999, True), (5000, 100, 1000, False),
])
def test_schema_findings_are_capped_and_the_rest_counted(count, listed, left_out, exact) -> None:
    from appcheck.engine import SCHEMA_FINDINGS_LIMIT

    bundle = example("gd-2022", "research")
    bundle["project"]["fields"] = [5] * count
    report = appcheck.validate(bundle)
    schema = [f for f in report.findings if f.requirement == "SCHEMA"]
    values = [f for f in schema if f.path.startswith("/project/fields/")]
    assert len(values) == listed <= SCHEMA_FINDINGS_LIMIT
    assert [f.path for f in values] == [f"/project/fields/{index}" for index in range(listed)]  # the first ones, in order
    rest = [f for f in schema if f.path == ""]
    if not left_out:
        assert not rest
        return
    (rest,) = rest
    assert rest.actual == {"listed": listed, "not_listed": left_out, "counted_exactly": exact}
    assert f"{'' if exact else 'at least '}{left_out} more schema" in rest.message_en and str(left_out) in rest.message
    assert rest.blocking and schema[-1] is rest  # listed last among the schema findings
    # every requirement still has its one finding
    assert len({f.requirement for f in report.findings if f.requirement != "SCHEMA"}) == len([f for f in report.findings if f.requirement != "SCHEMA"])


def test_id_problems_share_the_cap() -> None:
    bundle = example("gd-2022", "industrial", "valid-direction-1.json")
    bundle["team"] = [{"name": f"m{n}", "organization": f"nope-{n}", "role": "x"} for n in range(250)]
    report = appcheck.validate(bundle)
    schema = [f for f in report.findings if f.requirement == "SCHEMA"]
    assert len(schema) == 101
    assert schema[-1].path == "" and schema[-1].actual["listed"] == 100
    assert schema[-1].actual["not_listed"] >= 150 and schema[-1].actual["counted_exactly"]
    assert any("names no organization" in f.message_en for f in schema[:-1]) or schema[-1].actual["not_listed"] >= 250


def test_schema_findings_come_in_the_order_of_their_lines() -> None:
    from appcheck import explain

    text = explain.to_json(explain.draft("zj-2026/intergov", "israel"))
    schema = [f for f in appcheck.validate(Source("draft.json", text.encode())).findings if f.requirement == "SCHEMA"]
    assert len(schema) > 5
    assert [(f.line, f.column) for f in schema] == sorted((f.line, f.column) for f in schema)
    assert [f.path for f in schema] != sorted(f.path for f in schema)  # not the pointers' order
