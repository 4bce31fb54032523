"""ForeignDeadline and OnsiteEveryYear (the Zhejiang calls' deadlines and on-site years)."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.engine import normalize
from appcheck.rules.base import Context, run
from appcheck.rules.schedule import ForeignDeadline, OnsiteEveryYear

DAY = dt.date(2021, 9, 15)
YEAR = "zj-2022.deadline_year"


def status(rule, bundle: dict, settings: dict | None = None, day: dt.date = DAY) -> str:
    return outcome(rule, bundle, settings, day).status.value


def outcome(rule, bundle: dict, settings: dict | None = None, day: dt.date = DAY):
    return run(rule, Context(normalize(bundle), checked_on=day, settings=settings or {}, call="zj-2022", topic="t"))


def foreign(day: dt.date | str) -> dict:
    return {"foreign_submission": {"agency": "FFG", "submitted_on": day if isinstance(day, str) else day.isoformat()}}


EXACT = ForeignDeadline("8月9日", "exact", month=8, day=9, year_setting=YEAR, default_year=2021)
MID = ForeignDeadline("10月中旬", "mid", month=10, year_setting=YEAR, default_year=2021)
NEXT_MID = ForeignDeadline("次年3月中旬", "mid", month=3, year_setting=YEAR, default_year=2021, year_offset=1)
FIXED = ForeignDeadline("2025年7月3日", "exact", month=7, day=3, year=2025)
TBD = ForeignDeadline("待定", "tbd")


@given(st.dates(dt.date(2021, 1, 1), dt.date(2022, 12, 31)))
@example(dt.date(2021, 8, 9))
@example(dt.date(2021, 8, 8))
@example(dt.date(2021, 8, 10))
def test_exact_deadline(day) -> None:
    assert (status(EXACT, foreign(day)) == "passed") == (day <= dt.date(2021, 8, 9))
    assert status(EXACT, foreign(day)) in ("passed", "failed")


@given(st.dates(dt.date(2021, 1, 1), dt.date(2022, 12, 31)))
@example(dt.date(2021, 10, 10))
@example(dt.date(2021, 10, 11))
@example(dt.date(2021, 10, 20))
@example(dt.date(2021, 10, 21))
@example(dt.date(2021, 10, 9))
def test_mid_month_deadline(day) -> None:
    expected = "passed" if day <= dt.date(2021, 10, 10) else "needs_review" if day <= dt.date(2021, 10, 20) else "failed"
    assert status(MID, foreign(day)) == expected


@given(st.dates(dt.date(2021, 1, 1), dt.date(2023, 12, 31)))
@example(dt.date(2022, 3, 10))
@example(dt.date(2022, 3, 11))
@example(dt.date(2022, 3, 20))
@example(dt.date(2022, 3, 21))
def test_next_year_mid_month(day) -> None:
    expected = "passed" if day <= dt.date(2022, 3, 10) else "needs_review" if day <= dt.date(2022, 3, 20) else "failed"
    assert status(NEXT_MID, foreign(day)) == expected


def test_the_year_comes_from_the_setting() -> None:
    assert status(EXACT, foreign("2022-08-09")) == "failed"  # default 2021
    assert status(EXACT, foreign("2022-08-09"), {YEAR: 2022}) == "passed"
    assert status(EXACT, foreign("2022-08-10"), {YEAR: 2022}) == "failed"
    assert status(NEXT_MID, foreign("2023-03-10"), {YEAR: 2022}) == "passed"
    result = outcome(EXACT, foreign("2022-08-10"), {YEAR: 2022})
    assert "2022-08-09" in result.message and "2022-08-09" in result.message_en and result.actual == dt.date(2022, 8, 10)


@given(st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)))
@example(dt.date(2025, 7, 3))
@example(dt.date(2025, 7, 2))
@example(dt.date(2025, 7, 4))
def test_fixed_date(day) -> None:
    assert (status(FIXED, foreign(day)) == "passed") == (day <= dt.date(2025, 7, 3))


def test_to_be_agreed_needs_review_with_a_date() -> None:
    assert status(TBD, foreign("2025-12-01")) == "needs_review"
    assert "待定" in outcome(TBD, foreign("2025-12-01")).message


@pytest.mark.parametrize("rule", [EXACT, MID, FIXED, TBD])
@pytest.mark.parametrize("bundle", [{}, {"foreign_submission": {"agency": "FFG"}}, foreign("2021-8-1"), foreign("2021-02-30")])
def test_missing_or_malformed_date_fails(rule, bundle) -> None:
    result = outcome(rule, bundle)
    assert result.status.value == "failed"
    assert result.segments[0] == "foreign_submission"


DOMESTIC = ForeignDeadline("2025年9月25日", "exact", month=9, day=25, year=2025, domestic_setting="zj-2026.domestic_deadline")


def test_domestic_deadline_setting() -> None:
    bundle = foreign("2025-09-01")
    assert status(DOMESTIC, bundle, day=dt.date(2025, 10, 1)) == "passed"  # unset: not checked
    assert "未检查" in outcome(DOMESTIC, bundle, day=dt.date(2025, 10, 1)).message
    settings = {"zj-2026.domestic_deadline": dt.date(2025, 9, 30)}
    assert status(DOMESTIC, bundle, settings, day=dt.date(2025, 9, 30)) == "passed"
    assert status(DOMESTIC, bundle, settings, day=dt.date(2025, 10, 1)) == "failed"
    assert outcome(DOMESTIC, bundle, settings, day=dt.date(2025, 10, 1)).segments == ("submitted_on",)
    assert status(DOMESTIC, bundle, {"zj-2026.domestic_deadline": "2025-09-30"}, day=dt.date(2025, 9, 29)) == "passed"
    tbd = ForeignDeadline("待定", "tbd", domestic_setting="zj-2026.domestic_deadline")
    assert status(tbd, bundle, settings, day=dt.date(2025, 10, 1)) == "failed"
    assert status(tbd, bundle, settings, day=dt.date(2025, 9, 1)) == "needs_review"


@pytest.mark.parametrize("kwargs", [
    {"wording": "x", "kind": "soon"},
    {"wording": "x", "kind": "exact", "month": 8},
    {"wording": "x", "kind": "exact", "month": 13, "day": 1, "year": 2021},
    {"wording": "x", "kind": "exact", "month": 2, "day": 30, "year": 2021},
    {"wording": "x", "kind": "mid"},
    {"wording": "x", "kind": "mid", "month": 3},
    {"wording": "x", "kind": "mid", "month": 3, "year_setting": YEAR},
])
def test_bad_parameters(kwargs) -> None:
    with pytest.raises(ValueError):
        ForeignDeadline(**kwargs)


def test_describe_names_the_wording() -> None:
    for rule in (EXACT, MID, NEXT_MID, FIXED, TBD, DOMESTIC):
        zh, en = rule.describe()
        assert rule.wording in zh and rule.wording in en


# ----------------------------------------------------------------------------- on site


def plan(start: dt.date, end: dt.date, days: list[int]) -> dict:
    return {"project": {"start_date": start.isoformat(), "end_date": end.isoformat()},
            "onsite_plan": [{"project_year": year, "days": d} for year, d in enumerate(days, 1)]}


ONSITE = OnsiteEveryYear(15)
START = dt.date(2026, 1, 1)


def test_project_years() -> None:
    assert OnsiteEveryYear.project_years(START, dt.date(2028, 12, 31)) == 3
    assert OnsiteEveryYear.project_years(START, dt.date(2029, 1, 1)) == 4
    assert OnsiteEveryYear.project_years(START, dt.date(2027, 6, 30)) == 2
    assert OnsiteEveryYear.project_years(START, START) == 1
    assert OnsiteEveryYear.project_years(dt.date(2024, 2, 29), dt.date(2025, 2, 27)) == 1
    assert OnsiteEveryYear.project_years(dt.date(2024, 2, 29), dt.date(2025, 2, 28)) == 2


@given(st.dates(dt.date(2020, 1, 1), dt.date(2027, 12, 31)), st.integers(0, 1500))
def test_years_against_reference(start, length) -> None:
    end = start + dt.timedelta(days=length)
    reference = sum(1 for n in range(10) if start + relativedelta(years=n) <= end)
    assert OnsiteEveryYear.project_years(start, end) == reference


@given(st.integers(0, 60))
@example(15)
@example(14)
@example(16)
def test_every_year_at_least_15_days(days) -> None:
    for year in range(3):
        values = [20, 20, 20]
        values[year] = days
        assert (status(ONSITE, plan(START, dt.date(2028, 12, 31), values)) == "passed") == (days >= 15)


def test_a_missing_year_fails_and_is_named() -> None:
    result = outcome(ONSITE, plan(START, dt.date(2028, 12, 31), [20, 20]))
    assert result.status.value == "failed"
    assert "第 3 个项目年度" in result.message and "project year 3" in result.message_en
    assert result.actual == [{"project_year": 1, "days": 20}, {"project_year": 2, "days": 20}, {"project_year": 3, "days": 0}]


def test_a_last_partial_year_counts() -> None:
    assert status(ONSITE, plan(START, dt.date(2029, 1, 1), [15, 15, 15])) == "failed"
    assert status(ONSITE, plan(START, dt.date(2029, 1, 1), [15, 15, 15, 15])) == "passed"
    assert status(ONSITE, plan(START, dt.date(2027, 3, 31), [15, 15])) == "passed"


def test_days_of_one_year_add_up() -> None:
    bundle = plan(START, dt.date(2026, 12, 31), [])
    bundle["onsite_plan"] = [{"project_year": 1, "days": 7}, {"project_year": 1, "days": 8}, {"project_year": 5, "days": 1}]
    assert status(ONSITE, bundle) == "passed"
    bundle["onsite_plan"][1]["days"] = 7
    assert status(ONSITE, bundle) == "failed"


@pytest.mark.parametrize("bundle", [
    {"project": {"start_date": "2026-01-01", "end_date": "2028-12-31"}},
    {"project": {"start_date": "2026-01-01"}, "onsite_plan": []},
    {"project": {"start_date": "2026-01-01", "end_date": "2025-12-31"}, "onsite_plan": [{"project_year": 1, "days": 30}]},
    {"project": {"start_date": "2026-01-01", "end_date": "2026-12-31"}, "onsite_plan": [{"project_year": 1}]},
    {"project": {"start_date": "2026-01-01", "end_date": "2026-12-31"}, "onsite_plan": ["x"]},
])
def test_missing_input_fails(bundle) -> None:
    assert status(ONSITE, bundle) == "failed"


def test_far_dates_do_not_crash() -> None:
    assert status(ONSITE, plan(dt.date(9990, 1, 1), dt.date(9999, 12, 31), [15] * 9)) == "failed"
    assert status(ONSITE, plan(dt.date(9998, 1, 1), dt.date(9999, 12, 31), [15, 15])) == "passed"


def test_bad_minimum() -> None:
    with pytest.raises((ValueError, TypeError)):
        OnsiteEveryYear(0)
