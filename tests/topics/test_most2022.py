"""most-2022: the tables against the guideline and the catalog, and every boundary through whole bundles."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

import appcheck
from appcheck import catalog, topics
from appcheck.topics import most2022

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "most-2022"
GUIDELINE = ROOT.parent / "shared" / "guidelines" / "most-2022.txt"
YUAN = Decimal("0.0001")
DAY = dt.date(2022, 1, 10)  # the examples' submitted_on
DIRECTIONS = [t.id for t in most2022.CALL.topics]
HEADINGS = {
    "spain": "1.1", "france-joint-labs": "1.2", "austria": "1.3", "austria-industry": "1.4", "finland": "1.5", "germany": "1.6",
    "japan-jica": "1.7", "korea-industry": "1.8", "korea": "1.9", "mongolia": "2.0", "egypt": "2.1", "malaysia": "2.2",
    "belarus": "2.3", "uzbekistan": "2.4", "brics": "2.5", "usa": "2.6", "korea-energy": "2.7",
}


def valid(topic: str, name: str = "valid.json") -> dict:
    text = (EXAMPLES / topic / name).read_text(encoding="utf-8")
    return copy.deepcopy(json.loads(text, parse_float=Decimal, parse_int=Decimal))


def findings(bundle: dict) -> dict:
    report = appcheck.validate(bundle, as_of="2022-01-01")
    return {f.requirement: f for f in report.findings}


def result(bundle: dict, requirement: str) -> str:
    return findings(bundle)[requirement].status.value


def set_subsidy(bundle: dict, amount: Decimal) -> dict:
    old = bundle["budget"]["subsidy_requested"]
    bundle["budget"]["subsidy_requested"] = amount
    if "allocation" in bundle["budget"]:
        bundle["budget"]["allocation"][0]["subsidy"] += amount - old
    return bundle


# ----------------------------------------------------------------------------- the call's shape

def test_seventeen_directions_without_tracks_in_the_catalog_order() -> None:
    assert DIRECTIONS == list(catalog.calls()["most-2022"]["topics"])
    assert len(DIRECTIONS) == 17 and all(not t.tracks for t in most2022.CALL.topics)
    assert topics.call("most-2022") is most2022.CALL


def test_every_most22_requirement_is_declared_somewhere() -> None:
    declared = {check.requirement for t in most2022.CALL.topics for check in t.checks}
    assert declared == {rid for rid in catalog.requirements() if rid.startswith("MOST22-")}


# ----------------------------------------------------------------------------- the tables against the guideline

def _sections() -> dict:
    if not GUIDELINE.exists():
        pytest.skip("the guideline is not beside this checkout")
    text = GUIDELINE.read_text(encoding="utf-8")
    order = list(HEADINGS.items())
    sections = {}
    for index, (topic, number) in enumerate(order):
        start = re.search(rf"^{re.escape(number)} ", text, re.M).start()
        end = re.search(rf"^{re.escape(order[index + 1][1])} ", text, re.M).start() if index + 1 < len(order) else len(text)
        sections[topic] = text[start:end]
    return sections


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("topic", DIRECTIONS)
def test_direction_budget_and_projects_are_the_guidelines(topic) -> None:
    section = _flat(_sections()[topic])
    lines = most2022.BUDGETS[topic]
    if topic == "finland":
        found = re.findall(r"拟支持不超过(\d+)个项目，总经费(\d+)万元", section)
        assert [(int(n), int(t)) for n, t in found] == [(line.projects, int(line.total)) for line in lines]
        return
    projects = int(re.search(r"拟支持项目数[:：](?:不超过)?(\d+)", section).group(1))
    total = int(re.search(r"共拟支持经费[:：](\d+)万元", section).group(1))
    assert [(line.projects, int(line.total)) for line in lines] == [(projects, total)]


def test_direction_budgets_are_the_catalogs() -> None:
    rule = catalog.requirement("MOST22-DIRECTION-BUDGET").rule
    for topic in DIRECTIONS:
        totals = sorted(int(line.total) for line in most2022.BUDGETS[topic])
        listed = sorted(int(n) for n in re.findall(rf"(?<![\w-]){re.escape(topic)} (\d+)(?: for 能源领域 and (\d+))?", rule)[0] if n)
        assert totals == listed, topic
    assert "korea-industry 1800/2" in catalog.requirement("MOST22-DIRECTION-AVERAGE").rule
    assert most2022.BUDGETS["korea-industry"][0].projects == 2


@pytest.mark.parametrize("topic", DIRECTIONS)
def test_field_labels_and_aliases_are_verbatim(topic) -> None:
    section = _flat(_sections()[topic])
    for label in most2022.FIELDS[topic]:
        assert _flat(label) in section, label
    for alias in most2022.FIELD_ALIASES.get(topic, {}):
        assert _flat(alias) in section, alias


def test_the_catalogs_examples_of_labels() -> None:
    assert "生产技术" in most2022.FIELDS["spain"]
    assert "环境、智能城市和可持续城镇化" in most2022.FIELDS["austria"]
    assert most2022.FIELDS["finland"] == ("能源领域", "健康领域", "可持续制造和产业振兴领域", "智能和绿色出行")
    assert most2022.FIELD_ALIASES["germany"] == {"氢燃料电池汽车": "氢燃料电池汽车领域"}


@pytest.mark.parametrize("topic,label", [(t, label) for t in DIRECTIONS for label in most2022.FIELDS[t]])
def test_every_label_is_accepted(topic, label) -> None:
    bundle = valid(topic)
    bundle["project"]["fields"] = [label]
    if topic == "finland" and label == "能源领域":
        set_subsidy(bundle, Decimal(500))
    requirement = "MOST22-FIELDS-OPEN" if topic in ("france-joint-labs", "belarus") else "MOST22-FIELDS"
    assert result(bundle, requirement) == "passed"
    assert appcheck.validate(bundle, as_of="2022-01-01").ok


@pytest.mark.parametrize("topic", DIRECTIONS)
def test_a_field_of_another_direction_fails_with_its_severity(topic) -> None:
    bundle = valid(topic)
    bundle["project"]["fields"].append("区块链")
    requirement = "MOST22-FIELDS-OPEN" if topic in ("france-joint-labs", "belarus") else "MOST22-FIELDS"
    finding = findings(bundle)[requirement]
    assert finding.status.value == "failed" and "区块链" in finding.message
    assert finding.severity.value == ("warning" if requirement.endswith("OPEN") else "error")


# ----------------------------------------------------------------------------- budgets through whole bundles

def _cap_and_average(topic: str, energy: bool = False):
    line = most2022.BUDGETS[topic][0 if energy or topic != "finland" else 1]
    return line.total, line.projects


@pytest.mark.parametrize("topic", DIRECTIONS)
@pytest.mark.parametrize("offset", [-YUAN, Decimal(0), YUAN])
def test_direction_budget_boundary(topic, offset) -> None:
    total, _ = _cap_and_average(topic)
    bundle = set_subsidy(valid(topic), total + offset)
    assert result(bundle, "MOST22-DIRECTION-BUDGET") == ("failed" if offset > 0 else "passed")


@pytest.mark.parametrize("topic", DIRECTIONS)
@pytest.mark.parametrize("offset", [-YUAN, Decimal(0), YUAN])
def test_direction_average_boundary(topic, offset) -> None:
    total, projects = _cap_and_average(topic)
    average = (total / projects).quantize(YUAN, rounding="ROUND_FLOOR")
    amount = average + offset
    bundle = set_subsidy(valid(topic), amount)
    finding = findings(bundle)["MOST22-DIRECTION-AVERAGE"]
    assert (finding.status.value == "failed") == (amount * projects > total)
    assert finding.severity.value == "info"


@settings(max_examples=60)
@given(amount=st.decimals(min_value=0, max_value=3500, places=4, allow_nan=False, allow_infinity=False), energy=st.booleans())
@example(amount=Decimal(2500), energy=True)
@example(amount=Decimal(2500) + YUAN, energy=True)
@example(amount=Decimal(500) + YUAN, energy=True)
@example(amount=Decimal(3000), energy=False)
@example(amount=Decimal(3000) + YUAN, energy=False)
@example(amount=Decimal(300) + YUAN, energy=False)
def test_finland_budget_follows_the_field_group(amount, energy) -> None:
    bundle = valid("finland")
    bundle["project"]["fields"] = ["能源领域"] if energy else ["健康领域"]
    set_subsidy(bundle, amount)
    total, projects = (2500, 5) if energy else (3000, 10)
    found = findings(bundle)
    assert (found["MOST22-DIRECTION-BUDGET"].status.value == "passed") == (amount <= total)
    assert (found["MOST22-DIRECTION-AVERAGE"].status.value == "failed") == (amount * projects > total and amount <= total)


def test_average_note_gives_both_numbers() -> None:
    finding = findings(set_subsidy(valid("austria-industry"), Decimal("333.3334")))["MOST22-DIRECTION-AVERAGE"]
    assert "333.3334" in finding.message and "333.3333" in finding.message and "1000" in finding.message_en


# ----------------------------------------------------------------------------- durations

DURATIONS = [
    # (topic, requirement, minimum months, maximum months, severity)
    ("spain", "MOST22-DURATION", 24, 36, "warning"),
    ("japan-jica", "MOST22-DURATION", 24, 36, "warning"),
    ("mongolia", "MOST22-DURATION", 24, 36, "warning"),
    ("egypt", "MOST22-DURATION", 24, 36, "warning"),
    ("usa", "MOST22-DURATION", 24, 36, "warning"),
    ("france-joint-labs", "MOST22-FR-DURATION", 36, 36, "warning"),
    ("austria", "MOST22-AT-DURATION", None, 24, "warning"),
    ("austria-industry", "MOST22-AT2-DURATION", None, 36, "warning"),
    ("finland", "MOST22-FI-DURATION", None, 36, "warning"),
    ("germany", "MOST22-DE-DURATION", 24, 36, "error"),
    ("korea-industry", "MOST22-MAX3-DURATION", None, 36, "error"),
    ("korea", "MOST22-MAX3-DURATION", None, 36, "error"),
    ("brics", "MOST22-MAX3-DURATION", None, 36, "error"),
    ("korea-energy", "MOST22-MAX3-DURATION", None, 36, "error"),
    ("malaysia", "MOST22-MY-DURATION", None, 24, "error"),
    ("belarus", "MOST22-BY-UZ-DURATION", 24, 24, "error"),
    ("uzbekistan", "MOST22-BY-UZ-DURATION", 24, 24, "error"),
]
START = dt.date(2022, 7, 1)


def _end(months: int, days: int) -> dt.date:
    return START + relativedelta(months=months) - dt.timedelta(days=1) + dt.timedelta(days=days)


@pytest.mark.parametrize("topic,requirement,minimum,maximum,severity", DURATIONS)
@pytest.mark.parametrize("days", [-1, 0, 1])
def test_duration_boundaries(topic, requirement, minimum, maximum, severity, days) -> None:
    for months in {m for m in (minimum, maximum) if m is not None}:
        bundle = valid(topic)
        bundle["project"]["start_date"] = START.isoformat()
        bundle["project"]["end_date"] = _end(months, days).isoformat()
        finding = findings(bundle)[requirement]
        too_short = minimum is not None and months == minimum and days < 0
        too_long = months == maximum and days > 0
        assert finding.status.value == ("failed" if too_short or too_long else "passed"), (months, days)
        if finding.status.value == "failed":
            assert finding.severity.value == severity


@settings(max_examples=40)
@given(end=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 1, 1)))
@example(end=dt.date(2024, 6, 30))
@example(end=dt.date(2024, 6, 29))
@example(end=dt.date(2024, 7, 1))
def test_belarus_exactly_two_years(end) -> None:
    bundle = valid("belarus")
    bundle["project"]["end_date"] = end.isoformat()
    assert (result(bundle, "MOST22-BY-UZ-DURATION") == "passed") == (end == dt.date(2024, 6, 30))


def test_missing_period_never_passes() -> None:
    bundle = valid("malaysia")
    del bundle["project"]["end_date"]
    assert result(bundle, "MOST22-MY-DURATION") == "failed"


# ----------------------------------------------------------------------------- dual submission

AGENCY_NAMES = [(topic, name) for topic, (_, agencies) in most2022.PARTNER_COUNTRY.items() for agency in agencies for name in agency.names]


@pytest.mark.parametrize("topic,name", AGENCY_NAMES)
def test_every_name_of_the_agency_is_accepted(topic, name) -> None:
    bundle = valid(topic)
    bundle["foreign_submission"]["agency"] = name
    assert result(bundle, "MOST22-DUAL") == "passed"


@pytest.mark.parametrize("topic,name", [
    ("spain", "Research Council of Norway"), ("austria", "FFG"), ("austria-industry", "OeAD"), ("korea", "KETEP"),
    ("korea-energy", "NRF"), ("germany", "BMBF"), ("egypt", "MOSTI"), ("uzbekistan", "SCST"),
])
def test_another_directions_agency_fails(topic, name) -> None:
    bundle = valid(topic)
    bundle["foreign_submission"]["agency"] = name
    finding = findings(bundle)["MOST22-DUAL"]
    assert finding.status.value == "failed" and name in finding.message_en


def test_agency_names_fold_case_space_and_width() -> None:
    bundle = valid("finland")
    bundle["foreign_submission"]["agency"] = "ＢＵＳＩＮＥＳＳ  finland"
    assert result(bundle, "MOST22-DUAL") == "passed"


@pytest.mark.parametrize("topic", sorted(most2022.PARTNER_COUNTRY))
def test_dual_needs_the_submission_and_a_partner_of_the_country(topic) -> None:
    bundle = valid(topic)
    del bundle["foreign_submission"]
    assert result(bundle, "MOST22-DUAL") == "failed"
    bundle = valid(topic)
    country, _ = most2022.PARTNER_COUNTRY[topic]
    for partner in bundle["partners"]:
        if partner["role"] == "foreign_partner":
            partner["country"] = "SG"
    finding = findings(bundle)["MOST22-DUAL"]
    assert finding.status.value == "failed" and country in finding.message_en


# ----------------------------------------------------------------------------- France

@settings(max_examples=40)
@given(registered=st.dates(min_value=dt.date(2015, 1, 1), max_value=DAY))
@example(registered=DAY - relativedelta(years=3)).via("exactly 3 years: passes")
@example(registered=DAY - relativedelta(years=3) + dt.timedelta(days=1)).via("one day short")
@example(registered=DAY - relativedelta(years=3) - dt.timedelta(days=1))
def test_french_partner_registered_three_years(registered) -> None:
    bundle = valid("france-joint-labs")
    bundle["partners"][0]["registered_on"] = registered.isoformat()
    assert (result(bundle, "MOST22-FR-PARTNER") == "passed") == (registered <= dt.date(2019, 1, 10))


@settings(max_examples=40)
@given(established=st.dates(min_value=dt.date(2015, 1, 1), max_value=DAY))
@example(established=dt.date(2020, 12, 31))
@example(established=dt.date(2021, 1, 1))
def test_joint_lab_established_before_2021(established) -> None:
    bundle = valid("france-joint-labs")
    bundle["joint_lab"]["established_on"] = established.isoformat()
    assert (result(bundle, "MOST22-FR-LAB") == "passed") == (established < dt.date(2021, 1, 1))


@pytest.mark.parametrize("signed,expected", [("2020-12-31", "passed"), ("2021-01-01", "failed"), ("2021-01-02", "failed")])
def test_joint_lab_agreement_signed_before_2021(signed, expected) -> None:
    bundle = valid("france-joint-labs")
    bundle["agreements"][0]["signed_on"] = signed
    assert result(bundle, "MOST22-FR-LAB") == expected


@pytest.mark.parametrize("covers,kind,expected", [
    (["ip_ownership", "benefit_sharing"], "memorandum", "passed"),
    (["ip_ownership", "commercialization"], "letter_of_intent", "passed"),
    (["ip_ownership"], "agreement", "failed"),
    (["commercialization"], "agreement", "failed"),
])
def test_france_ip_intent_accepted(covers, kind, expected) -> None:
    bundle = valid("france-joint-labs")
    bundle["agreements"][1].update(covers=covers, kind=kind)
    assert result(bundle, "MOST22-IP") == expected


@settings(max_examples=30)
@given(since=st.dates(min_value=dt.date(2000, 1, 1), max_value=DAY + dt.timedelta(days=400)))
@example(since=DAY - dt.timedelta(days=1)).via("the day before the submission: declared")
@example(since=DAY).via("the submission day: not earlier cooperation")
@example(since=DAY + dt.timedelta(days=1))
def test_french_history_declared_before_the_submission_needs_review(since) -> None:
    bundle = valid("france-joint-labs")
    bundle["prior_cooperation"][0]["since"] = since.isoformat()
    finding = findings(bundle)["MOST22-FR-HISTORY"]
    assert finding.status.value == ("needs_review" if since < DAY else "failed")
    assert finding.severity.value == "error"


def test_french_history_missing_or_with_another_partner_fails() -> None:
    bundle = valid("france-joint-labs")
    del bundle["prior_cooperation"]
    finding = findings(bundle)["MOST22-FR-HISTORY"]
    assert finding.status.value == "failed" and "prior_cooperation" in finding.message_en
    bundle = valid("france-joint-labs")
    bundle["partners"].append({"role": "domestic_partner", "id": "cn-2", "name": "上海某研究所", "kind": "research_institute", "country": "CN"})
    bundle["team"].append({"name": "成员 cn-2", "organization": "cn-2"})
    bundle["prior_cooperation"][0]["partner"] = "cn-2"
    assert result(bundle, "MOST22-FR-HISTORY") == "failed"


def test_france_schema_admits_prior_cooperation() -> None:
    report = appcheck.validate(valid("france-joint-labs"), as_of="2022-01-01")
    assert "SCHEMA" not in {f.requirement for f in report.findings}
    bundle = valid("france-joint-labs")
    bundle["prior_cooperation"][0]["since"] = "2016"
    report = appcheck.validate(bundle, as_of="2022-01-01")
    assert any(f.requirement == "SCHEMA" and "prior_cooperation" in f.path for f in report.findings)


def test_germany_is_not_held_to_most22_ip() -> None:
    bundle = valid("germany")
    bundle["agreements"][0]["kind"] = "letter_of_intent"  # covers ip_ownership: MOST22-DE-AGREEMENT accepts it
    found = findings(bundle)
    assert "MOST22-IP" not in found
    assert found["MOST22-DE-AGREEMENT"].status.value == "passed"
    assert "MOST22-IP" not in {check.requirement for check in most2022.GERMANY.checks}


def test_french_documents() -> None:
    bundle = valid("france-joint-labs")
    bundle["documents"][0]["issuer_kind"] = "other"
    assert result(bundle, "MOST22-FR-DOCS") == "failed"


# ----------------------------------------------------------------------------- balance, matching

@settings(max_examples=40)
@given(foreign=st.decimals(min_value=0, max_value=200, places=4, allow_nan=False, allow_infinity=False))
@example(foreign=Decimal(30)).via("exactly half of 60")
@example(foreign=Decimal(30) - YUAN)
@example(foreign=Decimal(30) + YUAN)
@example(foreign=Decimal(120) + YUAN).via("the Chinese side under half")
def test_balance_ratio_at_one_half(foreign) -> None:
    bundle = valid("austria")
    bundle["balance"]["foreign_person_months"] = foreign
    found = findings(bundle)
    assert found["MOST22-BALANCE"].status.value == "needs_review"
    ratio = found["MOST22-BALANCE-RATIO"]
    assert (ratio.status.value == "passed") == (2 * min(foreign, 60) >= max(foreign, 60))
    assert ratio.severity.value == "warning"


@pytest.mark.parametrize("topic", ["austria", "austria-industry", "finland"])
def test_balance_missing_fails(topic) -> None:
    bundle = valid(topic)
    del bundle["balance"]
    found = findings(bundle)
    assert found["MOST22-BALANCE"].status.value == "failed" and found["MOST22-BALANCE-RATIO"].status.value == "failed"


def test_austria_industry_needs_both_budgets() -> None:
    bundle = valid("austria-industry")
    del bundle["balance"]["domestic_budget"]
    found = findings(bundle)
    assert found["MOST22-BALANCE"].status.value == "failed" and found["MOST22-BALANCE-RATIO"].status.value == "passed"
    bundle = valid("austria")
    assert result(bundle, "MOST22-BALANCE") == "needs_review"


@pytest.mark.parametrize("topic,requirement,severity", [
    ("austria", "MOST22-MATCHING", "error"), ("austria-industry", "MOST22-MATCHING", "error"),
    ("finland", "MOST22-MATCHING", "error"), ("germany", "MOST22-DE-MATCHING", "warning"),
])
@pytest.mark.parametrize("offset", [-YUAN, Decimal(0), YUAN])
def test_matching_boundary(topic, requirement, severity, offset) -> None:
    bundle = valid(topic)
    row = next(r for r in bundle["budget"]["allocation"] if r["organization"] == "cn-ent")
    row["self_raised"] = row["subsidy"] + offset
    finding = findings(bundle)[requirement]
    assert finding.status.value == ("failed" if offset < 0 else "passed")
    assert finding.severity.value == severity


def test_matching_needs_the_allocation_when_a_chinese_enterprise_takes_part() -> None:
    bundle = valid("finland")
    del bundle["budget"]["allocation"]
    assert result(bundle, "MOST22-MATCHING") == "failed"


# ----------------------------------------------------------------------------- partners

def test_finland_lead_must_be_marked() -> None:
    bundle = valid("finland")
    bundle["partners"][1]["lead_of_side"] = False
    assert result(bundle, "MOST22-FI-PARTNERS") == "failed"


def test_germany_two_plus_two_with_a_university() -> None:
    bundle = valid("germany")
    bundle["partners"][1]["kind"] = "university"
    assert result(bundle, "MOST22-DE-2PLUS2") == "passed"
    bundle["applicant"]["kind"] = "enterprise"
    assert result(bundle, "MOST22-DE-2PLUS2") == "failed"


@pytest.mark.parametrize("valid_until,expected", [("2022-01-10", "passed"), ("2022-01-09", "failed")])
def test_germany_agreement_valid_on_the_submission_date(valid_until, expected) -> None:
    bundle = valid("germany")
    bundle["agreements"][0]["valid_until"] = valid_until
    assert result(bundle, "MOST22-DE-AGREEMENT") == expected


@pytest.mark.parametrize("foreign_day,expected", [("2021-12-01", "passed"), ("2021-11-30", "failed")])
def test_austria_industry_ip_signed_before_both_submissions(foreign_day, expected) -> None:
    bundle = valid("austria-industry")
    bundle["foreign_submission"]["submitted_on"] = foreign_day
    assert result(bundle, "MOST22-IP") == expected


def test_spain_cofunding_must_be_about_a_spanish_enterprise() -> None:
    bundle = valid("spain")
    bundle["documents"][0]["about"] = "lead"
    assert result(bundle, "MOST22-ES-PARTNER") == "failed"


def test_korea_industry_enterprise_may_lead() -> None:
    bundle = valid("korea-industry")
    bundle["partners"].pop(0)
    bundle["team"] = [m for m in bundle["team"] if m["organization"] != "cn-ent"]
    assert result(bundle, "MOST22-KR1-ENTERPRISE") == "failed"
    bundle["applicant"]["kind"] = "enterprise"
    assert result(bundle, "MOST22-KR1-ENTERPRISE") == "passed"


def test_us_federal_needs_a_us_partner() -> None:
    bundle = valid("usa")
    bundle["partners"][0]["country"] = "CA"
    assert result(bundle, "MOST22-US-FEDERAL") == "failed"


# ----------------------------------------------------------------------------- the US quota (batch)

def _usa_batch(recommenders):
    bundles = []
    for index, recommender in enumerate(recommenders):
        bundle = valid("usa")
        bundle["project"]["title"] += f" {index}"
        if recommender is None:
            del bundle["recommended_by"]
        else:
            bundle["recommended_by"] = recommender
        bundles.append(bundle)
    return appcheck.validate_batch(bundles, as_of="2022-01-01")


@pytest.mark.parametrize("count", [4, 5, 6])
def test_quota_of_five_per_recommender(count) -> None:
    batch = _usa_batch(["某省科学技术厅"] * count)
    statuses = {next(f for f in r.findings if f.requirement == "MOST22-US-QUOTA").status.value for r in batch.reports}
    assert statuses == {"failed" if count > 5 else "passed"}
    assert bool(batch.findings) == (count > 5)


def test_quota_counts_each_recommender_apart() -> None:
    batch = _usa_batch(["甲"] * 5 + ["乙"] * 5)
    assert batch.ok and not batch.findings


def test_quota_without_a_recommender_fails_that_bundle() -> None:
    batch = _usa_batch(["甲", None])
    quota = [next(f for f in r.findings if f.requirement == "MOST22-US-QUOTA").status.value for r in batch.reports]
    assert quota == ["passed", "failed"]


@settings(max_examples=80)
@given(case=st.sampled_from(DURATIONS), end=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2025, 12, 31)))
@example(case=DURATIONS[0], end=dt.date(2025, 6, 30))
@example(case=DURATIONS[0], end=dt.date(2025, 7, 1))
@example(case=DURATIONS[0], end=dt.date(2024, 6, 29))
def test_every_duration_against_a_reference(case, end) -> None:
    topic, requirement, minimum, maximum, _ = case
    bundle = valid(topic)
    bundle["project"]["start_date"], bundle["project"]["end_date"] = START.isoformat(), end.isoformat()
    delta = relativedelta(end + dt.timedelta(days=1), START)
    months, days = delta.years * 12 + delta.months, delta.days
    within = (minimum is None or months >= minimum) and (months < maximum or (months == maximum and days == 0))
    assert (result(bundle, requirement) == "passed") == within


@settings(max_examples=40)
@given(valid_until=st.dates(min_value=dt.date(2021, 12, 1), max_value=dt.date(2026, 1, 1)))
@example(valid_until=DAY)
@example(valid_until=DAY - dt.timedelta(days=1))
@example(valid_until=DAY + dt.timedelta(days=1))
def test_germany_agreement_validity_against_a_reference(valid_until) -> None:
    bundle = valid("germany")
    bundle["agreements"][0]["valid_until"] = valid_until.isoformat()
    assert (result(bundle, "MOST22-DE-AGREEMENT") == "passed") == (valid_until >= DAY)


@settings(max_examples=40)
@given(signed=st.dates(min_value=dt.date(2021, 11, 1), max_value=DAY), foreign=st.dates(min_value=dt.date(2021, 11, 1), max_value=dt.date(2022, 2, 1)))
@example(signed=dt.date(2021, 12, 1), foreign=dt.date(2021, 12, 1))
@example(signed=dt.date(2021, 12, 2), foreign=dt.date(2021, 12, 1))
@example(signed=DAY, foreign=dt.date(2022, 2, 1))
def test_austria_industry_ip_date_against_a_reference(signed, foreign) -> None:
    bundle = valid("austria-industry")
    bundle["agreements"][0]["signed_on"] = signed.isoformat()
    bundle["foreign_submission"]["submitted_on"] = foreign.isoformat()
    assert (result(bundle, "MOST22-IP") == "passed") == (signed <= DAY and signed <= foreign)
