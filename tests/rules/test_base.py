from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appcheck.model import Status
from appcheck.rules.base import (
    AllOf, Context, Duration, MISSING, MissingInput, Outcome, PerTrack, _severity, add_months, as_date, as_decimal, failed, money, months_between, passed, percent, plain, review,
)
from appcheck.rules.dates import DurationMonths
from appcheck.rules.funding import SubsidyBounds

from .helpers import context, outcome

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
