"""gd-2022 through whole bundles: the Revision 2 readings of trainees, attendance and the PI's qualification."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import appcheck

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "gd-2022"
SUBMITTED = dt.date(2022, 5, 10)  # the research examples' submitted_on
PUBLISHED_FROM = dt.date(2022, 1, 1)


def load(topic: str, name: str = "valid") -> dict:
    return json.loads((EXAMPLES / topic / f"{name}.json").read_text(encoding="utf-8"), parse_float=Decimal)


def findings(bundle: dict, **settings_) -> dict:
    report = appcheck.validate(copy.deepcopy(bundle), settings=settings_ or None)
    return {f.requirement: f for f in report.findings}


# ----------------------------------------------------------------------------- trainees are foreign

def trainees(*rows: tuple[str, int], days: int = 20) -> dict:
    bundle = load("training")
    bundle["training"]["trainees"] = [{"country": country, "count": count} for country, count in rows]
    bundle["training"]["days"] = days
    return bundle


@pytest.mark.parametrize("rows,expected", [
    ((("VN", 12), ("TH", 10), ("KE", 8)), "passed"),
    ((("VN", 12), ("TH", 10), ("HK", 5), ("MO", 3)), "failed"),  # Hong Kong and Macao are not trainee countries
    ((("VN", 12), ("TH", 10), ("TW", 8)), "failed"),
    ((("VN", 12), ("TH", 10), ("CN", 8)), "failed"),
    ((("VN", 12), ("TH", 10), ("HK", 5), ("KE", 3)), "passed"),
])
def test_trainee_countries_are_foreign(rows, expected) -> None:
    finding = findings(trainees(*rows))["GD22-TRN-COUNTRIES"]
    assert finding.status.value == expected
    left_out = sorted({country for country, _ in rows} & {"CN", "HK", "MO", "TW"})
    if expected == "failed":
        assert all(country in finding.message_en for country in left_out)
        assert ("not count as" in finding.message_en) and finding.actual == 2


@settings(max_examples=80)
@given(foreign=st.integers(0, 40), others=st.integers(0, 20), days=st.integers(10, 25))
@example(foreign=20, others=0, days=20)
@example(foreign=19, others=1, days=20).via("a Hong Kong trainee does not make up the 20th")
@example(foreign=21, others=5, days=20)
@example(foreign=30, others=0, days=15)
@example(foreign=29, others=10, days=15)
@example(foreign=31, others=0, days=14)
@example(foreign=30, others=0, days=14)
def test_training_scale_counts_foreign_trainees_only(foreign, others, days) -> None:
    rows = [("VN", foreign)] if foreign else []
    rows += [("HK", others)] if others else []
    finding = findings(trainees(*rows, days=days))["GD22-TRN-SCALE"]
    assert (finding.status.value == "passed") == ((foreign >= 20 and days >= 20) or (foreign >= 30 and days >= 15))
    assert finding.severity.value == "warning" and finding.actual["trainees"] == foreign
    if others:
        assert finding.actual["not_counted"] == others and "not counted" in finding.message_en


# ----------------------------------------------------------------------------- organizers known by name

def attendance(applicant_count: int, flag: bool, unit: str | None = None) -> dict:
    bundle = load("exchange")
    row = bundle["exchange"]["attendance"][0]
    row.update(count=applicant_count, organizer=flag)
    if unit is not None:
        row["unit"] = unit
    return bundle


@settings(max_examples=60)
@given(count=st.integers(1, 60), flag=st.booleans())
@example(count=25, flag=False).via("120/150: exactly 80 %")
@example(count=26, flag=False).via("120/151: below")
@example(count=24, flag=False)
def test_a_row_named_like_the_applicant_is_an_organizer_row_whatever_its_flag(count, flag) -> None:
    # 40 other units of 3 (120 external), the partner's 5 organizer people, the applicant's row
    finding = findings(attendance(count, flag))["GD22-EXC-ATTENDANCE"]
    total = 120 + 5 + count
    assert (finding.status.value == "passed") == (total >= 150 and 120 * 5 >= 4 * (120 + 5 + count))


@pytest.mark.parametrize("unit", ["深圳某脑科学研究院", " 深圳某脑科学研究院 ", "International Brain Research Organization", "international  brain research ORGANIZATION"])
def test_rows_named_like_the_applicant_or_a_partner_count_fully(unit) -> None:
    bundle = attendance(40, False, unit)
    finding = findings(bundle)["GD22-EXC-ATTENDANCE"]
    assert finding.status.value == "failed"
    assert finding.actual["organizer_by_name"] == [unit.strip()]
    assert "counted as organizer" in finding.message_en


def test_another_unit_flagged_external_is_still_capped() -> None:
    bundle = attendance(40, False, "深圳某脑科学研究院附属医院")
    finding = findings(bundle)["GD22-EXC-ATTENDANCE"]
    assert "organizer_by_name" not in finding.actual and finding.actual["external_capped"] == 123


# ----------------------------------------------------------------------------- the publication date left unset

def qualified(day: dt.date, topic: str = "research") -> dict:
    bundle = load(topic)
    bundle["principal_investigator"].update(degree="master", title="associate_senior", title_awarded_on=day.isoformat())
    return bundle


@settings(max_examples=60)
@given(day=st.dates(dt.date(2019, 1, 1), dt.date(2023, 1, 1)))
@example(day=PUBLISHED_FROM - dt.timedelta(days=1))
@example(day=PUBLISHED_FROM)
@example(day=PUBLISHED_FROM + dt.timedelta(days=1))
@example(day=SUBMITTED - dt.timedelta(days=1))
@example(day=SUBMITTED)
@example(day=SUBMITTED + dt.timedelta(days=1))
def test_qualification_with_the_publication_date_unset(day) -> None:
    finding = findings(qualified(day))["GD22-PI-QUALIFICATION"]
    expected = "passed" if day < PUBLISHED_FROM else "needs_review" if day < SUBMITTED else "failed"
    assert finding.status.value == expected
    assert "gd-2022.published_on" in finding.message_en and "not set" in finding.message_en


@settings(max_examples=40)
@given(day=st.dates(dt.date(2021, 6, 1), dt.date(2022, 12, 31)))
@example(day=dt.date(2022, 4, 14))
@example(day=dt.date(2022, 4, 15))
def test_qualification_with_the_publication_date_set(day) -> None:
    finding = findings(qualified(day), **{"gd-2022.published_on": "2022-04-15"})["GD22-PI-QUALIFICATION"]
    assert finding.status.value == ("passed" if day < dt.date(2022, 4, 15) else "failed")
    assert "the guideline's publication date 2022-04-15 (setting gd-2022.published_on)" in finding.message_en


def test_failure_with_the_setting_unset_names_the_submission_date_not_the_publication() -> None:
    finding = findings(qualified(SUBMITTED))["GD22-PI-QUALIFICATION"]
    assert finding.status.value == "failed"
    assert "not before the submission date 2022-05-10" in finding.message_en
    assert "publication date 2" not in finding.message_en and "before the guideline's publication" not in finding.message_en
    assert "申报日期 2022-05-10" in finding.message


def test_needs_review_says_what_decides() -> None:
    finding = findings(qualified(dt.date(2022, 3, 1)))["GD22-PI-QUALIFICATION"]
    assert finding.status.value == "needs_review"
    assert "before the submission date 2022-05-10" in finding.message_en and "set gd-2022.published_on" in finding.message_en
    assert finding.severity.value == "error"


def test_industrial_enterprise_post_reads_the_same_way() -> None:
    bundle = load("industrial", "valid-direction-1")
    bundle["principal_investigator"].update(degree="master", title="none", enterprise_senior_position=True, enterprise_senior_position_since="2022-02-01")
    bundle["principal_investigator"].pop("title_awarded_on", None)
    assert findings(bundle)["GD22-PI-QUALIFICATION"].status.value == "needs_review"


def test_a_passing_exchange_grant_is_placed_at_the_amount_requested() -> None:
    path = Path(__file__).resolve().parents[2] / "examples" / "gd-2022" / "exchange" / "valid.json"
    (grant,) = [f for f in appcheck.validate(path).findings if f.requirement == "GD22-EXC-GRANT"]
    assert grant.status.value == "passed" and grant.path == "/budget/subsidy_requested"
    assert (grant.line, grant.column) != (1, 1)


@pytest.mark.parametrize("day,expected", [(dt.date(2021, 11, 30), "passed"), (dt.date(2021, 12, 1), "failed"), (dt.date(2021, 12, 15), "failed")])
def test_a_bundle_submitted_before_2022_is_measured_at_its_submission_date(day, expected) -> None:
    bundle = qualified(day)
    bundle["submitted_on"] = "2021-12-01"
    finding = findings(bundle)["GD22-PI-QUALIFICATION"]
    assert finding.status.value == expected and "the submission date 2021-12-01" in finding.message_en
