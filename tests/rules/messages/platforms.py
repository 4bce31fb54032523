"""What the platform rules report, exactly: status, where, both messages, expected and actual, for
typical passing and failing bundles; and how each rule describes itself."""

from __future__ import annotations

from decimal import Decimal

from appcheck.rules.funding import SubsidyBounds
from appcheck.rules.platforms import ByPlatformName, CarriedByPlatform, Carrier, OverseasCoBuilder, PlatformHost

from ..helpers import org


NAMED = PlatformHost(names=("金砖国家深海资源国际研究中心", "中阿技术转移中心"))
CARRIED = PlatformHost(carriers=(Carrier("most_base"), Carrier("provincial_joint_lab", 2024, "excellent")))
BUILDER = OverseasCoBuilder(types={"belt_and_road_lab", "provincial_joint_lab"}, countries={"中国-葡萄牙先进材料“一带一路”联合实验室": "PT"})
ANY_BUILDER = OverseasCoBuilder()
BY_NAME = ByPlatformName({"深海中心": SubsidyBounds(maximum=100)}, otherwise=SubsidyBounds(maximum=50))
ONLY_LISTED = ByPlatformName({"深海中心": SubsidyBounds(maximum=100), "技术转移中心": SubsidyBounds(maximum=10)})


def hosted(platform, applicant=None, partners=()) -> dict:
    return {"applicant": applicant or org("lead", subdivision="CN-ZJ"), "partners": list(partners), "platform": platform, "budget": {"subsidy_requested": 80}}


def lab(**extra) -> dict:
    return {"name": "中国-葡萄牙先进材料“一带一路”联合实验室", "type": "belt_and_road_lab", "host": "lead", "overseas_co_builder": "ulisboa", **extra}


def portuguese(country="PT", role="foreign_partner") -> dict:
    return org("ulisboa", role=role, country=country)


CASES = {
    "named platform": (NAMED, hosted({"name": " 金砖国家 深海资源国际研究中心", "host": "lead"}), {}),
    "unnamed platform": (NAMED, hosted({"name": "深海中心", "host": "lead"}), {}),
    "hosted by a partner": (NAMED, hosted({"name": "中阿技术转移中心", "host": "tum"}), {}),
    "host outside Zhejiang": (NAMED, hosted({"name": "中阿技术转移中心", "host": "lead"}, applicant=org("lead", subdivision="CN-GD")), {}),
    "host abroad": (NAMED, hosted({"name": "中阿技术转移中心", "host": "lead"}, applicant=org("lead", country="HK")), {}),
    "a base": (CARRIED, hosted({"name": "某基地", "type": "most_base", "host": "lead"}), {}),
    "an excellent lab": (CARRIED, hosted({"name": "某实验室", "type": "provincial_joint_lab", "host": "lead", "evaluation": {"year": 2024, "grade": "excellent"}}), {}),
    "a good lab": (CARRIED, hosted({"name": "某实验室", "type": "provincial_joint_lab", "host": "lead", "evaluation": {"year": 2024, "grade": "good"}}), {}),
    "a lab without evaluation": (CARRIED, hosted({"name": "某实验室", "type": "provincial_joint_lab", "host": "lead"}), {}),
    "another carrier": (CARRIED, hosted({"name": "某载体", "type": "other_base", "host": "lead"}), {}),
    "co-builder in the lab's country": (BUILDER, hosted(lab(), partners=[portuguese()]), {}),
    "co-builder elsewhere": (BUILDER, hosted(lab(), partners=[portuguese("ES")]), {}),
    "co-builder not a partner": (BUILDER, hosted(lab(overseas_co_builder="mit"), partners=[portuguese()]), {}),
    "co-builder a domestic partner": (BUILDER, hosted(lab(), partners=[portuguese(role="domestic_partner")]), {}),
    "co-builder in China": (BUILDER, hosted(lab(), partners=[portuguese("CN")]), {}),
    "an unlisted lab": (BUILDER, hosted(lab(name="中国-西班牙联合实验室"), partners=[portuguese("ES")]), {}),
    "co-builder not required": (BUILDER, hosted({"name": "某基地", "type": "most_base", "host": "lead"}), {}),
    "any lab's co-builder": (ANY_BUILDER, hosted(lab(name="中国-西班牙联合实验室"), partners=[portuguese("ES")]), {}),
    "the listed platform's rule": (BY_NAME, hosted({"name": "深 海中心"}), {}),
    "the other platforms' rule": (BY_NAME, hosted({"name": "别的中心"}), {}),
    "an unlisted platform": (ONLY_LISTED, hosted({"name": "别的中心"}), {}),
    "carried by a platform": (CarriedByPlatform(), hosted({"name": "某实验室", "type": "provincial_joint_lab"}), {}),
    "carried by an unknown kind": (CarriedByPlatform(), hosted({"name": "某实验室", "type": "garage"}), {}),
    "not carried": (CarriedByPlatform(), {}, {}),
}

DESCRIBED = {
    "named": NAMED,
    "carried": CARRIED,
    "builder": BUILDER,
    "any builder": ANY_BUILDER,
    "by name": BY_NAME,
    "only listed": ONLY_LISTED,
    "carried by platform": CarriedByPlatform(),
}

OUTCOMES = {
    'named platform': {
        'status': 'passed',
        'segments': ('platform',),
        'message': '申报单位为  金砖国家 深海资源国际研究中心 的省内依托单位',
        'message_en': 'the applicant is the Zhejiang host of  金砖国家 深海资源国际研究中心',
        'expected': ['金砖国家深海资源国际研究中心', '中阿技术转移中心'],
        'actual': ' 金砖国家 深海资源国际研究中心',
    },
    'unnamed platform': {
        'status': 'failed',
        'segments': ('platform', 'name'),
        'message': '平台 深海中心 不在指南所列平台中：金砖国家深海资源国际研究中心、中阿技术转移中心',
        'message_en': 'the platform 深海中心 is not one the guideline names: 金砖国家深海资源国际研究中心, 中阿技术转移中心',
        'expected': ['金砖国家深海资源国际研究中心', '中阿技术转移中心'],
        'actual': '深海中心',
    },
    'hosted by a partner': {
        'status': 'failed',
        'segments': ('platform', 'host'),
        'message': '平台 中阿技术转移中心 的依托单位为 tum，不是申报单位 lead；应由平台的省内依托单位申报',
        'message_en': "the host of 中阿技术转移中心 is tum, not the applicant lead; the platform's Zhejiang host applies",
        'expected': 'lead',
        'actual': 'tum',
    },
    'host outside Zhejiang': {
        'status': 'failed',
        'segments': ('applicant',),
        'message': '依托单位 LEAD 位于 CN CN-GD，应为省内（CN-ZJ）单位',
        'message_en': 'the host LEAD is in CN CN-GD, not in CN-ZJ',
        'expected': 'CN-ZJ',
        'actual': 'CN-GD',
    },
    'host abroad': {
        'status': 'failed',
        'segments': ('applicant',),
        'message': '依托单位 LEAD 位于 HK，应为省内（CN-ZJ）单位',
        'message_en': 'the host LEAD is in HK, not in CN-ZJ',
        'expected': 'CN-ZJ',
        'actual': None,
    },
    'a base': {
        'status': 'passed',
        'segments': ('platform',),
        'message': '申报单位为科技部国际科技合作基地 某基地 的省内依托单位',
        'message_en': 'the applicant is the Zhejiang host of 某基地, a MOST international cooperation base',
        'expected': {'type': 'most_base', 'year': None, 'grade': None},
        'actual': 'most_base',
    },
    'an excellent lab': {
        'status': 'passed',
        'segments': ('platform',),
        'message': '申报单位为省级国际联合实验室（2024年度绩效评价优秀） 某实验室 的省内依托单位',
        'message_en': 'the applicant is the Zhejiang host of 某实验室, a provincial international joint lab (graded excellent in its 2024 evaluation)',
        'expected': {'type': 'provincial_joint_lab', 'year': 2024, 'grade': 'excellent'},
        'actual': 'provincial_joint_lab',
    },
    'a good lab': {
        'status': 'failed',
        'segments': ('platform', 'evaluation'),
        'message': '载体 某实验室（provincial_joint_lab，2024年度评价 good）不符合要求：应为科技部国际科技合作基地、省级国际联合实验室（2024年度绩效评价优秀）',
        'message_en': 'the carrier 某实验室 (provincial_joint_lab, evaluated good in 2024) does not qualify: expected a MOST international cooperation base; a provincial international joint lab (graded excellent in its 2024 evaluation)',
        'expected': [{'type': 'most_base', 'year': None, 'grade': None}, {'type': 'provincial_joint_lab', 'year': 2024, 'grade': 'excellent'}],
        'actual': {'type': 'provincial_joint_lab', 'evaluation': {'year': Decimal('2024'), 'grade': 'good'}},
    },
    'a lab without evaluation': {
        'status': 'failed',
        'segments': ('platform', 'evaluation'),
        'message': '载体 某实验室（provincial_joint_lab，无评价）不符合要求：应为科技部国际科技合作基地、省级国际联合实验室（2024年度绩效评价优秀）',
        'message_en': 'the carrier 某实验室 (provincial_joint_lab, no evaluation) does not qualify: expected a MOST international cooperation base; a provincial international joint lab (graded excellent in its 2024 evaluation)',
        'expected': [{'type': 'most_base', 'year': None, 'grade': None}, {'type': 'provincial_joint_lab', 'year': 2024, 'grade': 'excellent'}],
        'actual': {'type': 'provincial_joint_lab', 'evaluation': None},
    },
    'another carrier': {
        'status': 'failed',
        'segments': ('platform', 'type'),
        'message': '载体 某载体（other_base，无评价）不符合要求：应为科技部国际科技合作基地、省级国际联合实验室（2024年度绩效评价优秀）',
        'message_en': 'the carrier 某载体 (other_base, no evaluation) does not qualify: expected a MOST international cooperation base; a provincial international joint lab (graded excellent in its 2024 evaluation)',
        'expected': [{'type': 'most_base', 'year': None, 'grade': None}, {'type': 'provincial_joint_lab', 'year': 2024, 'grade': 'excellent'}],
        'actual': {'type': 'other_base', 'evaluation': None},
    },
    "co-builder in the lab's country": {
        'status': 'passed',
        'segments': ('platform', 'overseas_co_builder'),
        'message': '与平台的海外共建单位 ULISBOA（PT）合作申报',
        'message_en': "the project is carried out with the platform's overseas co-builder ULISBOA (PT)",
        'expected': None,
        'actual': 'ulisboa',
    },
    'co-builder elsewhere': {
        'status': 'failed',
        'segments': ('partners', 0, 'country'),
        'message': '海外共建单位 ULISBOA 位于 ES，中国-葡萄牙先进材料“一带一路”联合实验室 的共建国为 PT',
        'message_en': 'the co-builder ULISBOA is in ES; 中国-葡萄牙先进材料“一带一路”联合实验室 is built with PT',
        'expected': 'PT',
        'actual': 'ES',
    },
    'co-builder not a partner': {
        'status': 'failed',
        'segments': ('platform', 'overseas_co_builder'),
        'message': '海外共建单位 mit 不是本申报书中的境外合作单位（foreign_partner）',
        'message_en': 'the overseas co-builder mit is not a foreign partner (outside the mainland) of this bundle',
        'expected': 'the id of a foreign_partner',
        'actual': 'mit',
    },
    'co-builder a domestic partner': {
        'status': 'failed',
        'segments': ('platform', 'overseas_co_builder'),
        'message': '海外共建单位 ulisboa 不是本申报书中的境外合作单位（foreign_partner）',
        'message_en': 'the overseas co-builder ulisboa is not a foreign partner (outside the mainland) of this bundle',
        'expected': 'the id of a foreign_partner',
        'actual': 'ulisboa',
    },
    'co-builder in China': {
        'status': 'failed',
        'segments': ('platform', 'overseas_co_builder'),
        'message': '海外共建单位 ulisboa 不是本申报书中的境外合作单位（foreign_partner）',
        'message_en': 'the overseas co-builder ulisboa is not a foreign partner (outside the mainland) of this bundle',
        'expected': 'the id of a foreign_partner',
        'actual': 'ulisboa',
    },
    'an unlisted lab': {
        'status': 'needs_review',
        'segments': ('platform', 'name'),
        'message': '联合实验室 中国-西班牙联合实验室 不在所列实验室中，无法确定其合作国；海外共建单位 ULISBOA 位于 ES，需核实',
        'message_en': '中国-西班牙联合实验室 is not one of the listed labs, so its partner country is unknown; the co-builder ULISBOA is in ES: a reviewer must check',
        'expected': None,
        'actual': 'ES',
    },
    'co-builder not required': {
        'status': 'passed',
        'segments': ('platform', 'type'),
        'message': '载体类型为 most_base，不要求与海外共建单位合作申报',
        'message_en': 'the carrier is a most_base: no overseas co-builder is required',
        'expected': ['belt_and_road_lab', 'provincial_joint_lab'],
        'actual': 'most_base',
    },
    "any lab's co-builder": {
        'status': 'passed',
        'segments': ('platform', 'overseas_co_builder'),
        'message': '与平台的海外共建单位 ULISBOA（ES）合作申报',
        'message_en': "the project is carried out with the platform's overseas co-builder ULISBOA (ES)",
        'expected': None,
        'actual': 'ulisboa',
    },
    "the listed platform's rule": {
        'status': 'passed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 80 万元，不超过 100 万元',
        'message_en': 'the subsidy requested is 80 (10k CNY), at most 100 (10k CNY)',
        'expected': {'minimum': None, 'maximum': Decimal('100')},
        'actual': Decimal('80'),
    },
    "the other platforms' rule": {
        'status': 'failed',
        'segments': ('budget', 'subsidy_requested'),
        'message': '申请财政资助 80 万元，应不超过 50 万元',
        'message_en': 'the subsidy requested is 80 (10k CNY), expected at most 50 (10k CNY)',
        'expected': {'minimum': None, 'maximum': Decimal('50')},
        'actual': Decimal('80'),
    },
    'an unlisted platform': {
        'status': 'failed',
        'segments': ('platform', 'name'),
        'message': '平台 别的中心 不在所列平台中：深海中心、技术转移中心',
        'message_en': 'the platform 别的中心 is not listed: 深海中心, 技术转移中心',
        'expected': ['深海中心', '技术转移中心'],
        'actual': '别的中心',
    },
    'carried by a platform': {
        'status': 'passed',
        'segments': ('platform',),
        'message': '项目依托载体 某实验室（省级国际联合实验室）',
        'message_en': 'the project is carried by 某实验室 (a provincial international joint lab)',
        'expected': None,
        'actual': {'name': '某实验室', 'type': 'provincial_joint_lab'},
    },
    'carried by an unknown kind': {
        'status': 'passed',
        'segments': ('platform',),
        'message': '项目依托载体 某实验室（garage）',
        'message_en': 'the project is carried by 某实验室 (garage)',
        'expected': None,
        'actual': {'name': '某实验室', 'type': 'garage'},
    },
    'not carried': {
        'status': 'failed',
        'segments': (),
        'message': '项目未依托国际科技合作基地或联合实验室等载体（无 platform）',
        'message_en': 'the project is not carried by an international cooperation base or joint lab (no platform)',
        'expected': 'a platform',
        'actual': None,
    },
}

DESCRIPTIONS = {
    'named': (
        '申报单位为平台（金砖国家深海资源国际研究中心、中阿技术转移中心）的省内依托单位（CN-ZJ）',
        'the applicant is the CN-ZJ host of a platform: 金砖国家深海资源国际研究中心, 中阿技术转移中心',
    ),
    'carried': (
        '申报单位为平台（科技部国际科技合作基地、省级国际联合实验室（2024年度绩效评价优秀））的省内依托单位（CN-ZJ）',
        'the applicant is the CN-ZJ host of a platform: a MOST international cooperation base; a provincial international joint lab (graded excellent in its 2024 evaluation)',
    ),
    'builder': (
        '载体为国家“一带一路”联合实验室或省级国际联合实验室时，与平台的海外共建单位（外方合作单位）合作申报，且位于实验室的共建国',
        "when the carrier is a national Belt and Road joint lab or a provincial international joint lab, the overseas co-builder is a foreign partner, in the lab's partner country",
    ),
    'any builder': (
        '与平台的海外共建单位（外方合作单位）合作申报',
        'the overseas co-builder is a foreign partner',
    ),
    'by name': (
        '深海中心：申请财政资助不超过 100 万元；其他平台：申请财政资助不超过 50 万元',
        '深海中心: the subsidy requested is at most 100 (10k CNY); other platforms: the subsidy requested is at most 50 (10k CNY)',
    ),
    'only listed': (
        '深海中心：申请财政资助不超过 100 万元；技术转移中心：申请财政资助不超过 10 万元',
        '深海中心: the subsidy requested is at most 100 (10k CNY); 技术转移中心: the subsidy requested is at most 10 (10k CNY)',
    ),
    'carried by platform': (
        '项目依托国家或省级国际科技合作基地、联合实验室等载体（优先）',
        'the project is carried by a national or provincial cooperation base or joint lab (a priority)',
    ),
}
