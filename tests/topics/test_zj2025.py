"""zj-2025 (a pre-notice) through whole bundles: the note, the 20 % rule, deadlines, tables."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

import appcheck
from appcheck.topics import zj2025

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "zj-2025"
GUIDELINE = Path(__file__).resolve().parents[3] / "shared" / "guidelines" / "zj-2025.txt"
YUAN = Decimal("0.0001")


def load(topic: str, name: str) -> dict:
    return json.loads((EXAMPLES / topic / f"{name}.json").read_text(encoding="utf-8"), parse_float=Decimal)


def findings(bundle: dict) -> dict:
    return {f.requirement: f for f in appcheck.validate(copy.deepcopy(bundle)).findings}


def state(bundle: dict, requirement: str) -> str:
    return findings(bundle)[requirement].status.value


@pytest.mark.skipif(not GUIDELINE.exists(), reason="guideline not beside this checkout")
def test_tables_are_verbatim() -> None:
    text = GUIDELINE.read_text(encoding="utf-8")
    for labels in zj2025.FIELDS.values():
        for label in labels:
            assert label in text, label
    for agency, _, _ in zj2025.AGENCIES.values():
        assert agency.names[0] in text, agency.names
    for rule in zj2025.DEADLINES.values():
        assert f"申请截止时间{'为' if rule.kind != 'tbd' else ''}{rule.wording}" in text


def test_every_finding_notes_the_pre_notice() -> None:
    assert zj2025.CALL.note and zj2025.CALL.note_en
    report = appcheck.validate(load("foreign-rd-joint", "valid"))
    assert report.findings and all(zj2025.CALL.note in f.source for f in report.findings if f.requirement.startswith("ZJ25"))


SUBSIDY_TOPICS = [("bilateral-industrial", "valid-israel"), ("intergov-innovation", "valid-uk-midlands"), ("foreign-rd-joint", "valid")]


@pytest.mark.parametrize("topic,name", SUBSIDY_TOPICS)
@given(subsidy=st.decimals(min_value=Decimal(1), max_value=Decimal(200), places=4),
       investment=st.decimals(min_value=Decimal(1), max_value=Decimal(2000), places=4))
@example(subsidy=Decimal(150), investment=Decimal(750))
@example(subsidy=Decimal(150) + YUAN, investment=Decimal(2000))
@example(subsidy=Decimal(150) - YUAN, investment=Decimal(750))
@example(subsidy=Decimal(100), investment=Decimal(500))
@example(subsidy=Decimal(100), investment=Decimal(500) - YUAN)
@example(subsidy=Decimal(100), investment=Decimal(500) + YUAN)
@example(subsidy=Decimal(100) + YUAN, investment=Decimal(500))
def test_twenty_percent_and_cap(topic, name, subsidy, investment) -> None:
    bundle = load(topic, name)
    bundle["budget"].update(subsidy_requested=subsidy, enterprise_rd_investment=investment)
    finding = findings(bundle)["ZJ25-SUBSIDY"]
    assert (finding.status.value == "passed") == (subsidy <= 150 and subsidy <= Decimal("0.2") * investment)
    assert finding.severity.value == "error"


def test_subsidy_without_investment_fails() -> None:
    bundle = load("bilateral-industrial", "valid-norway")
    del bundle["budget"]["enterprise_rd_investment"]
    finding = findings(bundle)["ZJ25-SUBSIDY"]
    assert finding.status.value == "failed" and "enterprise_rd_investment" in finding.path


@given(st.dates(dt.date(2024, 6, 1), dt.date(2025, 6, 30)))
@example(dt.date(2024, 9, 25))
@example(dt.date(2024, 9, 26))
@example(dt.date(2024, 9, 24))
def test_finland_deadline(day) -> None:
    bundle = load("bilateral-industrial", "valid-finland")
    bundle["foreign_submission"]["submitted_on"] = day.isoformat()
    assert (state(bundle, "ZJ25-BIL-DEADLINE") == "passed") == (day <= dt.date(2024, 9, 25))


@given(st.dates(dt.date(2024, 6, 1), dt.date(2025, 6, 30)))
@example(dt.date(2024, 10, 30))
@example(dt.date(2024, 10, 31))
@example(dt.date(2024, 10, 29))
def test_israel_deadline(day) -> None:
    bundle = load("bilateral-industrial", "valid-israel")
    bundle["foreign_submission"]["submitted_on"] = day.isoformat()
    assert (state(bundle, "ZJ25-BIL-DEADLINE") == "passed") == (day <= dt.date(2024, 10, 30))


@pytest.mark.parametrize("track", ["norway", "singapore", "west-flanders"])
def test_deadline_to_be_agreed(track) -> None:
    assert state(load("bilateral-industrial", f"valid-{track}"), "ZJ25-BIL-DEADLINE") == "needs_review"


@given(st.integers(300, 1500))
@example(730)   # 2025-01-01 .. 2026-12-31: 24 months
@example(729)
@example(1095)  # .. 2027-12-31: 36 months
@example(1096)
def test_duration_two_to_three_years(days) -> None:
    bundle = load("foreign-rd-joint", "valid")
    start = dt.date(2025, 1, 1)
    end = start + dt.timedelta(days=days)
    bundle["project"]["end_date"] = end.isoformat()
    finding = findings(bundle)["ZJ25-DURATION"]
    ok = start + relativedelta(months=24) <= end + dt.timedelta(days=1) and end < start + relativedelta(months=36)
    assert (finding.status.value == "passed") == ok
    assert finding.severity.value == "warning"


@pytest.mark.parametrize("kind,subdivision,locality,expected", [
    ("enterprise", "GB-STS", None, "passed"), ("enterprise", "GB-NNH", None, "passed"), ("enterprise", "GB-ENG", "赫里福德郡", "passed"),
    ("university", "GB-NGM", None, "failed"), ("enterprise", "GB-BIR", "Birmingham", "failed"),
])
def test_midlands_enterprise(kind, subdivision, locality, expected) -> None:
    bundle = load("intergov-innovation", "valid-uk-midlands")
    bundle["partners"][0].update(kind=kind, subdivision=subdivision)
    if locality:
        bundle["partners"][0]["locality"] = locality
    else:
        bundle["partners"][0].pop("locality")
    assert state(bundle, "ZJ25-IGV-PARTNER") == expected


@pytest.mark.parametrize("track", ["finland", "singapore"])
def test_yangtze_delta_is_info(track) -> None:
    bundle = load("bilateral-industrial", f"valid-{track}")
    assert state(bundle, "ZJ25-BIL-YRD") == "passed"
    bundle["partners"][1]["subdivision"] = "CN-ZJ"
    finding = findings(bundle)["ZJ25-BIL-YRD"]
    assert finding.status.value == "failed" and finding.severity.value == "info"
    assert "ZJ25-BIL-YRD" not in findings(load("bilateral-industrial", "valid-israel"))


def test_academia_is_soft() -> None:
    bundle = load("foreign-rd-joint", "valid")
    bundle["partners"][1]["kind"] = "research_institute"
    assert state(bundle, "ZJ25-FRD-ACADEMIA") == "passed"
    bundle["partners"][1]["kind"] = "enterprise"
    report = appcheck.validate(bundle)
    assert report.ok and {f.requirement for f in report.findings if f.status.value == "failed"} == {"ZJ25-FRD-ACADEMIA"}


@pytest.mark.parametrize("topic,name", SUBSIDY_TOPICS)
@pytest.mark.parametrize("declared,expected", [(None, "passed"), (False, "passed"), (True, "failed")])
def test_quota_exempt_notes_an_application_counted_against_the_quota(topic, name, declared, expected) -> None:
    bundle = load(topic, name)
    bundle.pop("counts_against_quota", None)
    if declared is not None:
        bundle["counts_against_quota"] = declared
    report = appcheck.validate(copy.deepcopy(bundle))
    finding = {f.requirement: f for f in report.findings}["ZJ25-QUOTA-EXEMPT"]
    assert finding.status.value == expected
    assert finding.severity.value == "info"
    assert report.ok  # an info note never blocks
    if declared is None:
        assert "not given" in finding.message_en and "false by default" in finding.message_en
    if declared:
        assert finding.path == "/counts_against_quota" and finding.expected is False and finding.actual is True
        assert "do not count against" in finding.message_en


def test_quota_exempt_with_an_unreadable_declaration_fails() -> None:
    bundle = load("foreign-rd-joint", "valid")
    bundle["counts_against_quota"] = "yes"
    report = appcheck.validate(copy.deepcopy(bundle))
    found = {f.requirement: f for f in report.findings}
    assert found["ZJ25-QUOTA-EXEMPT"].status.value == "failed" and "cannot check" in found["ZJ25-QUOTA-EXEMPT"].message_en
    assert found["SCHEMA"].path == "/counts_against_quota"
