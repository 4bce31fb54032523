"""What the partner-side submission rules report, exactly: ForeignSubmission (the agency by any of its
names) and SideLedBy (who leads the foreign side), for typical passing and failing bundles; and how
each rule describes itself."""

from __future__ import annotations

from appcheck.rules.parties import Orgs
from appcheck.rules.submission import Agency, ForeignSubmission, SideLedBy

from ..helpers import org

NORWAY = Agency(("挪威创新署", "Innovation Norway", "Innovasjon Norge"))
RCN = Agency(("挪威研究理事会", "Research Council of Norway"))
SUBMITTED = ForeignSubmission((NORWAY, RCN))
FI_ENTERPRISE = Orgs(kinds={"enterprise"}, countries={"FI"})
LED = SideLedBy(FI_ENTERPRISE)
LED_MARKED = SideLedBy(FI_ENTERPRISE, marked=True)
# how the organization filter describes itself (its wording is the filter's own; the rules embed it)
FI_ENTERPRISE_ZH, FI_ENTERPRISE_EN = FI_ENTERPRISE.describe()


def submission(agency, submitted_on="2025-09-01") -> dict:
    return {"foreign_submission": {"agency": agency, "submitted_on": submitted_on}}


def finns(*partners) -> dict:
    return {"applicant": org("lead", kind="enterprise"), "partners": list(partners)}


def fi(org_id, kind="enterprise", **extra) -> dict:
    return org(org_id, role="foreign_partner", kind=kind, country="FI", **extra)


CASES = {
    "agency known by another name": (SUBMITTED, submission(" INNOVASJON-norge "), {}),
    "second agency": (SUBMITTED, submission("research council of norway"), {}),
    "unknown agency": (SUBMITTED, submission("Norges forskningsråd"), {}),
    "the only foreign partner leads": (LED, finns(fi("nokia"), org("cn", role="domestic_partner")), {}),
    "the marked lead": (LED_MARKED, finns(fi("nokia", lead_of_side=True), fi("vtt", kind="research_institute")), {}),
    "the lead does not qualify": (LED, finns(fi("aalto", kind="university")), {}),
    "two leads": (LED, finns(fi("nokia", lead_of_side=True), fi("kone", lead_of_side=True)), {}),
    "no lead marked among several": (LED, finns(fi("nokia"), fi("kone")), {}),
    "the only partner not marked": (LED_MARKED, finns(fi("nokia")), {}),
}

DESCRIBED = {
    "submission": SUBMITTED,
    "led": LED,
    "led, marked": LED_MARKED,
}

OUTCOMES = {
    'agency known by another name': {
        'status': 'passed',
        'segments': ('foreign_submission', 'agency'),
        'message': '外方已于 2025-09-01 向 挪威创新署（ INNOVASJON-norge ）申报',
        'message_en': 'the partner side applied to 挪威创新署 / Innovation Norway / Innovasjon Norge on 2025-09-01',
        'expected': ['挪威创新署', 'Innovation Norway', 'Innovasjon Norge'],
        'actual': ' INNOVASJON-norge ',
    },
    'second agency': {
        'status': 'passed',
        'segments': ('foreign_submission', 'agency'),
        'message': '外方已于 2025-09-01 向 挪威研究理事会（research council of norway）申报',
        'message_en': 'the partner side applied to 挪威研究理事会 / Research Council of Norway on 2025-09-01',
        'expected': ['挪威研究理事会', 'Research Council of Norway'],
        'actual': 'research council of norway',
    },
    'unknown agency': {
        'status': 'failed',
        'segments': ('foreign_submission', 'agency'),
        'message': '外方申报机构为 “Norges forskningsråd”，应为：挪威创新署 / Innovation Norway / Innovasjon Norge 或 挪威研究理事会 / Research Council of Norway',
        'message_en': 'the partner side applied to “Norges forskningsråd”; expected 挪威创新署 / Innovation Norway / Innovasjon Norge or 挪威研究理事会 / Research Council of Norway',
        'expected': [['挪威创新署', 'Innovation Norway', 'Innovasjon Norge'], ['挪威研究理事会', 'Research Council of Norway']],
        'actual': 'Norges forskningsråd',
    },
    'the only foreign partner leads': {
        'status': 'passed',
        'segments': ('partners', 0),
        'message': f'外方由 NOKIA 牵头（{FI_ENTERPRISE_ZH}）',
        'message_en': f'the foreign side is led by NOKIA ({FI_ENTERPRISE_EN})',
        'expected': None,
        'actual': None,
    },
    'the marked lead': {
        'status': 'passed',
        'segments': ('partners', 0),
        'message': f'外方由 NOKIA 牵头（{FI_ENTERPRISE_ZH}）',
        'message_en': f'the foreign side is led by NOKIA ({FI_ENTERPRISE_EN})',
        'expected': None,
        'actual': None,
    },
    'the lead does not qualify': {
        'status': 'failed',
        'segments': ('partners', 0),
        'message': f'外方牵头单位 AALTO（university，FI）不符合要求：应为{FI_ENTERPRISE_ZH}',
        'message_en': f'the foreign lead AALTO (university, FI) does not qualify: expected {FI_ENTERPRISE_EN}',
        'expected': f'{FI_ENTERPRISE_EN}',
        'actual': {'kind': 'university', 'country': 'FI', 'subdivision': None},
    },
    'two leads': {
        'status': 'failed',
        'segments': ('partners', 1, 'lead_of_side'),
        'message': '有 2 家外方单位标为牵头（lead_of_side），外方只能有一家牵头单位',
        'message_en': '2 foreign partners are marked lead_of_side; the foreign side has one lead',
        'expected': 1,
        'actual': 2,
    },
    'no lead marked among several': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'外方合作单位有 2 家，未标明牵头单位（lead_of_side）；外方应由{FI_ENTERPRISE_ZH}牵头',
        'message_en': f'2 foreign partners and none marked lead_of_side; the foreign side must be led by {FI_ENTERPRISE_EN}',
        'expected': f'{FI_ENTERPRISE_EN}',
        'actual': 2,
    },
    'the only partner not marked': {
        'status': 'failed',
        'segments': ('partners',),
        'message': f'外方合作单位有 1 家，没有标为牵头（lead_of_side 为 true）的单位；外方应由{FI_ENTERPRISE_ZH}牵头',
        'message_en': f'1 foreign partner and none marked lead_of_side true; the foreign side must be led by {FI_ENTERPRISE_EN}',
        'expected': f'{FI_ENTERPRISE_EN}',
        'actual': 1,
    },
}

DESCRIPTIONS = {
    'submission': (
        '外方向本国主管部门同步申报：挪威创新署 / Innovation Norway / Innovasjon Norge 或 挪威研究理事会 / Research Council of Norway',
        'the partner side applies to its own agency: 挪威创新署 / Innovation Norway / Innovasjon Norge or 挪威研究理事会 / Research Council of Norway',
    ),
    'led': (
        f'外方由{FI_ENTERPRISE_ZH}牵头',
        f'the foreign side is led by {FI_ENTERPRISE_EN}',
    ),
    'led, marked': (
        f'外方由{FI_ENTERPRISE_ZH}牵头（标为 lead_of_side）',
        f'the foreign side is led by {FI_ENTERPRISE_EN} (marked lead_of_side)',
    ),
}
