"""What the party rules report, exactly: status, where, both messages with the names and numbers,
expected and actual, and how each rule and organization filter describes itself."""

from __future__ import annotations

import datetime as dt

from appcheck.rules.base import NOT_FOREIGN
from appcheck.rules.parties import ApplicantIs, HasParty, NoOngoingProjects, Orgs, PIEmployed, PIQualification, PriorCooperation, TeamCoversParties
from appcheck.rules.places import ForeignRDCenter, PartnerCountries, PartnerInCountries, PartnerInRegion, PartnersAre, Region

from ..helpers import org


GUANGDONG = Orgs(countries={"CN"}, subdivisions={"CN-GD"})
FOREIGN = Orgs(roles={"foreign_partner"})
ABROAD = Orgs(not_countries=NOT_FOREIGN)
ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"CN"})
DOMESTIC = Orgs(roles={"domestic_partner"})
JP_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"JP"})
RESEARCH = Orgs(kinds={"university", "research_institute"})
# how the organization filters describe themselves (their wording is the filter's own; the rules embed it)
FILTERS = {"GUANGDONG": GUANGDONG, "FOREIGN": FOREIGN, "ABROAD": ABROAD, "ENTERPRISE": ENTERPRISE, "DOMESTIC": DOMESTIC, "JP_ENTERPRISE": JP_ENTERPRISE, "RESEARCH": RESEARCH}
GUANGDONG_ZH, GUANGDONG_EN = GUANGDONG.describe()
FOREIGN_ZH, FOREIGN_EN = FOREIGN.describe()
ABROAD_ZH, ABROAD_EN = ABROAD.describe()
ENTERPRISE_ZH, ENTERPRISE_EN = ENTERPRISE.describe()
DOMESTIC_ZH, DOMESTIC_EN = DOMESTIC.describe()
JP_ENTERPRISE_ZH, JP_ENTERPRISE_EN = JP_ENTERPRISE.describe()
RESEARCH_ZH, RESEARCH_EN = RESEARCH.describe()
MIDLANDS = Region("英国中部", "the Midlands", "GB", codes={"GB-DER"}, names=("Northamptonshire", "北安普敦郡"), within={"GB-ENG"})
AKSU = Region("阿克苏地区", "Aksu Prefecture", "CN", names=("阿克苏", "Aksu"), within={"CN-XJ"})


def bundle(*partners, applicant=None, **extra) -> dict:
    return {"applicant": applicant or org("lead", subdivision="CN-GD"), "partners": list(partners), **extra}


def tum(**extra) -> dict:
    return org("tum", role="foreign_partner", country="DE", **extra)


def pi(**fields) -> dict:
    return bundle(tum(), principal_investigator={"organization": "lead", "employed_by_applicant": True, **fields})


def team(*orgs_) -> dict:
    return bundle(tum(), team=[{"name": f"member {i}", "organization": o} for i, o in enumerate(orgs_)])


def rd_center(country="CN", global_500=True, parent_country="DE") -> dict:
    return bundle(org("sie", role="domestic_partner", kind="enterprise", country=country, foreign_rd_center={
        "parent_company": "Siemens", "parent_country": parent_country, "parent_in_global_500": global_500,
    }))


ONGOING = NoOngoingProjects({"provincial"}, {"international_cooperation"})
PROJECT = {"program": "粤港合作", "level": "provincial", "category": "international_cooperation", "ends_on": "2023-12-31"}
QUALIFIED = PIQualification()
QUALIFIED_BY_POST = PIQualification(enterprise_post=True, date_setting="published_on")
JAPAN = PartnersAre(FOREIGN, JP_ENTERPRISE)
FRANCE = PartnersAre(FOREIGN, RESEARCH, legal_entity=True, registered_years=3)
BRICS = PartnerCountries(FOREIGN, {"BR", "RU", "IN", "ZA"}, 2)
IN_LIST = PartnerInCountries(FOREIGN, countries={"SG"}, lists=("asean",), exclude={"MM"}, review_countries={"PG"})
OPEN_LIST = PartnerInCountries(FOREIGN, countries={"US"}, review_others=True, exclude={"RU"})


def place(country, subdivision=None, locality=None, role="foreign_partner") -> dict:
    return bundle(org("p", role=role, country=country, subdivision=subdivision, **({"locality": locality} if locality else {})))


CASES = {
    "applicant elsewhere": (ApplicantIs(GUANGDONG), bundle(applicant=org("lead", subdivision="CN-ZJ")), {}),
    "applicant qualifies": (ApplicantIs(GUANGDONG, legal_entity=True), bundle(applicant=org("lead", subdivision="CN-GD", independent_legal_entity=True)), {}),
    "applicant not a legal entity": (ApplicantIs(GUANGDONG, legal_entity=True), bundle(applicant=org("lead", subdivision="CN-GD", independent_legal_entity=False)), {}),
    "no foreign partner": (HasParty(ABROAD), bundle(org("hk", role="foreign_partner", country="HK")), {}),
    "a foreign partner": (HasParty(ABROAD), bundle(org("hk", country="HK"), tum()), {}),
    "two enterprises wanted, applicant counted": (HasParty(ENTERPRISE, include_applicant=True, minimum=2), bundle(org("e", kind="enterprise"), applicant=org("lead", kind="enterprise")), {}),
    "two enterprises wanted, one found": (HasParty(ENTERPRISE, include_applicant=True, minimum=2), bundle(org("e", kind="enterprise"), applicant=org("lead")), {}),
    "no enterprise anywhere": (HasParty(ENTERPRISE, include_applicant=True), bundle(org("u")), {}),
    "team covers all": (TeamCoversParties(), team("lead", "tum", "lead"), {}),
    "team misses a partner": (TeamCoversParties(), team("lead", "lead"), {}),
    "team member of an unknown organization": (TeamCoversParties(), team("lead", "mit"), {}),
    "PI employed": (PIEmployed(), pi(), {}),
    "PI of a partner": (PIEmployed(), pi(organization="tum"), {}),
    "PI not employed": (PIEmployed(), pi(employed_by_applicant=False), {}),
    "PI doctorate in time": (QUALIFIED, pi(degree="doctorate", degree_awarded_on="2010-07-01", title="intermediate"), {}),
    "PI title the same day": (QUALIFIED, pi(degree="master", title="senior", title_awarded_on="2022-05-10"), {}),
    "PI title without a date": (QUALIFIED, pi(degree="master", title="associate_senior"), {}),
    "PI unqualified": (QUALIFIED, pi(degree="master", title="intermediate"), {}),
    "PI post before publication": (QUALIFIED_BY_POST, pi(degree="master", title="none", enterprise_senior_position=True, enterprise_senior_position_since="2020-01-01"), {"settings": {"published_on": dt.date(2022, 3, 1)}}),
    "PI post after publication": (QUALIFIED_BY_POST, pi(degree="master", title="none", enterprise_senior_position=True, enterprise_senior_position_since="2022-03-01"), {"settings": {"published_on": dt.date(2022, 3, 1)}}),
    "PI post without a date": (QUALIFIED_BY_POST, pi(degree="master", title="none", enterprise_senior_position=True), {}),
    "ongoing project": (ONGOING, pi(ongoing_projects=[PROJECT]), {}),
    "ongoing project without an end": (ONGOING, pi(ongoing_projects=[{k: v for k, v in PROJECT.items() if k != "ends_on"}]), {}),
    "project ended the day before": (ONGOING, pi(ongoing_projects=[{**PROJECT, "ends_on": "2022-05-09"}, {**PROJECT, "level": "national"}]), {}),
    "prior cooperation declared": (PriorCooperation(FOREIGN), bundle(tum(), prior_cooperation=[{"partner": "tum", "since": "2018-03-01"}]), {}),
    "prior cooperation only later": (PriorCooperation(FOREIGN), bundle(tum(), prior_cooperation=[{"partner": "tum", "since": "2022-05-10"}]), {}),
    "no prior cooperation": (PriorCooperation(FOREIGN), bundle(tum()), {}),
    "partner in the region by code": (PartnerInRegion(FOREIGN, MIDLANDS), place("GB", "GB-DER"), {}),
    "partner in the region by name": (PartnerInRegion(FOREIGN, MIDLANDS), place("GB", "GB-ENG", "North Northamptonshire"), {}),
    "partner outside the region": (PartnerInRegion(FOREIGN, MIDLANDS), place("GB", "GB-MAN", "Manchester"), {}),
    "no partner of the roles": (PartnerInRegion(FOREIGN, MIDLANDS), place("GB", "GB-DER", role="domestic_partner"), {}),
    "name outside the subdivision": (PartnerInRegion(DOMESTIC, AKSU), place("CN", "CN-GD", "阿克苏市", role="domestic_partner"), {}),
    "partner in a listed country": (IN_LIST, bundle(tum(), org("sg", role="foreign_partner", country="SG")), {}),
    "partner in a country to review": (IN_LIST, bundle(org("pg", role="foreign_partner", country="PG")), {}),
    "partner in an excluded country": (IN_LIST, bundle(org("mm", role="foreign_partner", country="MM"), tum()), {}),
    "partner in an open clause": (OPEN_LIST, bundle(tum()), {}),
    "partner excluded from an open clause": (OPEN_LIST, bundle(org("ru", role="foreign_partner", country="RU")), {}),
    "no rd centre": (ForeignRDCenter(), bundle(tum()), {}),
    "rd centre qualifies": (ForeignRDCenter(), rd_center(), {}),
    "rd centre abroad": (ForeignRDCenter(), rd_center(country="DE"), {}),
    "rd centre not global 500": (ForeignRDCenter(), rd_center(global_500=False), {}),
    "rd centre of a Chinese parent": (ForeignRDCenter(), rd_center(parent_country="CN"), {}),
    "Japanese partners qualify": (JAPAN, bundle(org("jp", role="foreign_partner", kind="enterprise", country="JP")), {}),
    "Japanese partner a university": (JAPAN, bundle(org("jp", role="foreign_partner", kind="enterprise", country="JP"), org("ut", role="foreign_partner", country="JP")), {}),
    "no Japanese partner": (JAPAN, bundle(), {}),
    "French partner too young": (FRANCE, bundle(org("fr", role="foreign_partner", country="FR", independent_legal_entity=True, registered_on="2019-05-11")), {}),
    "French partner old enough": (FRANCE, bundle(org("fr", role="foreign_partner", country="FR", independent_legal_entity=True, registered_on="2019-05-10")), {}),
    "French partner not a legal entity": (FRANCE, bundle(org("fr", role="foreign_partner", country="FR", independent_legal_entity=False, registered_on="2010-01-01")), {}),
    "one BRICS country": (BRICS, bundle(org("b1", role="foreign_partner", country="BR"), org("b2", role="foreign_partner", country="BR"), tum()), {}),
    "two BRICS countries": (BRICS, bundle(org("b1", role="foreign_partner", country="BR"), org("z", role="foreign_partner", country="ZA")), {}),
    "a partner without a role": (HasParty(FOREIGN), bundle({"id": "p", "country": "DE", "role": 7}), {}),
    "an applicant without a subdivision": (ApplicantIs(GUANGDONG), bundle(applicant=org("lead")), {}),
    "a malformed subdivision": (ApplicantIs(GUANGDONG), bundle(applicant=org("lead", subdivision=["CN-GD"])), {}),
    "a malformed legal-entity flag": (ApplicantIs(GUANGDONG, legal_entity=True), bundle(applicant=org("lead", subdivision="CN-GD", independent_legal_entity="yes")), {}),
    "an applicant enterprise does not count": (HasParty(ENTERPRISE), bundle(org("u"), applicant=org("lead", kind="enterprise")), {}),
    "no ongoing projects listed": (ONGOING, pi(), {}),
    "an unnamed ongoing project": (NoOngoingProjects({"provincial", "national"}, {"international_cooperation", "hk_macao"}), pi(ongoing_projects=[{**{k: v for k, v in PROJECT.items() if k != "program"}, "level": "national"}]), {}),
    "no ongoing project of two levels": (NoOngoingProjects({"provincial", "national"}, {"international_cooperation", "hk_macao"}), pi(ongoing_projects=[]), {}),
    "team members without names": (TeamCoversParties(), {**team("lead"), "team": [{"organization": "lead"}, {"organization": "mit"}]}, {}),
    "team misses two parties": (TeamCoversParties(), bundle(tum(), org("co", role="domestic_partner"), team=[{"name": "a", "organization": "lead"}]), {}),
    "PI of a malformed organization": (PIEmployed(), pi(organization=5), {}),
    "PI doctorate without a date": (QUALIFIED, pi(degree="doctorate", title="none"), {}),
    "two partners qualify": (JAPAN, bundle(org("jp", role="foreign_partner", kind="enterprise", country="JP"), org("jp2", role="foreign_partner", kind="enterprise", country="JP")), {}),
    "a malformed registration date": (FRANCE, bundle(org("fr", role="foreign_partner", country="FR", independent_legal_entity=True, registered_on="2019/05/10")), {}),
    "a malformed French legal-entity flag": (FRANCE, bundle(org("fr", role="foreign_partner", country="FR", independent_legal_entity="yes", registered_on="2010-01-01")), {}),
    "no BRICS country": (BRICS, bundle(tum()), {}),
    "partners outside the region": (PartnerInRegion(FOREIGN, MIDLANDS), bundle(org("p", role="foreign_partner", country="GB"), org("q", role="foreign_partner", country="FR", subdivision="FR-IDF")), {}),
    "no partner of the roles in a country": (IN_LIST, bundle(org("co", role="domestic_partner")), {}),
    "prior cooperation with an enterprise": (PriorCooperation(ENTERPRISE), bundle(org("e", role="domestic_partner", kind="enterprise"), prior_cooperation=[{"partner": "e", "since": "2022-05-11"}, {"partner": "e", "since": "2020-01-01"}]), {}),
    "an enterprise in the region": (PartnerInRegion(ENTERPRISE, AKSU), bundle(org("e", role="domestic_partner", kind="enterprise", subdivision="CN-XJ", locality="阿克苏")), {}),
    "an enterprise in a listed country": (PartnerInCountries(ENTERPRISE, countries={"CN"}), bundle(org("e", role="domestic_partner", kind="enterprise")), {}),
    "enterprises from two countries": (PartnerCountries(ENTERPRISE, {"CN", "DE"}), bundle(org("e", role="domestic_partner", kind="enterprise")), {}),
}

DESCRIBED = {
    "applicant": ApplicantIs(GUANGDONG),
    "applicant legal entity": ApplicantIs(GUANGDONG, legal_entity=True),
    "has party": HasParty(ABROAD),
    "has party with applicant": HasParty(ENTERPRISE, include_applicant=True, minimum=2),
    "team": TeamCoversParties(),
    "PI employed": PIEmployed(),
    "PI qualification": QUALIFIED,
    "PI qualification by post": QUALIFIED_BY_POST,
    "ongoing": ONGOING,
    "prior cooperation": PriorCooperation(FOREIGN),
    "region by code": PartnerInRegion(FOREIGN, MIDLANDS),
    "region by name": PartnerInRegion(FOREIGN, AKSU),
    "countries": IN_LIST,
    "open countries": OPEN_LIST,
    "rd centre": ForeignRDCenter(),
    "partners are": JAPAN,
    "partners are, registered": FRANCE,
    "partner countries": BRICS,
    "countries without review": PartnerInCountries(FOREIGN, countries={"SG", "MY"}, exclude={"MM", "LA"}),
    "two levels": NoOngoingProjects({"provincial", "national"}, {"international_cooperation", "hk_macao"}),
    "region of two codes": PartnerInRegion(FOREIGN, Region("英国中部", "the Midlands", "GB", codes={"GB-DER", "GB-NTT"})),
}

OUTCOMES = {
    'applicant elsewhere': {
        'status': 'failed',
        'segments': ('applicant',),
        'message': f'申报单位 LEAD（id=lead, kind=university, country=CN, subdivision=CN-ZJ）不符合要求：应为{GUANGDONG_ZH}',
        'message_en': f'the applicant LEAD (id=lead, kind=university, country=CN, subdivision=CN-ZJ) does not qualify: expected {GUANGDONG_EN}',
        'expected': f'{GUANGDONG_EN}',
        'actual': {'id': 'lead', 'kind': 'university', 'country': 'CN', 'subdivision': 'CN-ZJ'},
    },
    'applicant qualifies': {
        'status': 'passed',
        'segments': ('applicant',),
        'message': f'申报单位 LEAD 符合要求：{GUANGDONG_ZH}，具备独立法人资格',
        'message_en': f'the applicant LEAD qualifies: {GUANGDONG_EN}, an independent legal entity',
        'expected': None,
        'actual': {'id': 'lead', 'kind': 'university', 'country': 'CN', 'subdivision': 'CN-GD'},
    },
    'applicant not a legal entity': {
        'status': 'failed',
        'segments': ('applicant', 'independent_legal_entity'),
        'message': '申报单位 LEAD 未声明具备独立法人资格（independent_legal_entity 为 false）',
        'message_en': 'the applicant LEAD is not an independent legal entity (independent_legal_entity is false)',
        'expected': True,
        'actual': False,
    },
    'no foreign partner': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'合作单位中符合要求的单位（{ABROAD_ZH}）有 0 家，要求不少于 1 家',
        'message_en': f'0 of the partners match ({ABROAD_EN}); at least 1 required',
        'expected': 1,
        'actual': 0,
    },
    'a foreign partner': {
        'status': 'passed',
        'segments': ('partners', 1),
        'message': f'有 1 家符合要求的单位（{ABROAD_ZH}）：TUM',
        'message_en': f'1 organization matches ({ABROAD_EN}): TUM',
        'expected': 1,
        'actual': 1,
    },
    'two enterprises wanted, applicant counted': {
        'status': 'passed',
        'segments': ('applicant',),
        'message': f'有 2 家符合要求的单位（{ENTERPRISE_ZH}）：LEAD、E',
        'message_en': f'2 organizations match ({ENTERPRISE_EN}): LEAD, E',
        'expected': 2,
        'actual': 2,
    },
    'two enterprises wanted, one found': {
        'status': 'failed',
        'segments': ('partners', 0),
        'message': f'申报单位及合作单位中符合要求的单位（{ENTERPRISE_ZH}）有 1 家，要求不少于 2 家',
        'message_en': f'1 of the applicant and partners matches ({ENTERPRISE_EN}); at least 2 required',
        'expected': 2,
        'actual': 1,
    },
    'no enterprise anywhere': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'申报单位及合作单位中符合要求的单位（{ENTERPRISE_ZH}）有 0 家，要求不少于 1 家',
        'message_en': f'0 of the applicant and partners match ({ENTERPRISE_EN}); at least 1 required',
        'expected': 1,
        'actual': 0,
    },
    'team covers all': {
        'status': 'passed',
        'segments': ('team',),
        'message': '项目组覆盖全部 2 家单位（3 名成员）',
        'message_en': 'the team covers all 2 organizations (3 members)',
        'expected': None,
        'actual': {'lead': 2, 'tum': 1},
    },
    'team misses a partner': {
        'status': 'failed',
        'segments': ('team',),
        'message': '项目组中没有以下单位的成员：TUM；要求各方单位至少 1 名成员',
        'message_en': 'the team has no member from: TUM; every party needs at least 1',
        'expected': 1,
        'actual': {'tum': 0},
    },
    'team member of an unknown organization': {
        'status': 'failed',
        'segments': ('team', 1, 'organization'),
        'message': "项目组成员 member 1 所属单位 mit 不是本申报书中的单位",
        'message_en': "team member member 1 belongs to mit, which is not an organization of this bundle",
        'expected': ['lead', 'tum'],
        'actual': 'mit',
    },
    'PI employed': {
        'status': 'passed',
        'segments': ('principal_investigator',),
        'message': '项目申报人为申报单位 lead 的在职人员',
        'message_en': 'the principal investigator is employed by the applicant lead',
        'expected': None,
        'actual': None,
    },
    'PI of a partner': {
        'status': 'failed',
        'segments': ('principal_investigator', 'organization'),
        'message': '项目申报人所属单位为 tum，应为申报单位 lead',
        'message_en': 'the principal investigator belongs to tum, expected the applicant lead',
        'expected': 'lead',
        'actual': 'tum',
    },
    'PI not employed': {
        'status': 'failed',
        'segments': ('principal_investigator', 'employed_by_applicant'),
        'message': '项目申报人不是申报单位的在职人员（employed_by_applicant 为 false）',
        'message_en': 'the principal investigator is not employed by the applicant (employed_by_applicant is false)',
        'expected': True,
        'actual': False,
    },
    'PI doctorate in time': {
        'status': 'passed',
        'segments': ('principal_investigator', 'degree'),
        'message': '项目申报人于 2010-07-01 取得博士学位，早于申报日期 2022-05-10',
        'message_en': 'the principal investigator obtained the degree doctorate on 2010-07-01, before the submission date 2022-05-10',
        'expected': 'before 2022-05-10',
        'actual': dt.date(2010, 7, 1),
    },
    'PI title the same day': {
        'status': 'failed',
        'segments': ('principal_investigator', 'title_awarded_on'),
        'message': '项目申报人于 2022-05-10 取得正高级职称，不早于申报日期 2022-05-10；要求在此之前取得',
        'message_en': 'the principal investigator obtained the title senior on 2022-05-10, not before the submission date 2022-05-10',
        'expected': 'before 2022-05-10',
        'actual': dt.date(2022, 5, 10),
    },
    'PI title without a date': {
        'status': 'failed',
        'segments': ('principal_investigator', 'title_awarded_on'),
        'message': '项目申报人有副高级职称，但未填写取得日期 title_awarded_on，无法确认早于申报日期 2022-05-10',
        'message_en': 'the principal investigator has the title associate_senior but no title_awarded_on: cannot tell it came before the submission date 2022-05-10',
        'expected': 'before 2022-05-10',
        'actual': None,
    },
    'PI unqualified': {
        'status': 'failed',
        'segments': ('principal_investigator',),
        'message': '项目申报人学位为 master、职称为 intermediate，不符合要求：项目申报人在申报日期前具有博士学位或副高级职称或正高级职称',
        'message_en': "the principal investigator's degree is master and title is intermediate; expected the principal investigator held a doctorate or an associate senior title or a senior title before the submission date",
        'expected': "the principal investigator held a doctorate or an associate senior title or a senior title before the submission date",
        'actual': {'degree': 'master', 'title': 'intermediate'},
    },
    'PI post before publication': {
        'status': 'passed',
        'segments': ('principal_investigator', 'enterprise_senior_position'),
        'message': '项目申报人于 2020-01-01 取得企业高级职务，早于指南发布日期 2022-03-01（设置 published_on）',
        'message_en': "the principal investigator obtained a senior enterprise post on 2020-01-01, before the guideline's publication date 2022-03-01 (setting published_on)",
        'expected': 'before 2022-03-01',
        'actual': dt.date(2020, 1, 1),
    },
    'PI post after publication': {
        'status': 'failed',
        'segments': ('principal_investigator', 'enterprise_senior_position_since'),
        'message': '项目申报人于 2022-03-01 取得企业高级职务，不早于指南发布日期 2022-03-01（设置 published_on）；要求在此之前取得',
        'message_en': "the principal investigator obtained a senior enterprise post on 2022-03-01, not before the guideline's publication date 2022-03-01 (setting published_on)",
        'expected': 'before 2022-03-01',
        'actual': dt.date(2022, 3, 1),
    },
    'PI post without a date': {
        'status': 'failed',
        'segments': ('principal_investigator', 'enterprise_senior_position_since'),
        'message': '项目申报人有企业高级职务，但未填写取得日期 enterprise_senior_position_since，无法确认早于申报日期 2022-05-10（未设置指南发布日期 published_on）',
        'message_en': 'the principal investigator has a senior enterprise post but no enterprise_senior_position_since: cannot tell it came before the submission date 2022-05-10 (setting published_on not set)',
        'expected': 'before 2022-05-10',
        'actual': None,
    },
    'ongoing project': {
        'status': 'failed',
        'segments': ('principal_investigator', 'ongoing_projects', 0),
        'message': '项目申报人有在研项目 粤港合作（provincial、international_cooperation）至 2023-12-31，申报日期 2022-05-10 时仍在研',
        'message_en': 'the principal investigator has an ongoing project 粤港合作 (provincial, international_cooperation) until 2023-12-31, still running on 2022-05-10',
        'expected': 'none running',
        'actual': {'program': '粤港合作', 'ends_on': dt.date(2023, 12, 31)},
    },
    'ongoing project without an end': {
        'status': 'failed',
        'segments': ('principal_investigator', 'ongoing_projects', 0),
        'message': '项目申报人有在研项目 粤港合作（provincial、international_cooperation）（未填写结束日期），申报日期 2022-05-10 时仍在研',
        'message_en': 'the principal investigator has an ongoing project 粤港合作 (provincial, international_cooperation) with no end date, still running on 2022-05-10',
        'expected': 'none running',
        'actual': {'program': '粤港合作', 'ends_on': None},
    },
    'project ended the day before': {
        'status': 'passed',
        'segments': ('principal_investigator',),
        'message': '项目申报人无在研的provincial级international_cooperation类项目（已列 2 项）',
        'message_en': 'no ongoing provincial international_cooperation project (2 listed)',
        'expected': None,
        'actual': 2,
    },
    'prior cooperation declared': {
        'status': 'needs_review',
        'segments': ('prior_cooperation', 0),
        'message': '已声明自 2018-03-01 起与 TUM 的合作基础，需评审专家判断是否稳定、坚实',
        'message_en': 'prior cooperation with TUM since 2018-03-01 is declared; a reviewer must judge whether it is stable and solid',
        'expected': None,
        'actual': {'partner': 'tum', 'since': dt.date(2018, 3, 1)},
    },
    'prior cooperation only later': {
        'status': 'failed',
        'segments': ('prior_cooperation',),
        'message': f'未声明与合作方（{FOREIGN_ZH}）在申报日期前已有的合作基础（prior_cooperation，已列 1 项）',
        'message_en': f'no earlier cooperation with a partner ({FOREIGN_EN}) before the submission date is declared in prior_cooperation (1 entry)',
        'expected': f'{FOREIGN_EN}',
        'actual': 1,
    },
    'no prior cooperation': {
        'status': 'failed',
        'segments': (),
        'message': f'未声明与合作方（{FOREIGN_ZH}）在申报日期前已有的合作基础（prior_cooperation，已列 0 项）',
        'message_en': f'no earlier cooperation with a partner ({FOREIGN_EN}) before the submission date is declared in prior_cooperation (0 entries)',
        'expected': f'{FOREIGN_EN}',
        'actual': 0,
    },
    'partner in the region by code': {
        'status': 'passed',
        'segments': ('partners', 0),
        'message': '合作单位 P 位于英国中部（GB-DER）',
        'message_en': 'the partner P is in the Midlands (GB-DER)',
        'expected': 'the Midlands',
        'actual': 'GB-DER',
    },
    'partner in the region by name': {
        'status': 'passed',
        'segments': ('partners', 0),
        'message': '合作单位 P 位于英国中部（Northamptonshire）',
        'message_en': 'the partner P is in the Midlands (Northamptonshire)',
        'expected': 'the Midlands',
        'actual': 'Northamptonshire',
    },
    'partner outside the region': {
        'status': 'failed',
        'segments': ('partners', 0),
        'message': f'没有位于英国中部的合作单位（{FOREIGN_ZH}）；已列：p：GB GB-MAN Manchester（P 的地区代码 GB-MAN 在该地区以外，所在地名称不再判断）',
        'message_en': f"no partner ({FOREIGN_EN}) is in the Midlands; found: p: GB GB-MAN Manchester (P's subdivision GB-MAN is outside the region, so its locality is not read)",
        'expected': 'the Midlands',
        'actual': [{'id': 'p', 'country': 'GB', 'subdivision': 'GB-MAN', 'locality': 'Manchester'}],
    },
    'no partner of the roles': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'没有位于英国中部的合作单位（{FOREIGN_ZH}）；已列：无',
        'message_en': f'no partner ({FOREIGN_EN}) is in the Midlands; found: none',
        'expected': 'the Midlands',
        'actual': [],
    },
    'name outside the subdivision': {
        'status': 'failed',
        'segments': ('partners', 0),
        'message': f'没有位于阿克苏地区的合作单位（{DOMESTIC_ZH}）；已列：p：CN CN-GD 阿克苏市（P 的地区代码 CN-GD 在该地区以外，所在地名称不再判断）',
        'message_en': f"no partner ({DOMESTIC_EN}) is in Aksu Prefecture; found: p: CN CN-GD 阿克苏市 (P's subdivision CN-GD is outside the region, so its locality is not read)",
        'expected': 'Aksu Prefecture',
        'actual': [{'id': 'p', 'country': 'CN', 'subdivision': 'CN-GD', 'locality': '阿克苏市'}],
    },
    'partner in a listed country': {
        'status': 'passed',
        'segments': ('partners', 1, 'country'),
        'message': '合作单位 SG 位于 SG，属于SG、东盟成员国（不含 MM）',
        'message_en': 'the partner SG is in SG, one of SG, ASEAN member states (not MM)',
        'expected': ['BN', 'ID', 'KH', 'LA', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'],
        'actual': 'SG',
    },
    'partner in a country to review': {
        'status': 'needs_review',
        'segments': ('partners', 0, 'country'),
        'message': '合作单位 PG 位于 PG，不在所附名单（SG、东盟成员国（不含 MM））中，但条款未穷尽列举或该国成员身份未定，需核实',
        'message_en': 'the partner PG is in PG, not on the shipped list (SG, ASEAN member states (not MM)), but the clause is open or its membership is unsettled: a reviewer must judge',
        'expected': ['BN', 'ID', 'KH', 'LA', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'],
        'actual': 'PG',
    },
    'partner in an excluded country': {
        'status': 'failed',
        'segments': ('partners', 0, 'country'),
        'message': f'没有位于SG、东盟成员国（不含 MM）的合作单位（{FOREIGN_ZH}）；所列合作单位国家：DE、MM',
        'message_en': f'no partner ({FOREIGN_EN}) is in SG, ASEAN member states (not MM); partner countries: DE, MM',
        'expected': ['BN', 'ID', 'KH', 'LA', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'],
        'actual': ['DE', 'MM'],
    },
    'partner in an open clause': {
        'status': 'needs_review',
        'segments': ('partners', 0, 'country'),
        'message': '合作单位 TUM 位于 DE，不在所附名单（US（不含 RU））中，但条款未穷尽列举或该国成员身份未定，需核实',
        'message_en': 'the partner TUM is in DE, not on the shipped list (US (not RU)), but the clause is open or its membership is unsettled: a reviewer must judge',
        'expected': ['US'],
        'actual': 'DE',
    },
    'partner excluded from an open clause': {
        'status': 'failed',
        'segments': ('partners', 0, 'country'),
        'message': f'没有位于US（不含 RU）的合作单位（{FOREIGN_ZH}）；所列合作单位国家：RU',
        'message_en': f'no partner ({FOREIGN_EN}) is in US (not RU); partner countries: RU',
        'expected': ['US'],
        'actual': ["RU"],
    },
    'no rd centre': {
        'status': 'failed',
        'segments': ('partners',),
        'message': '没有外资研发机构合作单位（缺少 foreign_rd_center）',
        'message_en': 'no partner is a foreign R&D centre (no foreign_rd_center block)',
        'expected': 'a partner with foreign_rd_center',
        'actual': 0,
    },
    'rd centre qualifies': {
        'status': 'passed',
        'segments': ('partners', 0),
        'message': '合作单位 SIE 是世界500强外资企业 Siemens（DE）在华设立的研发机构',
        'message_en': 'the partner SIE is the China R&D centre of the Fortune Global 500 company Siemens (DE)',
        'expected': None,
        'actual': {'parent_company': 'Siemens', 'parent_country': 'DE'},
    },
    'rd centre abroad': {
        'status': 'failed',
        'segments': ('partners', 0, 'country'),
        'message': '外资研发机构不符合要求：SIE 注册于 DE，应为在华依法设立（CN）',
        'message_en': 'the foreign R&D centre does not qualify: SIE is registered in DE, not in China',
        'expected': 'a China-registered R&D centre of a foreign Fortune Global 500 company',
        'actual': 'DE',
    },
    'rd centre not global 500': {
        'status': 'failed',
        'segments': ('partners', 0, 'foreign_rd_center', 'parent_in_global_500'),
        'message': '外资研发机构不符合要求：SIE 的母公司 Siemens 不是世界500强',
        'message_en': 'the foreign R&D centre does not qualify: the parent Siemens of SIE is not in the Fortune Global 500',
        'expected': 'a China-registered R&D centre of a foreign Fortune Global 500 company',
        'actual': False,
    },
    'rd centre of a Chinese parent': {
        'status': 'failed',
        'segments': ('partners', 0, 'foreign_rd_center', 'parent_country'),
        'message': '外资研发机构不符合要求：SIE 的母公司 Siemens 为中国内地企业，不是外资企业',
        'message_en': 'the foreign R&D centre does not qualify: the parent Siemens of SIE is a mainland Chinese company, not foreign',
        'expected': 'a China-registered R&D centre of a foreign Fortune Global 500 company',
        'actual': 'CN',
    },
    'Japanese partners qualify': {
        'status': 'passed',
        'segments': ('partners',),
        'message': f'{FOREIGN_ZH}（JP）均符合要求：每家{FOREIGN_ZH}均为{JP_ENTERPRISE_ZH}',
        'message_en': f'every partner that is {FOREIGN_EN} (JP) qualifies: every partner that is {FOREIGN_EN} is {JP_ENTERPRISE_EN}',
        'expected': None,
        'actual': 1,
    },
    'Japanese partner a university': {
        'status': 'failed',
        'segments': ('partners', 1),
        'message': f'UT（id=ut, kind=university, country=JP）不符合要求：应为{JP_ENTERPRISE_ZH}',
        'message_en': f'UT (id=ut, kind=university, country=JP) does not qualify: expected {JP_ENTERPRISE_EN}',
        'expected': f'{JP_ENTERPRISE_EN}',
        'actual': {'id': 'ut', 'kind': 'university', 'country': 'JP'},
    },
    'no Japanese partner': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'没有{FOREIGN_ZH}（0 家），要求至少 1 家且每家{FOREIGN_ZH}均为{JP_ENTERPRISE_ZH}',
        'message_en': f'0 partners are {FOREIGN_EN}; at least 1 required, and every partner that is {FOREIGN_EN} is {JP_ENTERPRISE_EN}',
        'expected': 1,
        'actual': 0,
    },
    'French partner too young': {
        'status': 'failed',
        'segments': ('partners', 0, 'registered_on'),
        'message': 'FR 注册于 2019-05-11，至申报日期 2022-05-10 不满 3 年（应不晚于 2019-05-10）',
        'message_en': 'FR was registered on 2019-05-11, less than 3 years before the submission date 2022-05-10 (registered on or before 2019-05-10 required)',
        'expected': 'on or before 2019-05-10',
        'actual': dt.date(2019, 5, 11),
    },
    'French partner old enough': {
        'status': 'passed',
        'segments': ('partners',),
        'message': f'{FOREIGN_ZH}（FR）均符合要求：每家{FOREIGN_ZH}均为{RESEARCH_ZH}，具备独立法人资格，注册满 3 年（注册日期不晚于申报日期前推 3 个日历年的同一日）',
        'message_en': f'every partner that is {FOREIGN_EN} (FR) qualifies: every partner that is {FOREIGN_EN} is {RESEARCH_EN}, an independent legal entity, registered at least 3 years before the submission date (on or before the same day 3 calendar years earlier)',
        'expected': None,
        'actual': 1,
    },
    'French partner not a legal entity': {
        'status': 'failed',
        'segments': ('partners', 0, 'independent_legal_entity'),
        'message': 'FR 未声明具备独立法人资格（independent_legal_entity 为 false）',
        'message_en': 'FR is not an independent legal entity (independent_legal_entity is false)',
        'expected': True,
        'actual': False,
    },
    'one BRICS country': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'{FOREIGN_ZH}来自 BR/IN/RU/ZA 中的 1 国（BR），要求至少 2 国',
        'message_en': f'the matching partners ({FOREIGN_EN}) come from 1 of BR/IN/RU/ZA (BR); at least 2 required',
        'expected': 2,
        'actual': ["BR"],
    },
    'two BRICS countries': {
        'status': 'passed',
        'segments': ('partners',),
        'message': f'{FOREIGN_ZH}来自 BR/IN/RU/ZA 中的 2 国：BR、ZA',
        'message_en': f'the matching partners ({FOREIGN_EN}) come from 2 of BR/IN/RU/ZA: BR, ZA',
        'expected': 2,
        'actual': ['BR', 'ZA'],
    },
    'a partner without a role': {
        'status': 'failed',
        'segments': ('partners', 0, 'role'),
        'message': "无法检查：/partners/0/role 的值 7 无效（应为合作单位角色）",
        'message_en': "cannot check: /partners/0/role is 7, expected a partner role",
        'expected': 'a partner role',
        'actual': "7",
    },
    'an applicant without a subdivision': {
        'status': 'failed',
        'segments': ('applicant', 'subdivision'),
        'message': '无法检查：缺少 /applicant/subdivision（应为ISO 3166-2 地区代码）',
        'message_en': 'cannot check: /applicant/subdivision is missing (expected an ISO 3166-2 subdivision code)',
        'expected': 'an ISO 3166-2 subdivision code',
        'actual': None,
    },
    'a malformed subdivision': {
        'status': 'failed',
        'segments': ('applicant', 'subdivision'),
        'message': '无法检查：/applicant/subdivision 的值 ["CN-GD"] 无效（应为ISO 3166-2 地区代码）',
        'message_en': 'cannot check: /applicant/subdivision is ["CN-GD"], expected an ISO 3166-2 subdivision code',
        'expected': 'an ISO 3166-2 subdivision code',
        'actual': '["CN-GD"]',
    },
    'a malformed legal-entity flag': {
        'status': 'failed',
        'segments': ('applicant', 'independent_legal_entity'),
        'message': '无法检查：/applicant/independent_legal_entity 的值 "yes" 无效（应为true 或 false）',
        'message_en': 'cannot check: /applicant/independent_legal_entity is "yes", expected true or false',
        'expected': 'true or false',
        'actual': '"yes"',
    },
    'an applicant enterprise does not count': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'合作单位中符合要求的单位（{ENTERPRISE_ZH}）有 0 家，要求不少于 1 家',
        'message_en': f'0 of the partners match ({ENTERPRISE_EN}); at least 1 required',
        'expected': 1,
        'actual': 0,
    },
    'no ongoing projects listed': {
        'status': 'passed',
        'segments': ('principal_investigator',),
        'message': '项目申报人无在研的provincial级international_cooperation类项目（已列 0 项）',
        'message_en': 'no ongoing provincial international_cooperation project (0 listed)',
        'expected': None,
        'actual': 0,
    },
    'an unnamed ongoing project': {
        'status': 'failed',
        'segments': ('principal_investigator', 'ongoing_projects', 0),
        'message': '项目申报人有在研项目 0（national、international_cooperation）至 2023-12-31，申报日期 2022-05-10 时仍在研',
        'message_en': 'the principal investigator has an ongoing project 0 (national, international_cooperation) until 2023-12-31, still running on 2022-05-10',
        'expected': 'none running',
        'actual': {'program': 0, 'ends_on': dt.date(2023, 12, 31)},
    },
    'no ongoing project of two levels': {
        'status': 'passed',
        'segments': ('principal_investigator',),
        'message': '项目申报人无在研的national/provincial级hk_macao/international_cooperation类项目（已列 0 项）',
        'message_en': 'no ongoing national/provincial hk_macao/international_cooperation project (0 listed)',
        'expected': None,
        'actual': 0,
    },
    'team members without names': {
        'status': 'failed',
        'segments': ('team', 1, 'organization'),
        'message': "项目组成员 1 所属单位 mit 不是本申报书中的单位",
        'message_en': "team member 1 belongs to mit, which is not an organization of this bundle",
        'expected': ['lead', 'tum'],
        'actual': 'mit',
    },
    'team misses two parties': {
        'status': 'failed',
        'segments': ('team',),
        'message': '项目组中没有以下单位的成员：TUM、CO；要求各方单位至少 1 名成员',
        'message_en': 'the team has no member from: TUM, CO; every party needs at least 1',
        'expected': 1,
        'actual': {'tum': 0, 'co': 0},
    },
    'PI of a malformed organization': {
        'status': 'failed',
        'segments': ('principal_investigator', 'organization'),
        'message': "无法检查：/principal_investigator/organization 的值 5 无效（应为非空字符串）",
        'message_en': "cannot check: /principal_investigator/organization is 5, expected a non-empty string",
        'expected': 'a non-empty string',
        'actual': "5",
    },
    'PI doctorate without a date': {
        'status': 'failed',
        'segments': ('principal_investigator', 'degree_awarded_on'),
        'message': '项目申报人有博士学位，但未填写取得日期 degree_awarded_on，无法确认早于申报日期 2022-05-10',
        'message_en': 'the principal investigator has the degree doctorate but no degree_awarded_on: cannot tell it came before the submission date 2022-05-10',
        'expected': 'before 2022-05-10',
        'actual': None,
    },
    'two partners qualify': {
        'status': 'passed',
        'segments': ('partners',),
        'message': f'{FOREIGN_ZH}（JP、JP2）均符合要求：每家{FOREIGN_ZH}均为{JP_ENTERPRISE_ZH}',
        'message_en': f'every partner that is {FOREIGN_EN} (JP, JP2) qualifies: every partner that is {FOREIGN_EN} is {JP_ENTERPRISE_EN}',
        'expected': None,
        'actual': 2,
    },
    'a malformed registration date': {
        'status': 'failed',
        'segments': ('partners', 0, 'registered_on'),
        'message': '无法检查：/partners/0/registered_on 的值 "2019/05/10" 无效（应为YYYY-MM-DD 格式的注册日期）',
        'message_en': 'cannot check: /partners/0/registered_on is "2019/05/10", expected a YYYY-MM-DD registration date',
        'expected': 'a YYYY-MM-DD registration date',
        'actual': '"2019/05/10"',
    },
    'a malformed French legal-entity flag': {
        'status': 'failed',
        'segments': ('partners', 0, 'independent_legal_entity'),
        'message': '无法检查：/partners/0/independent_legal_entity 的值 "yes" 无效（应为true 或 false）',
        'message_en': 'cannot check: /partners/0/independent_legal_entity is "yes", expected true or false',
        'expected': 'true or false',
        'actual': '"yes"',
    },
    'no BRICS country': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'{FOREIGN_ZH}来自 BR/IN/RU/ZA 中的 0 国（无），要求至少 2 国',
        'message_en': f'the matching partners ({FOREIGN_EN}) come from 0 of BR/IN/RU/ZA (none); at least 2 required',
        'expected': 2,
        'actual': [],
    },
    'partners outside the region': {
        'status': 'failed',
        'segments': ('partners', 0),
        'message': f'没有位于英国中部的合作单位（{FOREIGN_ZH}）；已列：p：GB；q：FR FR-IDF',
        'message_en': f'no partner ({FOREIGN_EN}) is in the Midlands; found: p: GB; q: FR FR-IDF',
        'expected': 'the Midlands',
        'actual': [{'id': 'p', 'country': 'GB', 'subdivision': None, 'locality': None}, {'id': 'q', 'country': 'FR', 'subdivision': 'FR-IDF', 'locality': None}],
    },
    'no partner of the roles in a country': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'没有位于SG、东盟成员国（不含 MM）的合作单位（{FOREIGN_ZH}）；所列合作单位国家：无',
        'message_en': f'no partner ({FOREIGN_EN}) is in SG, ASEAN member states (not MM); partner countries: none',
        'expected': ['BN', 'ID', 'KH', 'LA', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'],
        'actual': [],
    },
    'prior cooperation with an enterprise': {
        'status': 'needs_review',
        'segments': ('prior_cooperation', 1),
        'message': '已声明自 2020-01-01 起与 E 的合作基础，需评审专家判断是否稳定、坚实',
        'message_en': 'prior cooperation with E since 2020-01-01 is declared; a reviewer must judge whether it is stable and solid',
        'expected': None,
        'actual': {'partner': 'e', 'since': dt.date(2020, 1, 1)},
    },
    'an enterprise in the region': {
        'status': 'passed',
        'segments': ('partners', 0),
        'message': '合作单位 E 位于阿克苏地区（阿克苏）',
        'message_en': 'the partner E is in Aksu Prefecture (阿克苏)',
        'expected': 'Aksu Prefecture',
        'actual': '阿克苏',
    },
    'an enterprise in a listed country': {
        'status': 'passed',
        'segments': ('partners', 0, 'country'),
        'message': '合作单位 E 位于 CN，属于CN',
        'message_en': 'the partner E is in CN, one of CN',
        'expected': ['CN'],
        'actual': 'CN',
    },
    'enterprises from two countries': {
        'status': 'passed',
        'segments': ('partners',),
        'message': f'{ENTERPRISE_ZH}来自 CN/DE 中的 1 国：CN',
        'message_en': f'the matching partners ({ENTERPRISE_EN}) come from 1 of CN/DE: CN',
        'expected': 1,
        'actual': ["CN"],
    },
}

DESCRIPTIONS = {
    'applicant': (
        f'{GUANGDONG_ZH}',
        f'{GUANGDONG_EN}',
    ),
    'applicant legal entity': (
        f'{GUANGDONG_ZH}，具备独立法人资格',
        f'{GUANGDONG_EN}, an independent legal entity',
    ),
    'has party': (
        f'合作单位中至少 1 家{ABROAD_ZH}',
        f'the partners include at least 1: {ABROAD_EN}',
    ),
    'has party with applicant': (
        f'申报单位或合作单位中至少 2 家{ENTERPRISE_ZH}',
        f'the applicant or partners include at least 2: {ENTERPRISE_EN}',
    ),
    'team': (
        '项目组包括申报单位和每家合作单位至少 1 名成员',
        'the team has at least one member from the applicant and from every partner',
    ),
    'PI employed': (
        '项目申报人为申报单位在职人员',
        'the principal investigator is employed by the applicant',
    ),
    'PI qualification': (
        '项目申报人在申报日期前具有博士学位或副高级职称或正高级职称',
        "the principal investigator held a doctorate or an associate senior title or a senior title before the submission date",
    ),
    'PI qualification by post': (
        '项目申报人在指南发布日期前具有博士学位或副高级职称或正高级职称或企业高级职务（未设置 published_on 时以申报日期计）',
        "the principal investigator held a doctorate or an associate senior title or a senior title or a senior enterprise post before the guideline's publication (the submission date while published_on is unset)",
    ),
    'ongoing': (
        '项目申报人无在研的省级国际合作项目',
        'the principal investigator has no ongoing provincial international cooperation project',
    ),
    'prior cooperation': (
        f'已与合作方（{FOREIGN_ZH}）建立合作基础（需评审）',
        f'earlier cooperation with a partner ({FOREIGN_EN}) is declared (reviewed)',
    ),
    'region by code': (
        f'至少一家合作单位（{FOREIGN_ZH}）位于英国中部（GB-DER 或完整地名）',
        f'at least one partner ({FOREIGN_EN}) is in the Midlands (GB-DER or by whole place name)',
    ),
    'region by name': (
        f'至少一家合作单位（{FOREIGN_ZH}）位于阿克苏地区（按完整地名）',
        f'at least one partner ({FOREIGN_EN}) is in Aksu Prefecture (by whole place name)',
    ),
    'countries': (
        f'至少一家合作单位（{FOREIGN_ZH}）位于SG、东盟成员国（不含 MM）；PG 需核实',
        f'at least one partner ({FOREIGN_EN}) is in SG, ASEAN member states (not MM); PG needs review',
    ),
    'open countries': (
        f'至少一家合作单位（{FOREIGN_ZH}）位于US（不含 RU）；其他国家需核实',
        f'at least one partner ({FOREIGN_EN}) is in US (not RU); other countries need review',
    ),
    'rd centre': (
        '至少一家合作单位是世界500强外资企业在华依法设立的研发机构',
        'a partner is the China-registered R&D centre of a foreign Fortune Global 500 company',
    ),
    'partners are': (
        f'每家{FOREIGN_ZH}均为{JP_ENTERPRISE_ZH}',
        f'every partner that is {FOREIGN_EN} is {JP_ENTERPRISE_EN}',
    ),
    'partners are, registered': (
        f'每家{FOREIGN_ZH}均为{RESEARCH_ZH}，具备独立法人资格，注册满 3 年（注册日期不晚于申报日期前推 3 个日历年的同一日）',
        f'every partner that is {FOREIGN_EN} is {RESEARCH_EN}, an independent legal entity, registered at least 3 years before the submission date (on or before the same day 3 calendar years earlier)',
    ),
    'partner countries': (
        f'{FOREIGN_ZH}来自 BR/IN/RU/ZA 中至少 2 国',
        f'the matching partners ({FOREIGN_EN}) come from at least 2 of BR/IN/RU/ZA',
    ),
    'countries without review': (
        f'至少一家合作单位（{FOREIGN_ZH}）位于MY、SG（不含 LA/MM）',
        f'at least one partner ({FOREIGN_EN}) is in MY, SG (not LA/MM)',
    ),
    'two levels': (
        '项目申报人无在研的国家级或省级hk_macao或国际合作项目',  # a category appcheck has no name for: as written
        'the principal investigator has no ongoing national or provincial hk_macao or international cooperation project',
    ),
    'region of two codes': (
        f'至少一家合作单位（{FOREIGN_ZH}）位于英国中部（GB-DER/GB-NTT 或完整地名）',
        f'at least one partner ({FOREIGN_EN}) is in the Midlands (GB-DER/GB-NTT or by whole place name)',
    ),
}
