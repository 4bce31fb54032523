"""zj-2022: 浙江省2022年度“尖兵”“领雁”研发攻关计划 科技合作领域项目指南 (Zhejiang, 2022).

一、国际科技合作项目: （一）双边产业联合研发计划项目 (bilateral-industrial: finland, austria, israel,
czechia, norway, west-flanders, singapore); （二）政府间科技创新合作项目 (intergov-innovation:
uk-midlands, serbia; single-sided: no foreign submission); （三）外资研发机构开放式协同创新项目
(foreign-rd-open-innovation). 二、对口支援与协作项目: 科技对口支援和东西部协作项目
(counterpart-support: aksu, nagqu, haixi, fuling, wanzhou, sichuan).

Readings the guideline leaves open (documented in the rules' explain output):
- The foreign deadlines print no year. The setting ``zj-2022.deadline_year`` (default 2021: the
  2022年度 call ran in 2021, as zj-2025 and zj-2026 ran the year before) gives it; 次年 is that year + 1.
- 中旬 (finland 10月中旬, norway 次年3月中旬): on or before the 10th passes, the 11th-20th needs review
  (the exact day is not printed), later fails. 10月底 / 8月底 are the month's last day.
- The foreign agencies are recognised by the guideline's Chinese name (芬兰国家商务促进局, 奥地利国家
  科研促进署, 以色列创新署, 捷克共和国技术局, 挪威创新署, 比利时西弗兰德省政府, 新加坡企业发展局), the
  English name it gives and the agencies' official names (Innovasjon Norge, Israel Innovation
  Authority, Provincie West-Vlaanderen, ...).
- Priority fields (ZJ22-BIL-FIELDS, info) are the guideline's labels split at 、 and 及; west-flanders'
  “与绿色低碳技术、循环经济相关领域” is read as the labels 绿色低碳技术 and 循环经济. Spellings that
  differ between tracks (信息通讯 / 信息通信 ...) are aliases. Norway's 绿色技术 is a scope (ZJ22-BIL-NORWAY),
  not a priority.
- Agreements (ZJ22-BIL-AGREEMENT, ZJ22-FRD-AGREEMENT, ZJ22-CSP-AGREEMENT) are judged partner by partner:
  every partner the rule names is covered by documents signed by the applicant and that partner, and
  what those cover is pooled for that partner only; one agreement with all partners, or one with
  each, both pass.
- 外资研发机构: a partner with ``foreign_rd_center``, registered in CN, whose parent is in the Fortune
  Global 500 and not a mainland company. The agreement (ZJ22-FRD-AGREEMENT) and the cooperation history
  (ZJ22-BIL-HISTORY) are with that R&D centre.
- Counterpart regions are placed by province code and locality names (see ``_zhejiang``); the 68
  Sichuan counties are not listed, so any Sichuan (CN-SC) partner passes.
- Counterpart support is Zhejiang's (我省对口支援): the applicant (ZJ22-CSP-APPLICANT) is in Zhejiang
  (CN-ZJ); the assisted region's units take part as local partners, never as the applicant.
"""

from __future__ import annotations

from ..rules.agreements import SignedAgreement
from ..rules.base import AllOf, PerTrack
from ..rules.dates import DurationMonths
from ..rules.documents import HasDocument
from ..rules.funding import SubsidyBounds
from ..rules.parties import ApplicantIs, HasParty, Orgs, PriorCooperation
from ..rules.places import ForeignRDCenter, PartnerInRegion
from ..rules.platforms import CarriedByPlatform
from ..rules.project import FieldsWithin
from ..rules.quotas import QuotaPerKey
from ..rules.schedule import ForeignDeadline, OnsiteEveryYear
from ..rules.scope import FieldsInclude, NotApplicable
from ..rules.submission import ForeignSubmission, SideLedBy
from . import YEAR, Call, Check, Setting, Topic, Track
from ._zhejiang import (
    AKSU, BUSINESS_FINLAND, ENTERPRISE_SINGAPORE, FFG, FOREIGN_PARTNER, FULING, HAIXI, INNOVATION_ISRAEL, INNOVATION_NORWAY,
    MIDLANDS, NAGQU, RD_CENTER, SICHUAN, TACR, WANZHOU, WEST_FLANDERS, ZJ, ZJ_ENTERPRISE, field_aliases, foreign_enterprise,
    foreign_partner_in, split_fields,
)

CALL_ID = "zj-2022"
DEADLINE_YEAR = "zj-2022.deadline_year"
DEFAULT_YEAR = 2021

# ----------------------------------------------------------------------------- tables (一、（一）双边产业联合研发计划项目)

BILATERAL_TRACKS = (
    Track("finland", "芬兰", "Finland"),
    Track("austria", "奥地利", "Austria"),
    Track("israel", "以色列", "Israel"),
    Track("czechia", "捷克", "Czechia"),
    Track("norway", "挪威", "Norway"),
    Track("west-flanders", "比利时西弗兰德省", "West Flanders, Belgium"),
    Track("singapore", "新加坡", "Singapore"),
)

#: 外方主管部门, and the country (subdivision) of the foreign side's lead enterprise
AGENCIES = {
    "finland": (BUSINESS_FINLAND, "FI", None),
    "austria": (FFG, "AT", None),
    "israel": (INNOVATION_ISRAEL, "IL", None),
    "czechia": (TACR, "CZ", None),
    "norway": (INNOVATION_NORWAY, "NO", None),
    "west-flanders": (WEST_FLANDERS, "BE", "BE-VWV"),
    "singapore": (ENTERPRISE_SINGAPORE, "SG", None),
}


def _deadline(wording: str, kind: str, month: int, day: int | None = None, year_offset: int = 0) -> ForeignDeadline:
    return ForeignDeadline(wording, kind, month=month, day=day, year_setting=DEADLINE_YEAR, default_year=DEFAULT_YEAR, year_offset=year_offset)


#: 外方截止时间 (the year from the setting zj-2022.deadline_year)
DEADLINES = {
    "finland": _deadline("10月中旬", "mid", 10),
    "austria": _deadline("8月9日", "exact", 8, 9),
    "israel": _deadline("10月底", "exact", 10, 31),
    "czechia": _deadline("7月14日", "exact", 7, 14),
    "norway": _deadline("次年3月中旬", "mid", 3, year_offset=1),
    "west-flanders": _deadline("8月31日", "exact", 8, 31),
    "singapore": _deadline("8月底", "exact", 8, 31),
}

#: 优先支持……等领域 (norway: a scope, ZJ22-BIL-NORWAY)
BILATERAL_FIELDS = {
    "finland": split_fields("生命科学和健康科技、信息和通讯技术、循环经济、碳中和和绿色技术"),
    "austria": split_fields("与碳中和相关的绿色技术、智慧城市、信息通信、智慧能源系统及智慧交通"),
    "israel": split_fields("新能源、节能环保、智慧社区、机器人技术、机械电子、信息通讯、材料和纳米技术、生物制药、农业机械、医疗器械和水处理"),
    "czechia": split_fields("信息通信、生物医药、装备制造、新能源、新材料"),
    "west-flanders": split_fields("绿色低碳技术、循环经济"),
    "singapore": split_fields("生命健康、信息技术、绿色低碳、智慧城市、科技金融及新材料"),
}
NORWAY_SCOPE = "绿色技术"

INTERGOV_TRACKS = (
    Track("uk-midlands", "英国中部引擎地区", "UK Midlands Engine"),
    Track("serbia", "塞尔维亚", "Serbia"),
)
INTERGOV_FIELDS = {
    "uk-midlands": split_fields("新材料、新能源、先进制造、信息技术"),
    "serbia": split_fields("信息通讯、人工智能、生命健康、智能制造、绿色能源、新材料"),
}

COUNTERPART_TRACKS = (
    Track("aksu", "新疆阿克苏地区（含新疆建设兵团农一师）", "Aksu, Xinjiang (XPCC 1st Division included)"),
    Track("nagqu", "西藏那曲市", "Nagqu, Tibet"),
    Track("haixi", "青海海西州", "Haixi, Qinghai"),
    Track("fuling", "重庆涪陵区", "Fuling, Chongqing"),
    Track("wanzhou", "重庆万州区", "Wanzhou, Chongqing"),
    Track("sichuan", "四川68县", "Sichuan (68 counties)"),
)
REGIONS = {"aksu": AKSU, "nagqu": NAGQU, "haixi": HAIXI, "fuling": FULING, "wanzhou": WANZHOU, "sichuan": SICHUAN}


def _fields(table: dict) -> PerTrack:
    return PerTrack({track: FieldsWithin(labels, field_aliases(labels)) for track, labels in table.items()})


# ----------------------------------------------------------------------------- shared checks

SUBSIDY_CAP = Check("ZJ22-SUBSIDY-CAP", SubsidyBounds(maximum=150))
DURATION = Check("ZJ22-DURATION", DurationMonths(maximum=36))
COOPERATION_AGREEMENT = SignedAgreement(covers={"task_division", "ip_ownership", "commercialization"}, parties=FOREIGN_PARTNER)

# ----------------------------------------------------------------------------- （一）双边产业联合研发计划项目

BILATERAL = Topic(
    CALL_ID, "bilateral-industrial", "双边产业联合研发计划项目", "Bilateral industrial joint R&D",
    schema="zj-2022/bilateral-industrial.json",
    tracks=BILATERAL_TRACKS,
    checks=(
        Check("ZJ22-BIL-LEAD", ApplicantIs(ZJ_ENTERPRISE)),
        Check("ZJ22-BIL-DUAL", PerTrack({
            track: AllOf((ForeignSubmission((agency,)), SideLedBy(foreign_enterprise(country, subdivision))))
            for track, (agency, country, subdivision) in AGENCIES.items()
        })),
        Check("ZJ22-BIL-DEADLINE", PerTrack(DEADLINES)),
        Check("ZJ22-BIL-AGREEMENT", COOPERATION_AGREEMENT),
        Check("ZJ22-BIL-HISTORY", PriorCooperation(FOREIGN_PARTNER)),
        Check("ZJ22-BIL-FIELDS", PerTrack({
            **_fields(BILATERAL_FIELDS).rules,
            "norway": NotApplicable(("挪威方向的“绿色技术”为限定领域而非优先领域，见 ZJ22-BIL-NORWAY", "norway's 绿色技术 is a scope, not a priority: see ZJ22-BIL-NORWAY")),
        })),
        Check("ZJ22-BIL-NORWAY", AllOf((
            FieldsInclude(NORWAY_SCOPE),
            HasDocument("environmental_improvement_evidence", judged=True, judge=(
                "是否为能比现在最佳技术带来显著环境改善、符合欧盟分类方案的解决方案",
                "whether the solution brings significant environmental improvement over the best current technology, in line with the EU taxonomy",
            )),
        )), tracks={"norway"}),
        SUBSIDY_CAP,
        DURATION,
    ),
)

# ----------------------------------------------------------------------------- （二）政府间科技创新合作项目

INTERGOV = Topic(
    CALL_ID, "intergov-innovation", "政府间科技创新合作项目", "Intergovernmental S&T innovation cooperation",
    schema="zj-2022/intergov-innovation.json",
    tracks=INTERGOV_TRACKS,
    checks=(
        Check("ZJ22-IGV-LEAD", ApplicantIs(ZJ_ENTERPRISE)),
        Check("ZJ22-IGV-PARTNER", PerTrack({
            "uk-midlands": PartnerInRegion(FOREIGN_PARTNER, MIDLANDS),
            "serbia": HasParty(foreign_partner_in("RS")),
        })),
        Check("ZJ22-BIL-AGREEMENT", COOPERATION_AGREEMENT),
        Check("ZJ22-BIL-HISTORY", PriorCooperation(FOREIGN_PARTNER)),
        Check("ZJ22-BIL-FIELDS", _fields(INTERGOV_FIELDS)),
        Check("ZJ22-IGV-BASE", CarriedByPlatform()),
        SUBSIDY_CAP,
        DURATION,
    ),
)

# ----------------------------------------------------------------------------- （三）外资研发机构开放式协同创新项目

FOREIGN_RD = Topic(
    CALL_ID, "foreign-rd-open-innovation", "外资研发机构开放式协同创新项目", "Open innovation with foreign-funded R&D centres",
    schema="zj-2022/foreign-rd-open-innovation.json",
    checks=(
        Check("ZJ22-FRD-LEAD", ApplicantIs(Orgs(kinds={"enterprise", "university", "research_institute"}, countries={"CN"}, subdivisions=ZJ))),
        Check("ZJ22-FRD-PARTNER", ForeignRDCenter()),
        Check("ZJ22-FRD-AGREEMENT", SignedAgreement(covers={"ip_ownership", "benefit_sharing"}, parties=RD_CENTER)),
        Check("ZJ22-BIL-HISTORY", PriorCooperation(RD_CENTER)),
        Check("ZJ22-FRD-QUOTA", QuotaPerKey("foreign_rd_center", 1, outside_quota_only=True)),
        SUBSIDY_CAP,
        DURATION,
    ),
)

# ----------------------------------------------------------------------------- 二、科技对口支援和东西部协作项目

COUNTERPART = Topic(
    CALL_ID, "counterpart-support", "科技对口支援和东西部协作项目", "Counterpart support and east-west cooperation",
    schema="zj-2022/counterpart-support.json",
    tracks=COUNTERPART_TRACKS,
    checks=(
        Check("ZJ22-CSP-LETTER", HasDocument("recommendation_letter", issuer_kinds={"command_hq"})),
        Check("ZJ22-CSP-AGREEMENT", SignedAgreement(covers={"task_division", "ip_ownership", "dispute_resolution"})),
        Check("ZJ22-CSP-ONSITE", OnsiteEveryYear(15)),
        Check("ZJ22-CSP-APPLICANT", ApplicantIs(Orgs(kinds={"enterprise", "university", "research_institute"}, countries={"CN"}, subdivisions=ZJ))),
        Check("ZJ22-CSP-SUBSIDY", SubsidyBounds(maximum=60)),
        Check("ZJ22-CSP-SUBSIDY-FLOOR", SubsidyBounds(minimum=40)),
        Check("ZJ22-CSP-REGION", PerTrack({track: PartnerInRegion(Orgs(), region) for track, region in REGIONS.items()})),
        DURATION,
    ),
)

# ----------------------------------------------------------------------------- sections of the guideline, clauses

#: where each topic's and track's section of the guideline starts and ends (see ``appcheck.clauses``);
#: the counterpart-support regions share one sentence, so its tracks have the topic's section
SECTIONS = {
    "bilateral-industrial": (("（一）专题名称：双边产业联合研发计划项目", "（二）专题名称：政府间科技创新合作项目"),),
    "bilateral-industrial#finland": (("1、芬兰：", "2、奥地利："),),
    "bilateral-industrial#austria": (("2、奥地利：", "3、以色列："),),
    "bilateral-industrial#israel": (("3、以色列：", "4、捷克："),),
    "bilateral-industrial#czechia": (("4、捷克：", "5、挪威："),),
    "bilateral-industrial#norway": (("5、挪威：", "6、比利时西弗兰德省："),),
    "bilateral-industrial#west-flanders": (("6、比利时西弗兰德省：", "7、新加坡："),),
    "bilateral-industrial#singapore": (("7、新加坡：", "绩效目标："),),
    "intergov-innovation": (("（二）专题名称：政府间科技创新合作项目", "（三）专题名称：外资研发机构开放式协同创新项目"),),
    "intergov-innovation#uk-midlands": (("1、英国中部引擎地区：", "2、塞尔维亚："),),
    "intergov-innovation#serbia": (("2、塞尔维亚：", "绩效目标："),),
    "foreign-rd-open-innovation": (("（三）专题名称：外资研发机构开放式协同创新项目", "2、 专项名称：对口支援与协作项目"),),
    "counterpart-support": (("（一）专题名称：科技对口支援和东西部协作项目", None),),
}

#: the clauses written out where the contract's source has no fragment from the topic's own section,
#: or where a track words the requirement its own way
BILATERAL_DUAL = ("由双方企业牵头围绕议定的技术领域，开展产业间联合技术研发及技术转移等合作并向双方科技管理部门分别申报……"
                  "由双方企业牵头分别向各自科技主管部门申报")
#: each track's 外方主管部门, which its dual submission goes to
AGENCY_CLAUSES = {
    "finland": "外方主管部门为芬兰国家商务促进局（Business Finland）",
    "austria": "外方主管部门为奥地利国家科研促进署（FFG）",
    "israel": "外方主管部门为以色列创新署（Innovation Israel）",
    "czechia": "外方主管部门为捷克共和国技术局（TACR）",
    "norway": "外方主管部门为挪威创新署（Innovation Norway）",
    "west-flanders": "外方主管部门为比利时西弗兰德省政府",
    "singapore": "外方主管部门为新加坡企业发展局",
}

CLAUSES = {
    "bilateral-industrial": {"ZJ22-BIL-DUAL": BILATERAL_DUAL},
    "bilateral-industrial#finland": {
        "ZJ22-BIL-DEADLINE": "外方截止时间为10月中旬",
        "ZJ22-BIL-FIELDS": "优先支持生命科学和健康科技、信息和通讯技术、循环经济、碳中和和绿色技术等领域",
    },
    "bilateral-industrial#austria": {
        "ZJ22-BIL-DEADLINE": "外方截止时间为8月9日",
        "ZJ22-BIL-FIELDS": "优先支持与碳中和相关的绿色技术、智慧城市、信息通信、智慧能源系统及智慧交通等领域",
    },
    "bilateral-industrial#israel": {
        "ZJ22-BIL-DEADLINE": "外方截止时间为10月底",
        "ZJ22-BIL-FIELDS": "优先支持新能源、节能环保、智慧社区、机器人技术、机械电子、信息通讯、材料和纳米技术、生物制药、农业机械、医疗器械和水处理领域",
    },
    "bilateral-industrial#czechia": {
        "ZJ22-BIL-DEADLINE": "外方截止时间为7月14日",
        "ZJ22-BIL-FIELDS": "优先支持信息通信、生物医药、装备制造、新能源、新材料等领域",
    },
    "bilateral-industrial#norway": {
        "ZJ22-BIL-DEADLINE": "外方截止时间为次年3月中旬",
        "ZJ22-BIL-FIELDS": "支持绿色技术领域",
    },
    "bilateral-industrial#west-flanders": {
        "ZJ22-BIL-DEADLINE": "外方截止时间为8月31日",
        "ZJ22-BIL-FIELDS": "优先支持与绿色低碳技术、循环经济相关领域",
    },
    "bilateral-industrial#singapore": {
        "ZJ22-BIL-DEADLINE": "外方截止时间为8月底",
        "ZJ22-BIL-FIELDS": "优先支持生命健康、信息技术、绿色低碳、智慧城市、科技金融及新材料等领域",
    },
    "intergov-innovation#uk-midlands": {
        "ZJ22-IGV-PARTNER": "与对方企业、高校院所等开展联合技术研发……范围包括林肯郡（Lincolnshire）……共11个郡",
        "ZJ22-BIL-FIELDS": "优先支持新材料、新能源、先进制造、信息技术等领域",
    },
    "intergov-innovation#serbia": {
        "ZJ22-IGV-PARTNER": "支持我省企业牵头与对方企业、高校院所等开展联合技术研发及技术转移等合作",
        "ZJ22-BIL-FIELDS": "优先支持信息通讯、人工智能、生命健康、智能制造、绿色能源、新材料等领域",
    },
    "foreign-rd-open-innovation": {"ZJ22-BIL-HISTORY": "双方已有较好的合作基础"},
    "counterpart-support": {
        "ZJ22-CSP-REGION": "以我省对口支援、东西部协作有关省市﹝以下简称“帮扶地”，包括新疆阿克苏地区（含新疆建设兵团农一师）、"
                           "西藏那曲市、青海海西州、重庆涪陵区、万州区和四川68县﹞",
    },
}
for _track, _agency in AGENCY_CLAUSES.items():
    CLAUSES[f"bilateral-industrial#{_track}"]["ZJ22-BIL-DUAL"] = f"{BILATERAL_DUAL}……{_agency}"

CALL = Call(
    CALL_ID, "浙江省2022年度“尖兵”“领雁”研发攻关计划 科技合作领域项目指南", "Zhejiang 2022 Pioneer and Leading Goose R&D programme: S&T cooperation",
    topics=(BILATERAL, INTERGOV, FOREIGN_RD, COUNTERPART),
    settings=(
        Setting(
            DEADLINE_YEAR,
            "外方截止时间所在年份（指南只印月日）；默认 2021（2022年度项目于上一年申报）；“次年”为该年份加 1",
            "the year of the foreign deadlines (the guideline prints only month and day); default 2021 (the 2022 call ran the year before); 次年 is that year + 1",
            DEFAULT_YEAR, YEAR,
        ),
    ),
    sections=SECTIONS, clauses=CLAUSES,
)
