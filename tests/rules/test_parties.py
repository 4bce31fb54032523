from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.base import NOT_FOREIGN
from appcheck.rules.parties import (
    ApplicantIs, HasParty, NoOngoingProjects, Orgs, PIEmployed, PIQualification, PriorCooperation, TeamCoversParties,
)

from .helpers import DAY, org, outcome, status

GUANGDONG = Orgs(countries={"CN"}, subdivisions={"CN-GD"})


def bundle(*partners, applicant=None, **extra) -> dict:
    return {"applicant": applicant or org("lead", subdivision="CN-GD"), "partners": list(partners), **extra}


@pytest.mark.parametrize("applicant,expected", [
    (org("lead", subdivision="CN-GD"), "passed"),
    (org("lead", subdivision="CN-ZJ"), "failed"),
    (org("lead", country="HK"), "failed"),
])
def test_applicant_in_guangdong(applicant, expected) -> None:
    assert status(ApplicantIs(GUANGDONG), bundle(applicant=applicant)) == expected


def test_applicant_without_subdivision_fails_on_it() -> None:
    result = outcome(ApplicantIs(GUANGDONG), bundle(applicant=org("lead")))
    assert result.status.value == "failed" and result.segments == ("applicant", "subdivision")


def test_applicant_legal_entity() -> None:
    rule = ApplicantIs(GUANGDONG, legal_entity=True)
    assert status(rule, bundle(applicant=org("lead", subdivision="CN-GD", independent_legal_entity=True))) == "passed"
    assert status(rule, bundle(applicant=org("lead", subdivision="CN-GD", independent_legal_entity=False))) == "failed"
    assert status(rule, bundle(applicant=org("lead", subdivision="CN-GD"))) == "failed"


@pytest.mark.parametrize("country,expected", [("DE", "passed"), ("HK", "failed"), ("MO", "failed"), ("TW", "failed"), ("CN", "failed"), ("SG", "passed")])
def test_foreign_means_not_cn_hk_mo_tw(country, expected) -> None:
    partner = org("p", role="foreign_partner", country=country, subdivision="CN-GD" if country == "CN" else None)
    assert status(HasParty(Orgs(not_countries=NOT_FOREIGN)), bundle(partner)) == expected


def test_international_organization_counts_by_headquarters() -> None:
    rule = HasParty(Orgs(not_countries=NOT_FOREIGN))
    assert status(rule, bundle(org("io", role="foreign_partner", kind="international_organization", country="CH"))) == "passed"
    assert status(rule, bundle(org("io", role="foreign_partner", kind="international_organization", country="HK"))) == "failed"


def test_co_organizer_outside_mainland_or_international_organization() -> None:
    rule = HasParty(Orgs(roles={"foreign_partner"}, not_countries={"CN"}, or_kinds={"international_organization"}))
    assert status(rule, bundle(org("hk", role="foreign_partner", country="HK"))) == "passed"
    assert status(rule, bundle(org("io", role="foreign_partner", kind="international_organization", country="CN", subdivision="CN-BJ"))) == "passed"
    assert status(rule, bundle(org("d", role="domestic_partner", subdivision="CN-GD"))) == "failed"


def test_has_party_including_applicant() -> None:
    rule = HasParty(Orgs(kinds={"enterprise"}, subdivisions={"CN-GD"}), include_applicant=True)
    assert status(rule, bundle(applicant=org("lead", kind="enterprise", subdivision="CN-GD"))) == "passed"
    assert status(rule, bundle(org("e", role="domestic_partner", kind="enterprise", subdivision="CN-SZ"))) == "failed"
    assert status(rule, bundle(org("e", role="domestic_partner", kind="enterprise", subdivision="CN-GD"))) == "passed"


def test_partner_without_country_fails_not_passes() -> None:
    partner = {"id": "p", "role": "foreign_partner", "kind": "university", "name": "P"}
    result = outcome(HasParty(Orgs(not_countries=NOT_FOREIGN)), bundle(partner))
    assert result.status.value == "failed" and result.segments == ("partners", 0, "country")


def test_malformed_partner_entry_fails() -> None:
    assert status(HasParty(Orgs(not_countries=NOT_FOREIGN)), bundle("not an object")) == "failed"


@pytest.mark.parametrize("bad", [dict(roles=set()), dict(kinds={"company"}), dict(roles={"sponsor"}), dict(countries={""})])
def test_bad_filters_fail_when_built(bad) -> None:
    with pytest.raises(ValueError):
        Orgs(**bad)


def test_team_covers_every_party() -> None:
    parties = [org("tum", role="foreign_partner", country="DE")]
    team = [{"name": "a", "organization": "lead"}, {"name": "b", "organization": "tum"}]
    assert status(TeamCoversParties(), bundle(*parties, team=team)) == "passed"
    assert status(TeamCoversParties(), bundle(*parties, team=team[:1])) == "failed"
    assert status(TeamCoversParties(), bundle(*parties, team=team + [{"name": "c", "organization": "ghost"}])) == "failed"
    assert status(TeamCoversParties(), bundle(*parties)) == "failed"


def pi(**fields) -> dict:
    return {"principal_investigator": {"name": "x", "organization": "lead", "employed_by_applicant": True, "identity": "mainland", **fields}}


def test_pi_employed() -> None:
    assert status(PIEmployed(), bundle(**pi())) == "passed"
    assert status(PIEmployed(), bundle(**pi(employed_by_applicant=False))) == "failed"
    assert status(PIEmployed(), bundle(**pi(organization="other"))) == "failed"
    assert status(PIEmployed(), bundle(**pi(employed_by_applicant="yes"))) == "failed"


QUALIFIED = PIQualification(date_setting="gd-2022.published_on")
QUALIFIED_OR_POST = PIQualification(enterprise_post=True, date_setting="gd-2022.published_on")


@given(st.dates(dt.date(2015, 1, 1), dt.date(2023, 1, 1)))
@example(DAY).via("on the reference date")
@example(DAY - dt.timedelta(days=1)).via("the day before")
def test_qualification_strictly_before_the_reference_date(awarded) -> None:
    b = bundle(**pi(title="associate_senior", title_awarded_on=awarded.isoformat()))
    assert (status(QUALIFIED, b) == "passed") == (awarded < DAY)


def test_qualification_uses_the_publication_date_when_set() -> None:
    b = bundle(**pi(degree="doctorate", degree_awarded_on="2022-04-01"))
    assert status(QUALIFIED, b) == "passed"
    result = outcome(QUALIFIED, b, settings={"gd-2022.published_on": dt.date(2022, 3, 31)})
    assert result.status.value == "failed" and "2022-03-31" in result.message
    assert "submitted_on" in outcome(QUALIFIED, b).message_en or "submission date" in outcome(QUALIFIED, b).message_en


@pytest.mark.parametrize("fields,expected", [
    (dict(degree="doctorate", degree_awarded_on="2010-01-01"), "passed"),
    (dict(degree="master", degree_awarded_on="2010-01-01"), "failed"),
    (dict(title="senior", title_awarded_on="2010-01-01"), "passed"),
    (dict(title="intermediate", title_awarded_on="2010-01-01"), "failed"),
    (dict(title="senior"), "failed"),
    (dict(), "failed"),
    (dict(enterprise_senior_position=True, enterprise_senior_position_since="2010-01-01"), "failed"),
])
def test_qualification_kinds(fields, expected) -> None:
    assert status(QUALIFIED, bundle(**pi(**fields))) == expected


def test_enterprise_post_counts_for_industrial_only() -> None:
    b = bundle(**pi(enterprise_senior_position=True, enterprise_senior_position_since="2010-01-01"))
    assert status(QUALIFIED_OR_POST, b) == "passed"
    assert status(QUALIFIED, b) == "failed"


def test_qualification_without_submission_date_fails() -> None:
    b = bundle(**pi(title="senior", title_awarded_on="2010-01-01"), submitted_on="10 May 2022")
    assert outcome(QUALIFIED, b, day=None).segments == ("submitted_on",)


ONGOING = NoOngoingProjects(levels={"provincial"}, categories={"gd_hk_mo_joint", "international_cooperation"})


@given(st.dates(dt.date(2021, 1, 1), dt.date(2024, 1, 1)))
@example(DAY).via("ends on the submission date: still running")
@example(DAY - dt.timedelta(days=1)).via("ended the day before")
def test_ongoing_project_boundary(ends) -> None:
    projects = [{"program": "p", "level": "provincial", "category": "international_cooperation", "ends_on": ends.isoformat()}]
    assert (status(ONGOING, bundle(**pi(ongoing_projects=projects))) == "passed") == (ends < DAY)


@pytest.mark.parametrize("level,category,expected", [
    ("provincial", "gd_hk_mo_joint", "failed"), ("national", "international_cooperation", "passed"), ("provincial", "other", "passed"),
])
def test_ongoing_project_kinds(level, category, expected) -> None:
    projects = [{"program": "p", "level": level, "category": category}]
    assert status(ONGOING, bundle(**pi(ongoing_projects=projects))) == expected


def test_ongoing_project_without_end_date_is_running() -> None:
    projects = [{"program": "p", "level": "provincial", "category": "gd_hk_mo_joint"}]
    assert status(ONGOING, bundle(**pi(ongoing_projects=projects))) == "failed"


HISTORY = PriorCooperation(Orgs(roles={"foreign_partner"}))


def test_prior_cooperation_needs_review_when_declared() -> None:
    partner = org("tum", role="foreign_partner", country="DE")
    declared = [{"partner": "tum", "since": "2018-01-01", "description": "d"}]
    assert status(HISTORY, bundle(partner, prior_cooperation=declared)) == "needs_review"
    assert status(HISTORY, bundle(partner)) == "failed"
    assert status(HISTORY, bundle(partner, prior_cooperation=[dict(declared[0], since="2022-05-10")])) == "failed"
    assert status(HISTORY, bundle(org("d", role="domestic_partner", subdivision="CN-GD"), prior_cooperation=[dict(declared[0], partner="d")])) == "failed"


def test_partner_without_role_fails_a_role_filter() -> None:
    partner = {"id": "p", "kind": "enterprise", "country": "CN", "subdivision": "CN-GD", "name": "P"}
    result = outcome(HasParty(Orgs(roles={"domestic_partner"})), bundle(partner))
    assert result.status.value == "failed" and result.segments == ("partners", 0, "role")


def test_malformed_values_never_crash_a_rule() -> None:
    partner = {"id": "p", "role": ["foreign_partner"], "kind": {"x": 1}, "country": ["DE"], "name": "P"}
    for rule in (HasParty(Orgs(roles={"foreign_partner"})), HasParty(Orgs(not_countries=NOT_FOREIGN)), TeamCoversParties()):
        assert status(rule, bundle(partner, team=[{"name": "x", "organization": ["lead"]}])) == "failed"


def test_equal_filters_describe_themselves_alike_every_time() -> None:
    first = Orgs(roles={"foreign_partner"}, kinds={"enterprise"}, countries={"JP"})
    again = Orgs(roles=["foreign_partner"], kinds=("enterprise",), countries=frozenset({"JP"}))
    assert first.describe() == again.describe() == first.describe() == ("外方合作单位（JP的企业）", "a foreign partner (an enterprise in JP)")
    assert Orgs(countries={"KR"}).describe() == ("KR的单位", "an organization in KR")
    assert Orgs().describe() == ("任意单位", "any organization")
