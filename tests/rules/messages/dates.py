"""What the date rules report, exactly: status, where, both messages with the dates, expected and
actual, and how each rule describes itself."""

from __future__ import annotations

import datetime as dt

from appcheck.rules.dates import DurationMonths
from appcheck.rules.schedule import ForeignDeadline, OnsiteEveryYear


TWO_YEARS = DurationMonths(24, 24)
UP_TO_THREE = DurationMonths(maximum=36)
AT_LEAST_ONE = DurationMonths(minimum=12)
RANGE = DurationMonths(12, 36)
EXACT = ForeignDeadline("8月9日", "exact", month=8, day=9, year=2021)
MID = ForeignDeadline("次年3月中旬", "mid", month=3, year_setting="call_year", default_year=2025, year_offset=1, domestic_setting="domestic_deadline")
TBD = ForeignDeadline("待定", "tbd", domestic_setting="domestic_deadline")
ONSITE = OnsiteEveryYear(15)


def period(start, end, **extra) -> dict:
    return {"project": {"start_date": start, "end_date": end}, **extra}


def foreign(day, **extra) -> dict:
    return {"foreign_submission": {"submitted_on": day}, **extra}


def plan(*entries, start="2026-01-01", end="2028-12-31") -> dict:
    return period(start, end, onsite_plan=[{"project_year": y, "days": d} for y, d in entries])


CASES = {
    "two years": (TWO_YEARS, period("2022-07-01", "2024-06-30"), {}),
    "two years and a day": (TWO_YEARS, period("2022-07-01", "2024-07-01"), {}),
    "a day short of two years": (TWO_YEARS, period("2022-07-01", "2024-06-29"), {}),
    "at most three years": (UP_TO_THREE, period("2022-01-01", "2024-12-31"), {}),
    "at least a year": (AT_LEAST_ONE, period("2022-01-01", "2022-12-30"), {}),
    "within a range": (RANGE, period("2022-01-01", "2022-12-31"), {}),
    "exact deadline kept": (EXACT, foreign("2021-08-09"), {}),
    "exact deadline missed": (EXACT, foreign("2021-08-10"), {}),
    "mid-month, early": (MID, foreign("2026-03-10"), {}),
    "mid-month, to review": (MID, foreign("2026-03-11"), {"settings": {"call_year": 2025, "domestic_deadline": "2026-06-01"}}),
    "mid-month, the 20th": (MID, foreign("2027-03-20"), {"settings": {"call_year": "2026"}}),
    "mid-month, missed": (MID, foreign("2026-03-21"), {}),
    "domestic deadline missed": (MID, foreign("2026-03-01"), {"settings": {"domestic_deadline": dt.date(2022, 5, 9)}}),
    "domestic deadline kept": (TBD, foreign("2026-03-01"), {"settings": {"domestic_deadline": "2022-05-10"}}),
    "deadline to be agreed": (TBD, foreign("2026-03-01"), {}),
    "every year on site": (ONSITE, plan((1, 15), (2, 10), (2, 10), (3, 15), (4, 1)), {}),
    "a year short": (ONSITE, plan((1, 15), (3, 15), (2, 14)), {}),
    "a last partial year": (ONSITE, plan((1, 15), (2, 15), (3, 15), end="2029-01-01"), {}),
    "a leap-day start": (ONSITE, plan((1, 15), start="2024-02-29", end="2025-02-28"), {}),
}

DESCRIBED = {
    "two years": TWO_YEARS,
    "up to three": UP_TO_THREE,
    "at least one": AT_LEAST_ONE,
    "range": RANGE,
    "exact": EXACT,
    "mid": MID,
    "mid, fixed year": ForeignDeadline("10月中旬", "mid", month=10, year=2021, year_offset=1),
    "tbd": TBD,
    "onsite": ONSITE,
}

OUTCOMES = {
    'two years': {
        'status': 'passed',
        'segments': ('project', 'end_date'),
        'message': '实施周期 2022-07-01 至 2024-06-30 为 24 个月，恰为 24 个月',
        'message_en': 'the implementation period 2022-07-01 to 2024-06-30 is 24 months, exactly 24 months',
        'expected': {'minimum_months': 24, 'maximum_months': 24},
        'actual': {'months': 24, 'days': 0},
    },
    'two years and a day': {
        'status': 'failed',
        'segments': ('project', 'end_date'),
        'message': '实施周期 2022-07-01 至 2024-07-01 为 24 个月 1 天，应恰为 24 个月',
        'message_en': 'the implementation period 2022-07-01 to 2024-07-01 is 24 months 1 day, expected exactly 24 months',
        'expected': {'minimum_months': 24, 'maximum_months': 24},
        'actual': {'months': 24, 'days': 1},
    },
    'a day short of two years': {
        'status': 'failed',
        'segments': ('project', 'end_date'),
        'message': '实施周期 2022-07-01 至 2024-06-29 为 23 个月 29 天，应恰为 24 个月',
        'message_en': 'the implementation period 2022-07-01 to 2024-06-29 is 23 months 29 days, expected exactly 24 months',
        'expected': {'minimum_months': 24, 'maximum_months': 24},
        'actual': {'months': 23, 'days': 29},
    },
    'at most three years': {
        'status': 'passed',
        'segments': ('project', 'end_date'),
        'message': '实施周期 2022-01-01 至 2024-12-31 为 36 个月，不超过 36 个月',
        'message_en': 'the implementation period 2022-01-01 to 2024-12-31 is 36 months, at most 36 months',
        'expected': {'minimum_months': None, 'maximum_months': 36},
        'actual': {'months': 36, 'days': 0},
    },
    'at least a year': {
        'status': 'failed',
        'segments': ('project', 'end_date'),
        'message': '实施周期 2022-01-01 至 2022-12-30 为 11 个月 30 天，应不少于 12 个月',
        'message_en': 'the implementation period 2022-01-01 to 2022-12-30 is 11 months 30 days, expected at least 12 months',
        'expected': {'minimum_months': 12, 'maximum_months': None},
        'actual': {'months': 11, 'days': 30},
    },
    'within a range': {
        'status': 'passed',
        'segments': ('project', 'end_date'),
        'message': '实施周期 2022-01-01 至 2022-12-31 为 12 个月，为 12–36 个月',
        'message_en': 'the implementation period 2022-01-01 to 2022-12-31 is 12 months, between 12 and 36 months',
        'expected': {'minimum_months': 12, 'maximum_months': 36},
        'actual': {'months': 12, 'days': 0},
    },
    'exact deadline kept': {
        'status': 'passed',
        'segments': ('foreign_submission', 'submitted_on'),
        'message': '外方于 2021-08-09 申报，不晚于外方截止时间8月9日（2021-08-09）',
        'message_en': 'the partner side applied on 2021-08-09, by the foreign deadline 8月9日 (2021-08-09)',
        'expected': 'on or before 2021-08-09',
        'actual': dt.date(2021, 8, 9),
    },
    'exact deadline missed': {
        'status': 'failed',
        'segments': ('foreign_submission', 'submitted_on'),
        'message': '外方于 2021-08-10 申报，晚于外方截止时间8月9日（2021-08-09）',
        'message_en': 'the partner side applied on 2021-08-10, after the foreign deadline 8月9日 (2021-08-09)',
        'expected': 'on or before 2021-08-09',
        'actual': dt.date(2021, 8, 10),
    },
    'mid-month, early': {
        'status': 'passed',
        'segments': ('foreign_submission', 'submitted_on'),
        'message': '外方于 2026-03-10 申报，不晚于外方截止时间次年3月中旬（2026-03-10）（年份取默认值 2025，设置 call_year 未改）；省内截止日期未设置（domestic_deadline），未检查',
        'message_en': 'the partner side applied on 2026-03-10, by the foreign deadline 次年3月中旬 (2026-03-10) (year: the default 2025; setting call_year not changed); the domestic deadline (domestic_deadline) is not set and not checked',
        'expected': 'on or before 2026-03-10',
        'actual': dt.date(2026, 3, 10),
    },
    'mid-month, to review': {
        'status': 'needs_review',
        'segments': ('foreign_submission', 'submitted_on'),
        'message': '外方于 2026-03-11 申报；外方截止时间为次年3月中旬（2026-03-11 至 2026-03-20），具体日期未印明，需核实（年份取默认值 2025，设置 call_year 未改）',
        'message_en': 'the partner side applied on 2026-03-11, within 次年3月中旬 (2026-03-11 to 2026-03-20); the exact deadline is not printed and must be checked (year: the default 2025; setting call_year not changed)',
        'expected': 'on or before 2026-03-20',
        'actual': dt.date(2026, 3, 11),
    },
    'mid-month, the 20th': {
        'status': 'needs_review',
        'segments': ('foreign_submission', 'submitted_on'),
        'message': '外方于 2027-03-20 申报；外方截止时间为次年3月中旬（2027-03-11 至 2027-03-20），具体日期未印明，需核实（年份取设置 call_year=2026，默认 2025）；省内截止日期未设置（domestic_deadline），未检查',
        'message_en': 'the partner side applied on 2027-03-20, within 次年3月中旬 (2027-03-11 to 2027-03-20); the exact deadline is not printed and must be checked (year from the setting call_year=2026; default 2025); the domestic deadline (domestic_deadline) is not set and not checked',
        'expected': 'on or before 2027-03-20',
        'actual': dt.date(2027, 3, 20),
    },
    'mid-month, missed': {
        'status': 'failed',
        'segments': ('foreign_submission', 'submitted_on'),
        'message': '外方于 2026-03-21 申报，晚于外方截止时间次年3月中旬（2026-03-20）（年份取默认值 2025，设置 call_year 未改）',
        'message_en': 'the partner side applied on 2026-03-21, after the foreign deadline 次年3月中旬 (2026-03-20) (year: the default 2025; setting call_year not changed)',
        'expected': 'on or before 2026-03-20',
        'actual': dt.date(2026, 3, 21),
    },
    'domestic deadline missed': {
        'status': 'failed',
        'segments': ('submitted_on',),
        'message': '浙方申报日期 2022-05-10 晚于省内截止日期 2022-05-09（设置 domestic_deadline）',
        'message_en': 'the domestic submission on 2022-05-10 is after the domestic deadline 2022-05-09 (setting domestic_deadline)',
        'expected': 'on or before 2022-05-09',
        'actual': dt.date(2022, 5, 10),
    },
    'domestic deadline kept': {
        'status': 'needs_review',
        'segments': ('foreign_submission', 'submitted_on'),
        'message': '外方于 2026-03-01 申报；外方截止时间待定，需核实是否在双方商定的截止时间前',
        'message_en': 'the partner side applied on 2026-03-01; the foreign deadline is not fixed (待定): check it against the agreed deadline',
        'expected': '待定',
        'actual': dt.date(2026, 3, 1),
    },
    'deadline to be agreed': {
        'status': 'needs_review',
        'segments': ('foreign_submission', 'submitted_on'),
        'message': '外方于 2026-03-01 申报；外方截止时间待定，需核实是否在双方商定的截止时间前；省内截止日期未设置（domestic_deadline），未检查',
        'message_en': 'the partner side applied on 2026-03-01; the foreign deadline is not fixed (待定): check it against the agreed deadline; the domestic deadline (domestic_deadline) is not set and not checked',
        'expected': '待定',
        'actual': dt.date(2026, 3, 1),
    },
    'every year on site': {
        'status': 'passed',
        'segments': ('onsite_plan',),
        'message': '实施期 3 个项目年度每年赴帮扶地均不少于 15 天：第1年 15 天、第2年 20 天、第3年 15 天',
        'message_en': 'each of the 3 project years plans at least 15 days on site: year 1: 15 days, year 2: 20 days, year 3: 15 days',
        'expected': {'years': 3, 'min_days': 15},
        'actual': [{'project_year': 1, 'days': 15}, {'project_year': 2, 'days': 20}, {'project_year': 3, 'days': 15}],
    },
    'a year short': {
        'status': 'failed',
        'segments': ('onsite_plan',),
        'message': '第 2 个项目年度（2027-01-01 至 2027-12-31）计划赴帮扶地 14 天，要求不少于 15 天（实施期共 3 个年度）',
        'message_en': 'project year 2 (2027-01-01 to 2027-12-31) plans 14 days on site, at least 15 required (3 project years in all)',
        'expected': {'years': 3, 'min_days': 15},
        'actual': [{'project_year': 1, 'days': 15}, {'project_year': 2, 'days': 14}, {'project_year': 3, 'days': 15}],
    },
    'a last partial year': {
        'status': 'failed',
        'segments': ('onsite_plan',),
        'message': '第 4 个项目年度（2029-01-01 至 2029-01-01）计划赴帮扶地 0 天，要求不少于 15 天（实施期共 4 个年度）',
        'message_en': 'project year 4 (2029-01-01 to 2029-01-01) plans 0 days on site, at least 15 required (4 project years in all)',
        'expected': {'years': 4, 'min_days': 15},
        'actual': [{'project_year': 1, 'days': 15}, {'project_year': 2, 'days': 15}, {'project_year': 3, 'days': 15}, {'project_year': 4, 'days': 0}],
    },
    'a leap-day start': {
        'status': 'failed',
        'segments': ('onsite_plan',),
        'message': '第 2 个项目年度（2025-02-28 至 2025-02-28）计划赴帮扶地 0 天，要求不少于 15 天（实施期共 2 个年度）',
        'message_en': 'project year 2 (2025-02-28 to 2025-02-28) plans 0 days on site, at least 15 required (2 project years in all)',
        'expected': {'years': 2, 'min_days': 15},
        'actual': [{'project_year': 1, 'days': 15}, {'project_year': 2, 'days': 0}],
    },
}

DESCRIPTIONS = {
    'two years': (
        '实施周期恰为 24 个月',
        'the implementation period is exactly 24 months',
    ),
    'up to three': (
        '实施周期不超过 36 个月',
        'the implementation period is at most 36 months',
    ),
    'at least one': (
        '实施周期不少于 12 个月',
        'the implementation period is at least 12 months',
    ),
    'range': (
        '实施周期为 12–36 个月',
        'the implementation period is between 12 and 36 months',
    ),
    'exact': (
        '外方不晚于8月9日（年份 2021）申报',
        'the partner side applies by 8月9日 (year 2021)',
    ),
    'mid': (
        '外方不晚于次年3月中旬（年份 call_year（默认 2025）+1）申报；中旬：10日前通过，11–20日需核实；设置 domestic_deadline 时浙方申报日期不晚于该日期',
        'the partner side applies by 次年3月中旬 (year call_year (default 2025) + 1); mid-month: by the 10th passes, the 11th-20th needs review; when domestic_deadline is set, the domestic submitted_on is on or before it',
    ),
    'mid, fixed year': (
        '外方不晚于10月中旬（年份 2022）申报；中旬：10日前通过，11–20日需核实',
        'the partner side applies by 10月中旬 (year 2022); mid-month: by the 10th passes, the 11th-20th needs review',
    ),
    'tbd': (
        '外方截止时间待定（需核实）；设置 domestic_deadline 时浙方申报日期不晚于该日期',
        'the foreign deadline is 待定 (checked by a reviewer); when domestic_deadline is set, the domestic submitted_on is on or before it',
    ),
    'onsite': (
        '项目负责人在每个项目年度赴帮扶地累计不少于 15 天',
        'the principal investigator spends at least 15 days on site in every project year',
    ),
}
