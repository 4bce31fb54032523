"""One bundle on its own: a report for any value, the as-of date, settings, the plan of its checks, what a worker sends back."""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor

from hypothesis import given, settings
from hypothesis import strategies as st

import appcheck

from ..conftest import by_requirement, example, failed_ids


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


def test_settings_are_applied() -> None:
    bundle = example("gd-2022", "training")
    bundle["principal_investigator"]["title_awarded_on"] = "2022-04-20"
    assert appcheck.validate(bundle).ok
    report = appcheck.validate(bundle, settings={"gd-2022.published_on": "2022-04-15"})
    assert failed_ids(report) == {"GD22-PI-QUALIFICATION"}


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
