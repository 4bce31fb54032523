from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from appcheck.rules.base import NOT_FOREIGN
from appcheck.rules.parties import ApplicantIs, HasParty, NoOngoingProjects, Orgs, PIEmployed, PIQualification, PriorCooperation, TeamCoversParties
from appcheck.rules.places import PartnerCountries, PartnerInCountries, PartnersAre, Region, fold_place

from .helpers import DAY, facts, org, outcome, status
from .messages import parties as cases
from .messages.parties import ABROAD, AKSU, ENTERPRISE, FOREIGN, FOREIGN_EN, FOREIGN_ZH, IN_LIST, MIDLANDS, rd_center, tum

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


# ------------------------------------------------------------------ parameters are checked when a rule is built

@pytest.mark.parametrize("name", ["roles", "kinds", "countries", "not_countries", "subdivisions", "or_kinds"])
@pytest.mark.parametrize("bad", [(), ("",), (1,)])
def test_organization_filter_fields_must_be_non_empty_sets_of_strings(name, bad) -> None:
    with pytest.raises(ValueError, match=f"^Orgs.{name} must be a non-empty set of strings$"):
        Orgs(**{name: bad})


def test_organization_filter_knows_its_roles_and_kinds() -> None:
    with pytest.raises(ValueError, match=r"^Orgs: unknown roles or kinds \['lead', 'startup'\]$"):
        Orgs(roles={"lead"}, or_kinds={"startup"})
    with pytest.raises(ValueError, match=r"^Orgs: unknown roles or kinds \['startup'\]$"):
        Orgs(kinds={"startup"})
    assert Orgs(roles=["applicant"], kinds=["other"], or_kinds=["university"]).roles == frozenset({"applicant"})
    assert Orgs().roles is None and Orgs().rd_center is None


def test_organization_filter_matching() -> None:
    from .helpers import context

    ctx = context(cases.bundle(tum(), org("hk", role="foreign_partner", kind="international_organization", country="HK"), org("x", role="domestic_partner", foreign_rd_center={})))
    lead, de, hk, x = ctx.organizations
    assert Orgs(countries={"HK"}, or_kinds={"international_organization"}).matches(ctx, hk)
    assert Orgs(countries={"CN"}, or_kinds={"international_organization"}).matches(ctx, hk)
    assert not Orgs(countries={"CN"}, or_kinds={"enterprise"}).matches(ctx, hk)
    assert [Orgs(rd_center=True).matches(ctx, o) for o in (lead, de, x)] == [False, False, True]
    assert [Orgs(rd_center=False).matches(ctx, o) for o in (lead, de, x)] == [True, True, False]
    assert [ABROAD.matches(ctx, o) for o in (lead, de, hk)] == [False, True, False]
    assert [Orgs(subdivisions={"CN-GD"}).matches(ctx, o) for o in (lead,)] == [True]
    result = outcome(HasParty(Orgs(roles={"foreign_partner"})), cases.bundle({"id": "p", "country": "DE"}))
    assert (result.status.value, result.segments) == ("failed", ("partners", 0, "role"))
    assert "合作单位角色" in result.message and "a partner role" in result.message_en


def test_unknown_degree_or_title_fails_when_built() -> None:
    for bad in ({"degrees": {"phd"}}, {"titles": {"professor"}}):
        with pytest.raises(ValueError, match="^PIQualification: unknown degree or title$"):
            PIQualification(**bad)
    assert PIQualification(degrees={"doctorate", "master", "bachelor", "other"}, titles={"senior", "associate_senior", "intermediate", "junior", "none"}).titles == frozenset({"senior", "associate_senior", "intermediate", "junior", "none"})
    assert PIQualification().degrees == frozenset({"doctorate"}) and PIQualification().titles == frozenset({"senior", "associate_senior"})
    assert PIQualification(degrees=["master"], titles=[]).describe()[1] == "the principal investigator held a master's degree before the submission date"


def test_has_party_minimum_is_at_least_one() -> None:
    with pytest.raises(ValueError):
        HasParty(ABROAD, minimum=0)
    assert HasParty(ABROAD).minimum == 1 and HasParty(ABROAD).include_applicant is False


def test_ongoing_projects_need_levels_and_categories() -> None:
    with pytest.raises(ValueError):
        NoOngoingProjects(set(), {"x"})
    with pytest.raises(ValueError):
        NoOngoingProjects({"x"}, set())


def test_regions_are_checked_when_built() -> None:
    with pytest.raises(ValueError, match="^Region Nowhere: give codes, names or both$"):
        Region("无", "Nowhere", "GB")
    with pytest.raises(ValueError, match="^Region Nowhere: a name folds to nothing$"):
        Region("无", "Nowhere", "GB", names=("Leeds", " - "))
    for field in ("codes", "names"):
        with pytest.raises(ValueError, match=f"^Region.{field} must hold non-empty strings$"):
            Region("无", "Nowhere", "GB", **{field: ("",)})
    region = Region("x", "X", "GB", codes=["GB-DER"])
    assert region.names == () and region.within is None and region.codes == frozenset({"GB-DER"})


def test_places_fold_case_width_spaces_and_punctuation() -> None:
    assert fold_place("North-Northamptonshire (UK)") == "northnorthamptonshireuk"
    assert fold_place("ＡＫＳＵ　Prefecture") == "aksuprefecture"
    assert fold_place("阿克苏·地区／温宿县") == "阿克苏地区温宿县"
    assert fold_place("“St. Albans”, [Herts]; A&B_C:D") == "stalbanshertsabcd"


def test_a_region_places_by_code_then_by_name_within_its_country() -> None:
    from .helpers import context

    def located(region, **data):
        ctx = context(cases.bundle(org("p", role="foreign_partner", **data)))
        return region.locate(ctx.partners[0])

    assert located(MIDLANDS, country="GB", subdivision="GB-DER") == "GB-DER"
    assert located(MIDLANDS, country="FR", subdivision="GB-DER") is None
    assert located(MIDLANDS, country="GB", subdivision="GB-ENG", locality="west northamptonshire") == "Northamptonshire"
    assert located(MIDLANDS, country="GB", locality="北安普敦郡") == "北安普敦郡"
    assert located(MIDLANDS, country="GB", subdivision="GB-ENG") is None
    assert located(AKSU, country="CN", subdivision="CN-XJ", locality="Aksu City") == "Aksu"
    assert located(AKSU, country="CN", locality="阿克苏") == "阿克苏"  # no code given: the locality decides
    assert located(AKSU, country="CN", subdivision="CN-XJ", locality="阿克苏地区") == "阿克苏"  # the listed name with its suffix
    assert located(AKSU, country="CN", subdivision="CN-XJ", locality="阿克苏路") is None  # a street named after it
    assert located(MIDLANDS, country="GB", subdivision="GB-MAN", locality="Northamptonshire") is None  # the code decides


def test_country_rules_are_checked_when_built() -> None:
    with pytest.raises(ValueError, match="^PartnerInCountries needs countries, lists or both$"):
        PartnerInCountries(FOREIGN)
    with pytest.raises(FileNotFoundError):
        PartnerInCountries(FOREIGN, lists=("no_such_list",))
    assert PartnerInCountries(FOREIGN, countries=["US"]).allowed() == frozenset({"US"})
    assert "MM" not in IN_LIST.allowed() and {"SG", "VN"} <= IN_LIST.allowed()
    with pytest.raises(ValueError, match="^PartnerCountries: minimum 3 exceeds the 2 countries listed$"):
        PartnerCountries(FOREIGN, {"BR", "RU"}, 3)
    assert PartnerCountries(FOREIGN, {"BR", "RU"}, 2).minimum == 2 and PartnerCountries(FOREIGN, {"BR"}).minimum == 1
    for bad in ({"countries": set()}, {"countries": {"BR"}, "minimum": 0}):
        with pytest.raises(ValueError):
            PartnerCountries(FOREIGN, **bad)


def test_partners_are_parameters() -> None:
    with pytest.raises(ValueError):
        PartnersAre(FOREIGN, ENTERPRISE, registered_years=0)
    with pytest.raises(ValueError):
        PartnersAre(FOREIGN, ENTERPRISE, minimum=-1)
    rule = PartnersAre(FOREIGN, ENTERPRISE, minimum=0)
    assert outcome(rule, cases.bundle()).status.value == "passed"
    assert (rule.legal_entity, rule.registered_years, PartnersAre(FOREIGN, ENTERPRISE).minimum) == (False, None, 1)


def test_a_partner_without_a_role_is_missing_input() -> None:
    assert facts(outcome(HasParty(FOREIGN), cases.bundle({"id": "p", "country": "DE"}))) == {
        "status": "failed", "segments": ("partners", 0, "role"),
        "message": "无法检查：缺少 /partners/0/role（应为合作单位角色）",
        "message_en": "cannot check: /partners/0/role is missing (expected a partner role)",
        "expected": "a partner role", "actual": None,
    }


def test_several_countries_are_listed_in_messages() -> None:
    rule = PartnerCountries(FOREIGN, {"BR", "RU", "IN", "ZA"}, 3)
    result = outcome(rule, cases.bundle(org("b", role="foreign_partner", country="BR"), org("z", role="foreign_partner", country="ZA")))
    assert result.message == f"{FOREIGN_ZH}来自 BR/IN/RU/ZA 中的 2 国（BR、ZA），要求至少 3 国"
    assert result.message_en == f"the matching partners ({FOREIGN_EN}) come from 2 of BR/IN/RU/ZA (BR, ZA); at least 3 required"
    rule = PartnerInCountries(FOREIGN, countries={"SG"}, review_countries={"PG", "FJ"})
    assert rule.describe() == (f"至少一家合作单位（{FOREIGN_ZH}）位于SG；FJ/PG 需核实", f"at least one partner ({FOREIGN_EN}) is in SG; FJ/PG need review")


@pytest.mark.parametrize("orgs,zh,en", [
    (Orgs(), "任意单位", "any organization"),
    (Orgs(roles={"foreign_partner", "domestic_partner"}), "国内参与单位/外方合作单位", "a domestic partner or a foreign partner"),
    (Orgs(countries={"DE", "FR"}), "DE/FR的单位", "an organization in DE/FR"),
    (Orgs(not_countries=NOT_FOREIGN), "国外（不含港澳台）的单位", "an organization outside China (not CN, HK, MO, TW)"),
    (Orgs(not_countries={"US", "JP"}), "JP/US 以外的单位", "an organization outside JP/US"),
    (Orgs(subdivisions={"CN-GD", "CN-ZJ"}), "CN-GD/CN-ZJ的单位", "an organization in CN-GD/CN-ZJ"),
    (Orgs(kinds={"university", "enterprise"}), "企业或高校", "an enterprise or a university"),
    (Orgs(rd_center=True), "外资研发机构", "a foreign R&D centre"),
    (Orgs(rd_center=False), "非外资研发机构", "an organization other than a foreign R&D centre"),
    (Orgs(rd_center=True, kinds={"research_institute"}), "外资研发机构（科研院所）", "a foreign R&D centre (a research institute)"),
    (Orgs(countries={"HK"}, or_kinds={"international_organization", "other"}), "HK的单位，或国际组织/其他单位", "an organization in HK, or an international organization or another kind of organization"),
    (Orgs(roles={"applicant"}, countries={"CN"}, subdivisions={"CN-GD"}, kinds={"medical_institution", "government_agency", "research_institute"}),
     "申报单位（CN-GD的政府机构或医疗卫生机构或科研院所）",
     "the applicant (a government agency or a medical institution or a research institute in CN-GD)"),
    (Orgs(kinds={"enterprise"}, countries={"FI"}, not_countries={"CN"}), "FI的CN 以外的企业", "an enterprise in FI outside CN"),
])
def test_organization_filters_describe_themselves(orgs, zh, en) -> None:
    assert orgs.describe() == (zh, en)


def test_an_ongoing_project_named_by_a_number_list_is_shown_as_the_bundle_writes_it() -> None:
    from decimal import Decimal

    from appcheck.rules.parties import NoOngoingProjects

    rule = NoOngoingProjects(levels={"provincial"}, categories={"international_cooperation"})
    bundle = {"submitted_on": "2022-05-10", "principal_investigator": {"ongoing_projects": [
        {"program": [Decimal("1E+300")], "level": "provincial", "category": "international_cooperation"}]}}
    found = outcome(rule, bundle)
    assert "Decimal(" not in found.message and "Decimal(" not in found.message_en
    assert "[1E+300]" in found.message_en
