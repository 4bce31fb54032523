from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.base import Duration
from appcheck.rules.dates import DurationMonths
from appcheck.rules.schedule import ForeignDeadline, OnsiteEveryYear

from .helpers import facts, outcome, status
from .messages import dates as cases
from .messages.dates import EXACT, MID, ONSITE, TBD, plan


def period(start: dt.date, end: dt.date) -> dict:
    return {"project": {"start_date": start.isoformat(), "end_date": end.isoformat()}}


def test_duration_is_inclusive_calendar_months() -> None:
    assert Duration.between(dt.date(2026, 1, 1), dt.date(2028, 12, 31)) == Duration(36, 0)
    assert Duration.between(dt.date(2026, 1, 1), dt.date(2029, 1, 1)) == Duration(36, 1)
    assert Duration.between(dt.date(2022, 7, 1), dt.date(2023, 6, 30)) == Duration(12, 0)
    # dateutil: a year from 29 February is 28 February, so this period is exactly 12 months
    assert Duration.between(dt.date(2024, 2, 29), dt.date(2025, 2, 27)) == Duration(12, 0)
    # and a month from 31 January is the last day of February
    assert Duration.between(dt.date(2024, 1, 31), dt.date(2024, 2, 28)) == Duration(1, 0)


START = dt.date(2022, 9, 1)


@given(st.integers(300, 1500))
@example(730).via("2022-09-01..2024-08-31: exactly 24 months")
@example(731)
@example(729)
def test_exactly_24_months(days) -> None:
    end = START + dt.timedelta(days=days)
    reference = end == START + relativedelta(months=24) - dt.timedelta(days=1)
    assert (status(DurationMonths(24, 24), period(START, end)) == "passed") == reference


@given(st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31)), st.integers(0, 1500))
def test_at_most_36_months(start, days) -> None:
    end = start + dt.timedelta(days=days)
    assert (status(DurationMonths(maximum=36), period(start, end)) == "passed") == (end < start + relativedelta(months=36))


@given(st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31)), st.integers(0, 1500))
def test_at_least_24_months(start, days) -> None:
    end = start + dt.timedelta(days=days)
    assert (status(DurationMonths(minimum=24), period(start, end)) == "passed") == (end + dt.timedelta(days=1) >= start + relativedelta(months=24))


def test_end_before_start_fails_on_end() -> None:
    result = outcome(DurationMonths(maximum=36), period(dt.date(2022, 1, 1), dt.date(2021, 12, 31)))
    assert result.status.value == "failed" and result.segments == ("project", "end_date")


@pytest.mark.parametrize("dates", [{}, {"start_date": "2022-01-01"}, {"start_date": "2022-01-01", "end_date": "2022-13-01"}, {"start_date": "2022-1-1", "end_date": "2023-01-01"}, {"start_date": "２０２２-01-01", "end_date": "2023-01-01"}])
def test_missing_or_malformed_dates_fail(dates) -> None:
    assert status(DurationMonths(maximum=36), {"project": dates}) == "failed"


@pytest.mark.parametrize("bad", [dict(), dict(minimum=0), dict(maximum=True), dict(minimum=30, maximum=24), dict(maximum=2.5)])
def test_bad_duration_parameters(bad) -> None:
    with pytest.raises(ValueError):
        DurationMonths(**bad)


# ------------------------------------------------------------------ parameters are checked when a rule is built

def test_duration_bounds_are_checked_when_built() -> None:
    with pytest.raises(ValueError, match="^DurationMonths needs a minimum, a maximum or both$"):
        DurationMonths()
    with pytest.raises(ValueError, match="^DurationMonths: minimum 25 exceeds maximum 24$"):
        DurationMonths(25, 24)
    for bad in (0, -1, True, 1.5, "12"):
        with pytest.raises(ValueError, match=f"^DurationMonths.maximum must be a positive whole number of months, got {bad!r}$".replace(".", r"\.")):
            DurationMonths(maximum=bad)
    assert DurationMonths(1, 1).minimum == 1 and DurationMonths(minimum=1).maximum is None and DurationMonths(maximum=1).minimum is None


@pytest.mark.parametrize("kwargs,message", [
    ({"kind": "exact", "day": 9, "year": 2021}, "^ForeignDeadline\\('8月9日'\\): a deadline of kind 'exact' needs a month$"),
    ({"kind": "exact", "month": 8, "year": 2021}, "^ForeignDeadline\\('8月9日'\\): an exact deadline needs a day$"),
    ({"kind": "mid", "month": 8}, "^ForeignDeadline\\('8月9日'\\): give a year or a year setting$"),
    ({"kind": "mid", "month": 8, "year_setting": "y"}, "^ForeignDeadline\\('8月9日'\\): a year setting needs a default year$"),
    ({"kind": "exact", "month": 13, "day": 1, "year": 2021}, "^ForeignDeadline.month must be a month 1-12, got 13$"),
    ({"kind": "exact", "month": 0, "day": 1, "year": 2021}, "^ForeignDeadline.month must be a month 1-12, got 0$"),
    ({"kind": "exact", "month": True, "day": 1, "year": 2021}, "^ForeignDeadline.month must be a month 1-12, got True$"),
    ({"kind": "exact", "month": 2, "day": 30, "year": 2021}, "day is out of range for month"),
])
def test_deadlines_are_checked_when_built(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        ForeignDeadline("8月9日", **kwargs)


def test_deadline_parameters_that_are_fine() -> None:
    assert ForeignDeadline("待定", "tbd").month is None
    assert ForeignDeadline("12月31日", "exact", month=12, day=31, year=2021).day == 31
    assert ForeignDeadline("1月中旬", "mid", month=1, year=2021).year_offset == 0
    for bad in ({"wording": "", "kind": "tbd"}, {"wording": "x", "kind": "soon"}):
        with pytest.raises(ValueError):
            ForeignDeadline(**bad)


def test_deadline_dates() -> None:
    from .helpers import context

    ctx = context({})
    assert EXACT.deadline(ctx) == (dt.date(2021, 8, 9), dt.date(2021, 8, 9), "", "")
    assert MID.deadline(ctx) == (dt.date(2026, 3, 10), dt.date(2026, 3, 20), "（年份取默认值 2025，设置 call_year 未改）", " (year: the default 2025; setting call_year not changed)")
    assert TBD.deadline(ctx) is None
    assert outcome(EXACT, {}).segments == ("foreign_submission", "submitted_on")


def test_project_years() -> None:
    years = OnsiteEveryYear.project_years
    assert years(dt.date(2026, 1, 1), dt.date(2028, 12, 31)) == 3
    assert years(dt.date(2026, 1, 1), dt.date(2029, 1, 1)) == 4
    assert years(dt.date(2026, 1, 1), dt.date(2026, 1, 1)) == 1
    assert years(dt.date(2026, 1, 2), dt.date(2026, 1, 1)) == 0


def test_onsite_parameters_and_inputs() -> None:
    for bad in (0, 1.5, "15"):
        with pytest.raises((ValueError, TypeError)):
            OnsiteEveryYear(bad)
    result = outcome(ONSITE, plan((1, 15), start="2026-01-02", end="2026-01-01"))
    assert (result.segments, result.expected) == (("project", "end_date"), "a date not before the start date 2026-01-02")
    assert outcome(ONSITE, cases.period("2026-01-01", "2026-12-31")).segments == ("onsite_plan",)
    assert outcome(ONSITE, plan((1, 15), end="2026-12-31")).status.value == "passed"


def test_a_long_plan_is_shortened_in_the_message() -> None:
    result = outcome(OnsiteEveryYear(1), plan(*[(y, 1) for y in range(1, 12)], end="2036-12-31"))
    assert result.message.endswith("第10年 1 天……") and result.message_en.endswith("year 10: 1 day, …") and len(result.actual) == 11
    result = outcome(OnsiteEveryYear(1), plan(*[(y, 1) for y in range(1, 11)], end="2035-12-31"))
    assert result.message.endswith("第10年 1 天") and result.message_en.endswith("year 10: 1 day")


def test_deadline_years_and_leap_days() -> None:
    from .helpers import context

    assert ForeignDeadline("2月29日", "exact", month=2, day=29, year=2024).day == 29
    assert ForeignDeadline("8月9日", "exact", month=8, day=9, year=2021, year_offset=1).deadline(context({}))[0] == dt.date(2022, 8, 9)
    assert ForeignDeadline("3月中旬", "mid", month=3, year_setting="y", default_year=2025).describe()[1] == (
        "the partner side applies by 3月中旬 (year y (default 2025)); mid-month: by the 10th passes, the 11th-20th needs review")
    assert ForeignDeadline("3月中旬", "mid", month=3, year_setting="y", default_year=2025).describe()[0].startswith("外方不晚于3月中旬（年份 y（默认 2025））申报")


def test_a_one_day_period_has_one_project_year_and_an_inverted_one_fails() -> None:
    assert outcome(ONSITE, plan((1, 15), start="2026-01-01", end="2026-01-01")).status.value == "passed"
    assert facts(outcome(ONSITE, plan((1, 15), start="2026-01-02", end="2026-01-01"))) == {
        "status": "failed", "segments": ("project", "end_date"),
        "message": '无法检查：/project/end_date 的值 "2026-01-01" 无效（应为不早于开始日期 2026-01-02 的日期）',
        "message_en": 'cannot check: /project/end_date is "2026-01-01", expected a date not before the start date 2026-01-02',
        "expected": "a date not before the start date 2026-01-02", "actual": '"2026-01-01"',
    }


def test_at_most_fifty_project_years_are_listed_in_actual() -> None:
    result = outcome(OnsiteEveryYear(1), plan(*[(y, 1) for y in range(1, 61)], end="2085-12-31"))
    assert result.status.value == "passed" and len(result.actual) == 50 and result.actual[-1] == {"project_year": 50, "days": 1}
