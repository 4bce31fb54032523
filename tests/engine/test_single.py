"""One bundle on its own: a report for any value, the as-of date, settings, the plan of its checks, what a worker sends back."""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import appcheck
from appcheck.engine import Source

from ..conftest import EXAMPLES, by_requirement, example, failed_ids


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


def test_a_checked_bundle_comes_back_from_a_pickle_with_every_field(tmp_path) -> None:
    import pickle

    import attrs

    from appcheck import engine
    from appcheck.model import dumps

    path = tmp_path / "research.json"
    path.write_text(dumps(example("gd-2022", "research")), encoding="utf-8")
    checked = engine.check_one((str(path), 0, dt.date(2022, 5, 10), None, None))
    assert checked.head.file and checked.head.sha256 and checked.head.size and checked.reads and checked.positions
    checked = attrs.evolve(checked, blocking=("GD22-X",), clean=False, waived=(1,))  # no field at its default
    for each in (checked, checked.packed()):
        back = pickle.loads(pickle.dumps(each, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == each
        assert [getattr(back.head, field.name) for field in attrs.fields(type(back.head))] == [getattr(each.head, field.name) for field in attrs.fields(type(each.head))]
        assert back.own_findings() == checked.findings


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


def _scans(monkeypatch) -> list:
    from appcheck import locate

    scans = []
    scan = locate.locate_many
    monkeypatch.setattr(locate, "locate_many", lambda *args: scans.append(args) or scan(*args))
    return scans


@pytest.mark.parametrize("path", [
    "examples/gd-2022/research/valid.json",  # a batch check (one identity per person): a batch of one
    "examples/most-2022/korea/valid.json",
    "examples/gd-2022/research/GD22-COFUNDING.json",
])
def test_a_report_places_its_findings_in_the_text_when_a_line_is_first_read(path, monkeypatch) -> None:
    scans = _scans(monkeypatch)
    report = appcheck.validate(path, as_of="2022-03-01")
    assert scans == []  # validating places nothing
    assert report.findings[-1].line is not None
    assert len(scans) == 1  # one scan of the text places every finding
    from appcheck.engine import check_batch

    with check_batch([path], as_of="2022-03-01") as batch:  # a batch places them at once
        (placed,) = batch.reports
    assert report == placed and report.to_dict() == placed.to_dict() and len(scans) == 2


def test_several_schema_findings_are_placed_at_once_in_the_order_of_their_lines(tmp_path, monkeypatch) -> None:
    bundle = json.loads((EXAMPLES / "gd-2022" / "research" / "valid.json").read_text(encoding="utf-8"))
    bundle["project"]["title"] = 7
    bundle["applicant"]["name"] = 8
    path = tmp_path / "two.json"
    path.write_text(json.dumps(bundle, ensure_ascii=False, indent=2), encoding="utf-8")
    scans = _scans(monkeypatch)
    report = appcheck.validate(path)
    assert scans == []  # nothing is built till the findings are read
    findings = report.findings
    assert len(scans) == 1  # then placed at once, to order them
    lines = [finding.line for finding in findings if finding.requirement == "SCHEMA"]
    assert len(lines) == 2 and lines == sorted(lines)


def test_a_checked_bundle_of_a_batch_keeps_no_text() -> None:
    from appcheck import engine

    text = (EXAMPLES / "gd-2022" / "research" / "valid.json").read_bytes()
    checked = engine.check_one((engine.Source("a.json", text), 0, dt.date(2022, 5, 10), None, None))
    findings = [finding for finding in checked.findings if isinstance(finding, appcheck.Finding)]
    assert findings and not any(hasattr(finding, "_place") for finding in findings)
    assert all(finding.line is not None for finding in findings) and type(checked.positions) is dict


def test_every_finding_of_a_report_is_placed_with_the_first_one_read() -> None:
    report = appcheck.validate("examples/gd-2022/research/valid.json", as_of="2022-03-01")
    assert all(hasattr(finding, "_place") for finding in report.findings)
    report.findings[3].column
    assert not any(hasattr(finding, "_place") for finding in report.findings)  # and the text is let go


def test_a_report_placed_later_leaves_no_reference_cycles_behind() -> None:
    import gc

    paths = ["examples/gd-2022/research/valid.json", "examples/most-2022/korea/valid.json", "examples/gd-2022/training/valid-yaml-draft.yaml"]
    for path in paths:
        appcheck.validate(path, as_of="2022-03-01").to_dict()  # caches filled first
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for path in paths:
            appcheck.validate(path, as_of="2022-03-01")  # never placed
            report = appcheck.validate(path, as_of="2022-03-01")
            report.findings[0].line  # placed
            del report
        gc.collect()
        assert gc.garbage == []
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def _bundles_alone_and_in_a_batch() -> list:
    from ..test_report_bytes import ROOT, example_files, generated

    files = [ROOT / name for name in example_files()]
    texts = [Source(name, text.encode("utf-8")) for name, text in generated()]
    return files + texts


@pytest.mark.parametrize("engine", ["jsonschema-rs", "python"])
def test_a_bundle_alone_has_the_report_a_batch_of_it_alone_gives(engine) -> None:
    # validate() judges a bundle's batch checks over a batch of one, without the batch's stores:
    # the same findings, each at the same place, as validate_batch([bundle]) (every example and
    # generated bundle, as a file or text and as a mapping, on both schema engines)
    from ..test_report_bytes import schema_engine

    with schema_engine(engine):
        for bundle in _bundles_alone_and_in_a_batch():
            for given in (bundle, _as_mapping(bundle)):
                if given is None:
                    continue
                alone = appcheck.validate(given, as_of="2022-05-10")
                (batch_report,) = appcheck.validate_batch([given], as_of="2022-05-10").reports
                assert alone.to_dict() == batch_report.to_dict(), bundle
                assert alone == batch_report, bundle
                assert repr(alone) == repr(batch_report)


def _as_mapping(bundle):
    from appcheck.loading import load_bytes

    raw = bundle.data if isinstance(bundle, Source) else bundle.read_bytes()
    if isinstance(bundle, Source) or bundle.suffix == ".json":
        data = load_bytes(raw).data
        return data if isinstance(data, dict) else None
    return None


def test_a_bundle_alone_failing_a_required_check_is_not_counted_by_a_quota_as_in_a_batch() -> None:
    # a quota (a batch check with eligible_only) leaves out a bundle that fails a required check of
    # its own, alone as in a batch
    reports = []
    for path in sorted(EXAMPLES.rglob("*.json")):
        if "batches" in path.parts:
            continue
        alone = appcheck.validate(path, as_of="2022-05-10")
        if any("不计入限额" in finding.message for finding in alone.findings):
            reports.append(alone)
            (batch_report,) = appcheck.validate_batch([path], as_of="2022-05-10").reports
            assert alone == batch_report
    assert reports, "no example bundle is left out of a quota"


@pytest.mark.parametrize("path", [
    "examples/gd-2022/research/valid.json",  # a batch check (one identity per person): a batch of one
    "examples/most-2022/korea/valid.json",
    "examples/gd-2022/research/GD22-COFUNDING.json",
])
def test_a_report_builds_its_findings_when_they_are_first_read(path, monkeypatch) -> None:
    import copy
    import pickle

    from appcheck.engine import single

    made = []
    finding_for = single.finding_for
    monkeypatch.setattr(single, "finding_for", lambda *args, **kwargs: made.append(args[0]) or finding_for(*args, **kwargs))
    report = appcheck.validate(path, as_of="2022-03-01")
    assert made == [] and report.file == path and report.topic is not None  # validating builds no finding
    assert report.ok is not None and 0 < len(made) == len([f for f in report.findings if f.requirement not in ("SCHEMA", "AS-OF")])
    built = len(made)
    (batch_report,) = appcheck.validate_batch([path], as_of="2022-03-01").reports  # builds its own (a batch places them at once)
    del made[built:]
    assert report == batch_report and repr(report) == repr(batch_report) and len(made) == built
    for use in (hash, lambda r: pickle.loads(pickle.dumps(r)), copy.copy, copy.deepcopy, lambda r: attrs.evolve(r, file="b.json")):
        fresh = appcheck.validate(path, as_of="2022-03-01")
        before = len(made)
        try:
            use(fresh)
        except TypeError:  # a finding's value that is not hashable (a dict): unhashable, as a report built at once
            with pytest.raises(TypeError):
                hash(batch_report)
        assert len(made) == before + built  # the fresh report built its findings, once
        assert fresh == batch_report and fresh.to_dict() == batch_report.to_dict() and len(made) == before + built


def _passed_as_words(monkeypatch) -> tuple[list, list]:
    """Every passed outcome of a bundle's own checks given as words, counted: ``(said, lazy)``, the
    words said so far and the passed outcomes made so."""
    from appcheck.engine import single
    from appcheck.rules.base import passed_saying

    said, lazy = [], []
    run = single.run

    def saying(rule, context):
        outcome = run(rule, context)
        if outcome.status.value != "passed":
            return outcome
        lazy.append(rule)
        words = (outcome.message, outcome.message_en)
        return passed_saying(lambda: said.append(words) or words, outcome.segments, expected=outcome.expected, actual=outcome.actual)

    monkeypatch.setattr(single, "run", saying)
    return said, lazy


def test_a_report_formats_no_passed_message_till_one_is_read(monkeypatch) -> None:
    # validate() and reading the findings' statuses say no passed message; to_dict() says each
    # once, and the report it writes is the one said at once
    path = "examples/gd-2022/research/valid.json"
    eager = appcheck.validate(path, as_of="2022-03-01")
    said, lazy = _passed_as_words(monkeypatch)
    report = appcheck.validate(path, as_of="2022-03-01")
    assert report.ok and report.strict_ok == eager.strict_ok and [f.status for f in report.findings] == [f.status for f in eager.findings]
    assert said == []
    assert report.to_dict() == eager.to_dict() and len(said) == len(lazy) > 10
    assert report == eager and repr(report) == repr(eager) and len(said) == len(lazy)


def test_a_checked_bundle_says_its_passed_messages_before_it_crosses_a_process(monkeypatch) -> None:
    # a worker process sends its checked bundles packed (pickled): their passed findings are said
    # there, and what arrives holds their messages, never the rules' words
    from appcheck import engine

    item = (example("gd-2022", "research"), 0, dt.date(2022, 5, 10), None, None)
    eager = engine.check_one(item)
    said, lazy = _passed_as_words(monkeypatch)
    checked = engine.check_one(item)
    assert said == [] and lazy
    packed = checked.packed()
    assert len(said) == len(lazy)
    findings = [finding for finding in packed.own_findings() if isinstance(finding, appcheck.Finding)]
    assert not any(hasattr(finding, "_words") for finding in findings) and packed.own_findings() == eager.findings
    assert len(said) == len(lazy)


def test_threads_reading_one_report_see_one_tuple_of_findings() -> None:
    path = "examples/gd-2022/research/GD22-COFUNDING.json"
    expected = appcheck.validate(path, as_of="2022-03-01").to_dict()
    for _ in range(20):
        report = appcheck.validate(path, as_of="2022-03-01")
        with ThreadPoolExecutor(max_workers=4) as pool:
            seen = list(pool.map(lambda read: read(report), [lambda r: r.findings, lambda r: r.to_dict()] * 4))
        assert all(found is seen[0] for found in seen[::2]) and all(data == expected for data in seen[1::2])


def _spain(issuer_padding: int) -> tuple:
    """What check_one takes for most-2022/spain's valid bundle, its English form's issuer made longer."""
    data = json.loads((EXAMPLES / "most-2022" / "spain" / "valid.json").read_text(encoding="utf-8"))
    (form,) = [document for document in data["documents"] if document["kind"] == "english_application_form"]
    form["issuer"] = "x" * issuer_padding + form["issuer"]
    return (Source("spain.json", json.dumps(data, ensure_ascii=False).encode("utf-8")), 0, dt.date(2022, 6, 1), None, None)


def test_a_checked_bundle_keeps_no_long_value_of_its_bundle_for_its_passed_messages() -> None:
    # a batch keeps its checked bundles (up to a hundred in memory) and never their texts: a passed
    # finding of a large bundle is said when it is made, not kept with the words and the bundle's
    # long values they read (a 2 MB issuer); a bundle of the usual size keeps its words, unsaid
    from appcheck import engine

    def form(checked) -> appcheck.Finding:
        (found,) = [f for f in checked.findings if isinstance(f, appcheck.Finding) and f.requirement == "MOST22-ES-FORM"]
        return found

    usual = form(engine.check_one(_spain(0)))
    large = form(engine.check_one(_spain(2_000_000)))
    assert usual.status is large.status is appcheck.Status.PASSED
    assert hasattr(usual, "_words") and not hasattr(large, "_words")
    assert len(large.message_en) < 200 and usual.message_en.endswith("(Ejemplo Tecnologías S.L.)")
