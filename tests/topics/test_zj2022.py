"""zj-2022 through whole bundles: track tables, boundaries, settings."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

import appcheck
from appcheck.topics import zj2022

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "zj-2022"
GUIDELINE = Path(__file__).resolve().parents[3] / "shared" / "guidelines" / "zj-2022.txt"
YUAN = Decimal("0.0001")


def load(topic: str, name: str) -> dict:
    return json.loads((EXAMPLES / topic / f"{name}.json").read_text(encoding="utf-8"), parse_float=Decimal)


def findings(bundle: dict, **settings_) -> dict:
    report = appcheck.validate(copy.deepcopy(bundle), settings=settings_ or None)
    return {f.requirement: f for f in report.findings}


def state(bundle: dict, requirement: str, **settings_) -> str:
    return findings(bundle, **settings_)[requirement].status.value


# ----------------------------------------------------------------------------- tables against the guideline

@pytest.mark.skipif(not GUIDELINE.exists(), reason="guideline not beside this checkout")
def test_tables_are_verbatim() -> None:
    text = GUIDELINE.read_text(encoding="utf-8")
    for labels in list(zj2022.BILATERAL_FIELDS.values()) + list(zj2022.INTERGOV_FIELDS.values()):
        for label in labels:
            assert label in text, label
    for agency, _, _ in zj2022.AGENCIES.values():
        assert any(name in text for name in agency.names), agency.names
    for rule in zj2022.DEADLINES.values():
        assert f"外方截止时间为{rule.wording}" in text


def test_every_track_has_a_table_row() -> None:
    tracks = {t.id for t in zj2022.BILATERAL.tracks}
    assert set(zj2022.AGENCIES) == set(zj2022.DEADLINES) == tracks
    assert set(zj2022.BILATERAL_FIELDS) == tracks - {"norway"}
    assert set(zj2022.REGIONS) == {t.id for t in zj2022.COUNTERPART.tracks}


def test_setting_is_declared() -> None:
    setting = zj2022.CALL.setting("zj-2022.deadline_year")
    assert setting.default == 2021 and setting.convert("2022") == 2022


# ----------------------------------------------------------------------------- dual submission

AGENCY_NAMES = {
    "finland": ["芬兰国家商务促进局", "芬兰商务促进局", "Business Finland", "business finland"],
    "austria": ["奥地利国家科研促进署", "奥地利研究促进署", "FFG", "Austrian Research Promotion Agency"],
    "israel": ["以色列创新署", "Innovation Israel", "Israel Innovation Authority"],
    "czechia": ["捷克共和国技术局", "捷克技术署", "TACR", "TA ČR", "Technology Agency of the Czech Republic"],
    "norway": ["挪威创新署", "Innovation Norway", "Innovasjon Norge"],
    "west-flanders": ["比利时西弗兰德省政府", "Province of West Flanders", "Provincie West-Vlaanderen"],
    "singapore": ["新加坡企业发展局", "Enterprise Singapore"],
}


@pytest.mark.parametrize("track", list(AGENCY_NAMES))
def test_agencies_by_every_name(track) -> None:
    bundle = load("bilateral-industrial", f"valid-{track}")
    for name in AGENCY_NAMES[track]:
        bundle["foreign_submission"]["agency"] = name
        assert state(bundle, "ZJ22-BIL-DUAL") == "passed", name
    other = next(t for t in AGENCY_NAMES if t != track)
    bundle["foreign_submission"]["agency"] = AGENCY_NAMES[other][0]
    finding = findings(bundle)["ZJ22-BIL-DUAL"]
    assert finding.status.value == "failed" and AGENCY_NAMES[track][0] in finding.message


def test_dual_needs_the_foreign_submission_and_an_enterprise_lead() -> None:
    bundle = load("bilateral-industrial", "valid-finland")
    del bundle["foreign_submission"]
    assert state(bundle, "ZJ22-BIL-DUAL") == "failed"
    bundle = load("bilateral-industrial", "valid-west-flanders")
    bundle["partners"][0]["subdivision"] = "BE-VOV"
    assert state(bundle, "ZJ22-BIL-DUAL") == "failed"


def test_intergov_is_single_sided() -> None:
    bundle = load("intergov-innovation", "valid-serbia")
    assert "foreign_submission" not in bundle
    assert not [f for f in appcheck.validate(bundle).findings if f.status.value == "failed"]


# ----------------------------------------------------------------------------- deadlines

DEADLINES = {  # track: (last day that passes, last day that needs review) for the default year 2021
    "finland": (dt.date(2021, 10, 10), dt.date(2021, 10, 20)),
    "austria": (dt.date(2021, 8, 9), dt.date(2021, 8, 9)),
    "israel": (dt.date(2021, 10, 31), dt.date(2021, 10, 31)),
    "czechia": (dt.date(2021, 7, 14), dt.date(2021, 7, 14)),
    "norway": (dt.date(2022, 3, 10), dt.date(2022, 3, 20)),
    "west-flanders": (dt.date(2021, 8, 31), dt.date(2021, 8, 31)),
    "singapore": (dt.date(2021, 8, 31), dt.date(2021, 8, 31)),
}


def expected_deadline(track: str, day: dt.date, shift: int = 0) -> str:
    passes, reviewed = (d + relativedelta(years=shift) for d in DEADLINES[track])
    return "passed" if day <= passes else "needs_review" if day <= reviewed else "failed"


@pytest.mark.parametrize("track", list(DEADLINES))
def test_deadline_boundaries(track) -> None:
    bundle = load("bilateral-industrial", f"valid-{track}")
    passes, reviewed = DEADLINES[track]
    for day in (passes - dt.timedelta(days=1), passes, passes + dt.timedelta(days=1), reviewed, reviewed + dt.timedelta(days=1)):
        bundle["foreign_submission"]["submitted_on"] = day.isoformat()
        assert state(bundle, "ZJ22-BIL-DEADLINE") == expected_deadline(track, day), (track, day)


@settings(max_examples=60)
@given(st.sampled_from(list(DEADLINES)), st.dates(dt.date(2021, 6, 1), dt.date(2023, 6, 30)), st.sampled_from([None, 2021, 2022]))
@example("austria", dt.date(2022, 8, 9), 2022)
@example("norway", dt.date(2023, 3, 11), 2022)
def test_deadlines_against_reference(track, day, year) -> None:
    bundle = load("bilateral-industrial", f"valid-{track}")
    bundle["foreign_submission"]["submitted_on"] = day.isoformat()
    settings_ = {"zj-2022.deadline_year": year} if year else {}
    assert state(bundle, "ZJ22-BIL-DEADLINE", **settings_) == expected_deadline(track, day, (year or 2021) - 2021)


@pytest.mark.parametrize("settings_", [{}, {"gd-2022.published_on": "2022-04-15"}, {"zj-2022.deadline_year": 2021}])
def test_deadline_message_says_the_default_year_when_it_is_in_effect(settings_) -> None:
    bundle = load("bilateral-industrial", "valid-austria")
    finding = findings(bundle, **settings_)["ZJ22-BIL-DEADLINE"]
    assert "the default 2021" in finding.message_en and "from the setting" not in finding.message_en
    assert "默认值 2021" in finding.message and "年份取设置" not in finding.message


def test_deadline_message_says_the_setting_when_it_changes_the_year() -> None:
    bundle = load("bilateral-industrial", "valid-austria")
    bundle["foreign_submission"]["submitted_on"] = "2022-08-01"
    finding = findings(bundle, **{"zj-2022.deadline_year": 2022})["ZJ22-BIL-DEADLINE"]
    assert finding.status.value == "passed"
    assert "from the setting zj-2022.deadline_year=2022; default 2021" in finding.message_en
    assert "年份取设置 zj-2022.deadline_year=2022" in finding.message


@pytest.mark.parametrize("track", ["aksu", "haixi", "sichuan"])
@pytest.mark.parametrize("subdivision,expected", [("CN-ZJ", "passed"), ("CN-XJ", "failed"), ("CN-QH", "failed"), ("CN-SC", "failed"), ("CN-SH", "failed")])
def test_counterpart_applicant_is_in_zhejiang(track, subdivision, expected) -> None:
    bundle = load("counterpart-support", f"valid-{track}")
    bundle["applicant"]["subdivision"] = subdivision
    finding = findings(bundle)["ZJ22-CSP-APPLICANT"]
    assert finding.status.value == expected
    if expected == "failed":
        assert "CN-ZJ" in finding.message_en and subdivision in finding.message_en


# ----------------------------------------------------------------------------- money and time

@given(st.decimals(min_value=Decimal(1), max_value=Decimal(300), places=4))
@example(Decimal(150))
@example(Decimal(150) - YUAN)
@example(Decimal(150) + YUAN)
def test_subsidy_cap(amount) -> None:
    bundle = load("intergov-innovation", "valid-uk-midlands")
    bundle["budget"]["subsidy_requested"] = amount
    assert (state(bundle, "ZJ22-SUBSIDY-CAP") == "passed") == (amount <= 150)


@given(st.decimals(min_value=Decimal(1), max_value=Decimal(100), places=4))
@example(Decimal(60))
@example(Decimal(60) - YUAN)
@example(Decimal(60) + YUAN)
@example(Decimal(40))
@example(Decimal(40) - YUAN)
@example(Decimal(40) + YUAN)
def test_counterpart_subsidy_range(amount) -> None:
    bundle = load("counterpart-support", "valid-aksu")
    bundle["budget"]["subsidy_requested"] = amount
    found = findings(bundle)
    assert (found["ZJ22-CSP-SUBSIDY"].status.value == "passed") == (amount <= 60)
    assert (found["ZJ22-CSP-SUBSIDY-FLOOR"].status.value == "passed") == (amount >= 40)
    assert found["ZJ22-CSP-SUBSIDY-FLOOR"].severity.value == "warning"


@given(st.integers(300, 1300))
@example(1095)  # 2022-01-01 .. 2024-12-31
@example(1094)
@example(1096)
def test_duration_at_most_36_months(days) -> None:
    bundle = load("foreign-rd-open-innovation", "valid")
    end = dt.date(2022, 1, 1) + dt.timedelta(days=days)
    bundle["project"]["end_date"] = end.isoformat()
    assert (state(bundle, "ZJ22-DURATION") == "passed") == (end < dt.date(2025, 1, 1))


@given(st.integers(0, 40), st.integers(1, 3))
@example(15, 1)
@example(14, 2)
@example(16, 3)
def test_onsite_days_every_year(days, year) -> None:
    bundle = load("counterpart-support", "valid-nagqu")
    bundle["onsite_plan"][year - 1]["days"] = days
    assert (state(bundle, "ZJ22-CSP-ONSITE") == "passed") == (days >= 15)


# ----------------------------------------------------------------------------- regions and partners

@pytest.mark.parametrize("track,subdivision,locality,expected", [
    ("aksu", "CN-XJ", "兵团第一师 阿拉尔市", "passed"),
    ("aksu", "CN-XJ", "新疆阿克苏地区库车市", "passed"),    # written run-together: 新疆 / 阿克苏地区 / 库车市
    ("aksu", "CN-XJ", "阿克苏路", "failed"),
        ("aksu", "CN-XJ", "乌鲁木齐市阿克苏路", "failed"),
    ("aksu", "CN-XJ", "和田地区", "failed"),
    ("nagqu", "CN-XZ", "那曲市 色尼区", "passed"),
    ("nagqu", "CN-XZ", "那曲市色尼区", "passed"),
    ("haixi", "CN-QH", "德令哈市", "passed"),
    ("haixi", "CN-QH", "青海省海西州格尔木市", "passed"),
    ("nagqu", "CN-XZ", "那曲大道", "failed"),
    ("fuling", "CN-CQ", "重庆市涪陵区", "passed"),
    ("fuling", "CN-CQ", "涪陵饭店", "failed"),
    ("wanzhou", "CN-CQ", "重庆市万州区", "passed"),
    ("sichuan", "CN-SC", "四川省凉山彝族自治州昭觉县", "passed"),
    ("haixi", "CN-QH", "海东市", "failed"),
    ("fuling", "CN-CQ", "Fuling", "passed"),
    ("wanzhou", "CN-CQ", "涪陵区", "failed"),
    ("sichuan", "CN-SC", "甘孜藏族自治州", "passed"),
    ("sichuan", "CN-CQ", "万州区", "failed"),
])
def test_counterpart_regions(track, subdivision, locality, expected) -> None:
    bundle = load("counterpart-support", f"valid-{track}")
    bundle["partners"][0].update(subdivision=subdivision, locality=locality)
    assert state(bundle, "ZJ22-CSP-REGION") == expected


@pytest.mark.parametrize("subdivision,locality,expected", [
    ("GB-NTH", None, "passed"), ("GB-WNH", None, "passed"), ("GB-TFW", None, "passed"), ("GB-ENG", "诺丁汉郡", "passed"),
    ("GB-BIR", "Birmingham", "failed"), ("GB-ENG", "Yorkshire", "failed"),
    ("GB-NLN", None, "passed"), ("GB-NEL", None, "passed"), ("GB-ENG", "Leicester Square, London", "failed"),
    ("GB-ENG", "Leicester", "passed"), ("GB-MAN", "Derby", "failed"), ("GB-LND", "Leicester Square", "failed"),
])
def test_midlands(subdivision, locality, expected) -> None:
    bundle = load("intergov-innovation", "valid-uk-midlands")
    bundle["partners"][0]["subdivision"] = subdivision
    if locality:
        bundle["partners"][0]["locality"] = locality
    else:
        bundle["partners"][0].pop("locality", None)
    assert state(bundle, "ZJ22-IGV-PARTNER") == expected


def test_norway_fields_are_a_scope() -> None:
    bundle = load("bilateral-industrial", "valid-norway")
    bundle["project"]["fields"] = ["绿色技术", "区块链"]
    found = findings(bundle)
    assert found["ZJ22-BIL-NORWAY"].status.value == "needs_review"
    assert found["ZJ22-BIL-FIELDS"].status.value == "passed" and "ZJ22-BIL-NORWAY" in found["ZJ22-BIL-FIELDS"].message


@pytest.mark.parametrize("track,field", [("austria", "信息通讯"), ("israel", "信息通信"), ("czechia", "信息通讯"), ("finland", "ICT"), ("israel", "水处理")])
def test_field_aliases(track, field) -> None:
    bundle = load("bilateral-industrial", f"valid-{track}")
    bundle["project"]["fields"] = [field]
    assert state(bundle, "ZJ22-BIL-FIELDS") == "passed"


def test_fields_are_info() -> None:
    bundle = load("bilateral-industrial", "valid-finland")
    bundle["project"]["fields"] = ["区块链"]
    report = appcheck.validate(bundle)
    assert report.ok and {f.requirement for f in report.findings if f.status.value == "failed"} == {"ZJ22-BIL-FIELDS"}


def test_quota_counts_only_bundles_outside_the_quota() -> None:
    one = load("foreign-rd-open-innovation", "valid")
    two = copy.deepcopy(one)
    assert not appcheck.validate_batch([one, two]).ok
    two["counts_against_quota"] = True
    batch = appcheck.validate_batch([one, two])
    assert batch.ok
    two["partners"][0]["registration_id"] = "91330100MA2OTHER01"
    two["counts_against_quota"] = False
    assert appcheck.validate_batch([one, two]).ok
