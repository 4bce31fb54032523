"""zj-2026 through whole bundles: track tables, boundaries, settings, platforms, counterpart targets."""

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
from appcheck.topics import zj2026

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "zj-2026"
GUIDELINE = Path(__file__).resolve().parents[3] / "shared" / "guidelines" / "zj-2026.txt"
YUAN = Decimal("0.0001")


def load(topic: str, name: str) -> dict:
    return json.loads((EXAMPLES / topic / f"{name}.json").read_text(encoding="utf-8"), parse_float=Decimal)


def findings(bundle: dict, **settings_) -> dict:
    report = appcheck.validate(copy.deepcopy(bundle), settings=settings_ or None)
    return {f.requirement: f for f in report.findings}


def state(bundle: dict, requirement: str, **settings_) -> str:
    return findings(bundle, **settings_)[requirement].status.value


@pytest.mark.skipif(not GUIDELINE.exists(), reason="guideline not beside this checkout")
def test_tables_are_verbatim() -> None:
    text = GUIDELINE.read_text(encoding="utf-8")
    for labels in list(zj2026.INTERGOV_FIELDS.values()) + list(zj2026.STRATEGIC_FIELDS.values()):
        for label in labels:
            assert label in text, label
    for agency in zj2026.AGENCIES.values():
        assert agency.names[0] in text, agency.names
    for name in zj2026.CENTRES + tuple(zj2026.JOINT_LABS):
        assert name in text, name
    for rule in zj2026.DEADLINES.values():
        assert f"外方截止时间{'为' if rule.kind != 'tbd' else ''}{rule.wording}" in text


def test_setting_is_declared_and_unset() -> None:
    setting = zj2026.CALL.setting("zj-2026.domestic_deadline")
    assert setting.default is None and setting.convert("2025-09-30") == dt.date(2025, 9, 30)


# ----------------------------------------------------------------------------- intergov

AGENCY_NAMES = {
    "norway": ["挪威创新署", "Innovation Norway", "Innovasjon Norge"],
    "singapore": ["新加坡企业发展局", "Enterprise Singapore"],
    "west-flanders": ["比利时西弗兰德省政府", "Province of West Flanders", "Provincie West-Vlaanderen"],
    "israel": ["以色列创新署", "Israel Innovation Authority", "Innovation Israel"],
    "thailand": ["泰国国家创新署", "National Innovation Agency", "NIA"],
}


@pytest.mark.parametrize("track", list(AGENCY_NAMES))
def test_agencies(track) -> None:
    bundle = load("intergov", f"valid-{track}")
    for name in AGENCY_NAMES[track]:
        bundle["foreign_submission"]["agency"] = name
        assert state(bundle, "ZJ26-IGV-DUAL") == "passed", name
    bundle["foreign_submission"]["agency"] = "Business Finland"
    finding = findings(bundle)["ZJ26-IGV-DUAL"]
    assert finding.status.value == "failed" and AGENCY_NAMES[track][0] in finding.message


@pytest.mark.parametrize("track", ["finland", "hong-kong"])
def test_single_sided_tracks(track) -> None:
    found = findings(load("intergov", f"valid-{track}"))
    assert "ZJ26-IGV-DUAL" not in found and "ZJ26-IGV-DEADLINE" not in found


DEADLINES = {"norway": dt.date(2025, 9, 25), "west-flanders": dt.date(2025, 8, 31), "israel": dt.date(2025, 7, 3)}


@settings(max_examples=60)
@given(st.sampled_from(list(DEADLINES) + ["singapore", "thailand"]), st.dates(dt.date(2025, 1, 1), dt.date(2026, 6, 30)))
@example("norway", dt.date(2025, 9, 25))
@example("norway", dt.date(2025, 9, 26))
@example("norway", dt.date(2025, 9, 24))
@example("west-flanders", dt.date(2025, 8, 31))
@example("west-flanders", dt.date(2025, 9, 1))
@example("israel", dt.date(2025, 7, 3))
@example("israel", dt.date(2025, 7, 4))
@example("israel", dt.date(2025, 7, 2))
def test_deadlines(track, day) -> None:
    bundle = load("intergov", f"valid-{track}")
    bundle["foreign_submission"]["submitted_on"] = day.isoformat()
    expected = "needs_review" if track not in DEADLINES else "passed" if day <= DEADLINES[track] else "failed"
    assert state(bundle, "ZJ26-IGV-DEADLINE") == expected


@given(st.dates(dt.date(2025, 6, 1), dt.date(2025, 12, 31)))
@example(dt.date(2025, 9, 30))
@example(dt.date(2025, 10, 1))
@example(dt.date(2025, 9, 29))
def test_domestic_deadline_setting(day) -> None:
    bundle = load("intergov", "valid-norway")
    bundle["submitted_on"] = day.isoformat()
    bundle["agreements"][0]["signed_on"] = "2025-05-01"
    bundle["prior_cooperation"][0]["since"] = "2021-03-01"
    assert state(bundle, "ZJ26-IGV-DEADLINE") == "passed"
    assert (state(bundle, "ZJ26-IGV-DEADLINE", **{"zj-2026.domestic_deadline": "2025-09-30"}) == "passed") == (day <= dt.date(2025, 9, 30))


@pytest.mark.parametrize("track,country,subdivision,expected", [
    ("west-flanders", "BE", "BE-VWV", "passed"), ("west-flanders", "BE", "BE-VOV", "failed"), ("west-flanders", "NL", "BE-VWV", "failed"),
    ("hong-kong", "HK", None, "passed"), ("hong-kong", "CN", "CN-GD", "failed"), ("thailand", "TH", None, "passed"), ("thailand", "VN", None, "failed"),
])
def test_partner_country(track, country, subdivision, expected) -> None:
    bundle = load("intergov", f"valid-{track}")
    bundle["partners"][0].update(country=country)
    if subdivision:
        bundle["partners"][0]["subdivision"] = subdivision
    assert state(bundle, "ZJ26-IGV-PARTNER") == expected


@pytest.mark.parametrize("subdivision,expected", [("CN-SH", "passed"), ("CN-JS", "passed"), ("CN-AH", "passed"), ("CN-ZJ", "failed"), ("CN-BJ", "failed")])
def test_yangtze_delta(subdivision, expected) -> None:
    bundle = load("intergov", "valid-singapore")
    bundle["partners"][1]["subdivision"] = subdivision
    found = findings(bundle)["ZJ26-IGV-YRD"]
    assert found.status.value == expected and found.severity.value == "info"


@given(st.decimals(min_value=Decimal(1), max_value=Decimal(300), places=4))
@example(Decimal(150))
@example(Decimal(150) - YUAN)
@example(Decimal(150) + YUAN)
def test_subsidy_cap(amount) -> None:
    bundle = load("strategic", "valid-us-europe")
    bundle["budget"]["subsidy_requested"] = amount
    assert (state(bundle, "ZJ26-SUBSIDY-CAP") == "passed") == (amount <= 150)


@given(st.dates(dt.date(2025, 10, 1), dt.date(2027, 1, 1)), st.integers(300, 1300))
def test_duration(start, days) -> None:
    bundle = load("intergov", "valid-hong-kong")
    end = start + dt.timedelta(days=days)
    bundle["project"].update(start_date=start.isoformat(), end_date=end.isoformat())
    assert (state(bundle, "ZJ26-DURATION") == "passed") == (end < start + relativedelta(months=36))


# ----------------------------------------------------------------------------- platform

@pytest.mark.parametrize("name", list(zj2026.JOINT_LABS))
def test_every_joint_lab(name) -> None:
    bundle = load("platform", "valid-belt-and-road-lab")
    bundle["platform"]["name"] = name
    bundle["partners"][0]["country"] = zj2026.JOINT_LABS[name]
    found = findings(bundle)
    assert found["ZJ26-PLT-HOST"].status.value == "passed"
    assert found["ZJ26-PLT-COBUILDER"].status.value == "passed"
    bundle["partners"][0]["country"] = "FR"
    assert state(bundle, "ZJ26-PLT-COBUILDER") == "failed"


@pytest.mark.parametrize("centre,country,expected", [
    (zj2026.DEEP_SEA_CENTRE, "BR", "passed"), (zj2026.DEEP_SEA_CENTRE, "RU", "passed"), (zj2026.DEEP_SEA_CENTRE, "AE", "passed"),
    (zj2026.DEEP_SEA_CENTRE, "SA", "needs_review"), (zj2026.DEEP_SEA_CENTRE, "CN", "failed"), (zj2026.DEEP_SEA_CENTRE, "KR", "failed"),
    (zj2026.PUBLIC_HEALTH_CENTRE, "EG", "passed"), (zj2026.PUBLIC_HEALTH_CENTRE, "SA", "passed"), (zj2026.PUBLIC_HEALTH_CENTRE, "IR", "failed"),
    (zj2026.PUBLIC_HEALTH_CENTRE, "TR", "failed"),
])
def test_head_of_state_partners(centre, country, expected) -> None:
    bundle = load("platform", "valid-head-of-state")
    bundle["platform"]["name"] = centre
    bundle["partners"][0]["country"] = country
    if country == "CN":
        bundle["partners"][0]["subdivision"] = "CN-GD"
    assert state(bundle, "ZJ26-PLT-PARTNER") == expected


@pytest.mark.parametrize("platform,expected", [
    ({"type": "most_base"}, "passed"),
    ({"type": "provincial_joint_lab", "evaluation": {"year": 2024, "grade": "excellent"}, "overseas_co_builder": "hku"}, "passed"),
    ({"type": "provincial_joint_lab", "evaluation": {"year": 2024, "grade": "good"}, "overseas_co_builder": "hku"}, "failed"),
    ({"type": "provincial_base", "evaluation": {"year": 2023, "grade": "excellent"}}, "passed"),
    ({"type": "provincial_base", "evaluation": {"year": 2023, "grade": "good"}}, "failed"),
    ({"type": "other_base"}, "failed"),
])
def test_carriers(platform, expected) -> None:
    bundle = load("platform", "valid-cooperation-carrier-most-base")
    bundle["platform"].update(platform)
    assert state(bundle, "ZJ26-PLT-HOST") == expected


def test_hong_kong_partner_is_overseas_for_the_platform() -> None:
    bundle = load("platform", "valid-cooperation-carrier-most-base")
    assert bundle["partners"][0]["country"] == "HK"
    assert state(bundle, "ZJ26-PLT-PARTNER") == "passed"


def test_platform_quota() -> None:
    one = load("platform", "valid-head-of-state")
    two = load("platform", "valid-head-of-state-arab")
    assert appcheck.validate_batch([one, two]).ok
    two["platform"]["name"] = one["platform"]["name"]
    two["partners"][0]["country"] = "IN"
    batch = appcheck.validate_batch([one, two])
    assert not batch.ok and {f.requirement for f in batch.findings} == {"ZJ26-PLT-QUOTA"}


# ----------------------------------------------------------------------------- counterpart

TARGETS = [
    ("xinjiang", "valid-saline-aquaculture", "ZJ26-XJ-TARGETS", {"saline_water_technologies": 1, "new_varieties": 1, "technical_specifications": 1, "demo_bases": 2, "talents_trained": 30}),
    ("xinjiang", "valid-medical-ai", "ZJ26-XJ-TARGETS", {"technology_systems": 1, "medical_staff_trained": 20}),
    ("xinjiang", "valid-leading-industry", "ZJ26-XJ-TARGETS", {"pilot_lines": 1, "industry_standards": 1, "new_products": 1}),
    ("sichuan-chongqing", "valid", "ZJ26-SCQ-TARGETS", {"new_varieties": 1, "technology_systems": 1, "demo_bases": 1, "processing_technologies": 1, "talents_trained": 30}),
    ("qinghai", "valid-agri-processing", "ZJ26-QH-TARGETS", {"processing_technologies": 1, "demo_bases": 1, "new_products": 1, "talents_trained": 30}),
    ("tibet", "valid-resources", "ZJ26-XZ-TARGETS", {"technology_systems": 1, "new_varieties": 1, "demo_bases": 1, "talents_trained": 20}),
    ("tibet", "valid-medical", "ZJ26-XZ-TARGETS", {"technology_systems": 1, "technical_standards": 1, "medical_staff_trained": 10}),
]


@pytest.mark.parametrize("topic,name,requirement,minimums", TARGETS)
def test_target_minimums_both_sides(topic, name, requirement, minimums) -> None:
    bundle = load(topic, name)
    assert bundle["targets"] == minimums
    assert state(bundle, requirement) == "passed"
    for key, minimum in minimums.items():
        lower = copy.deepcopy(bundle)
        lower["targets"][key] = minimum - 1
        assert state(lower, requirement) == "failed", key
        higher = copy.deepcopy(bundle)
        higher["targets"][key] = minimum + 1
        assert state(higher, requirement) == "passed", key


def test_either_of_two_targets() -> None:
    bundle = load("qinghai", "valid-resources-ecology")
    bundle["targets"]["new_products"] = bundle["targets"].pop("new_processes")
    assert state(bundle, "ZJ26-QH-TARGETS") == "passed"
    bundle["targets"]["new_products"] = 0
    assert state(bundle, "ZJ26-QH-TARGETS") == "failed"


@pytest.mark.parametrize("topic,name,kind,expected", [
    ("xinjiang", "valid-medical-ai", "medical_institution", "passed"), ("tibet", "valid-medical", "medical_institution", "passed"),
    ("sichuan-chongqing", "valid", "medical_institution", "failed"), ("qinghai", "valid-agri-processing", "medical_institution", "failed"),
    ("qinghai", "valid-agri-processing", "enterprise", "passed"), ("tibet", "valid-resources", "government_agency", "failed"),
])
def test_applicant_kinds(topic, name, kind, expected) -> None:
    bundle = load(topic, name)
    bundle["applicant"]["kind"] = kind
    assert state(bundle, "ZJ26-CSP-APPLICANT") == expected


@pytest.mark.parametrize("level,expected", [("county", "failed"), ("prefecture", "passed"), ("province", "passed"), ("national", "passed"), (None, "failed")])
def test_letter_level(level, expected) -> None:
    bundle = load("tibet", "valid-medical")
    if level:
        bundle["documents"][0]["issuer_level"] = level
    else:
        del bundle["documents"][0]["issuer_level"]
    assert state(bundle, "ZJ26-CSP-LETTER") == expected


@given(st.decimals(min_value=Decimal(1), max_value=Decimal(100), places=4))
@example(Decimal(60))
@example(Decimal(60) - YUAN)
@example(Decimal(60) + YUAN)
def test_counterpart_subsidy(amount) -> None:
    bundle = load("qinghai", "valid-resources-ecology")
    bundle["budget"]["subsidy_requested"] = amount
    assert (state(bundle, "ZJ26-CSP-SUBSIDY") == "passed") == (amount <= 60)


@given(st.integers(0, 40))
@example(15)
@example(14)
@example(16)
def test_onsite(days) -> None:
    bundle = load("sichuan-chongqing", "valid")
    bundle["onsite_plan"][1]["days"] = days
    assert (state(bundle, "ZJ26-CSP-ONSITE") == "passed") == (days >= 15)


@pytest.mark.parametrize("subdivision,locality,expected", [
    ("CN-SC", None, "passed"), ("CN-CQ", "涪陵区", "passed"), ("CN-CQ", "Wanzhou", "passed"), ("CN-CQ", "江北区", "failed"), ("CN-GZ", "遵义市", "failed"),
])
def test_sichuan_chongqing_region(subdivision, locality, expected) -> None:
    bundle = load("sichuan-chongqing", "valid")
    bundle["partners"][0]["subdivision"] = subdivision
    if locality:
        bundle["partners"][0]["locality"] = locality
    else:
        bundle["partners"][0].pop("locality")
    assert state(bundle, "ZJ26-CSP-REGION") == expected


def test_region_needs_a_local_partner() -> None:
    bundle = load("xinjiang", "valid-medical-ai")
    bundle["partners"][0]["role"] = "domestic_partner"
    assert state(bundle, "ZJ26-CSP-REGION") == "failed"


@given(st.sampled_from(TARGETS), st.data())
def test_target_minimums_against_reference(case, data) -> None:
    topic, name, requirement, minimums = case
    bundle = load(topic, name)
    values = {key: data.draw(st.integers(0, 40), label=key) for key in minimums}
    bundle["targets"] = values
    tables = {"ZJ26-XJ-TARGETS": zj2026.XINJIANG_TARGETS, "ZJ26-QH-TARGETS": zj2026.QINGHAI_TARGETS, "ZJ26-XZ-TARGETS": zj2026.TIBET_TARGETS}
    table = tables[requirement].get(bundle.get("track")) if requirement in tables else zj2026.SICHUAN_CHONGQING_TARGETS

    def total(key) -> int:
        return sum(values.get(k, 0) for k in (key if isinstance(key, tuple) else (key,)))

    assert (state(bundle, requirement) == "passed") == all(total(key) >= minimum for key, minimum in table.items())


@pytest.mark.parametrize("name,outside", [("valid-belt-and-road", "海洋科学"), ("valid-us-europe", "人工智能")])
def test_strategic_fields_outside_the_open_scope_list_warn(name, outside) -> None:
    bundle = load("strategic", name)
    found = findings(bundle)
    assert "ZJ26-FIELDS" not in found
    assert found["ZJ26-STR-FIELDS"].status.value == "passed"
    bundle["project"]["fields"] = [bundle["project"]["fields"][0], outside]
    report = appcheck.validate(copy.deepcopy(bundle))
    finding = {f.requirement: f for f in report.findings}["ZJ26-STR-FIELDS"]
    assert finding.status.value == "failed" and finding.severity.value == "warning" and outside in finding.message
    assert report.ok  # a warning: the list ends in 等


def test_intergov_priority_fields_stay_zj26_fields() -> None:
    bundle = load("intergov", "valid-norway")
    found = findings(bundle)
    assert "ZJ26-STR-FIELDS" not in found and found["ZJ26-FIELDS"].status.value == "passed"


@pytest.mark.parametrize("topic,name", [("xinjiang", "valid-leading-industry"), ("qinghai", "valid-resources-ecology"), ("tibet", "valid-resources"), ("sichuan-chongqing", "valid")])
@pytest.mark.parametrize("subdivision,expected", [("CN-ZJ", "passed"), ("CN-XJ", "failed"), ("CN-XZ", "failed"), ("CN-QH", "failed"), ("CN-CQ", "failed")])
def test_counterpart_applicant_is_in_zhejiang(topic, name, subdivision, expected) -> None:
    bundle = load(topic, name)
    bundle["applicant"]["subdivision"] = subdivision
    assert state(bundle, "ZJ26-CSP-APPLICANT") == expected


@pytest.mark.parametrize("topic,name,subdivision,locality,expected", [
    ("xinjiang", "valid-leading-industry", "CN-XJ", "新疆阿克苏地区库车市", "passed"),
    ("xinjiang", "valid-leading-industry", "CN-XJ", "阿克苏地区温宿县", "passed"),
    ("xinjiang", "valid-leading-industry", "CN-XJ", "乌鲁木齐市阿克苏路", "failed"),
    ("qinghai", "valid-resources-ecology", "CN-QH", "青海省海西州格尔木市", "passed"),
    ("qinghai", "valid-resources-ecology", "CN-QH", "西宁市海西路", "failed"),
    ("tibet", "valid-resources", "CN-XZ", "西藏自治区那曲市色尼区", "passed"),
    ("tibet", "valid-resources", "CN-XZ", "那曲大道", "failed"),
    ("sichuan-chongqing", "valid", "CN-CQ", "重庆市万州区", "passed"),
    ("sichuan-chongqing", "valid", "CN-CQ", "重庆市涪陵区李渡街道", "passed"),
    ("sichuan-chongqing", "valid", "CN-CQ", "涪陵饭店", "failed"),
])
def test_counterpart_regions_read_run_together_addresses(topic, name, subdivision, locality, expected) -> None:
    bundle = load(topic, name)
    bundle["partners"][0].update(subdivision=subdivision, locality=locality)
    assert state(bundle, "ZJ26-CSP-REGION") == expected


def test_a_street_named_after_aksu_in_urumqi_is_not_aksu() -> None:
    bundle = load("xinjiang", "valid-leading-industry")
    bundle["partners"][0]["locality"] = "乌鲁木齐市阿克苏路"
    finding = findings(bundle)["ZJ26-CSP-REGION"]
    assert finding.status.value == "failed" and "only inside a longer name" in finding.message_en
    bundle["partners"][0]["locality"] = "阿克苏地区阿克苏市"
    assert state(bundle, "ZJ26-CSP-REGION") == "passed"
