from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from appcheck.model import Status
from appcheck.rules.base import (
    tenths_of_percent,
    AllOf, Context, Duration, MISSING, MissingInput, Org, Outcome, PerTrack, _severity, add_months, as_date, as_decimal, excerpt, failed, malformed, money,
    months_between, non_empty_strings, non_negative, optional_decimal, passed, passed_saying, percent, plain, positive, review, run, subset_of, to_decimal,
    words_of,
)
from appcheck.rules.dates import DurationMonths
from appcheck.rules.funding import SubsidyBounds

from .helpers import context, facts, outcome

GRANT = AllOf((SubsidyBounds(50, 50), DurationMonths(24, 24)))


def bundle(subsidy, end="2024-08-31") -> dict:
    return {"budget": {"subsidy_requested": subsidy}, "project": {"start_date": "2022-09-01", "end_date": end}}


def test_all_of_passes_when_all_pass() -> None:
    result = outcome(GRANT, bundle(50))
    assert result.status.value == "passed" and "50" in result.message and "24" in result.message


def test_all_of_reports_the_first_failure_and_mentions_the_others() -> None:
    result = outcome(GRANT, bundle(60, end="2024-09-01"))
    assert result.status.value == "failed" and result.segments == ("budget", "subsidy_requested")
    assert "60" in result.message and "24 个月 1 天" in result.message


def test_all_of_needs_rules() -> None:
    with pytest.raises(ValueError):
        AllOf(())


def test_per_track_picks_the_tracks_rule() -> None:
    rule = PerTrack({"a": SubsidyBounds(maximum=10), "b": SubsidyBounds(maximum=100)})
    assert outcome(rule, bundle(50), track="b").status.value == "passed"
    assert outcome(rule, bundle(50), track="a").status.value == "failed"
    assert outcome(rule, bundle(50), track="c").segments == ("track",)


def test_accessors() -> None:
    ctx = context({"a": {"b": [1, "x", None]}, "d": "2022-02-30", "e": "2022-02-28"})
    assert ctx.value("a", "b", 0) == Decimal(1)
    assert ctx.value("a", "b", 5) is MISSING and ctx.value("a", "c") is MISSING and ctx.value("a", "b", "x") is MISSING
    assert ctx.optional_date("nope") is None
    assert ctx.date("e").isoformat() == "2022-02-28"
    for call in (lambda: ctx.date("d"), lambda: ctx.number("a", "b", 1), lambda: ctx.string("a", "b", 2), lambda: ctx.mapping("a", "b")):
        with pytest.raises(Exception) as raised:
            call()
        assert type(raised.value).__name__ == "MissingInput"


@pytest.mark.parametrize("value,expected", [
    (Decimal("1.5"), Decimal("1.5")), (3, Decimal(3)), (0.1, Decimal("0.1")), (True, None), ("1", None), (float("nan"), None), (Decimal("Infinity"), None),
])
def test_as_decimal(value, expected) -> None:
    assert as_decimal(value) == expected


@pytest.mark.parametrize("value,ok", [("2022-05-10", True), ("2022-5-10", False), ("20220510", False), ("２０２２-05-10", False), ("2022-05-10\n", False), ("2022-02-29", False), (None, False)])
def test_as_date(value, ok) -> None:
    assert (as_date(value) is not None) == ok


def test_money_is_written_as_the_bundle_wrote_it() -> None:
    assert money(Decimal("1.10")) == "1.10"
    assert money(Decimal("150.0000")) == "150.0000"
    assert money(Decimal("149.9999")) == "149.9999"
    assert money(Decimal("1E+1")) == "1E+1"


def test_worked_out_amounts_read_as_a_person_writes_them() -> None:
    assert plain(Decimal("150.0000")) == Decimal("150") and str(plain(Decimal("150.0000"))) == "150"
    assert str(plain(Decimal("1E+2"))) == "100"
    assert str(plain(Decimal("0.2500"))) == "0.25"
    assert str(plain(Decimal("149.9999"))) == "149.9999"
    assert percent(Decimal("0.2")) == "20" and percent(Decimal("0.125")) == "12.5"


@pytest.mark.parametrize("text,ok", [
    ("2022-05-10", True), ("2024-02-29", True), ("0000-01-01", False), ("2022-13-01", False), ("2022-5-10", False), ("20220510", False), ("2022-05-100", False), ("2022-05-1", False),
    ("2022/05/10", False), ("2022-05-1a", False), ("+022-05-10", False), (" 022-05-10", False), ("2022-W19-2", False),
    ("２０２２-05-10", False), ("٢٠٢٢-05-10", False), ("2022-¹2-10", False), ("2022-05-10\n", False), ("", False),
])
def test_as_date_reads_only_the_iso_calendar_shape(text, ok) -> None:
    assert (as_date(text) is not None) is ok


def test_as_date_keeps_dates_and_refuses_datetimes_and_impossible_days() -> None:
    class Text(str):
        pass

    assert as_date(dt.date(2022, 5, 10)) == dt.date(2022, 5, 10)
    assert as_date(dt.datetime(2022, 5, 10)) is None
    assert as_date(Text("2022-05-10")) == dt.date(2022, 5, 10) and as_date(Text("2022-5-10")) is None
    assert as_date("0000-01-01") is None and as_date("2022-13-01") is None and as_date("2024-02-29") == dt.date(2024, 2, 29)
    assert as_date(20220510) is None and as_date(b"2022-05-10") is None


DATES = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@given(DATES, st.integers(min_value=-240, max_value=240))
def test_add_months_moves_the_month_and_keeps_or_clips_the_day(day, months) -> None:
    index = day.year * 12 + day.month - 1 + months
    if not 12 <= index < 10000 * 12:  # before year 1 or after 9999
        with pytest.raises(ValueError):
            add_months(day, months)
        return
    found = add_months(day, months)
    last = calendar.monthrange(index // 12, index % 12 + 1)[1]
    assert (found.year, found.month, found.day) == (index // 12, index % 12 + 1, min(day.day, last))


def test_add_months_clips_to_the_months_end() -> None:
    assert add_months(dt.date(2022, 3, 31), 1) == dt.date(2022, 4, 30)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 2, 29), -48) == dt.date(2020, 2, 29)
    assert add_months(dt.date(2022, 5, 10), -36) == dt.date(2019, 5, 10)
    assert add_months(dt.date(2022, 1, 31), -1) == dt.date(2021, 12, 31)
    assert add_months(dt.date(2022, 12, 15), 1) == dt.date(2023, 1, 15)
    with pytest.raises(ValueError):
        add_months(dt.date(9999, 12, 1), 1)
    with pytest.raises(ValueError):
        add_months(dt.date(1, 1, 1), -1)


@given(DATES, DATES)
def test_months_between_counts_whole_months_then_the_days_left(start, end) -> None:
    months, days = months_between(start, end)
    reached = add_months(start, months)
    assert reached + dt.timedelta(days=days) == end
    if end >= start:  # as many whole months as fit, then fewer days than the next month would take
        assert months >= 0 and 0 <= days
        try:
            assert add_months(start, months + 1) > end
        except ValueError:  # one month more is past the calendar's end
            pass


def test_months_between_counts_whole_months_then_days() -> None:
    assert months_between(dt.date(2026, 1, 1), dt.date(2029, 1, 1)) == (36, 0)
    assert months_between(dt.date(2026, 1, 1), dt.date(2029, 1, 2)) == (36, 1)
    assert months_between(dt.date(2022, 1, 31), dt.date(2022, 3, 1)) == (1, 1)
    assert months_between(dt.date(2022, 3, 31), dt.date(2022, 4, 30)) == (1, 0)
    assert months_between(dt.date(2022, 5, 10), dt.date(2022, 5, 10)) == (0, 0)
    assert months_between(dt.date(2022, 5, 10), dt.date(2022, 4, 11)) == (0, -29)
    assert months_between(dt.date(2022, 5, 10), dt.date(2021, 5, 9)) == (-12, -1)


def test_a_context_works_out_its_organizations_once() -> None:
    ctx = Context({"applicant": {"id": "a", "name": "甲"}, "partners": [{"id": "p", "name": "乙"}]}, checked_on=dt.date(2022, 5, 10))
    assert ctx.applicant is ctx.applicant and ctx.partners is ctx.partners
    assert [org.id for org in ctx.organizations] == ["a", "p"]
    broken = Context({"partners": "x"}, checked_on=dt.date(2022, 5, 10))
    for _ in range(2):  # an error is not kept: each use raises it again
        with pytest.raises(MissingInput):
            broken.applicant


class Frozen(Mapping):
    """A mapping that is not a dict, as callers of the library may pass."""

    def __init__(self, data) -> None:
        self.data = data

    def __getitem__(self, key):
        return self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def test_any_mapping_reads_as_an_object() -> None:
    ctx = Context(Frozen({"a": Frozen({"b": [Frozen({"c": "2022-05-10"}), 3]}), "n": Frozen({})}), checked_on=dt.date(2022, 5, 10))
    assert ctx.value("a", "b", 0, "c") == "2022-05-10" and ctx.date("a", "b", 0, "c") == dt.date(2022, 5, 10)
    assert ctx.value("a", "x") is MISSING and ctx.value("a", "b", 1, "c") is MISSING and ctx.value("a", "b", "0") is MISSING
    assert ctx.mapping("n") == {} and ctx.optional_date("a", "b", 0, "d") is None
    assert next(ctx.objects("a", "b"))[0] == ("a", "b", 0)
    with pytest.raises(MissingInput) as raised:
        list(ctx.objects("a", "b"))
    assert raised.value.segments == ("a", "b", 1) and raised.value.found == 3
    with pytest.raises(MissingInput) as raised:
        ctx.mapping("a", "b")
    assert raised.value.expected_en == "an object"


def test_a_dict_keyed_by_numbers_is_not_indexed() -> None:
    ctx = Context({"a": {0: "x"}, "l": ["y"]}, checked_on=dt.date(2022, 5, 10))
    assert ctx.value("a", 0) is MISSING and ctx.value("l", 0) == "y" and ctx.value("l", True) is MISSING and ctx.value("l", False) == "y"


def test_optional_accessors_report_what_they_found() -> None:
    ctx = Context({"d": "2022-02-30", "a": "x"}, checked_on=dt.date(2022, 5, 10))
    with pytest.raises(MissingInput) as raised:
        ctx.optional_date("d")
    assert (raised.value.segments, raised.value.expected, raised.value.expected_en, raised.value.found) == (("d",), "YYYY-MM-DD 格式的日期", "a YYYY-MM-DD date", "2022-02-30")
    with pytest.raises(MissingInput) as raised:
        ctx.optional_array("a")
    assert (raised.value.segments, raised.value.expected, raised.value.expected_en, raised.value.found) == (("a",), "数组", "an array", "x")


def test_severity_orders_failed_then_review_then_passed() -> None:
    ranks = [_severity(Outcome(status)) for status in (Status.FAILED, Status.NEEDS_REVIEW, Status.PASSED)]
    assert ranks == [0, 1, 2]


def test_outcome_builders_keep_segments_as_a_tuple() -> None:
    assert passed("通过", "passed", ["a", 0]).segments == ("a", 0)
    assert failed("未通过", "failed", (s for s in ("b",)), expected=1).segments == ("b",)
    assert review("需核实", "review").segments == () and review("需核实", "review", actual=2).actual == 2


# reading a field of an object in hand reads what the path reads

_field_values = st.none() | st.booleans() | st.integers(-5, 5).map(Decimal) | st.decimals(allow_nan=True, places=2) \
    | st.sampled_from(["", " ", "x", "2022-05-10", "2022-02-30", "20220510", "2022-05-10T00:00"]) \
    | st.lists(st.integers(0, 2), max_size=2) | st.dictionaries(st.just("a"), st.integers(0, 2), max_size=1)


def _read(read, *args):
    try:
        return ("value", read(*args))
    except MissingInput as missing:
        return ("missing", missing.segments, missing.expected_en, repr(missing.found))


@given(st.one_of(st.just(MISSING), _field_values), st.booleans())
def test_reading_in_an_object_in_hand_is_reading_its_path(value, in_list) -> None:
    item = {} if value is MISSING else {"field": value}
    bundle = {"items": [item]} if in_list else {"items": {"0": item}}
    where = ("items", 0) if in_list else ("items", "0")
    ctx = Context(bundle, checked_on=dt.date(2022, 5, 10))
    for name in ("number", "integer", "date", "optional_date", "boolean", "array", "value"):
        if hasattr(ctx, f"{name}_in"):
            assert _read(getattr(ctx, f"{name}_in"), item, where, "field") == _read(getattr(ctx, name), *where, "field"), name


def test_percent_writes_a_share_as_the_messages_do() -> None:
    from appcheck.rules.base import percent

    assert [percent(Decimal("0.2")), percent(Decimal("0.15")), percent(Decimal("1"))] == ["20", "15", "100"]


def test_percent_is_the_same_whichever_context_first_asks_for_it() -> None:
    # a share's percentage is worked out once and kept: first asked in a host's context of two digits
    # (a rule described by appcheck explain), it is still exact in every later check
    import decimal

    from appcheck.rules.base import percent

    with decimal.localcontext(decimal.Context(prec=2)):
        first = percent(Decimal("0.0625"))
    assert first == percent(Decimal("0.0625")) == "6.25"


@pytest.mark.parametrize("start, end, expected", [
    (dt.date(2022, 1, 1), dt.date.max, Duration(95736, 0)),  # 7,978 whole years
    (dt.date(1, 1, 1), dt.date.max, Duration(119988, 0)),  # the whole calendar
    (dt.date(9999, 12, 31), dt.date.max, Duration(0, 1)),
    (dt.date(9999, 12, 30), dt.date.max, Duration(0, 2)),
    (dt.date(9999, 12, 1), dt.date.max, Duration(1, 0)),
    (dt.date(9999, 12, 2), dt.date.max, Duration(0, 30)),
    (dt.date(2022, 1, 1), dt.date(9999, 12, 30), Duration(95735, 30)),  # one day less: counted as always
    (dt.date(400, 3, 1), dt.date.max, Duration(115198, 0)),  # (10000 - 400) * 12 - 2: the start cannot move back 400 years
    (dt.date(401, 3, 1), dt.date.max, Duration(115186, 0)),  # it can
])
def test_a_duration_ending_on_the_calendars_last_day(start, end, expected) -> None:
    assert Duration.between(start, end) == expected


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9599, 12, 30)), st.integers(min_value=0, max_value=3000))
@settings(max_examples=300)
def test_durations_repeat_every_400_years(start, length) -> None:
    """The Gregorian calendar repeats every 400 years: what counting to the calendar's last day relies on."""
    end = min(start + dt.timedelta(days=length), dt.date(9599, 12, 30))
    shifted = Duration.between(start.replace(year=start.year + 400), end.replace(year=end.year + 400))
    assert Duration.between(start, end) == shifted


def test_months_before_the_calendars_first_day_is_none() -> None:
    from appcheck.rules.base import months_before

    assert months_before(dt.date(1, 2, 1), 1) == dt.date(1, 1, 1)  # the first day itself
    assert months_before(dt.date(1, 1, 31), 1) is None  # one step before it
    assert months_before(dt.date(1, 1, 1), 12) is None
    assert months_before(dt.date(2022, 5, 10), 24) == dt.date(2020, 5, 10)


# ------------------------------------------------------------------ outcomes

def test_outcome_builders() -> None:
    assert facts(passed("好", "good", ["a", 0], expected=1, actual=2)) == {
        "status": "passed", "segments": ("a", 0), "message": "好", "message_en": "good", "expected": 1, "actual": 2}
    assert facts(failed("坏", "bad")) == {"status": "failed", "segments": (), "message": "坏", "message_en": "bad", "expected": None, "actual": None}
    assert review("看", "look", ("x",)).status.value == "needs_review"


def test_a_missing_input_says_where_and_what_was_expected() -> None:
    assert facts(MissingInput(("budget", "subsidy_requested"), "数字", "a number").outcome()) == {
        "status": "failed", "segments": ("budget", "subsidy_requested"),
        "message": "无法检查：缺少 /budget/subsidy_requested（应为数字）",
        "message_en": "cannot check: /budget/subsidy_requested is missing (expected a number)",
        "expected": "a number", "actual": None,
    }
    assert facts(MissingInput((), "对象", "an object", [1]).outcome()) == {
        "status": "failed", "segments": (),
        "message": "无法检查：/ 的值 [1] 无效（应为对象）",
        "message_en": "cannot check: / is [1], expected an object",
        "expected": "an object", "actual": "[1]",
    }
    assert MissingInput(("a", 0), "x", "y", "text").outcome().actual == '"text"'
    # null, as a draft leaves a field, reads as not filled in: never as Python's None
    assert facts(MissingInput(("a", 0), "数字", "a number", None).outcome()) == {
        "status": "failed", "segments": ("a", 0),
        "message": "无法检查：缺少 /a/0（值为 null，应为数字）",
        "message_en": "cannot check: /a/0 is missing (null; expected a number)",
        "expected": "a number", "actual": None,
    }
    # numbers as the bundle wrote them, never Decimal('...'); arrays and objects as JSON
    assert MissingInput(("a",), "x", "y", Decimal("1.10")).outcome().actual == "1.10"
    assert MissingInput(("a",), "x", "y", {"k": [None, True]}).outcome().actual == '{"k": [null, true]}'
    assert str(MissingInput(("a", 0), "x", "y")) == "/a/0"


def test_long_values_are_cut_in_messages() -> None:
    found = MissingInput(("a",), "x", "y", "z" * 100).outcome().actual
    assert found == '"' + "z" * 58 + "…" and len(found) == 60
    assert MissingInput(("a",), "x", "y", "z" * 58).outcome().actual == '"' + "z" * 58 + '"'
    assert excerpt("abc") == "abc" and excerpt("a" * 80) == "a" * 80
    assert excerpt("a" * 40 + "b" * 41) == "a" * 39 + "…" + "b" * 39
    assert excerpt("abcdefghij", limit=5) == "ab…ij"


def test_malformed_data_fails_naming_the_error() -> None:
    assert facts(malformed(KeyError("x"))) == {
        "status": "failed", "segments": (),
        "message": "无法检查：本要求读取的数据格式有误（KeyError），请先改正格式错误",
        "message_en": "cannot check: the data this requirement reads is malformed (KeyError); fix the schema errors first",
        "expected": None, "actual": "KeyError",
    }

    @attrs.frozen
    class Raising:
        error: Exception

        def check(self, ctx):
            raise self.error

    for error in (TypeError(), ValueError(), AttributeError(), KeyError(), IndexError(), ZeroDivisionError()):
        assert run(Raising(error), context({})).actual == type(error).__name__
    with pytest.raises(RuntimeError):
        run(Raising(RuntimeError()), context({}))


# ------------------------------------------------------------------ values

def test_values() -> None:
    assert money(7) == "7" and money(Decimal("0.0100")) == "0.0100" and money(Decimal("-0")) == "-0"
    assert as_decimal(float("inf")) is None and as_decimal(float("-inf")) is None and as_decimal(-2.5) == Decimal("-2.5")
    assert as_decimal(Decimal("NaN")) is None and as_decimal(False) is None and as_decimal(None) is None
    assert as_date(dt.date(2022, 5, 10)) == dt.date(2022, 5, 10) and as_date(dt.datetime(2022, 5, 10)) is None
    assert as_date("2022-13-01") is None and as_date(20220510) is None and as_date("2022-05-10") == dt.date(2022, 5, 10)


def test_durations_count_inclusively() -> None:
    assert Duration.between(dt.date(2022, 9, 1), dt.date(2024, 8, 31)) == Duration(24, 0)
    assert Duration.between(dt.date(2022, 9, 1), dt.date(2024, 9, 1)) == Duration(24, 1)
    assert Duration.between(dt.date(2022, 1, 31), dt.date(2022, 1, 31)) == Duration(0, 1)
    assert str(Duration(24, 0)) == "24 个月" and str(Duration(24, 3)) == "24 个月 3 天"
    assert Duration(24, 0).en() == "24 months" and Duration(1, 1).en() == "1 month 1 day"
    assert Duration(23, 30) < Duration(24, 0) < Duration(24, 1)


# ------------------------------------------------------------------ organizations

def test_organization_view() -> None:
    org = Org({"id": "lead", "kind": "university", "country": "CN", "subdivision": "CN-GD", "role": "foreign_partner", "name": "中山大学"}, ("applicant",))
    assert (org.id, org.kind, org.country, org.subdivision, org.role, org.label) == ("lead", "university", "CN", "CN-GD", "applicant", "中山大学")
    assert org.at("kind") == ("applicant", "kind") and org.get("nope", 5) == 5 and org.get("id") == "lead"
    partner = Org({"id": 7, "kind": ["x"], "role": "foreign_partner", "name": ""}, ("partners", 2))
    assert (partner.id, partner.kind, partner.country, partner.role, partner.label) == (None, None, None, "foreign_partner", "7")
    assert Org({}, ("partners", 2)).label == "/partners/2" and Org({}, ("partners", 2)).role is None
    assert Org({"name": "n" * 100}, ()).label == excerpt("n" * 100)
    assert Org({"id": "i" * 100}, ()).label == excerpt("i" * 100)


def test_context_organizations() -> None:
    ctx = context({"applicant": {"id": "lead"}, "partners": [{"id": "tum", "country": "DE"}]})
    assert [o.id for o in ctx.organizations] == ["lead", "tum"] and ctx.partners[0].segments == ("partners", 0)
    assert ctx.org("tum").segments == ("partners", 0) and ctx.org("mit") is None and ctx.org("lead").segments == ("applicant",)
    assert ctx.country_of(ctx.partners[0]) == "DE"
    with pytest.raises(MissingInput) as raised:
        ctx.kind_of(ctx.partners[0])
    assert (raised.value.segments, raised.value.expected, raised.value.expected_en) == (("partners", 0, "kind"), "单位类型", "an organization kind")
    with pytest.raises(MissingInput) as raised:
        ctx.country_of(ctx.applicant)
    assert (raised.value.segments, raised.value.expected, raised.value.expected_en) == (("applicant", "country"), "ISO 3166-1 国家代码", "an ISO 3166-1 country code")
    assert context({"applicant": {}}).partners == ()
    assert ctx.field(ctx.applicant, "id", "x", "y") == "lead"


# ------------------------------------------------------------------ accessors

def missing(call) -> tuple:
    with pytest.raises(MissingInput) as raised:
        call()
    error = raised.value
    return error.segments, error.expected, error.expected_en, error.found


def test_accessors_name_what_they_expected() -> None:
    ctx = context({"n": 1.5, "i": 2, "s": " ", "b": 1, "a": {}, "m": [], "o": [{}, 3], "d": "2022-5-1"})
    assert missing(lambda: ctx.number("x")) == (("x",), "数字", "a number", MISSING)
    assert missing(lambda: ctx.integer("n")) == (("n",), "整数", "an integer", Decimal("1.5"))
    assert ctx.integer("i") == 2 and isinstance(ctx.integer("i"), int)
    assert missing(lambda: ctx.string("s")) == (("s",), "非空字符串", "a non-empty string", " ")
    assert missing(lambda: ctx.boolean("b")) == (("b",), "true 或 false", "true or false", Decimal(1))
    assert missing(lambda: ctx.array("a")) == (("a",), "数组", "an array", {})
    assert missing(lambda: ctx.optional_array("a"))[1:3] == ("数组", "an array")
    assert ctx.optional_array("nope") == [] and ctx.optional_array("m") == []
    assert missing(lambda: ctx.mapping("m")) == (("m",), "对象", "an object", [])
    assert missing(lambda: ctx.date("d")) == (("d",), "YYYY-MM-DD 格式的日期", "a YYYY-MM-DD date", "2022-5-1")
    assert missing(lambda: list(ctx.objects("o"))) == (("o", 1), "对象", "an object", Decimal(3))
    assert list(ctx.objects("nope", optional=True)) == []
    assert missing(lambda: list(ctx.objects("nope")))[0] == ("nope",)
    assert next(ctx.objects("o", optional=True)) == (("o", 0), {})


def test_raw_values_follow_the_path() -> None:
    ctx = context({"a": [{"b": 1}], "c": None})
    assert ctx.value("a", 0, "b") == 1 and ctx.value("c") is None and ctx.value() == ctx.bundle
    assert ctx.value("a", -1) is MISSING and ctx.value("a", 1) is MISSING and ctx.value("c", 0) is MISSING and ctx.value("a", "b") is MISSING


def test_submission_date_and_settings() -> None:
    assert context({"submitted_on": "2022-01-02"}, day=None).submitted_on == dt.date(2022, 1, 2)
    assert context({"submitted_on": "2022-01-02"}).submitted_on == dt.date(2022, 5, 10)
    ctx = Context({}, checked_on=dt.date(2022, 5, 10), settings={"a": 1}, call="c", topic="t", track="k")
    assert (ctx.setting("a"), ctx.setting("b"), ctx.setting("b", 2), ctx.call, ctx.topic, ctx.track) == (1, None, 2, "c", "t", "k")
    assert Context({}, checked_on=None).settings == {}


def test_the_implementation_period() -> None:
    assert context({"project": {"start_date": "2022-09-01", "end_date": "2022-09-01"}}).duration == Duration(0, 1)
    with pytest.raises(MissingInput) as raised:
        context({"project": {"start_date": "2022-09-01", "end_date": "2022-08-31"}}).duration
    error = raised.value
    assert (error.segments, error.expected, error.expected_en, error.found) == (
        ("project", "end_date"), "不早于开始日期 2022-09-01 的日期", "a date not before the start date 2022-09-01", "2022-08-31")


# ------------------------------------------------------------------ combinators

@attrs.frozen
class Fixed:
    outcome: object
    text: tuple = ("固定", "fixed")

    def check(self, ctx):
        return self.outcome

    def describe(self):
        return self.text


def test_all_of_joins_every_message_when_all_pass() -> None:
    rule = AllOf((Fixed(passed("甲", "a", ("x",), expected=1, actual=2)), Fixed(passed("乙", "b", ("y",), expected=3, actual=4))))
    assert facts(outcome(rule, {})) == {"status": "passed", "segments": ("x",), "message": "甲；乙", "message_en": "a; b", "expected": [1, 3], "actual": [2, 4]}
    assert AllOf([Fixed(passed("", ""))]).rules == (Fixed(passed("", "")),)


def test_all_of_reports_the_worst_first_and_the_other_problems() -> None:
    ok, note, bad = passed("好", "ok", ("a",)), review("看", "look", ("b",), actual=1), failed("坏", "bad", ("c",), expected=2)
    assert facts(outcome(AllOf((Fixed(ok), Fixed(note), Fixed(bad))), {})) == {
        "status": "failed", "segments": ("c",), "message": "坏；看", "message_en": "bad; look", "expected": 2, "actual": None}
    assert facts(outcome(AllOf((Fixed(note), Fixed(ok))), {})) == {
        "status": "needs_review", "segments": ("b",), "message": "看", "message_en": "look", "expected": None, "actual": 1}
    assert outcome(AllOf((Fixed(bad), Fixed(failed("糟", "worse")))), {}).message == "坏；糟"
    assert AllOf((Fixed(ok, ("一", "one")), Fixed(ok, ("二", "two")))).describe() == ("一；二", "one; two")


def test_per_track_runs_the_tracks_rule_and_names_the_tracks() -> None:
    rule = PerTrack({"a": Fixed(passed("甲", "a"), ("一", "one")), "b": Fixed(failed("乙", "b"), ("二", "two"))})
    assert outcome(rule, {}, track="b").message == "乙"
    assert facts(outcome(rule, {}, track="c")) == {
        "status": "failed", "segments": ("track",), "message": '无法检查：/track 的值 "c" 无效（应为之一：a、b）',
        "message_en": 'cannot check: /track is "c", expected one of a, b', "expected": "one of a, b", "actual": '"c"'}
    assert outcome(rule, {}, track=None).message == "无法检查：缺少 /track（应为之一：a、b）"
    assert rule.describe() == ("a：一；b：二", "a: one; b: two") and rule.tracks() == frozenset({"a", "b"})
    assert outcome(PerTrack({"a": SubsidyBounds(maximum=1)}), {}, track="a").segments == ("budget", "subsidy_requested")
    with pytest.raises(ValueError):
        PerTrack({})


# ------------------------------------------------------------------ parameter validators

def params():
    """A parameter class built when called, so that its validators are made by the code under test."""

    @attrs.frozen
    class Params:
        amount: object = attrs.field(default=None, validator=positive)
        floor: object = attrs.field(default=None, validator=non_negative)
        kinds: object = attrs.field(default=None, validator=subset_of({"a", "b"}))
        names: object = attrs.field(default=("x",), validator=non_empty_strings)

    return Params


@pytest.mark.parametrize("value", [0, -1, Decimal("-0.1"), True, 1.5, "1"])
def test_positive_numbers(value) -> None:
    with pytest.raises(ValueError, match=f"^Params.amount must be a positive number, got {value!r}$".replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        params()(amount=value)


@pytest.mark.parametrize("value", [-1, Decimal("-0.1"), False, 0.5, "0"])
def test_non_negative_numbers(value) -> None:
    with pytest.raises(ValueError, match=f"^Params.floor must be a non-negative number, got {value!r}$".replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        params()(floor=value)


def test_parameter_validators_accept_good_values() -> None:
    Params = params()
    assert Params(amount=Decimal("0.0001"), floor=0, kinds={"a"}, names=["n"]).floor == 0
    assert Params(amount=1, floor=Decimal(0), kinds={"a", "b"}).amount == 1 and Params().kinds is None
    with pytest.raises(ValueError, match=r"^Params.kinds: \['c'\] must be a non-empty subset of \['a', 'b'\]$"):
        Params(kinds={"c"})
    with pytest.raises(ValueError, match=r"^Params.kinds: \[\] must be a non-empty subset of \['a', 'b'\]$"):
        Params(kinds=set())
    for bad in ((), ("",), ("x", 1)):
        with pytest.raises(ValueError, match="^Params.names must be a non-empty collection of non-empty strings$"):
            Params(names=bad)


def test_money_parameters_are_exact() -> None:
    assert to_decimal(3) == Decimal(3) and to_decimal("0.1") == Decimal("0.1") and to_decimal(Decimal("2.5")) == Decimal("2.5")
    for bad in (0.1, True):
        with pytest.raises(TypeError, match=f"^money parameters are exact: give an int, a Decimal or a string, not {bad!r}$"):
            to_decimal(bad)
    assert optional_decimal(None) is None and optional_decimal("1") == Decimal(1)


def test_all_of_reports_a_review_after_a_pass() -> None:
    ok, note = passed("好", "ok", ("a",)), review("看", "look", ("b",))
    assert outcome(AllOf((Fixed(ok), Fixed(note))), {}).status.value == "needs_review"


def test_kind_and_country_must_be_strings() -> None:
    ctx = context({"applicant": {"id": "lead", "kind": 5, "country": ["CN"]}})
    assert missing(lambda: ctx.kind_of(ctx.applicant)) == (("applicant", "kind"), "单位类型", "an organization kind", Decimal(5))
    assert missing(lambda: ctx.country_of(ctx.applicant)) == (("applicant", "country"), "ISO 3166-1 国家代码", "an ISO 3166-1 country code", ["CN"])


def test_a_passed_outcome_says_the_words_it_was_given() -> None:
    outcome = passed_saying(lambda: (f"共 {1 + 1} 项", f"{1 + 1} in all"), ["a", 0], expected=2, actual=2)
    assert outcome == passed("共 2 项", "2 in all", ("a", 0), expected=2, actual=2)
    assert (outcome.message, outcome.message_en, outcome.segments) == ("共 2 项", "2 in all", ("a", 0))


class _Words:
    """The words of a passed outcome, counting how often they are said."""

    def __init__(self, message="共 2 项", message_en="2 in all") -> None:
        self.said = (message, message_en)
        self.calls = 0

    def __call__(self) -> tuple:
        self.calls += 1
        return self.said


def _saying(words: _Words, segments=("a", 0)):
    # a lambda, as a rule writes its words: it cannot be pickled, so a pickled outcome never holds it
    return passed_saying(lambda: words(), segments, expected=2, actual=Decimal("2.0"))


def test_a_passed_outcome_formats_its_words_only_when_a_message_is_first_read() -> None:
    words = _Words()
    outcome = _saying(words)
    assert words.calls == 0 and words_of(outcome) is not None
    assert outcome.status is Status.PASSED and outcome.segments == ("a", 0) and outcome.actual == Decimal("2.0") and words.calls == 0
    assert outcome.message_en == "2 in all" and words.calls == 1
    assert outcome.message == "共 2 项" and outcome.message_en == "2 in all" and words.calls == 1  # both set at once, kept
    assert words_of(outcome) is None  # the words are let go


@pytest.mark.parametrize("use", [
    lambda o: o.message, lambda o: o.message_en, repr, hash, str, lambda o: o == o, lambda o: __import__("pickle").dumps(o),
    lambda o: __import__("copy").copy(o), lambda o: __import__("copy").deepcopy(o), lambda o: attrs.evolve(o, actual=3), attrs.asdict,
])
def test_a_passed_outcome_said_later_is_the_value_said_at_once(use) -> None:
    import copy
    import pickle

    words = _Words()
    eager = passed("共 2 项", "2 in all", ("a", 0), expected=2, actual=Decimal("2.0"))
    lazy = _saying(words)
    use(lazy)  # whichever reads it first formats it, once
    assert words.calls == 1
    assert lazy == eager and eager == lazy and hash(lazy) == hash(eager) and repr(lazy) == repr(eager)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(lazy, protocol=protocol)) == eager
    assert copy.copy(lazy) == eager == copy.deepcopy(lazy) and attrs.evolve(lazy) == eager and attrs.asdict(lazy) == attrs.asdict(eager)
    assert words.calls == 1 and words_of(lazy) is None


def test_a_passed_outcome_said_later_differs_where_its_words_differ() -> None:
    assert _saying(_Words("甲", "a")) != _saying(_Words("乙", "a")) != passed("甲", "a", ("a", 0), expected=2, actual=Decimal("2.0"))
    assert _saying(_Words("甲", "a")) != _saying(_Words("甲", "a"), segments=("b",))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _saying(_Words()).nothing


def test_threads_reading_a_passed_outcome_said_later_see_one_message() -> None:
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(50):
        lazy = _saying(_Words())
        with ThreadPoolExecutor(max_workers=4) as pool:
            seen = list(pool.map(lambda name: getattr(lazy, name), ["message", "message_en"] * 8))
        assert seen == ["共 2 项", "2 in all"] * 8 and lazy == passed("共 2 项", "2 in all", ("a", 0), expected=2, actual=Decimal("2.0"))


def test_all_of_passed_outcomes_said_later_joins_their_words_when_first_read() -> None:
    first, second = _Words("甲", "a"), _Words("乙", "b")
    lazy = outcome(AllOf((Fixed(_saying(first)), Fixed(_saying(second, ("c",))))), {})
    assert (first.calls, second.calls) == (0, 0) and words_of(lazy) is not None
    eager = outcome(AllOf((Fixed(passed("甲", "a", ("a", 0), expected=2, actual=Decimal("2.0"))), Fixed(passed("乙", "b", ("c",), expected=2, actual=Decimal("2.0"))))), {})
    assert lazy == eager and (lazy.message, lazy.message_en) == ("甲；乙", "a; b") and (first.calls, second.calls) == (1, 1)
    assert lazy.segments == ("a", 0) and lazy.expected == [2, 2]


@given(part=st.integers(min_value=0, max_value=10**6), whole=st.integers(min_value=1, max_value=10**6))
@example(part=120, whole=165)  # 72.72…: down
@example(part=1, whole=8)  # 12.5 exactly: kept
@example(part=1, whole=16)  # 6.25: a tie, to the even 6.2
@example(part=3, whole=16)  # 18.75: a tie, to the even 18.8
@example(part=2, whole=3)  # 66.66…: up
@example(part=0, whole=7)
def test_tenths_of_percent_rounds_half_to_even_exactly(part: int, whole: int) -> None:
    found = tenths_of_percent(part, whole)
    assert Fraction(found) == round(Fraction(part * 100, whole), 1) and found.as_tuple().exponent == -1
