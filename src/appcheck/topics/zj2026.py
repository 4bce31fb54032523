"""zj-2026: 浙江省2026年度省“尖兵”“领雁”科技计划 科技合作项目申报指南 (Zhejiang, 2026).

一、国际（含港澳台）科技合作项目: （一）政府间科技合作项目 (intergov: norway, singapore, west-flanders,
israel, thailand with a dual submission; finland, hong-kong single-sided); （二）重大科技合作平台联合研发
项目 (platform: head-of-state, belt-and-road-lab, cooperation-carrier); （三）重点国家战略性合作项目
(strategic: belt-and-road, us-europe). 二、对口支援与东西部协作项目: xinjiang, sichuan-chongqing, qinghai,
tibet.

Readings the guideline leaves open (documented in the rules' explain output):
- 外方截止时间待定 (singapore, thailand): a declared foreign submission date needs review.
- The Zhejiang (domestic) deadline is not printed (浙方……须在规定时间内……提交). The setting
  ``zj-2026.domestic_deadline`` (unset by default) holds it: when set, ZJ26-IGV-DEADLINE also requires
  the bundle's ``submitted_on`` to be on or before it (the tracks with a dual submission, the only ones
  whose clause speaks of 规定时间); unset, the domestic date is not checked and the finding says so.
- The foreign agencies are recognised by the guideline's Chinese name (挪威创新署, 新加坡企业发展局,
  比利时西弗兰德省政府, 以色列创新署, 泰国国家创新署) and their official English names (Innovation
  Norway / Innovasjon Norge, Enterprise Singapore, Province of West Flanders, Israel Innovation
  Authority / Innovation Israel, National Innovation Agency (NIA)). The 2026 text does not require the
  foreign side to be led by an enterprise (双方创新主体), so ZJ26-IGV-DUAL checks the agency only.
- Priority fields are the guideline's labels split at 、 and 及; west-flanders' “循环经济、数字医疗、
  环境保护和可持续发展等相关领域” gives 循环经济, 数字医疗, 环境保护和可持续发展.
- Strategic cooperation's fields (ZJ26-STR-FIELDS, soft): each track's scope list ends in 等
  (在……等重点领域 / 在……等领域), so a field outside it is a warning, not an error; intergov's priority
  fields stay ZJ26-FIELDS.
- Platforms: names compared ignoring case, spaces, punctuation and the quotes around 一带一路. The
  platform type of a named centre or lab is not checked, only its name. 海外共建单位: a foreign partner
  outside the mainland; for a Belt and Road lab, in the lab's country (PK, PT, SG, AT, MZ). The project
  is 国际（含港澳台）: HK/MO/TW partners count as overseas partners (ZJ26-PLT-PARTNER).
- BRICS for the deep-sea centre: the shipped list's latest membership minus CN; Saudi Arabia, invited
  but not confirmed, needs review. Arab League for the public-health centre: the shipped list.
- Belt and Road partner countries: the shipped ``belt_and_road`` list; us-europe: US or the ``europe``
  list passes, any other foreign country needs review (the clause ends in 等); a partner in HK, MO or TW
  is not in a country (国家) and fails.
- The platform quota (ZJ26-PLT-QUOTA) groups bundles by ``platform.name`` as written (trimmed): write a
  platform's name the same way in every bundle of a batch.
- Counterpart support (ZJ26-CSP-APPLICANT): the applicant is in Zhejiang (CN-ZJ), whatever its kind;
  the paired region's units are local partners, never the applicant.
- Counterpart regions: see ``_zhejiang`` (province code plus locality names in Chinese or pinyin).
- Agreements (ZJ26-IGV-AGREEMENT, ZJ26-PLT-AGREEMENT, ZJ26-CSP-AGREEMENT) are judged partner by partner:
  every foreign (local) partner is covered by documents signed by the applicant and that partner, and
  what those cover is pooled for that partner only; one agreement with all partners, or one with
  each, both pass.
"""

from __future__ import annotations

from ..rules.agreements import SignedAgreement
from ..rules.base import PerTrack
from ..rules.dates import DurationMonths
from ..rules.documents import HasDocument
from ..rules.funding import SubsidyBounds
from ..rules.parties import ApplicantIs, HasParty, Orgs, PriorCooperation
from ..rules.places import PartnerInCountries, PartnerInRegion
from ..rules.platforms import ByPlatformName, Carrier, OverseasCoBuilder, PlatformHost
from ..rules.project import FieldsWithin, TargetMinimums
from ..rules.quotas import QuotaPerKey
from ..rules.schedule import ForeignDeadline, OnsiteEveryYear
from ..rules.submission import ForeignSubmission
from . import DATE, Call, Check, Setting, Topic, Track
from ._zhejiang import (
    AKSU, ENTERPRISE_SINGAPORE, FOREIGN_PARTNER, HAIXI, INNOVATION_ISRAEL, INNOVATION_NORWAY, NAGQU,
    NIA_THAILAND, SICHUAN_CHONGQING, WEST_FLANDERS, YRD_PARTNER, ZJ, ZJ_ENTERPRISE, field_aliases, foreign_partner_in, split_fields,
)

CALL_ID = "zj-2026"
DOMESTIC_DEADLINE = "zj-2026.domestic_deadline"

# ----------------------------------------------------------------------------- （一）政府间科技合作项目

INTERGOV_TRACKS = (
    Track("norway", "挪威", "Norway"),
    Track("singapore", "新加坡", "Singapore"),
    Track("west-flanders", "比利时西弗兰德省", "West Flanders, Belgium"),
    Track("israel", "以色列", "Israel"),
    Track("thailand", "泰国", "Thailand"),
    Track("finland", "芬兰", "Finland"),
    Track("hong-kong", "中国香港", "Hong Kong, China"),
)
DUAL_TRACKS = ("norway", "singapore", "west-flanders", "israel", "thailand")
#: 外方主管部门 (finland and hong-kong: 由我省企业向省科技厅单独申报)
AGENCIES = {
    "norway": INNOVATION_NORWAY,
    "singapore": ENTERPRISE_SINGAPORE,
    "west-flanders": WEST_FLANDERS,
    "israel": INNOVATION_ISRAEL,
    "thailand": NIA_THAILAND,
}
#: 外方截止时间
DEADLINES = {
    "norway": ForeignDeadline("2025年9月25日", "exact", month=9, day=25, year=2025, domestic_setting=DOMESTIC_DEADLINE),
    "singapore": ForeignDeadline("待定", "tbd", domestic_setting=DOMESTIC_DEADLINE),
    "west-flanders": ForeignDeadline("2025年8月31日", "exact", month=8, day=31, year=2025, domestic_setting=DOMESTIC_DEADLINE),
    "israel": ForeignDeadline("2025年7月3日", "exact", month=7, day=3, year=2025, domestic_setting=DOMESTIC_DEADLINE),
    "thailand": ForeignDeadline("待定", "tbd", domestic_setting=DOMESTIC_DEADLINE),
}
#: the partner's country (and subdivision) per track
PARTNER_PLACES = {
    "norway": ("NO", None), "singapore": ("SG", None), "west-flanders": ("BE", "BE-VWV"), "israel": ("IL", None),
    "thailand": ("TH", None), "finland": ("FI", None), "hong-kong": ("HK", None),
}
#: 优先支持……等领域
INTERGOV_FIELDS = {
    "norway": split_fields("海洋经济、装备制造、生命健康、能源科技、绿色技术"),
    "singapore": split_fields("生命健康、新材料、海洋经济、智慧城市、绿色技术、信息技术及农业食品科技"),
    "west-flanders": split_fields("循环经济、数字医疗、环境保护和可持续发展"),
    "israel": split_fields("新能源、节能环保、智慧社区、机器人技术、机械电子、信息通讯、材料和纳米技术、生物制药、农业机械、医疗器械和水处理"),
    "thailand": split_fields("农业食品科技、生命健康、绿色技术、智慧城市"),
    "finland": split_fields("气候变化、循环经济及可持续发展、医疗健康"),
    "hong-kong": split_fields("智慧城市、人工智能、金融科技、生物医药、微电子、新材料、新能源"),
}

# ----------------------------------------------------------------------------- （二）重大科技合作平台联合研发项目

PLATFORM_TRACKS = (
    Track("head-of-state", "服务“元首外交”科技合作项目", "Head-of-state diplomacy cooperation"),
    Track("belt-and-road-lab", "国家“一带一路”联合实验室科技合作项目", "National Belt and Road joint labs"),
    Track("cooperation-carrier", "国际科技合作载体科技合作项目", "International cooperation carriers"),
)
DEEP_SEA_CENTRE = "金砖国家深海资源国际研究中心"
PUBLIC_HEALTH_CENTRE = "中国-阿拉伯国家公共卫生科技合作中心"
CENTRES = (DEEP_SEA_CENTRE, PUBLIC_HEALTH_CENTRE)
#: the five national Belt and Road joint labs and the country each is built with
JOINT_LABS = {
    "中国-巴基斯坦小型水电技术“一带一路”联合实验室": "PK",
    "中国-葡萄牙先进材料“一带一路”联合实验室": "PT",
    "中国-新加坡传染病防治与药物研发“一带一路”联合实验室": "SG",
    "中国-奥地利人工智能与先进制造“一带一路”联合实验室": "AT",
    "中国-莫桑比克智慧农业“一带一路”联合实验室": "MZ",
}
#: 在浙的科技部国际科技合作基地、2024年度绩效评价结果为“优秀”的省级国际联合实验室、2023年度绩效评价结果为“优秀”的省科技厅国际科技合作基地
CARRIERS = (
    Carrier("most_base"),
    Carrier("provincial_joint_lab", 2024, "excellent"),
    Carrier("provincial_base", 2023, "excellent"),
)
#: 国际（含港澳台）: an overseas partner is any foreign partner outside the mainland
OVERSEAS_PARTNER = HasParty(Orgs(roles={"foreign_partner"}, not_countries={"CN"}))

# ----------------------------------------------------------------------------- （三）重点国家战略性合作项目

STRATEGIC_TRACKS = (
    Track("belt-and-road", "“一带一路”共建国家", "Belt and Road partner countries"),
    Track("us-europe", "美国、欧洲等国家", "The US, Europe and others"),
)
STRATEGIC_FIELDS = {
    "belt-and-road": split_fields("可持续发展技术、空间信息科技、科技减贫、创新创业、人工智能、中医药"),
    "us-europe": split_fields("气候变化、卫生健康、粮食安全"),
}

# ----------------------------------------------------------------------------- 二、对口支援与东西部协作项目 (绩效目标)

XINJIANG_TRACKS = (
    Track("saline-aquaculture", "盐碱水养殖", "Saline-water aquaculture"),
    Track("specialty-crops-livestock", "特色农牧产品", "Specialty crops and livestock"),
    Track("leading-industry", "主导产业", "Leading industries"),
    Track("medical-ai", "人工智能和大数据临床诊治", "AI and big-data clinical care"),
)
XINJIANG_TARGETS = {
    "saline-aquaculture": {"saline_water_technologies": 1, "new_varieties": 1, "technical_specifications": 1, "demo_bases": 2, "talents_trained": 30},
    "specialty-crops-livestock": {"technical_specifications": 1, "demo_bases": 1, ("new_products", "new_varieties"): 1, "talents_trained": 30},
    "leading-industry": {"pilot_lines": 1, "industry_standards": 1, ("new_products", "new_varieties"): 1},
    "medical-ai": {"technology_systems": 1, "medical_staff_trained": 20},
}
SICHUAN_CHONGQING_TARGETS = {"new_varieties": 1, "technology_systems": 1, "demo_bases": 1, "processing_technologies": 1, "talents_trained": 30}
QINGHAI_TRACKS = (
    Track("resources-ecology", "清洁能源、盐湖资源、绿色生态", "Clean energy, salt lakes, ecology"),
    Track("agri-processing", "农牧产品高值化加工利用", "High-value agricultural processing"),
)
QINGHAI_TARGETS = {
    "resources-ecology": {"new_technologies": 1, "demo_bases": 1, ("new_products", "new_processes"): 1},
    "agri-processing": {("technical_specifications", "processing_technologies"): 1, "demo_bases": 1, ("new_products", "new_varieties"): 1, "talents_trained": 30},
}
TIBET_TRACKS = (
    Track("resources", "那曲农牧特色资源开发利用", "Nagqu agricultural resources"),
    Track("medical", "地方高发病诊治技术", "Diagnosis and treatment of local diseases"),
)
TIBET_TARGETS = {
    "resources": {"technology_systems": 1, ("new_products", "new_varieties"): 1, "demo_bases": 1, "talents_trained": 20},
    "medical": {"technology_systems": 1, "technical_standards": 1, "medical_staff_trained": 10},
}

# ----------------------------------------------------------------------------- shared checks

SUBSIDY_CAP = Check("ZJ26-SUBSIDY-CAP", SubsidyBounds(maximum=150))
DURATION = Check("ZJ26-DURATION", DurationMonths(maximum=36))
HISTORY = Check("ZJ26-HISTORY", PriorCooperation(FOREIGN_PARTNER))
BENEFIT_AGREEMENT = Check("ZJ26-PLT-AGREEMENT", SignedAgreement(covers={"ip_ownership", "benefit_sharing"}, parties=FOREIGN_PARTNER))
LOCAL_PARTNER = Orgs(roles={"local_partner"})
RESEARCH_KINDS = {"enterprise", "university", "research_institute"}


def _fields(table: dict) -> PerTrack:
    return PerTrack({track: FieldsWithin(labels, field_aliases(labels)) for track, labels in table.items()})


def _counterpart(region, kinds: set) -> tuple:
    return (
        Check("ZJ26-CSP-LETTER", HasDocument("recommendation_letter", issuer_kinds={"command_hq"}, issuer_levels={"prefecture", "province", "national"})),
        Check("ZJ26-CSP-AGREEMENT", SignedAgreement(covers={"task_division", "ip_ownership", "dispute_resolution"}, parties=LOCAL_PARTNER)),
        Check("ZJ26-CSP-ONSITE", OnsiteEveryYear(15)),
        Check("ZJ26-CSP-SUBSIDY", SubsidyBounds(maximum=60)),
        Check("ZJ26-CSP-APPLICANT", ApplicantIs(Orgs(kinds=kinds, countries={"CN"}, subdivisions=ZJ))),
        Check("ZJ26-CSP-REGION", PartnerInRegion(LOCAL_PARTNER, region)),
        DURATION,
    )


# ----------------------------------------------------------------------------- topics

INTERGOV = Topic(
    CALL_ID, "intergov", "政府间科技合作项目", "Intergovernmental S&T cooperation",
    schema="zj-2026/intergov.json",
    tracks=INTERGOV_TRACKS,
    checks=(
        Check("ZJ26-IGV-LEAD", ApplicantIs(ZJ_ENTERPRISE)),
        Check("ZJ26-IGV-DUAL", PerTrack({track: ForeignSubmission((agency,)) for track, agency in AGENCIES.items()}), tracks=DUAL_TRACKS),
        Check("ZJ26-IGV-DEADLINE", PerTrack(DEADLINES), tracks=DUAL_TRACKS),
        Check("ZJ26-IGV-PARTNER", PerTrack({track: HasParty(foreign_partner_in(*place)) for track, place in PARTNER_PLACES.items()})),
        Check("ZJ26-IGV-AGREEMENT", SignedAgreement(covers={"task_division", "ip_ownership", "commercialization"}, parties=FOREIGN_PARTNER)),
        Check("ZJ26-IGV-YRD", HasParty(YRD_PARTNER), tracks={"singapore"}),
        HISTORY,
        Check("ZJ26-FIELDS", _fields(INTERGOV_FIELDS)),
        SUBSIDY_CAP,
        DURATION,
    ),
)

PLATFORM = Topic(
    CALL_ID, "platform", "重大科技合作平台联合研发项目", "Joint R&D of major cooperation platforms",
    schema="zj-2026/platform.json",
    tracks=PLATFORM_TRACKS,
    checks=(
        Check("ZJ26-PLT-HOST", PerTrack({
            "head-of-state": PlatformHost(names=CENTRES),
            "belt-and-road-lab": PlatformHost(names=tuple(JOINT_LABS)),
            "cooperation-carrier": PlatformHost(carriers=CARRIERS),
        })),
        Check("ZJ26-PLT-COBUILDER", PerTrack({
            "belt-and-road-lab": OverseasCoBuilder(countries=JOINT_LABS),
            "cooperation-carrier": OverseasCoBuilder(types={"provincial_joint_lab"}),
        }), tracks={"belt-and-road-lab", "cooperation-carrier"}),
        Check("ZJ26-PLT-PARTNER", PerTrack({
            "head-of-state": ByPlatformName({
                DEEP_SEA_CENTRE: PartnerInCountries(FOREIGN_PARTNER, lists=("brics",), exclude={"CN"}, review_countries={"SA"}),
                PUBLIC_HEALTH_CENTRE: PartnerInCountries(FOREIGN_PARTNER, lists=("arab_league",)),
            }, OVERSEAS_PARTNER),
            "belt-and-road-lab": OVERSEAS_PARTNER,
            "cooperation-carrier": OVERSEAS_PARTNER,
        })),
        Check("ZJ26-PLT-QUOTA", QuotaPerKey("platform", 1)),
        BENEFIT_AGREEMENT,
        HISTORY,
        SUBSIDY_CAP,
        DURATION,
    ),
)

STRATEGIC = Topic(
    CALL_ID, "strategic", "重点国家战略性合作项目", "Strategic cooperation with key countries",
    schema="zj-2026/strategic.json",
    tracks=STRATEGIC_TRACKS,
    checks=(
        Check("ZJ26-STR-APPLICANT", ApplicantIs(Orgs(kinds=RESEARCH_KINDS | {"medical_institution"}, countries={"CN"}, subdivisions=ZJ))),
        Check("ZJ26-STR-PARTNER", PerTrack({
            "belt-and-road": PartnerInCountries(FOREIGN_PARTNER, lists=("belt_and_road",)),
            "us-europe": PartnerInCountries(FOREIGN_PARTNER, countries={"US"}, lists=("europe",), exclude={"CN", "HK", "MO", "TW"}, review_others=True),
        })),
        BENEFIT_AGREEMENT,
        HISTORY,
        Check("ZJ26-STR-FIELDS", _fields(STRATEGIC_FIELDS)),
        SUBSIDY_CAP,
        DURATION,
    ),
)

XINJIANG = Topic(
    CALL_ID, "xinjiang", "新疆科技对口支援项目", "Counterpart support: Xinjiang",
    schema="zj-2026/xinjiang.json",
    tracks=XINJIANG_TRACKS,
    checks=(
        *_counterpart(AKSU, RESEARCH_KINDS | {"medical_institution"}),
        Check("ZJ26-XJ-TARGETS", PerTrack({track: TargetMinimums(minimums) for track, minimums in XINJIANG_TARGETS.items()})),
    ),
)

SICHUAN_CHONGQING = Topic(
    CALL_ID, "sichuan-chongqing", "四川、重庆科技合作项目", "Cooperation with Sichuan and Chongqing",
    schema="zj-2026/sichuan-chongqing.json",
    checks=(
        *_counterpart(SICHUAN_CHONGQING, RESEARCH_KINDS),
        Check("ZJ26-SCQ-TARGETS", TargetMinimums(SICHUAN_CHONGQING_TARGETS)),
    ),
)

QINGHAI = Topic(
    CALL_ID, "qinghai", "青海科技对口支援项目", "Counterpart support: Qinghai",
    schema="zj-2026/qinghai.json",
    tracks=QINGHAI_TRACKS,
    checks=(
        *_counterpart(HAIXI, RESEARCH_KINDS),
        Check("ZJ26-QH-TARGETS", PerTrack({track: TargetMinimums(minimums) for track, minimums in QINGHAI_TARGETS.items()})),
    ),
)

TIBET = Topic(
    CALL_ID, "tibet", "西藏科技对口支援项目", "Counterpart support: Tibet",
    schema="zj-2026/tibet.json",
    tracks=TIBET_TRACKS,
    checks=(
        *_counterpart(NAGQU, RESEARCH_KINDS | {"medical_institution"}),
        Check("ZJ26-XZ-TARGETS", PerTrack({track: TargetMinimums(minimums) for track, minimums in TIBET_TARGETS.items()})),
    ),
)

# ----------------------------------------------------------------------------- sections of the guideline, clauses

#: where each topic's and track's section of the guideline starts and ends (see ``appcheck.clauses``);
#: strategic's, xinjiang's, qinghai's and tibet's tracks have no heading of their own
SECTIONS = {
    "intergov": (("（一）政府间科技合作项目", "（二）重大科技合作平台联合研发项目"),),
    "intergov#norway": (("1. 挪威：", "2. 新加坡："),),
    "intergov#singapore": (("2. 新加坡：", "3. 比利时西弗兰德省："),),
    "intergov#west-flanders": (("3. 比利时西弗兰德省：", "4. 以色列："),),
    "intergov#israel": (("4. 以色列：", "5. 泰国："),),
    "intergov#thailand": (("5. 泰国：", "6. 芬兰："),),
    "intergov#finland": (("6. 芬兰：", "7. 中国香港："),),
    "intergov#hong-kong": (("7. 中国香港：", "绩效目标："),),
    "platform": (("（二）重大科技合作平台联合研发项目", "（三）重点国家战略性合作项目"),),
    "platform#head-of-state": (("1.服务“元首外交”科技合作项目", "2.国家“一带一路”联合实验室科技合作项目"),),
    "platform#belt-and-road-lab": (("2.国家“一带一路”联合实验室科技合作项目", "3.国际科技合作载体科技合作项目"),),
    "platform#cooperation-carrier": (("3.国际科技合作载体科技合作项目", "绩效目标："),),
    "strategic": (("（三）重点国家战略性合作项目", "2、 项目名称：对口支援与东西部协作项目"),),
    "xinjiang": (("（一）新疆科技对口支援项目", "（二）四川、重庆科技合作项目"),),
    "sichuan-chongqing": (("（二）四川、重庆科技合作项目", "（三）青海科技对口支援项目"),),
    "qinghai": (("（三）青海科技对口支援项目", "（四）西藏科技对口支援项目"),),
    "tibet": (("（四）西藏科技对口支援项目", None),),
}

#: the clauses written out where the contract's source has no fragment from the topic's own section,
#: or where a track words the requirement its own way
CLAUSES = {
    "intergov#norway": {
        "ZJ26-IGV-DUAL": "浙方和挪方申报主体须在规定时间内分别向浙江省科技厅和挪威创新署提交申报材料，单方申报项目无效",
        "ZJ26-FIELDS": "优先支持海洋经济、装备制造、生命健康、能源科技、绿色技术等领域",
    },
    "intergov#singapore": {
        "ZJ26-IGV-DUAL": "浙方和新方申报主体须在规定时间内分别向浙江省科技厅和新加坡企业发展局提交申报材料，单方申报项目无效",
        "ZJ26-IGV-DEADLINE": "外方截止时间待定",
        "ZJ26-FIELDS": "优先支持生命健康、新材料、海洋经济、智慧城市、绿色技术、信息技术及农业食品科技等领域",
    },
    "intergov#west-flanders": {
        "ZJ26-IGV-DUAL": "浙方和比方申报主体须在规定时间内分别向浙江省科技厅和比利时西弗兰德省政府提交申报材料，单方申报项目无效",
        "ZJ26-IGV-DEADLINE": "外方截止时间为2025年8月31日",
        "ZJ26-FIELDS": "优先支持循环经济、数字医疗、环境保护和可持续发展等相关领域",
    },
    "intergov#israel": {
        "ZJ26-IGV-DUAL": "浙方和以方申报主体须在规定时间内分别向浙江省科技厅和以色列创新署提交申报材料，单方申报项目无效",
        "ZJ26-IGV-DEADLINE": "外方截止时间为2025年7月3日",
        "ZJ26-FIELDS": "优先支持新能源、节能环保、智慧社区、机器人技术、机械电子、信息通讯、材料和纳米技术、生物制药、农业机械、医疗器械和水处理领域",
    },
    "intergov#thailand": {
        "ZJ26-IGV-DUAL": "浙方和泰方申报主体需在规定时间内分别向浙江省科技厅和泰国国家创新署提交申报材料，单方申报项目无效",
        "ZJ26-IGV-DEADLINE": "外方截止时间待定",
        "ZJ26-FIELDS": "优先支持农业食品科技、生命健康、绿色技术、智慧城市等领域",
    },
    "intergov#finland": {"ZJ26-FIELDS": "优先支持气候变化、循环经济及可持续发展、医疗健康等领域"},
    "intergov#hong-kong": {"ZJ26-FIELDS": "优先支持智慧城市、人工智能、金融科技、生物医药、微电子、新材料、新能源等领域"},
    "platform#head-of-state": {
        "ZJ26-PLT-HOST": "支持金砖国家深海资源国际研究中心、中国-阿拉伯国家公共卫生科技合作中心的依托单位",
    },
    "platform#belt-and-road-lab": {
        "ZJ26-PLT-HOST": "支持中国-巴基斯坦小型水电技术“一带一路”联合实验室……中国-莫桑比克智慧农业“一带一路”联合实验室的依托单位",
        "ZJ26-PLT-PARTNER": "与联合实验室共建单位合作开展科学研究",
    },
    "platform#cooperation-carrier": {
        "ZJ26-PLT-HOST": "支持在浙的科技部国际科技合作基地、2024年度绩效评价结果为“优秀”的省级国际联合实验室、"
                         "2023年度绩效评价结果为“优秀”的省科技厅国际科技合作基地的依托单位",
    },
    "strategic#belt-and-road": {
        "ZJ26-STR-PARTNER": "支持我省创新主体与“一带一路”共建国家在可持续发展技术、空间信息科技、科技减贫、创新创业、人工智能、中医药等重点领域，"
                            "开展联合研发、技术转移转化和海外应用示范",
        "ZJ26-STR-FIELDS": "在可持续发展技术、空间信息科技、科技减贫、创新创业、人工智能、中医药等重点领域",
    },
    "strategic#us-europe": {
        "ZJ26-STR-PARTNER": "支持我省创新主体与美国、欧洲等国家在气候变化、卫生健康、粮食安全等领域开展联合研究与合作交流",
        "ZJ26-STR-FIELDS": "在气候变化、卫生健康、粮食安全等领域开展联合研究与合作交流",
    },
    "xinjiang": {
        "ZJ26-CSP-LETTER": "项目申报须由帮扶地市级及以上指挥部（工作队）出具推荐函",
        "ZJ26-CSP-APPLICANT": "申报主体：企业、高校、科研机构、医疗卫生机构",
    },
    "xinjiang#saline-aquaculture": {
        "ZJ26-XJ-TARGETS": "开发适宜工厂化养殖的盐碱水调控技术1套，选育高值水产品种不少于1个，建立水产孵化培育推广技术规范1套，"
                           "建立养殖示范基地不少2个，培育产业技术人才不少于30人",
    },
    "xinjiang#specialty-crops-livestock": {
        "ZJ26-XJ-TARGETS": "建立特色农牧产品栽培养殖或智能管理相关技术规程1套，建立技术示范基地不少于1个，开发新产品（新品种）不少于1个，"
                           "培育产业技术人才不少于30人",
    },
    "xinjiang#leading-industry": {
        "ZJ26-XJ-TARGETS": "针对主导产业运用新技术、新工艺建立中试或示范生产线1条，制定行业标准不少于1项，开发新产品（品系）不少于1个",
    },
    "xinjiang#medical-ai": {
        "ZJ26-XJ-TARGETS": "建立人工智能和大数据技术驱动下针对特定病种的临床诊治或精准用药等技术体系1套，培训当地医护人员不少于20人",
    },
    "sichuan-chongqing": {
        "ZJ26-CSP-LETTER": "项目申报须由对口地市级及以上指挥部（工作队）出具推荐函",
        "ZJ26-CSP-APPLICANT": "申报主体：企业、高校、科研机构",
    },
    "qinghai": {
        "ZJ26-CSP-LETTER": "项目申报须由对口地市级及以上指挥部（工作队）出具推荐函",
        "ZJ26-CSP-APPLICANT": "申报主体：企业、高校、科研机构",
    },
    "qinghai#resources-ecology": {
        "ZJ26-QH-TARGETS": "针对清洁能源、盐湖资源、绿色生态等开发利用保护项目，须开发或引进推广新技术不少于1项，建立技术示范应用基地不少于1个，"
                           "开发新产品或新工艺不少于1个",
    },
    "qinghai#agri-processing": {
        "ZJ26-QH-TARGETS": "针对农牧产品高值化加工利用项目，须建立加工工艺或智能管理技术规程1套，建立示范应用基地不少于1个，"
                           "开发新产品（新品种）不少于1个，培育产业技术人才不少于30人",
    },
    "tibet": {
        "ZJ26-CSP-LETTER": "项目申报须由对口地市级及以上指挥部（工作队）出具推荐函",
        "ZJ26-CSP-APPLICANT": "申报主体：企业、高校、科研机构、医疗卫生机构",
    },
    "tibet#resources": {
        "ZJ26-XZ-TARGETS": "针对那曲农牧特色资源开发利用项目，须建立资源开发工艺或新品种选育技术体系1套，开发或选育新产品（新品种）1个以上，"
                           "建立技术示范应用基地不少于1个，培育产业专业技术人才不少于20人",
    },
    "tibet#medical": {
        "ZJ26-XZ-TARGETS": "针对地方高发病诊治技术项目，须开发或引进推广当地适用的疾病诊治技术体系1套，形成诊治技术标准1个，"
                           "培训熟练掌握相关医疗技术的当地医护人员10名以上",
    },
}

CALL = Call(
    CALL_ID, "浙江省2026年度省“尖兵”“领雁”科技计划 科技合作项目申报指南", "Zhejiang 2026 Pioneer and Leading Goose programme: S&T cooperation",
    topics=(INTERGOV, PLATFORM, STRATEGIC, XINJIANG, SICHUAN_CHONGQING, QINGHAI, TIBET),
    settings=(
        Setting(
            DOMESTIC_DEADLINE,
            "浙方（省科技厅）申报截止日期（指南未印明）；设置后，政府间合作项目的双边申报方向（ZJ26-IGV-DEADLINE）还要求申报书 submitted_on 不晚于该日期；未设置时不检查",
            "the Zhejiang (domestic) deadline, not printed in the guideline; when set, ZJ26-IGV-DEADLINE (the dual-submission tracks) also requires the bundle's submitted_on to be on or before it; unset: not checked",
            None, DATE,
        ),
    ),
    sections=SECTIONS, clauses=CLAUSES,
)

