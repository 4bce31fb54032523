from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.base import Duration
from appcheck.rules.dates import DurationMonths

from .helpers import outcome, status


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
