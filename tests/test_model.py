from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.model import BatchReport, Finding, Report, Severity, Status, dumps, jsonable


def finding(status="failed", severity="error", **extra) -> Finding:
    return Finding("GD22-LEAD", status, severity, ("applicant", "sub/division"), "中", "en", "src", **extra)


def test_finding_is_frozen_and_renders_its_pointer() -> None:
    f = finding()
    assert f.path == "/applicant/sub~1division"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        f.status = Status.PASSED


@pytest.mark.parametrize("status,severity,blocking", [
    ("failed", "error", True), ("failed", "warning", False), ("failed", "info", False), ("needs_review", "error", False), ("passed", "error", False),
])
def test_ok_means_no_failed_error(status, severity, blocking) -> None:
    report = Report((finding(status, severity),))
    assert report.ok is (not blocking)
    assert report.strict_ok is (status == "passed")


def test_batch_ok_includes_batch_findings() -> None:
    assert BatchReport((Report(()),), ()).ok
    assert not BatchReport((Report(()),), (finding(),)).ok


@given(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False, allow_infinity=False)
       | st.decimals(allow_nan=False, allow_infinity=False))
@example(Decimal("1.10"))
@example(Decimal("1E+1"))
@example(Decimal("-0"))
@example(Decimal("0E-4"))
@example(Decimal("150"))
@example(Decimal("2.5"))
def test_jsonable_numbers_keep_their_written_form_through_json(value) -> None:
    out = jsonable(value)
    text = dumps(out)
    back = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    assert back == value and str(back) == str(value) == text  # the same digits and exponent, a JSON number
    assert json.loads(dumps({"a": [out]}, indent=2), parse_float=Decimal) == {"a": [value]}


def test_plain_numbers_stay_plain_json() -> None:
    assert jsonable(Decimal("150")) == 150 and type(jsonable(Decimal("150"))) is int
    assert jsonable(Decimal("2.5")) == 2.5 and type(jsonable(Decimal("2.5"))) is float
    assert type(jsonable(Decimal("1.10"))) is Decimal
    assert dumps({"a": Decimal("1.10"), "b": [Decimal("1E+1"), "x"]}) == '{"a": 1.10, "b": [1E+1, "x"]}'
    value = {"k": [1, {"m": Decimal("1.10")}], "e": {}, "l": []}
    assert dumps(value, indent=2) == json.dumps(json.loads(dumps(value), parse_float=str), indent=2).replace('"1.10"', "1.10")


def test_deep_values_are_summed_up() -> None:
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    out = jsonable(deep)
    assert json.loads(dumps(out))


def test_jsonable_shapes() -> None:
    assert jsonable({"a": (1, {Decimal("1.5")}), 2: dt.date(2022, 5, 10), "s": Status.FAILED}) == {"a": [1, [1.5]], "2": "2022-05-10", "s": "failed"}


def test_report_to_dict_round_trip() -> None:
    report = Report((finding(expected={"maximum": Decimal(150)}, actual=Decimal("150.0001"), line=3, column=5),), "gd-2022", "research", None, "a.json", dt.date(2022, 5, 10))
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["topic"] == "gd-2022/research" and data["summary"]["errors"] == 1
    again = Report.from_dict(data)
    assert again.to_dict() == data and again.findings[0].segments == ("applicant", "sub/division")


def test_severity_and_status_values() -> None:
    assert [s.value for s in Status] == ["passed", "failed", "needs_review", "waived"]
    assert [s.value for s in Severity] == ["error", "warning", "info"]
    with pytest.raises(ValueError):
        finding(status="maybe")


def test_a_finding_pickles_as_its_fields() -> None:
    import pickle
    from decimal import Decimal

    import attrs

    from appcheck.model import Finding

    finding = Finding(
        "GD22-FUNDING", "failed", "error", ("budget", 0, "a/b~"), "消息", "message", "source",
        expected=Decimal("150.0001"), actual={"counted": False, "blocking": ["X"]}, bundles=("a.json", "#2"), line=3, column=7,
    )
    assert pickle.loads(pickle.dumps(finding, protocol=pickle.HIGHEST_PROTOCOL)) == finding
    assert len(finding.__reduce__()[1]) == len(attrs.fields(Finding))  # a new field must be pickled too


class _Place:
    """A place of a finding placed later, counting how often it is asked."""

    def __init__(self, position) -> None:
        self.position = position
        self.asked = 0

    def settle(self, finding) -> None:
        from appcheck.model import placed

        self.asked += 1
        placed(finding, self.position)


def _placed_later(position=(3, 7), **extra) -> tuple[Finding, _Place]:
    place = _Place(position)
    return Finding.placed_later("GD22-LEAD", "failed", "error", ("applicant", "sub/division"), "中", "en", "src", place=place, **extra), place


@pytest.mark.parametrize("use", [
    lambda f: f.line, lambda f: f.column, lambda f: f.to_dict(), repr, hash, lambda f: f == f, str,
    lambda f: __import__("pickle").dumps(f), lambda f: __import__("copy").deepcopy(f), lambda f: attrs.evolve(f, message="x"),
])
def test_a_finding_placed_later_is_the_value_placed_at_once(use) -> None:
    import copy
    import pickle

    eager = finding(line=3, column=7)
    lazy, place = _placed_later(expected=None)
    use(lazy)  # whichever is read first places it, once
    assert place.asked == 1
    assert lazy == eager and hash(lazy) == hash(eager) and repr(lazy) == repr(eager) and lazy.to_dict() == eager.to_dict()
    assert pickle.loads(pickle.dumps(lazy)) == eager == copy.deepcopy(lazy) and attrs.evolve(lazy) == eager
    assert (lazy.line, lazy.column) == (3, 7) and place.asked == 1
    assert not hasattr(lazy, "_place")  # the place (and the text it kept) is let go


def test_a_finding_placed_nowhere_has_no_line() -> None:
    lazy, place = _placed_later(position=None)
    assert (lazy.line, lazy.column) == (None, None) and lazy == finding() and place.asked == 1
    assert "line" not in lazy.to_dict()


def test_a_finding_placed_at_once_keeps_no_place() -> None:
    assert not hasattr(finding(line=1, column=2), "_place")
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        finding().nothing


def test_threads_reading_a_finding_placed_later_see_one_place() -> None:
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(50):
        lazy, _ = _placed_later()
        with ThreadPoolExecutor(max_workers=4) as pool:
            seen = list(pool.map(lambda name: getattr(lazy, name), ["line", "column"] * 8))
        assert seen == [3, 7] * 8


def test_a_findings_path_is_its_pointer_each_time_it_is_written() -> None:
    # to_dict() keeps the pointers it rendered: the same text the second time, escapes included
    from appcheck import pointer
    from appcheck.model import Finding, Severity, Status

    for segments in [(), ("a", 0, "b/c"), ("m~n", 12), (0,), ("0",), (True,), (1.5,)]:
        finding = Finding("R", Status.PASSED, Severity.ERROR, segments)
        assert finding.to_dict()["path"] == finding.to_dict()["path"] == pointer.render(segments)
    assert Finding("R", Status.PASSED, Severity.ERROR, ("a", 0, "b/c")).to_dict()["path"] == "/a/0/b~1c"


def test_a_finding_made_without_converters_is_the_finding_its_class_makes() -> None:
    import pickle

    from appcheck.model import Finding, Severity, Status, made_finding

    args = ("R", Status.FAILED, Severity.WARNING, ("a", 0), "m", "m en", "s", {"x": 1}, [2], 3, 4)
    made = made_finding(*args)
    plain = Finding(*args[:9], line=3, column=4)
    assert made == plain and repr(made) == repr(plain)
    assert hash(made_finding(*args[:7], "7", 8, 3, 4)) == hash(Finding(*args[:7], "7", 8, line=3, column=4))
    assert made.to_dict() == plain.to_dict() and pickle.loads(pickle.dumps(made)) == plain
    assert made.bundles == () and made.waiver is None


class _Words:
    """The words of a finding's messages, counting how often they are said."""

    def __init__(self, said=("中", "en")) -> None:
        self.said = said
        self.calls = 0

    def __call__(self) -> tuple:
        self.calls += 1
        return self.said


def _said_later(words: _Words, **extra) -> Finding:
    from appcheck.model import said_later

    # a lambda, as a rule gives its words: it cannot be pickled, so a pickled finding never holds it
    return said_later(finding(**extra), lambda: words())


@pytest.mark.parametrize("use", [
    lambda f: f.message, lambda f: f.message_en, lambda f: f.to_dict(), repr, hash, lambda f: f == f, str,
    lambda f: __import__("pickle").dumps(f), lambda f: f.__reduce__(), lambda f: __import__("copy").copy(f),
    lambda f: __import__("copy").deepcopy(f), lambda f: attrs.evolve(f, line=9), attrs.asdict,
])
def test_a_finding_said_later_is_the_value_said_at_once(use) -> None:
    import copy
    import pickle

    eager = finding(status="passed", line=3, column=7)
    words = _Words()
    lazy = _said_later(words, status="passed", line=3, column=7)
    assert words.calls == 0
    use(lazy)  # whichever reads it first formats both messages, once
    assert words.calls == 1
    assert lazy == eager and eager == lazy and hash(lazy) == hash(eager) and repr(lazy) == repr(eager) and lazy.to_dict() == eager.to_dict()
    assert pickle.loads(pickle.dumps(lazy)) == eager == copy.copy(lazy) == copy.deepcopy(lazy) and attrs.evolve(lazy) == eager
    assert (lazy.message, lazy.message_en) == ("中", "en") and words.calls == 1
    assert not hasattr(lazy, "_words")  # the words (and what they read) are let go


def test_a_finding_said_later_differs_where_its_words_differ() -> None:
    assert _said_later(_Words(("乙", "en"))) != finding() and hash(_said_later(_Words(("中", "b")))) != hash(finding())
    assert _said_later(_Words()) == finding() and not hasattr(finding(), "_words")


def test_a_finding_said_and_placed_later_is_the_value_made_at_once() -> None:
    from appcheck.model import said_later

    words = _Words()
    lazy, place = _placed_later()
    said_later(lazy, words)
    assert lazy.line == 3 and (words.calls, place.asked) == (0, 1)
    assert lazy.to_dict() == finding(line=3, column=7).to_dict() and words.calls == 1


def test_threads_reading_a_finding_said_later_see_one_message() -> None:
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(50):
        lazy = _said_later(_Words())
        with ThreadPoolExecutor(max_workers=4) as pool:
            seen = list(pool.map(lambda name: getattr(lazy, name), ["message", "message_en"] * 8))
        assert seen == ["中", "en"] * 8 and lazy == finding()


class _Build:
    """The findings of a report built later, counting how often they are built."""

    def __init__(self, findings) -> None:
        self.findings = findings
        self.calls = 0

    def __call__(self) -> list:
        self.calls += 1
        return list(self.findings)


_REPORT = {"call": "gd-2022", "topic_id": "research", "track": None, "file": "a.json", "checked_on": dt.date(2022, 5, 10), "size": 9, "sha256": "ab"}
_FINDINGS = (finding(), finding("passed"), finding("needs_review", "warning", line=2, column=1))


@pytest.mark.parametrize("use", [
    lambda r: r.findings, lambda r: r.ok, lambda r: r.strict_ok, lambda r: r.failures(), lambda r: r.to_dict(), repr, hash, str,
    lambda r: r == r, lambda r: __import__("pickle").dumps(r), lambda r: __import__("copy").copy(r), lambda r: __import__("copy").deepcopy(r),
    lambda r: attrs.evolve(r, file="b.json"), attrs.asdict, lambda r: BatchReport([r]).to_dict(),
])
def test_a_report_built_later_is_the_value_built_at_once(use) -> None:
    import copy
    import pickle

    eager = Report(_FINDINGS, **_REPORT)
    build = _Build(_FINDINGS)
    lazy = Report.later(build, **_REPORT)
    assert build.calls == 0
    use(lazy)  # whichever reads its findings first builds them, once
    assert build.calls == 1
    assert lazy == eager and eager == lazy and hash(lazy) == hash(eager) and repr(lazy) == repr(eager) and lazy.to_dict() == eager.to_dict()
    assert pickle.loads(pickle.dumps(lazy)) == eager == copy.copy(lazy) == copy.deepcopy(lazy) and attrs.evolve(lazy) == eager
    assert (lazy.ok, lazy.strict_ok, lazy.failures()) == (eager.ok, eager.strict_ok, eager.failures()) and type(lazy.findings) is tuple
    assert build.calls == 1 and not hasattr(lazy, "_build")  # what it took to build them is let go
    assert attrs.fields(Report) == attrs.fields(type(lazy)) and type(lazy) is Report


def test_a_report_built_later_builds_nothing_for_its_other_fields() -> None:
    build = _Build(_FINDINGS)
    lazy = Report.later(build, **_REPORT)
    assert (lazy.topic, lazy.file, lazy.track, lazy.checked_on, lazy.size, lazy.sha256) == ("gd-2022/research", "a.json", None, dt.date(2022, 5, 10), 9, "ab")
    assert build.calls == 0 and hasattr(lazy, "_build")
    assert lazy != Report(_FINDINGS[:2], **_REPORT) and build.calls == 1
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        lazy.nothing


def test_threads_reading_a_report_built_later_see_one_tuple_of_findings() -> None:
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(50):
        build = _Build(_FINDINGS)
        lazy = Report.later(build, **_REPORT)
        with ThreadPoolExecutor(max_workers=4) as pool:
            seen = list(pool.map(lambda _: lazy.findings, range(16)))
        assert build.calls == 1 and all(found is seen[0] for found in seen) and seen[0] == _FINDINGS


def test_a_report_whose_findings_cannot_be_built_says_so_not_that_it_has_no_findings() -> None:
    def build():
        raise AttributeError("'NoneType' object has no attribute 'segments'")

    report = Report.later(build)
    with pytest.raises(RuntimeError, match="could not be built") as raised:
        report.ok
    assert isinstance(raised.value.__cause__, AttributeError)
